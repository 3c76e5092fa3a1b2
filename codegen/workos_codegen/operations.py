"""Operations: joins the spec's paths with operation-names.json into service IR."""

import re

from . import ir
from . import names as N

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class Param:
    def __init__(self, wire, location, type_, required, description, schema, nullable=False):
        self.wire = wire
        self.location = location  # path | query | header
        self.type = type_
        self.required = required
        self.description = description
        self.schema = schema
        self.nullable = nullable
        self.name = None
        self.cpp_name = None  # a configured C++ name (one name per concept across modules)
        self.const = schema.get("const", ir.NO_CONST) if isinstance(schema, dict) else ir.NO_CONST
        self.example = ir.NO_EXAMPLE
        if isinstance(schema, dict) and "example" in schema:
            self.example = schema["example"]

    def has_const(self):
        return self.const is not ir.NO_CONST


class ParamGroup:
    """`x-mutually-exclusive-parameter-groups`: query parameters of which one variant is sent."""

    def __init__(self, wire_name, optional, variants):
        self.wire_name = wire_name
        self.name = N.field_identifier(wire_name)
        self.optional = optional
        self.variants = variants  # list of (variant name, struct name, [Param])


class Operation:
    def __init__(self):
        self.op_id = None
        self.module = None
        self.name = None
        self.method = None
        self.path = None
        self.summary = None
        self.description = None
        self.path_params = []
        self.query = []
        self.headers = []
        self.param_groups = []
        self.body_kind = None  # None | 'struct' | 'union' | 'other'
        self.body_type = None
        self.body_required = False
        self.response_kind = "void"  # void | value | page | vector
        self.response_type = None  # TypeRef of the value / item
        self.response_model_name = None
        self.response_status = None
        self.security = "api_key"  # api_key | api_key_if_any | none | access_token
        self.server_override = None
        self.url_builder = False
        self.also = []
        self.prefix = None  # PascalCase prefix of synthesized names
        self.params_name = None
        self.deprecated = False
        self.response_optional = False  # some 2xx answers carry no body

    @property
    def pascal(self):
        return N.pascal(self.name)

    def has_params(self):
        return bool(self.query or self.headers or self.param_groups or self.body_kind)

    def params_required(self):
        if any(p.required and not p.has_const() for p in self.query + self.headers):
            return True
        if any(not g.optional for g in self.param_groups):
            return True
        if self.body_kind == "struct":
            m = self.body_type.model.final()
            if any(f.required and not f.has_const() for f in m.fields):
                return True
            if any(not g.optional for g in m.groups):
                return True
        if self.body_kind in ("union", "other") and self.body_required:
            return True
        return False


def load_operations(spec, names_list, builder):
    """Builds the Operation list in operation-names.json order."""
    by_key = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            by_key[op["operationId"]] = (path, method, op, item)
    name_modules = {}
    for e in names_list:
        name_modules.setdefault(e["name"], set()).add(e["module"])
    ops = []
    seen = set()
    for e in names_list:
        if e["operationId"] not in by_key:
            raise ir.SpecError("operation %s of operation-names.json is not in the spec" %
                               e["operationId"])
        path, method, raw, item = by_key[e["operationId"]]
        if method.upper() != e["method"].upper() or path != e["path"]:
            raise ir.SpecError("operation %s: names file says %s %s, spec says %s %s" % (
                e["operationId"], e["method"], e["path"], method.upper(), path))
        seen.add(e["operationId"])
        o = Operation()
        o.op_id = e["operationId"]
        o.module = e["module"]
        o.name = e["name"]
        o.method = method.upper()
        o.path = path
        o.summary = raw.get("summary")
        o.description = raw.get("description")
        o.url_builder = bool(e.get("url_builder"))
        o.also = list(e.get("also", []))
        o.deprecated = bool(raw.get("deprecated"))
        o.prefix = N.pascal(o.name)
        if len(name_modules[o.name]) > 1:
            o.prefix = N.pascal(o.module) + o.prefix
        o.params_name = N.pascal(o.name) + "Params"
        _params(o, raw, item, builder)
        _body(o, raw, builder)
        _drop_query_copies_of_body(o, builder)
        _response(o, raw, builder)
        sec = raw.get("security")
        if sec is not None:
            if sec == [] or sec == [{}]:
                o.security = "none"
            elif any("access_token" in s for s in sec):
                o.security = "access_token"
        if o.op_id in builder.config.get("api_key_optional", {}):
            o.security = "api_key_if_any"
            builder.note("%s: the API key is sent when the client has one (%s)" % (
                o.op_id, builder.config["api_key_optional"][o.op_id]))
        servers = raw.get("servers")
        if servers:
            o.server_override = servers[0]["url"].rstrip("/")
        ops.append(o)
    missing = [k for k in by_key if k not in seen]
    if missing:
        raise ir.SpecError("operations missing from operation-names.json: %s" % missing)
    return ops


