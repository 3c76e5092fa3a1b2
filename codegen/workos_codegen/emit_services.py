"""Emits one service per module: include/workos/<module>/service.h (params, the mockable
`<Module>Connection` seam, the `<Module>Service` value type) and src/<module>/service.cc (the
default HTTP connection and the service bodies, pagination included)."""

import re

from . import cpp
from . import ir
from . import names as N
from .cpp import BANNER


def module_pascal(module):
    return N.pascal(module)


def connection_class(module):
    return module_pascal(module) + "Connection"


def service_class(module):
    return module_pascal(module) + "Service"


# ---------------------------------------------------------------------------------------------
# Params


class ParamField:
    """A query / header parameter as a params-struct member."""

    def __init__(self, p, name):
        self.p = p
        self.name = name

    @property
    def optional(self):
        return not self.p.required

    def cpp_type(self):
        base = cpp.type_cpp(self.p.type)
        return base if self.p.required else "std::optional<%s>" % base

    def init(self):
        if self.p.required:
            if self.p.has_const():
                lit = cpp.const_literal(self.p.type, self.p.const)
                if lit:
                    return " = " + lit
            if self.p.type.kind == "int":
                return " = 0"
            if self.p.type.kind == "bool":
                return " = false"
            if self.p.type.kind == "number":
                return " = 0.0"
        return ""


def body_struct(o):
    if o.body_kind == "struct":
        return o.body_type.model.final()
    return None


def param_fields(o):
    """(ParamFields for query + header params, {group wire name: member name})."""
    taken = set()
    bs = body_struct(o)
    if bs is not None:
        taken.update(f.name for f in bs.fields)
        taken.update(g.name for g in bs.groups)
    if o.body_kind in ("union", "other"):
        taken.add("body")
    out = []
    for p in o.query + o.headers:
        n = p.cpp_name or N.field_identifier(p.wire)
        while n in taken:
            n += "_param"
        taken.add(n)
        out.append(ParamField(p, n))
    groups = {}
    for g in o.param_groups:
        n = g.name
        while n in taken:
            n += "_group"
        taken.add(n)
        groups[g.wire_name] = n
    return out, groups


def group_variant_fields(ps):
    out = []
    for p in ps:
        out.append(ParamField(p, N.field_identifier(p.wire)))
    return out


def return_type(o):
    if o.url_builder:
        return "Result<std::string>"
    if o.response_kind == "void":
        return "Result<void>"
    t = cpp.type_cpp(o.response_type)
    if o.response_kind == "page":
        return "Result<Page<%s>>" % t
    if o.response_kind == "vector":
        return "Result<std::vector<%s>>" % t
    if o.response_optional:
        return "Result<std::optional<%s>>" % t
    return "Result<%s>" % t


def args(o, defaults, names=True, qualify=False):
    a = []
    for p in o.path_params:
        a.append("std::string_view" + (" " + p.name if names else ""))
    if o.security == "access_token":
        a.append("std::string_view" + (" access_token" if names else ""))
    if o.has_params():
        pn = ("workos::%s::%s" % (o.module, o.params_name)) if qualify else o.params_name
        s = "const %s&" % pn + (" params" if names else "")
        if defaults and not o.params_required():
            s += " = {}"
        a.append(s)
    a.append("const RequestOptions&" + (" options" if names else "") + (" = {}" if defaults
                                                                        else ""))
    return a


def call_args(o):
    a = [p.name for p in o.path_params]
    if o.security == "access_token":
        a.append("access_token")
    if o.has_params():
        a.append("params")
    a.append("options")
    return a


def op_doc(o, indent=""):
    lines = []
    if o.summary:
        lines += N.doc_lines(o.summary)
    if o.description and o.description.strip() != (o.summary or "").strip():
        if lines:
            lines.append("")
        lines += N.doc_lines(o.description)
    lines.append("")
    if o.url_builder:
        lines.append("Builds the URL of `%s %s` (no request is made; the browser is sent there)."
                     % (o.method, o.path))
    else:
        lines.append("`%s %s` (operation `%s`)." % (o.method, o.path, o.op_id))
    if o.response_kind == "page" and not o.url_builder:
        if any(p.wire == "after" for p in o.query):
            lines.append("Returns one page; `auto_paging()` on it fetches the following pages.")
        else:
            lines.append("Returns the whole list as one page (the API does not paginate it).")
    if o.security == "none":
        lines.append("Sends no API key.")
    elif o.security == "access_token":
        lines.append("Authenticates with `access_token` instead of the API key.")
    if o.server_override:
        lines.append("Served by `%s` (unless the client has a custom base URL)." %
                     o.server_override)
    if o.deprecated:
        lines.append("@deprecated Deprecated by the API.")
    return cpp.doc(lines, indent)


