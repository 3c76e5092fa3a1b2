"""The whole API: models + operations, folded, marked with their usage and placed in modules."""

from . import ir
from . import operations as ops_mod

COMMON = "common"


class Api:
    def __init__(self):
        self.builder = None
        self.ops = []
        self.modules = []  # module names in operation-names.json order of first appearance
        self.models = []  # final (canonical) models, creation order
        self.placement = {}  # model -> module or COMMON
        self.folded = 0


def _mark(t, module, direction, seen):
    def visit(m):
        key = (id(m), direction, module)
        if key in seen:
            return
        seen.add(key)
        m.modules.add(module)
        if direction == "request":
            m.in_request = True
        else:
            m.in_response = True
        for d in ir.model_deps(m):
            visit(d)

    ir.walk_type(t, visit)


def analyze(spec, names_list, config):
    api = Api()
    b = ir.Builder(spec, config)
    api.builder = b
    b.build_components()
    api.ops = ops_mod.load_operations(spec, names_list, b)
    api.folded = ir.fold(b.models)
    ir.name_short(b.models, config.get("reserved_names", []),
                  set(config.get("renames", {}).values()))
    for e in names_list:
        if e["module"] not in api.modules:
            api.modules.append(e["module"])
    seen = set()
    for o in api.ops:
        for p in o.query + o.headers:
            _mark(p.type, o.module, "request", seen)
        for g in o.param_groups:
            for _, _, ps in g.variants:
                for p in ps:
                    _mark(p.type, o.module, "request", seen)
        if o.body_type is not None:
            _mark(o.body_type, o.module, "request", seen)
        if o.response_type is not None:
            _mark(o.response_type, o.module, "response", seen)
    finals = []
    fs = set()
    for m in b.models:
        f = m.final()
        if id(f) not in fs:
            fs.add(id(f))
            finals.append(f)
    api.models = finals
    for m in finals:
        if len(m.modules) == 1:
            api.placement[m] = next(iter(m.modules))
        else:
            api.placement[m] = COMMON
    # A model no operation reaches (a list wrapper, an error body) goes with the models it
    # uses when they all live in one module; otherwise to common.
    unused = [m for m in finals if not m.modules]
    changed = True
    while changed:
        changed = False
        for m in unused:
            homes = set()
            for d in ir.model_deps(m):
                homes.add(api.placement[d] if d.modules or api.placement[d] != COMMON else None)
            homes.discard(None)
            want = next(iter(homes)) if len(homes) == 1 else COMMON
            if api.placement[m] != want:
                api.placement[m] = want
                changed = True
    # Everything reachable from a common model is common too (module headers include only
    # their own models and the common ones, so there is never a cycle).
    stack = [m for m in finals if api.placement[m] == COMMON]
    while stack:
        m = stack.pop()
        for d in ir.model_deps(m):
            if api.placement[d] != COMMON:
                api.placement[d] = COMMON
                stack.append(d)
    # A model placed in a module must only depend on that module's models or common ones.
    for m in finals:
        for d in ir.model_deps(m):
            if api.placement[d] not in (COMMON, api.placement[m]):
                raise ir.SpecError("placement: %s (%s) needs %s (%s)" % (
                    m.name, api.placement[m], d.name, api.placement[d]))
    # Unused models (no operation reaches them) are decoded/encoded like any other: mark them
    # as responses so optional fields are std::optional.
    for m in finals:
        if not m.in_request and not m.in_response:
            m.in_response = True
    return api


def models_of(api, module):
    """The models of one header in dependency order (dependencies first, then by name)."""
    mine = [m for m in api.models if api.placement[m] == module]
    mine_set = set(id(m) for m in mine)
    out = []
    done = set()

    def visit(m, stack):
        if id(m) in done:
            return
        if id(m) in stack:
            raise ir.SpecError("dependency cycle through %s" % m.name)
        stack.add(id(m))
        for d in sorted(ir.model_deps(m), key=lambda x: x.name):
            if id(d) in mine_set:
                visit(d, stack)
        stack.discard(id(m))
        done.add(id(m))
        out.append(m)

    for m in sorted(mine, key=lambda x: x.name):
        visit(m, set())
    return out
