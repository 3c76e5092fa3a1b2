"""Example JSON values built from the spec's examples (property-level `example`s, enum values,
consts), used by the generated tests and the contract test."""

from . import ir

DEFAULT_TIMESTAMP = "2026-01-15T12:00:00.000Z"


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _scalar_ok(t, v, schema=None):
    if t.kind in ("string",):
        return isinstance(v, str)
    if t.kind == "timestamp":
        return isinstance(v, str)
    if t.kind == "int":
        return _is_int(v)
    if t.kind == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t.kind == "bool":
        return isinstance(v, bool)
    if t.kind == "raw":
        return True
    return False


def _string_default(schema):
    fmt = schema.get("format") if isinstance(schema, dict) else None
    if fmt == "email":
        return "user@example.com"
    if fmt == "uri":
        return "https://example.com/callback"
    if fmt == "uuid":
        return "5b2e8c64-3a3c-4f0e-9d6a-1b2c3d4e5f60"
    return "example"


def _resolved_schema(builder, schema):
    if not isinstance(schema, dict):
        return {}
    s, _ = builder.resolve(schema) if builder is not None and "$ref" in schema else (schema, None)
    if builder is not None:
        s, _ = builder.strip_null(s)
    return s if isinstance(s, dict) else {}


class Examples:
    def __init__(self, builder=None):
        self.builder = builder

    def value(self, t, example=ir.NO_EXAMPLE, const=ir.NO_CONST, schema=None, depth=0):
        """An example JSON value (Python) of type t."""
        if depth > 12:
            raise ir.SpecError("example nesting too deep")
        if const is not ir.NO_CONST and const is not None:
            return const
        s = _resolved_schema(self.builder, schema)
        if t.kind in ("string", "timestamp", "int", "number", "bool", "raw"):
            if example is not ir.NO_EXAMPLE and example is not None and _scalar_ok(t, example):
                return example
            if t.kind == "string":
                if isinstance(s.get("enum"), list) and s["enum"]:
                    return s["enum"][0]
                if isinstance(s.get("default"), str):
                    return s["default"]
                return _string_default(s)
            if t.kind == "timestamp":
                return DEFAULT_TIMESTAMP
            if t.kind == "int":
                d = s.get("default")
                if _is_int(d):
                    return d
                return max(1, s.get("minimum", 1)) if _is_int(s.get("minimum", 1)) else 1
            if t.kind == "number":
                return 1.5
            if t.kind == "bool":
                return True
            return {"key": "value"}
        if t.kind == "listmeta":
            return {"before": None, "after": "cursor_after"}
        if t.kind == "array":
            if isinstance(example, list) and example and all(
                    self._fits(t.inner, x) for x in example):
                return example
            items = s.get("items") if isinstance(s, dict) else None
            return [self.value(t.inner, schema=items, depth=depth + 1)]
        if t.kind == "map":
            if isinstance(example, dict) and example and all(
                    self._fits(t.inner, x) for x in example.values()):
                return example
            return {"key": self.value(t.inner, depth=depth + 1)}
        if t.kind == "model":
            m = t.model.final()
            if isinstance(m, ir.Enum):
                if isinstance(example, str) and example in m.values:
                    return example
                if isinstance(m.example, str) and m.example in m.values:
                    return m.example
                return m.values[0]
            if isinstance(m, ir.ScalarUnion):
                if example is not ir.NO_EXAMPLE and isinstance(example, (str, int, float, bool)):
                    return example
                return {"string": "value", "number": 1.5, "int": 1, "bool": True}[m.kinds[0]]
            if isinstance(m, ir.Union):
                return self.model(m.alts[0].model.final(), depth + 1)
            return self.model(m, depth + 1)
        raise ir.SpecError("no example for type %s" % t.kind)

    def _fits(self, t, v):
        if t.kind in ("string", "timestamp", "int", "number", "bool", "raw"):
            return _scalar_ok(t, v)
        if t.kind == "model" and isinstance(t.model.final(), ir.Enum):
            return isinstance(v, str) and v in t.model.final().values
        return False

    def field(self, f, depth=0):
        return self.value(f.type, f.example, f.const, f.schema, depth)

    def model(self, m, depth=0, variant_choice=0):
        """Example object of a struct: every field (optional ones too), the first variant of
        each mutually exclusive group."""
        if isinstance(m, ir.Union):
            return self.model(m.alts[0].model.final(), depth + 1)
        if isinstance(m, ir.Enum):
            return m.values[0]
        out = {}
        for f in m.fields:
            out[f.wire] = self.field(f, depth)
        for g in m.groups:
            vn, vm = g.variants[min(variant_choice, len(g.variants) - 1)]
            for f in vm.final().fields:
                out[f.wire] = self.field(f, depth)
        return out

    def alternative(self, u, alt, depth=0):
        """Example of one union alternative, its tag fields set to the alternative's consts."""
        ex = self.model(alt.model.final(), depth)
        for path, value in alt.conds:
            if len(path) == 1:
                ex[path[0]] = value
            else:
                inner = ex.get(path[0])
                if isinstance(inner, dict):
                    inner[path[1]] = value
        return ex

    def param(self, p):
        """Example value of an operation parameter."""
        return self.value(p.type, p.example, p.const, p.schema)