def sole_required_string(o, fields, bs):
    """The member name when a request has exactly one value the caller must give and it is a
    string (`CreateOrganizationParams::name`); such parameters get a constructor from it."""
    req = []
    if bs is not None:
        req += [(f.name, cpp.field_type_cpp(f, bs)) for f in bs.fields
                if f.required and not f.has_const() and not cpp.default_init(f, bs)]
        req += [(g.name, None) for g in bs.groups if not g.optional]
    req += [(pf.name, pf.cpp_type()) for pf in fields
            if pf.p.required and not pf.init() and pf.p.wire != "client_id"]
    req += [(g.name, None) for g in o.param_groups if not g.optional]
    if o.body_kind in ("union", "other") and o.body_required:
        req.append(("body", None))
    if len(req) == 1 and req[0][1] == "std::string":
        return req[0][0]
    return None


def emit_param_struct(o):
    out = []
    fields, groups = param_fields(o)
    bs = body_struct(o)
    for g in o.param_groups:
        for vn, sname, ps in g.variants:
            out.append("/// Variant `%s` of the `%s` parameters of `%s`.\n" % (vn, g.wire_name,
                                                                             o.name))
            out.append("struct %s {\n" % sname)
            for pf in group_variant_fields(ps):
                out.append(cpp.doc((N.doc_lines(pf.p.description) or ["`%s`." % pf.p.wire]),
                                   "  "))
                out.append("  %s %s%s;\n" % (pf.cpp_type(), pf.name, pf.init()))
            out.append("};\n\n")
    out.append("/// Parameters of `%s::%s`" % (service_class(o.module), o.name))
    if bs is not None and (fields or o.param_groups):
        out.append(": the request body fields (from `workos::%s`) plus the query parameters.\n"
                   % bs.name)
    elif bs is not None:
        out.append(": the request body fields (from `workos::%s`).\n" % bs.name)
    else:
        out.append(".\n")
    base = " : workos::%s" % bs.name if bs is not None else ""
    out.append("struct %s%s {\n" % (o.params_name, base))
    only = sole_required_string(o, fields, bs)
    if only is not None:
        out.append("  /// Empty parameters: set the fields one by one.\n  %s() = default;\n"
                   % o.params_name)
        out.append("  /// The parameters with their one required field, `%s`, set (so a call reads "
                   "`%s({\"...\"})`).\n" % (only, o.name))
        out.append("  // NOLINTNEXTLINE(google-explicit-constructor): `{\"...\"}` builds it.\n"
                   "  %s(std::string %s_value) { this->%s = std::move(%s_value); }\n"
                   % (o.params_name, only, only, only))
    for pf in fields:
        d = N.doc_lines(pf.p.description) or ["`%s`." % pf.p.wire]
        if pf.p.location == "header":
            d = d + ["Sent as the `%s` header (wins over `RequestOptions::idempotency_key` only "
                     "when that is empty)." % pf.p.wire]
        elif pf.name != pf.p.wire:
            d = d + ["Query parameter `%s`." % pf.p.wire]
        if pf.p.wire == "client_id" and o.url_builder:
            d = d + ["Empty: the client's client id."]
        out.append(cpp.doc(d, "  "))
        out.append("  %s %s%s;\n" % (pf.cpp_type(), pf.name, pf.init()))
    for g in o.param_groups:
        alts = ", ".join(sname for _, sname, _ in g.variants)
        out.append("  /// Mutually exclusive parameters `%s`: one variant%s.\n" % (
            g.wire_name, " or none" if g.optional else ""))
        if g.optional:
            out.append("  std::optional<std::variant<%s>> %s;\n" % (alts, groups[g.wire_name]))
        else:
            out.append("  std::variant<%s> %s;\n" % (alts, groups[g.wire_name]))
    if o.body_kind in ("union", "other"):
        out.append("  /// The request body.\n")
        t = cpp.type_cpp(o.body_type)
        if o.body_required:
            out.append("  %s body;\n" % t)
        else:
            out.append("  std::optional<%s> body;\n" % t)
    out.append("};\n\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Header


def also_methods(o, config):
    out = []
    for name in o.also:
        spec = config.get("also", {}).get(name)
        if spec and spec.get("operation") == o.name:
            out.append((name, spec))
    return out


def emit_header(api, module, config):
    ops = [o for o in api.ops if o.module == module]
    mp = module_pascal(module)
    conn = connection_class(module)
    svc = service_class(module)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// The `%s` service of the WorkOS API: parameters, the mockable "
               "`%s` seam and\n/// `%s` (generated from the OpenAPI spec).\n\n" % (module, conn,
                                                                                    svc))
    out.append("#include <workos/%s/models.h>\n#include <workos/options.h>\n#include "
               "<workos/page.h>\n#include <workos/result.h>\n\n" % module)
    out.append("#include <cstdint>\n#include <map>\n#include <memory>\n#include <optional>\n"
               "#include <string>\n#include <string_view>\n#include <utility>\n#include <variant>\n"
               "#include <vector>\n\n")
    out.append("namespace workos {\n\n/// The `%s` service: models in namespace `workos`, calls "
               "here.\nnamespace %s {\n\n" % (module, module))
    for o in ops:
        if o.has_params():
            out.append(emit_param_struct(o))
    # Seam
    out.append("/// The seam under `%s`: one virtual function per operation, one HTTP call each "
               "(no\n/// pagination: `%s` adds it above). Derive from it to fake or mock the "
               "service\n/// (`workos::mocks::Mock%s` in the `workos::mocks` target); "
               "functions not\n/// overridden return a `kConfiguration` error \"not "
               "implemented\". Implementations must be\n/// thread-safe.\n" % (svc, svc, conn))
    out.append("class %s {\n public:\n  virtual ~%s();\n\n" % (conn, conn))
    for o in ops:
        out.append(op_doc(o, "  "))
        out.append("  virtual %s %s(%s);\n" % (return_type(o), o.name, ", ".join(args(o, False))))
    out.append("};\n\n")
    # Service
    out.append("/// The `%s` service: one method per WorkOS operation, named as in the official "
               "SDKs.\n/// A cheap value type (it shares its connection); thread-safe.\n///\n"
               "/// @code\n/// workos::Client client;\n/// auto r = client.%s().%s(...);\n"
               "/// if (!r) std::cerr << r.error().message() << \"\\n\";\n/// @endcode\n" % (
                   module, module, ops[0].name))
    out.append("class %s {\n public:\n" % svc)
    out.append("  /// Calls go through `connection`: a fake or mock in tests (`workos::Client` builds "
               "its\n  /// services over HTTP connections).\n"
               "  explicit %s(std::shared_ptr<%s> connection);\n\n" % (svc, conn))
    for o in ops:
        out.append(op_doc(o, "  "))
        out.append("  %s %s(%s) const;\n" % (return_type(o), o.name, ", ".join(args(o, True))))
        for name, spec in also_methods(o, config):
            alt = spec["alternative"]
            out.append("  /// `%s` with a `workos::%s` body (shorthand of `%s`).\n" % (
                o.name, alt, o.name))
            a = args(o, True)
            # Replace the params argument by the alternative.
            a = [x for x in a if not x.startswith("const %s&" % o.params_name)]
            a.insert(len(o.path_params), "const workos::%s& body" % alt)
            out.append("  %s %s(%s) const;\n" % (return_type(o), name, ", ".join(a)))
    out.append("\n  /// The connection calls go through.\n  const std::shared_ptr<%s>& connection() "
               "const noexcept { return connection_; }\n\n" % conn)
    out.append(" private:\n  std::shared_ptr<%s> connection_;\n};\n\n" % conn)
    out.append("}  // namespace %s\n}  // namespace workos\n" % module)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Source


