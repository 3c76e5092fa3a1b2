"""Emits the API commands of the `workos` command-line tool: one table row and one runner per
operation (cli/generated/<module>.cc), and the invocations its Prism test runs
(cli/tests/operations.py: every operation with arguments from the spec's examples)."""

import json
import pprint
import re

from . import emit_client
from . import emit_services as S
from . import ir
from .cpp import BANNER
from .emit_tests import ACCESS_TOKEN, OpCase
from . import names as N

# Columns of a list on a terminal, in this order of preference when the item has them.
PREFERRED_COLUMNS = ["id", "name", "email", "slug", "key", "type", "state", "status", "domain",
                     "organization_id", "user_id", "event", "created_at"]
MAX_COLUMNS = 5

# Flags every API command already takes (cli/cli.cc api_flags, and the output switches of
# cli/main.cc). An operation's parameter of the same name gets a prefixed flag
# (`--body-api-key`, `--param-config`), except the client id: the same concept, so the
# operation's flag takes the shared one's place and keeps its environment variable.
SHARED_FLAGS = {"api-key", "client-id", "base-url", "profile", "config", "max-retries",
                "timeout", "data", "all", "access-token", "help", "json", "table"}
SAME_CONCEPT = {"client-id": "WORKOS_CLIENT_ID"}


def group_name(module):
    return module.replace("_", "-")


def command_name(o):
    return o.name.replace("_", "-")


def flag_name(wire):
    return wire.replace("_", "-")


def cli_flag(wire, prefix="param-"):
    """The flag of a parameter or body member: its wire name, prefixed when a shared flag has
    that name."""
    name = flag_name(wire)
    return prefix + name if name in SHARED_FLAGS and name not in SAME_CONCEPT else name


def plain(text):
    """Spec Markdown on one line for a terminal: a link `[User](/reference/...)` reads `User`."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(text))
    return " ".join(text.split())


def first_sentence(text, limit=160):
    """The first sentence of a spec description, on one line, for a flag's help."""
    if not text:
        return ""
    text = plain(text)
    m = re.match(r"(.+?(?<!e\.g)(?<!i\.e)(?<!etc)[.!?])(\s|$)", text)
    s = m.group(1) if m else text
    if len(s) > limit:
        s = s[:limit - 3].rstrip() + "..."
    return s


def _is_enum(t):
    return t.kind == "model" and isinstance(t.model.final(), ir.Enum)


def _enum_values(t):
    if _is_enum(t):
        return [v for v in t.model.final().values if isinstance(v, str)]
    if t.kind == "array" and _is_enum(t.inner):
        return _enum_values(t.inner)
    return []


def _scalar(t):
    return t.kind in ("string", "int", "number", "bool", "timestamp") or _is_enum(t)


_KINDS = {"int": "kInteger", "number": "kNumber", "bool": "kBoolean", "array": "kList",
          "map": "kMap"}


def query_kind(t):
    """A query parameter's kind (cli.h Kind): how its help shows it; Args::set converts it."""
    return _KINDS.get(t.kind, "kText")


def body_kind(t):
    """A body member's kind: scalars and lists of strings from plain text, the rest as JSON."""
    if t.kind in ("int", "number", "bool"):
        return _KINDS[t.kind]
    if t.kind in ("string", "timestamp") or _is_enum(t):
        return "kText"
    if t.kind == "array" and (t.inner.kind == "string" or _is_enum(t.inner)):
        return "kList"
    return "kJson"


def _help(description, t, name):
    h = first_sentence(description)
    values = _enum_values(t)
    if values:
        h = (h + " " if h else "") + "One of: %s." % ", ".join(values)
    if t.kind == "array" and body_kind(t) == "kList":
        h = (h + " " if h else "") + "Comma-separated."
    if t.kind == "map":
        h = (h + " " if h else "") + "As --%s.<key> value." % name
    return h


def _flag(name, help_text, required, kind, body=None, env=None):
    parts = [N.cpp_string(name), N.cpp_string(help_text), "true" if required else "false",
             N.cpp_string(env) if env else "nullptr", "Kind::" + kind]
    if body is not None:
        parts.append(N.cpp_string(body))
    return "{%s}" % ", ".join(parts)


def _columns(o):
    if o.response_kind not in ("page", "vector") or o.response_type is None:
        return None
    t = o.response_type
    if t.kind != "model" or not isinstance(t.model.final(), ir.Struct):
        return None
    fields = [f for f in t.model.final().fields if _scalar(f.type)]
    wires = [f.wire for f in fields]
    chosen = [w for w in PREFERRED_COLUMNS if w in wires][:MAX_COLUMNS]
    for w in wires:
        if len(chosen) >= min(3, len(wires)):
            break
        if w not in chosen and w != "object":
            chosen.append(w)
    return ",".join(chosen) if chosen else None