def _params(o, raw, item, builder):
    params = list(item.get("parameters", [])) + list(raw.get("parameters", []))
    grouped = {}
    groups = raw.get("x-mutually-exclusive-parameter-groups") or {}
    for gname, g in groups.items():
        for fl in g["variants"].values():
            for f in fl:
                grouped[f] = gname
    by_wire = {}
    for p in params:
        if "$ref" in p:
            raise ir.SpecError("parameter $ref is not supported (%s)" % o.op_id)
        schema = p.get("schema", {"type": "string"})
        hint = o.prefix + N.pascal(p["name"])
        t, nullable = builder.type_of(schema, hint)
        ir.tag_enum_field(t, p["name"], schema.get("type") == "array")
        prm = Param(p["name"], p["in"], t, bool(p.get("required")), p.get("description"),
                    schema, nullable)
        if "example" in p:
            prm.example = p["example"]
        prm.explode = p.get("explode", p.get("style", "form") == "form")
        prm.deprecated = bool(p.get("deprecated") or schema.get("deprecated"))
        prm.cpp_name = builder.config.get("param_names", {}).get(o.op_id, {}).get(p["name"])
        by_wire[p["name"]] = prm
        if p["in"] == "path":
            prm.name = N.snake(p["name"])
            if prm.name in ("options", "params"):
                prm.name += "_"
            o.path_params.append(prm)
        elif p["in"] == "query":
            if p["name"] not in grouped:
                o.query.append(prm)
        elif p["in"] == "header":
            o.headers.append(prm)
        else:
            raise ir.SpecError("parameter location %s (%s)" % (p["in"], o.op_id))
    # Path parameters in the order they appear in the path.
    order = re.findall(r"\{([^}]+)\}", o.path)
    o.path_params.sort(key=lambda p: order.index(p.wire) if p.wire in order else 99)
    if [p.wire for p in o.path_params] != order:
        raise ir.SpecError("%s: path parameters %s do not match the path" % (o.op_id, order))
    for gname, g in groups.items():
        variants = []
        optional_fields = g.get("optionalFields") or {}
        for vname, fl in g["variants"].items():
            ps = []
            for f in fl:
                prm = by_wire[f]
                prm.required = f not in optional_fields.get(vname, [])
                ps.append(prm)
            variants.append((vname, o.prefix + N.pascal(gname) + N.pascal(vname), ps))
        o.param_groups.append(ParamGroup(gname, bool(g.get("optional")), variants))
    builder.note_params = True


def _drop_query_copies_of_body(o, builder):
    """A query parameter that repeats a field of the JSON body (the spec lists the SSO code
    exchange's `client_id`, `client_secret`, `code` and `grant_type` in both places) is not
    offered: the value travels in the body only, so a secret never lands in the URL."""
    if o.body_kind != "struct":
        return
    fields = {f.wire for f in o.body_type.model.final().fields}
    dropped = [p.wire for p in o.query if p.wire in fields]
    if dropped:
        o.query = [p for p in o.query if p.wire not in fields]
        builder.note("%s: query parameters %s repeat body fields; sent in the body only" % (
            o.op_id, ", ".join(dropped)))


def _body(o, raw, builder):
    rb = raw.get("requestBody")
    if not rb:
        return
    content = rb.get("content", {})
    if "application/json" not in content:
        raise ir.SpecError("%s: request body is not JSON" % o.op_id)
    schema = content["application/json"]["schema"]
    o.body_required = bool(rb.get("required"))
    groups = None
    if "$ref" not in schema:
        groups = raw.get("x-mutually-exclusive-body-groups")
    t, nullable = builder.type_of(schema, o.prefix + "Request", groups=groups)
    o.body_type = t
    if t.kind == "model" and t.model.final().kind == "struct":
        o.body_kind = "struct"
    elif t.kind == "model" and t.model.final().kind == "union":
        o.body_kind = "union"
    else:
        o.body_kind = "other"


def _is_list(builder, schema):
    s, _ = builder.resolve(schema)
    if "allOf" in s:
        s = builder.merge_objects(s["allOf"])
    props = s.get("properties") or {}
    # A list: `data` plus `list_metadata` (paginated), or `data` in an object that says it is a
    # list (`object: "list"`, one page: the same `Page<T>` without a next page).
    says_list = (props.get("object") or {}).get("const") == "list" or \
        (props.get("object") or {}).get("enum") == ["list"]
    if "data" in props and ("list_metadata" in props or says_list):
        d, _ = builder.resolve(props["data"])
        if d.get("type") == "array":
            return d
    return None


def _response(o, raw, builder):
    ok = [(str(k), v) for k, v in raw.get("responses", {}).items() if str(k).startswith("2")]
    if not ok:
        if o.url_builder:
            return
        raise ir.SpecError("%s has no 2xx response" % o.op_id)
    status, resp = ok[0]
    o.response_status = int(status)
    content = resp.get("content") or {}
    if not content:
        o.response_kind = "void"
        return
    if "application/json" not in content:
        raise ir.SpecError("%s: response is not JSON" % o.op_id)
    media = content["application/json"]
    schema = media["schema"]
    o.response_example = media.get("example", ir.NO_EXAMPLE)
    data = _is_list(builder, schema)
    if data is not None:
        o.response_kind = "page"
        item_t, _ = builder.type_of(data.get("items", {}), o.prefix + "Item")
        o.response_type = item_t
        _, comp = builder.resolve(schema)
        if comp:
            o.response_model_name = builder.renames.get(comp, comp)
        return
    s, comp = builder.resolve(schema)
    t, _ = builder.type_of(schema, o.prefix + "Response")
    if t.kind == "array":
        o.response_kind = "vector"
        o.response_type = t.inner
        return
    o.response_kind = "value"
    o.response_type = t
    if o.op_id in builder.config.get("optional_body_responses", {}):
        o.response_optional = True
        builder.note("%s: answers with or without a body (%s): Result<std::optional<T>>" % (
            o.op_id, builder.config["optional_body_responses"][o.op_id]))