def _query_add(lines, indent, wire, t, expr, optional, explode):
    w = N.cpp_string(wire)
    deref = ("(*%s)" % expr) if optional else expr
    if t.kind in ("string", "int", "number", "bool"):
        lines.append("%sq.add(%s, %s);" % (indent, w, expr))
        return
    pre = "%sif (%s) " % (indent, expr) if optional else indent
    if t.kind == "timestamp":
        lines.append("%sq.add(%s, %s.text());" % (pre, w, deref))
        return
    if t.kind == "model" and isinstance(t.model.final(), ir.Enum):
        lines.append("%sq.add(%s, %s.wire());" % (pre, w, deref))
        return
    if t.kind == "array":
        inner = t.inner
        if inner.kind == "string" and not explode:
            lines.append("%sq.add(%s, %s);" % (indent, w, expr))
            return
        conv = {"string": "x", "timestamp": "std::string(x.text())"}
        if inner.kind == "model" and isinstance(inner.model.final(), ir.Enum):
            item = "std::string(x.wire())"
        elif inner.kind in ("int", "number"):
            item = "std::to_string(x)"
        elif inner.kind == "bool":
            item = "std::string(x ? \"true\" : \"false\")"
        elif inner.kind in conv:
            item = conv[inner.kind]
        else:
            raise ir.SpecError("query array of %s" % inner.kind)
        if optional:
            lines.append("%sif (%s) {" % (indent, expr))
            indent2 = indent + "  "
        else:
            lines.append("%s{" % indent)
            indent2 = indent + "  "
        if explode:
            lines.append("%sfor (const auto& x : %s) q.add(%s, %s);" % (indent2, deref, w, item))
        else:
            lines.append("%sstd::vector<std::string> items;" % indent2)
            lines.append("%sfor (const auto& x : %s) items.push_back(%s);" % (indent2, deref,
                                                                             item))
            lines.append("%sq.add(%s, items);" % (indent2, w))
        lines.append("%s}" % indent)
        return
    if t.kind == "map" and t.inner.kind == "string":
        lines.append("%sq.add(%s, %s);" % (indent, w, expr))
        return
    raise ir.SpecError("query parameter %s of kind %s" % (wire, t.kind))