class CliOp:
    """One operation as a command: its flags (C++ initialisers) and its runner (C++ lines)."""

    def __init__(self, api, o):
        self.o = o
        self.flags = []  # C++ Flag initialisers
        self.names = set()
        self.traits = ["kApiCall"]
        body = []  # runner lines
        fields, groups = S.param_fields(o)
        if o.has_params():
            body.append("workos::%s::%s params;" % (o.module, o.params_name))
        for pf in fields:
            p = pf.p
            if p.required and p.has_const():
                continue  # a fixed value the SDK sends itself
            name = self._take(flag_name(p.wire))
            self.flags.append(_flag(name, _help(p.description, p.type, name), p.required,
                                    query_kind(p.type), env=SAME_CONCEPT.get(name)))
            body.append("a.set(%s, params.%s);" % (N.cpp_string(name), pf.name))
        for g in o.param_groups:
            first = True
            for _, sname, ps in g.variants:
                vfields = S.group_variant_fields(ps)
                names = [self._take(flag_name(pf.p.wire)) for pf in vfields]
                for pf, name in zip(vfields, names):
                    self.flags.append(_flag(name, _help(pf.p.description, pf.p.type, name) +
                                            " (one of a group: --%s)" % ", --".join(names),
                                            False, query_kind(pf.p.type)))
                body.append("%sif (a.any({%s})) {" % ("" if first else "} else ",
                                                       ", ".join(N.cpp_string(n) for n in names)))
                body.append("  workos::%s::%s variant;" % (o.module, sname))
                for pf, name in zip(vfields, names):
                    body.append("  a.set(%s, variant.%s);" % (N.cpp_string(name), pf.name))
                body.append("  params.%s = variant;" % groups[g.wire_name])
                first = False
            if not g.optional:
                body.append("} else {")
                body.append("  usage_error(%s);" % N.cpp_string(
                    "one of the %s parameters is required" % g.wire_name))
            body.append("}")
        bs = S.body_struct(o)
        if bs is not None:
            self.traits.append("kBody")
            for f in bs.fields:
                if f.required and f.has_const():
                    continue
                self._body_flag(f, f.required)
            for g in bs.groups:
                for _, frag in g.variants:
                    for f in frag.fields:
                        if cli_flag(f.wire, "body-") not in self.names:
                            self._body_flag(f, False)
            body.append("a.body(static_cast<workos::%s&>(params));" % bs.name)
        elif o.body_kind in ("union", "other"):
            self.traits.append("kBody")
            if o.body_required:
                body.append("a.body(params.body);")
            else:
                body.append('if (a.has("data")) a.body(params.body);')
        args = ["a.positional(%d)" % i for i in range(len(o.path_params))]
        if o.security == "access_token":
            self.traits.append("kAccessToken")
            args.append('a.need("access-token")')
        if o.has_params():
            args.append("params")
        if o.response_kind == "page" and not o.url_builder:
            self.traits.append("kPaged")
        call = "a.client().%s().%s(%s)" % (o.module, o.name, ", ".join(args))
        if o.url_builder:
            body.append("auto url = %s;" % call)
            body.append("if (!url) return fail(url.error());")
            body.append("return print_url(*url);")
        else:
            body.append("return finish(a, %s);" % call)
        self.body = body

    def _take(self, name, prefix="param-"):
        name = cli_flag(name.replace("-", "_"), prefix)
        if name in self.names:
            raise ValueError("%s: two parameters make the flag --%s" % (self.o.op_id, name))
        self.names.add(name)
        return name

    def _body_flag(self, f, required):
        name = self._take(flag_name(f.wire), "body-")
        self.flags.append(_flag(name, _help(f.description, f.type, name), required,
                                body_kind(f.type), body=f.wire, env=SAME_CONCEPT.get(name)))

    def runner_name(self):
        return "run_%s" % self.o.name

    def runner(self):
        return "int %s(const Args& a) {\n%s\n}\n" % (
            self.runner_name(), "\n".join("  " + line for line in self.body))

    def row(self):
        o = self.o
        summary = first_sentence(o.summary or o.description or o.name, 100)
        description = plain(o.description) if o.description else None
        columns = _columns(o)
        fields = [
            N.cpp_string(group_name(o.module)),
            N.cpp_string(command_name(o)),
            N.cpp_string(summary),
            "{%s}" % ", ".join(self.flags),
            self.runner_name(),
            "{%s}" % ", ".join(N.cpp_string(p.wire) for p in o.path_params),
            N.cpp_string("%s %s" % (o.method.upper(), o.path)),
            N.cpp_string(description) if description else "nullptr",
            N.cpp_string(columns) if columns else "nullptr",
            " | ".join(self.traits),
        ]
        return "{%s}" % ", ".join(fields)