def _param_explode(o, p):
    # The style / explode live on the parameter object, not its schema.
    return getattr(p, "explode", True)


def needs_client_id(o):
    """URL builders fill an empty `client_id` query parameter from the client."""
    if not o.url_builder:
        return False
    fields, _ = param_fields(o)
    return any(pf.p.location == "query" and pf.p.wire == "client_id" and
               pf.p.type.kind == "string" for pf in fields)


def builder_name(o):
    return "request_for_" + o.name


def builder_params(o):
    a = []
    for p in o.path_params:
        a.append("std::string_view " + p.name)
    if o.security == "access_token":
        a.append("std::string_view access_token")
    if o.has_params():
        a.append("const %s& params" % o.params_name)
    if needs_client_id(o):
        a.append("const std::string& default_client_id")
    return a


def builder_call(o, client_id_expr):
    a = [p.name for p in o.path_params]
    if o.security == "access_token":
        a.append("access_token")
    if o.has_params():
        a.append("params")
    if needs_client_id(o):
        a.append(client_id_expr)
    return "requests::%s(%s)" % (builder_name(o), ", ".join(a))


def emit_builder(o):
    """The one function that turns an operation's arguments into its HTTP request; the sync and
    the async connection both call it."""
    return "detail::ApiRequest %s(%s) {\n%s}\n\n" % (
        builder_name(o), ", ".join(builder_params(o)), builder_body(o))


def builder_body(o):
    lines = []
    fields, groups = param_fields(o)
    lines.append("  detail::ApiRequest req;")
    lines.append("  req.method = %s;" % N.cpp_string(o.method))
    # Path.
    parts = []
    pos = 0
    for mt in re.finditer(r"\{([^}]+)\}", o.path):
        lit = o.path[pos:mt.start()]
        if lit:
            parts.append(N.cpp_string(lit))
        p = [x for x in o.path_params if x.wire == mt.group(1)][0]
        parts.append("detail::encode_path_segment(%s)" % p.name)
        pos = mt.end()
    if o.path[pos:]:
        parts.append(N.cpp_string(o.path[pos:]))
    if len(parts) == 1 and parts[0].startswith('"'):
        lines.append("  req.path = %s;" % parts[0])
    else:
        if parts[0].startswith('"'):
            parts[0] = "std::string(%s)" % parts[0]
        lines.append("  req.path = %s;" % " + ".join(parts))
    # Query.
    qfields = [pf for pf in fields if pf.p.location == "query"]
    if qfields or o.param_groups:
        lines.append("  detail::QueryBuilder q;")
        for pf in qfields:
            expr = "params." + pf.name
            if pf.p.wire == "client_id" and o.url_builder and pf.p.type.kind == "string":
                if pf.optional:
                    lines.append("  q.add(\"client_id\", params.%s && !params.%s->empty() ? "
                                 "*params.%s : default_client_id);" % (pf.name, pf.name,
                                                                        pf.name))
                else:
                    lines.append("  q.add(\"client_id\", params.%s.empty() ? default_client_id "
                                 ": params.%s);" % (pf.name, pf.name))
                continue
            _query_add(lines, "  ", pf.p.wire, pf.p.type, expr, pf.optional,
                       _param_explode(o, pf.p))
        for g in o.param_groups:
            member = "params." + groups[g.wire_name]
            ref = member
            if g.optional:
                lines.append("  if (%s) {" % member)
                ref = "(*%s)" % member
            else:
                lines.append("  {")
            first = True
            for vn, sname, ps in g.variants:
                kw = "if" if first else "} else if"
                first = False
                lines.append("    %s (const auto* g = std::get_if<%s>(&%s)) {" % (kw, sname, ref))
                for pf in group_variant_fields(ps):
                    _query_add(lines, "      ", pf.p.wire, pf.p.type, "g->" + pf.name,
                               pf.optional, _param_explode(o, pf.p))
            lines.append("    }")
            lines.append("  }")
        lines.append("  req.query = q.str();")
    # Body.
    bs = body_struct(o)
    if bs is not None:
        lines.append("  req.body = json::encode_document(static_cast<const workos::%s&>(params));"
                     % bs.name)
    elif o.body_kind in ("union", "other"):
        if o.body_required:
            lines.append("  req.body = json::encode_document(params.body);")
        else:
            lines.append("  if (params.body) req.body = json::encode_document(*params.body);")
    # Auth and server.
    if o.security == "none":
        lines.append("  req.auth = detail::AuthMode::kNone;")
    elif o.security == "api_key_if_any":
        lines.append("  req.auth = detail::AuthMode::kApiKeyIfAny;")
    elif o.security == "access_token":
        lines.append("  req.auth = detail::AuthMode::kBearerToken;")
        lines.append("  req.bearer_token = std::string(access_token);")
    if o.server_override:
        lines.append("  req.server_override = %s;" % N.cpp_string(o.server_override))
    lines.append("  return req;")
    return "\n".join(lines) + "\n"


def response_model(o):
    """(C++ value type, model name for decode errors) of an operation with a body."""
    t = cpp.type_cpp(o.response_type)
    if o.response_kind == "page":
        t = "Page<%s>" % t
        model = o.response_model_name or (o.response_type.model.final().name + "List"
                                          if o.response_type.kind == "model" else "List")
    elif o.response_kind == "vector":
        t = "std::vector<%s>" % t
        model = (o.response_type.model.final().name + "[]"
                 if o.response_type.kind == "model" else "array")
    else:
        model = (o.response_type.model.final().name if o.response_type.kind == "model"
                 else o.prefix + "Response")
    return t, model


def impl_body(o, api, mode="sync"):
    """Body of the default connection's function: build the request, then run it through the
    sync (`detail::call`) or async (`detail::call_async`) pipeline."""
    lines = []
    fields, _ = param_fields(o)
    cid = "core_->client_id()" if mode == "sync" else "core_->client().client_id()"
    lines.append("  detail::ApiRequest req = %s;" % builder_call(o, cid))
    opts = "options"
    hdr = [pf for pf in fields if pf.p.location == "header"]
    for pf in hdr:
        if pf.p.wire.lower() != "idempotency-key":
            raise ir.SpecError("header parameter %s is not supported" % pf.p.wire)
        lines.append("  RequestOptions call_options = options;")
        lines.append("  if (params.%s && call_options.idempotency_key.empty()) "
                     "call_options.idempotency_key = *params.%s;" % (pf.name, pf.name))
        opts = "call_options"
    if mode == "async":
        if o.url_builder:
            lines.append("  return make_ready_future(Result<std::string>(core_->client().url_for("
                         "req, %s)));" % opts)
        elif o.response_kind == "void":
            lines.append("  return detail::call_async_void(core_, req, %s);" % opts)
        else:
            t, model = response_model(o)
            fn = "call_async_optional" if o.response_optional else "call_async"
            lines.append("  return detail::%s<%s>(core_, req, %s, %s);" % (
                fn, t, opts, N.cpp_string(model)))
        return "\n".join(lines) + "\n"
    if o.url_builder:
        lines.append("  return core_->url_for(req, %s);" % opts)
    elif o.response_kind == "void":
        lines.append("  return detail::call_void(*core_, req, %s);" % opts)
    else:
        t, model = response_model(o)
        if o.response_optional:
            lines.append("  // Some 2xx answers of this operation have no body: empty means no value.")
            lines.append("  return detail::call_optional<%s>(*core_, req, %s, %s);" % (
                t, opts, N.cpp_string(model)))
        else:
            lines.append("  return detail::call<%s>(*core_, req, %s, %s);" % (
                t, opts, N.cpp_string(model)))
    return "\n".join(lines) + "\n"


def emit_requests_header(api, module):
    """src/<module>/requests.h: the one builder per operation that turns its arguments into the
    HTTP request, shared by the sync (service.cc) and the async (async_service.cc) connection."""
    ops = [o for o in api.ops if o.module == module]
    out = [BANNER + "\n", "#pragma once\n\n",
           "// The `%s` requests: one builder per operation, shared by the sync and the async\n"
           "// connection.\n\n" % module]
    out.append("#include <workos/%s/service.h>\n\n" % module)
    out.append('#include "%s/models_json.h"\n#include "common/json_support.h"\n'
               '#include "core/call.h"\n\n' % module)
    out.append("#include <memory>\n#include <string>\n#include <string_view>\n#include <variant>\n\n")
    out.append("namespace workos {\nnamespace detail {\nclass AsyncCore;\nclass ClientCore;\n}"
               "  // namespace detail\n\nnamespace %s {\n\nclass %s;\nclass Async%s;\n\n"
               "/// The default connection: real HTTP calls through `core` (retries, auth, "
               "decoding).\nstd::shared_ptr<%s> make_%s_connection(std::shared_ptr<detail::"
               "ClientCore> core);\n/// The default async connection: calls on the event loop of "
               "`core`.\nstd::shared_ptr<Async%s> make_async_%s_connection(std::shared_ptr<"
               "detail::AsyncCore> core);\n\n}  // namespace %s\n}  // namespace workos\n\n"
               % (module, connection_class(module), connection_class(module),
                  connection_class(module), module, connection_class(module), module, module))
    out.append("namespace workos::%s::requests {\n\n" % module)
    out.append("namespace json = workos::detail::json;\n\n")
    out.append("/// The error of a seam function a connection does not implement.\n"
               "inline Error not_implemented(const char* what) {\n"
               "  return Error(ErrorKind::kConfiguration, std::string(what) + \" is not "
               "implemented by this connection\");\n}\n\n")
    for o in ops:
        out.append("inline " + emit_builder(o))
    out.append("}  // namespace workos::%s::requests\n" % module)
    return "".join(out)