def emit_module(api, extensions, module):
    ops = [CliOp(api, o) for o in api.ops if o.module == module]
    headers, _ = emit_client.client_accessor_parts(api, extensions, module)
    headers = sorted(set(headers + ["workos/%s/service.h" % module]))
    out = [BANNER + "\n",
           "// The `workos %s` commands: one runner per operation (cli/cli.h).\n\n" %
           group_name(module)]
    out.append("".join("#include <%s>\n" % h for h in headers))
    out.append("\n#include <vector>\n\n#include \"cli.h\"\n\nnamespace workos_cli {\n\n")
    out.append("namespace {\n\n")
    for c in ops:
        out.append(c.runner() + "\n")
    out.append("}  // namespace\n\n")
    out.append("void add_%s_commands(std::vector<Command>& table) {\n" % module)
    out.append("  const Command rows[] = {\n")
    out.append(",\n".join("      " + c.row() for c in ops))
    out.append("};\n  table.insert(table.end(), std::begin(rows), std::end(rows));\n}\n\n")
    out.append("}  // namespace workos_cli\n")
    return "".join(out)


def emit_commands(api):
    modules = [m for m in api.modules if any(o.module == m for o in api.ops)]
    out = [BANNER + "\n", "// Every generated API command of the `workos` tool, by module.\n\n",
           "#include <iterator>\n#include <vector>\n\n#include \"cli.h\"\n\n",
           "namespace workos_cli {\n\n"]
    out.append("".join("void add_%s_commands(std::vector<Command>& table);\n" % m
                       for m in modules))
    out.append("\nvoid add_api_commands(std::vector<Command>& table) {\n")
    out.append("".join("  add_%s_commands(table);\n" % m for m in modules))
    out.append("}\n\n}  // namespace workos_cli\n")
    return "".join(out), modules


def _text(t, v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return ",".join(_text(t, x) for x in v)
    return str(v)


def _invocation(api, o, ex, config):
    """The argv (after `workos`) calling `o` with the contract test's example values."""
    c = OpCase(api, o, ex, hostile=False)
    argv = [group_name(o.module), command_name(o)] + [str(v) for v in c.path_values]
    fields, _ = S.param_fields(o)
    for pf in fields:
        p = pf.p
        if p.wire not in c.values or (p.required and p.has_const()):
            continue
        v = c.values[p.wire]
        if v is None:
            continue
        if isinstance(v, dict):
            for k, x in v.items():
                argv += ["--%s.%s" % (cli_flag(p.wire), k), _text(p.type, x)]
        else:
            argv += ["--" + cli_flag(p.wire), _text(p.type, v)]
    for g in o.param_groups:
        _, _, ps = g.variants[0]
        for p in ps:
            argv += ["--" + cli_flag(p.wire), _text(p.type, ex.param(p))]
    if c.body is not None:
        argv += ["--data", json.dumps(c.body, sort_keys=True, separators=(",", ":"))]
    if o.security == "access_token":
        argv += ["--access-token", ACCESS_TOKEN]
    known = config.get("contract_known_failures", {})
    return {"op": o.op_id, "argv": argv, "known_failure": known.get(o.op_id),
            "paged": o.response_kind == "page" and not o.url_builder,
            "url": bool(o.url_builder)}


def emit_invocations(api, config, ex):
    cases = [_invocation(api, o, ex, config) for o in api.ops]
    return ("# " + BANNER[3:] + "\n"
            "# Every operation of the spec as a `workos` command line, with the contract test's\n"
            "# example values (read by cli/tests/cli_prism_test.py).\n"
            "OPERATIONS = " + pprint.pformat(cases, width=100, sort_dicts=True) + "\n")


def emit_all(api, config, extensions, ex):
    files = {}
    commands, modules = emit_commands(api)
    files["cli/generated/commands.cc"] = commands
    for m in modules:
        files["cli/generated/%s.cc" % m] = emit_module(api, extensions, m)
    files["cli/tests/operations.py"] = emit_invocations(api, config, ex)
    return files