def emit_source(api, module, config, accessor=None):
    """src/<module>/service.cc: the sync connection and service, and (`accessor`: (includes,
    code)) the `workos::Client` accessor that builds the service on first use."""
    ops = [o for o in api.ops if o.module == module]
    conn = connection_class(module)
    svc = service_class(module)
    out = [BANNER + "\n", "// The `%s` service: default HTTP connection and service bodies.\n\n"
           % module]
    out.append("#include <workos/%s/service.h>\n" % module)
    if accessor:
        out.append("".join("#include <%s>\n" % h for h in accessor[0]))
    out.append("\n")
    out.append('#include "%s/requests.h"\n' % module)
    if accessor:
        out.append('#include "client_services.h"\n')
    out.append("\n#include <functional>\n#include <memory>\n#include <optional>\n#include <string>\n"
               "#include <utility>\n#include <variant>\n#include <vector>\n\n")
    out.append("namespace workos::%s {\n\n" % module)
    out.append("namespace {\n\n")
    out.append("// ---- the sync connection ----\n\n")
    out.append("class %sImpl final : public %s {\n public:\n  explicit %sImpl(std::shared_ptr<"
               "detail::ClientCore> core) : core_(std::move(core)) {}\n\n" % (conn, conn, conn))
    for o in ops:
        out.append("  %s %s(%s) override;\n" % (return_type(o), o.name,
                                                ", ".join(args(o, False))))
    out.append("\n private:\n  std::shared_ptr<detail::ClientCore> core_;\n};\n\n")
    for o in ops:
        out.append("%s %sImpl::%s(%s) {\n" % (return_type(o), conn, o.name,
                                              ", ".join(args(o, False))))
        out.append(impl_body(o, api))
        out.append("}\n\n")
    out.append("}  // namespace\n\n")
    # Seam defaults.
    out.append("%s::~%s() = default;\n\n" % (conn, conn))
    for o in ops:
        out.append("%s %s::%s(%s) {\n  return requests::not_implemented(\"%s::%s\");\n}\n\n" % (
            return_type(o), conn, o.name, ", ".join(args(o, False, names=False)), conn, o.name))
    out.append("std::shared_ptr<%s> make_%s_connection(std::shared_ptr<detail::ClientCore> core) "
               "{\n  return std::make_shared<%sImpl>(std::move(core));\n}\n\n" % (conn, module,
                                                                                   conn))
    # Service.
    out.append("%s::%s(std::shared_ptr<%s> connection) : connection_(std::move(connection)) {}\n\n"
               % (svc, svc, conn))
    for o in ops:
        out.append("%s %s::%s(%s) const {\n" % (return_type(o), svc, o.name,
                                                ", ".join(args(o, False))))
        if o.response_kind == "page" and not o.url_builder:
            out.append(_page_body(o, api, svc, conn))
        else:
            out.append("  return connection_->%s(%s);\n" % (o.name, ", ".join(call_args(o))))
        out.append("}\n\n")
        for name, spec in also_methods(o, config):
            alt = spec["alternative"]
            a = args(o, False)
            a = [x for x in a if not x.startswith("const %s&" % o.params_name)]
            a.insert(len(o.path_params), "const workos::%s& body" % alt)
            out.append("%s %s::%s(%s) const {\n" % (return_type(o), svc, name, ", ".join(a)))
            out.append("  %s params;\n  params.body.value = body;\n" % o.params_name)
            out.append("  return %s(%s);\n}\n\n" % (o.name, ", ".join(call_args(o))))
    out.append("}  // namespace workos::%s\n" % module)
    if accessor:
        out.append("\nnamespace workos {\n\n%s\n}  // namespace workos\n" % accessor[1])
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Async


def async_connection_class(module):
    return "Async" + module_pascal(module) + "Connection"


def async_service_class(module):
    return "Async" + module_pascal(module) + "Service"


def _future_of(rt):
    assert rt.startswith("Result<") and rt.endswith(">")
    return "Future<" + rt[len("Result<"):]


def async_connection_return(o):
    return _future_of(return_type(o))


def async_service_return(o):
    if o.response_kind == "page" and not o.url_builder:
        return "Future<AsyncPage<%s>>" % cpp.type_cpp(o.response_type)
    return _future_of(return_type(o))


def emit_async_header(api, module, config):
    ops = [o for o in api.ops if o.module == module]
    conn = async_connection_class(module)
    svc = async_service_class(module)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// The async `%s` service: the mockable `%s` seam and `%s`, the\n"
               "/// twins of `%s` and `%s` returning `workos::Future` (generated from the "
               "OpenAPI\n/// spec). Reached through `workos::AsyncClient::%s()`.\n\n" % (
                   module, conn, svc, connection_class(module), service_class(module), module))
    out.append("#include <workos/%s/service.h>\n#include <workos/async/async_page.h>\n"
               "#include <workos/async/future.h>\n#include <workos/options.h>\n"
               "#include <workos/page.h>\n\n" % module)
    out.append("#include <memory>\n#include <optional>\n#include <string>\n"
               "#include <string_view>\n#include <vector>\n\n")
    out.append("namespace workos::%s {\n\n" % module)
    out.append("/// The seam under `%s`: one virtual function per operation, one HTTP call each "
               "(no\n/// pagination). Same names and parameters as `%s`; `Result<X>` becomes "
               "`Future<X>`.\n/// Functions not overridden return a ready `kConfiguration` "
               "error \"not implemented\".\n/// Implementations must be thread-safe.\n" % (
                   svc, connection_class(module)))
    out.append("class %s {\n public:\n  virtual ~%s();\n\n" % (conn, conn))
    for o in ops:
        out.append("  /// Async `%s` (see `%s::%s`).\n" % (o.name, connection_class(module),
                                                           o.name))
        out.append("  virtual %s %s(%s);\n" % (async_connection_return(o), o.name,
                                                ", ".join(args(o, False))))
    out.append("};\n\n")
    out.append("/// The async `%s` service: the methods of `%s` with the same names and "
               "parameters,\n/// returning `workos::Future` (`get()`, `then()`, `co_await`, "
               "cancellation); list operations\n/// return an `AsyncPage` whose "
               "`next_page()` / `auto_paging()` fetch on demand. A cheap value\n/// type; "
               "thread-safe.\n///\n/// @code\n/// workos::AsyncClient client;\n/// "
               "client.%s().%s(...).then([](auto r) { /* r is a workos::Result */ });\n"
               "/// @endcode\n" % (module, service_class(module), module, ops[0].name))
    out.append("class %s {\n public:\n" % svc)
    out.append("  /// Calls go through `connection`: a fake or mock in tests (`workos::AsyncClient` "
               "builds its\n  /// services over connections on its event loop).\n"
               "  explicit %s(std::shared_ptr<%s> connection);\n\n" % (svc, conn))
    for o in ops:
        out.append(op_doc(o, "  "))
        out.append("  %s %s(%s) const;\n" % (async_service_return(o), o.name,
                                              ", ".join(args(o, True))))
        for name, spec in also_methods(o, config):
            alt = spec["alternative"]
            out.append("  /// `%s` with a `workos::%s` body (shorthand of `%s`).\n" % (
                o.name, alt, o.name))
            a = args(o, True)
            a = [x for x in a if not x.startswith("const %s&" % o.params_name)]
            a.insert(len(o.path_params), "const workos::%s& body" % alt)
            out.append("  %s %s(%s) const;\n" % (async_service_return(o), name, ", ".join(a)))
    out.append("\n  /// The connection calls go through.\n  const std::shared_ptr<%s>& connection() "
               "const noexcept { return connection_; }\n\n" % conn)
    out.append(" private:\n  std::shared_ptr<%s> connection_;\n};\n\n" % conn)
    out.append("}  // namespace workos::%s\n" % module)
    return "".join(out)


def emit_async_source(api, module, config, accessor=None):
    """src/<module>/async_service.cc: the async connection and service, and (`accessor`:
    (includes, code)) the `workos::AsyncClient` accessor that builds the service on first use."""
    ops = [o for o in api.ops if o.module == module]
    conn = async_connection_class(module)
    svc = async_service_class(module)
    out = [BANNER + "\n", "// The async `%s` service: default async connection and service "
           "bodies.\n\n" % module]
    out.append("#include <workos/%s/async_service.h>\n" % module)
    if accessor:
        out.append("".join("#include <%s>\n" % h for h in accessor[0]))
    out.append('\n#include "%s/requests.h"\n#include "async/call_async.h"\n' % module)
    if accessor:
        out.append('#include "client_services.h"\n')
    out.append("\n#include <functional>\n#include <memory>\n#include <optional>\n#include <string>\n"
               "#include <utility>\n#include <variant>\n#include <vector>\n\n")
    out.append("namespace workos::%s {\n\n" % module)
    out.append("namespace {\n\n")
    out.append("class %sImpl final : public %s {\n public:\n  explicit %sImpl(std::shared_ptr<"
               "detail::AsyncCore> core) : core_(std::move(core)) {}\n\n" % (conn, conn, conn))
    for o in ops:
        out.append("  %s %s(%s) override;\n" % (async_connection_return(o), o.name,
                                                ", ".join(args(o, False))))
    out.append("\n private:\n  std::shared_ptr<detail::AsyncCore> core_;\n};\n\n")
    for o in ops:
        out.append("%s %sImpl::%s(%s) {\n" % (async_connection_return(o), conn, o.name,
                                              ", ".join(args(o, False))))
        out.append(impl_body(o, api, "async"))
        out.append("}\n\n")
    out.append("}  // namespace\n\n")
    out.append("%s::~%s() = default;\n\n" % (conn, conn))
    for o in ops:
        rt = async_connection_return(o)
        out.append("%s %s::%s(%s) {\n  return make_ready_future(%s(requests::not_implemented(\"%s::%s\")));"
                   "\n}\n\n" % (rt, conn, o.name, ", ".join(args(o, False, names=False)),
                                 "Result<" + rt[len("Future<"):], conn, o.name))
    out.append("std::shared_ptr<%s> make_async_%s_connection(std::shared_ptr<detail::AsyncCore> "
               "core) {\n  return std::make_shared<%sImpl>(std::move(core));\n}\n\n" % (
                   conn, module, conn))
    out.append("%s::%s(std::shared_ptr<%s> connection) : connection_(std::move(connection)) {}\n\n"
               % (svc, svc, conn))
    for o in ops:
        out.append("%s %s::%s(%s) const {\n" % (async_service_return(o), svc, o.name,
                                                ", ".join(args(o, False))))
        if o.response_kind == "page" and not o.url_builder:
            out.append(_async_page_body(o, api, svc))
        else:
            out.append("  return connection_->%s(%s);\n" % (o.name, ", ".join(call_args(o))))
        out.append("}\n\n")
        for name, spec in also_methods(o, config):
            alt = spec["alternative"]
            a = args(o, False)
            a = [x for x in a if not x.startswith("const %s&" % o.params_name)]
            a.insert(len(o.path_params), "const workos::%s& body" % alt)
            out.append("%s %s::%s(%s) const {\n" % (async_service_return(o), svc, name,
                                                    ", ".join(a)))
            out.append("  %s params;\n  params.body.value = body;\n" % o.params_name)
            out.append("  return %s(%s);\n}\n\n" % (o.name, ", ".join(call_args(o))))
    out.append("}  // namespace workos::%s\n" % module)
    if accessor:
        out.append("\nnamespace workos {\n\n%s\n}  // namespace workos\n" % accessor[1])
    return "".join(out)


def _cursor_lines(o, names):
    """The body of a page fetcher that sets the cursor: `after`, or `before` walking back."""
    if "before" not in names:
        raise ir.SpecError("%s: a paginated list without a `before` parameter" % o.op_id)
    after, before = names["after"].name, names["before"].name
    return ["next.%s = cursor;" % after, "next.%s.reset();" % before,
            "if (direction == PageDirection::kBefore) std::swap(next.%s, next.%s);" % (after,
                                                                                     before)]


def _async_page_body(o, api, svc):
    fields, _ = param_fields(o)
    names = {pf.p.wire: pf for pf in fields}
    t = cpp.type_cpp(o.response_type)
    first = "connection_->%s(%s)" % (o.name, ", ".join(call_args(o)))
    if "after" not in names:
        return "  return detail::to_async_page<%s>(%s, {});\n" % (t, first)
    caps = ["connection = connection_"]
    for p in o.path_params:
        caps.append("%s = std::string(%s)" % (p.name, p.name))
    if o.security == "access_token":
        caps.append("access_token = std::string(access_token)")
    caps += ["params", "options"]
    lines = ["  return detail::to_async_page<%s>(" % t, "      %s," % first]
    lines.append("      [%s](const std::string& cursor, PageDirection direction) {" %
                 ", ".join(caps))
    lines.append("        %s next = params;" % o.params_name)
    lines += ["        " + x for x in _cursor_lines(o, names)]
    lines.append("        return %s(connection).%s(%s);" % (
        svc, o.name, ", ".join([p.name for p in o.path_params] +
                               (["access_token"] if o.security == "access_token" else []) +
                               ["next", "options"])))
    lines.append("      });")
    return "\n".join(lines) + "\n"


def _page_body(o, api, svc, conn):
    fields, _ = param_fields(o)
    names = {pf.p.wire: pf for pf in fields}
    t = cpp.type_cpp(o.response_type)
    lines = []
    lines.append("  Result<Page<%s>> page = connection_->%s(%s);" % (t, o.name,
                                                                   ", ".join(call_args(o))))
    if "after" not in names:
        api.builder.note("%s: list operation without an `after` parameter: no auto-paging" %
                         o.op_id)
        lines.append("  return page;")
        return "\n".join(lines) + "\n"
    caps = ["connection = connection_"]
    for p in o.path_params:
        caps.append("%s = std::string(%s)" % (p.name, p.name))
    if o.security == "access_token":
        caps.append("access_token = std::string(access_token)")
    caps += ["params", "options"]
    lines.append("  if (page) {")
    lines.append("    page->set_fetcher([%s](const std::string& cursor, PageDirection direction) {"
                 % ", ".join(caps))
    lines.append("      %s next = params;" % o.params_name)
    lines += ["      " + x for x in _cursor_lines(o, names)]
    lines.append("      return %s(connection).%s(%s);" % (
        svc, o.name, ", ".join([p.name for p in o.path_params] +
                               (["access_token"] if o.security == "access_token" else []) +
                               ["next", "options"])))
    lines.append("    });")
    lines.append("  }")
    lines.append("  return page;")
    return "\n".join(lines) + "\n"
