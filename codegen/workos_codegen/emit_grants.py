"""Emits the `authenticate_with_*` grants of a module from the spec's authenticate body (a oneOf
keyed by `grant_type`) and the `grants` table of codegen/extensions.json:

- `include/workos/<module>/grants.h`: one public parameter struct per grant, holding the
  alternative's fields except the client's own (`client_id`, `client_secret`, `grant_type`),
  and `BasicGrants<Mode>`, the grant methods in either call mode (<workos/call_mode.h>), the base
  of the module's handwritten helper client;
- `src/<module>/grants.h` / `grants.cc`: the request body of each grant with the client's
  credentials filled in (per the grant's secret policy), and the grant methods, which send that
  body through one handwritten function (`send_namespace::send_grant`) in both modes.

A table row: `method`, `alternative` (the body struct), `secret` (`required`,
`if_confidential`, `never`, or `if_verifier`: the secret is needed unless a `code_verifier` is
given), `first` (the leading fields in order: positional initialisation is public API),
`require` (optional fields the grant needs), `nonempty` (field -> message), `doc`.
"""

from . import cpp
from . import ir
from . import names as N
from . import emit_services as S
from .cpp import BANNER

_CLIENT_FIELDS = ("client_id", "client_secret", "grant_type")
_POLICY = {"required": "kRequired", "if_confidential": "kIfConfidential", "never": "kNever"}
# What a grant method's documentation says of the client secret, by the grant's policy.
_SECRET_DOC = {
    "required": "Sends the client secret (the API key): a public client gets a "
                "`ConfigurationError` before any request.",
    "if_confidential": "Sends the client secret when the client has an API key.",
    "never": "Never sends the client secret.",
    "if_verifier": "Sends the client secret, or, with a `code_verifier` (PKCE), only when the "
                   "client has an API key.",
}


def _struct(api, name):
    for m in api.models:
        if isinstance(m, ir.Struct) and m.final() is m and m.name == name:
            return m
    raise SystemExit("grants: no body struct %s in the spec" % name)


def _param_fields(api, g):
    """[(field, cpp type, required)] of a grant's parameter struct, in declaration order."""
    m = _struct(api, g["alternative"])
    fields = [f for f in m.fields if f.wire not in _CLIENT_FIELDS]
    by_wire = {f.wire: f for f in fields}
    first = [by_wire[w] for w in g.get("first", [])]
    rest = [f for f in fields if f not in first]
    required = [f for f in rest if f.required or f.wire in g.get("require", [])]
    ordered = first + required + [f for f in rest if f not in required]
    out = []
    for f in ordered:
        needed = f.required or f.wire in g.get("require", [])
        out.append((f, cpp.type_cpp(f.type) if needed else cpp.field_type_cpp(f, m), needed))
    return m, out


def params_name(g):
    return N.pascal(g["method"]) + "Params"


def _header(api, module, cfg, grants):
    out = [BANNER + "\n#pragma once\n\n",
           "/// @file\n/// The `authenticate_with_*` grants of `%s`: one parameter struct "
           "per grant (the client\n/// fills in `client_id` and, where the grant takes it, "
           "`client_secret`) and the grant\n/// methods of the helper clients.\n\n" % module,
           "#include <workos/call_mode.h>\n#include <workos/options.h>\n"
           "#include <workos/%s/service.h>\n\n" % module,
           "#include <optional>\n#include <string>\n\nnamespace workos::%s {\n\n" % module]
    for g in grants:
        out.append(cpp.doc(N.doc_lines(g["doc"])))
        out.append("struct %s {\n" % params_name(g))
        _, fields = _param_fields(api, g)
        for f, t, _ in fields:
            out.append(cpp.doc(N.doc_lines(f.description) or ["`%s`." % f.wire], "  "))
            out.append("  %s %s;\n" % (t, f.name))
        out.append("};\n\n")
    out.append(_grants_class(module, cfg, grants))
    out.append("}  // namespace workos::%s\n" % module)
    return "".join(out)


def _grants_class(module, cfg, grants):
    """`BasicGrants<Mode>`: the grant methods over the module's service, in either call mode."""
    sync, async_ = S.service_class(module), "Async" + S.service_class(module)
    base = "ModeService<Mode, %s, %s>" % (sync, async_)
    out = ["class %s;\n\n" % async_,
           "/// The `authenticate_with_*` grants, in the form `Mode` (<workos/call_mode.h>): each "
           "returns\n/// `Result<workos::%s>` in `%s` and `Future<workos::%s>` in `%s`.\n"
           % (cfg["answer"], cfg["class"], cfg["answer"], cfg["async_class"]),
           "///\n/// Each posts its grant to the authenticate operation through the service's "
           "connection (a\n/// mocked connection sees every grant), with `client_id` and, where "
           "the grant takes one,\n/// `client_secret` (the API key) filled in from the client. "
           "Step-up answers (MFA\n/// challenge, email verification, organization selection, "
           "...) are errors whose `value()`\n/// throws the matching `AuthenticationFlowError` "
           "subclass, carrying the pending\n/// authentication token.\n",
           "template <class Mode>\nclass BasicGrants : public %s {\n" % base,
           "  using Base = %s;\n\n public:\n" % base]
    for g in grants:
        doc = N.doc_lines(g["doc"] if "secret" in g["doc"] else
                          g["doc"] + " " + _SECRET_DOC[g["secret"]])
        out.append(cpp.doc(doc, "  "))
        out.append("  [[nodiscard]] Reply<Mode, workos::%s> %s(const %s& params,\n"
                   "      const RequestOptions& options = {}) const;\n"
                   % (cfg["answer"], g["method"], params_name(g)))
    out.append("\n protected:\n  using Base::Base;\n};\n\n")
    return "".join(out)


def _internal_header(module, grants, body):
    out = [BANNER + "\n#pragma once\n\n",
           "// The request bodies of the grants (internal): each is the `%s` of one grant with "
           "the\n// client's credentials. Errors: kConfiguration (no client id, a grant that "
           "needs the secret\n// on a public client or without an API key), kInvalidArgument.\n\n"
           % body,
           "#include <workos/%s/grants.h>\n#include <workos/%s/models.h>\n"
           "#include <workos/result.h>\n\n" % (module, module),
           "namespace workos::detail {\nclass ClientCore;\n}  // namespace workos::detail\n\n",
           "namespace workos::%s::grants {\n\n" % module,
           "using Body = Result<workos::%s>;\n\n" % body]
    for g in grants:
        out.append("Body body(const workos::detail::ClientCore* core, const %s& p);\n"
                   % params_name(g))
    out.append("\n}  // namespace workos::%s::grants\n" % module)
    return "".join(out)


def _body_fn(api, g):
    m, fields = _param_fields(api, g)
    secret_field = next((f for f in m.fields if f.wire == "client_secret"), None)
    L = ["Body body(const workos::detail::ClientCore* core, const %s& p) {" % params_name(g)]
    for wire, message in sorted(g.get("nonempty", {}).items()):
        f = next(f for f, _, _ in fields if f.wire == wire)
        needed = next(n for ff, _, n in fields if ff is f)
        test = "p.%s.empty()" % f.name if needed else "p.%s && p.%s->empty()" % (f.name, f.name)
        L.append("  if (%s) return Error(ErrorKind::kInvalidArgument, %s);"
                 % (test, N.cpp_string(message)))
    if g["secret"] == "if_verifier":
        policy = ("p.code_verifier ? auth::detail::SecretPolicy::kIfConfidential : "
                  "auth::detail::SecretPolicy::kRequired")
    else:
        policy = "auth::detail::SecretPolicy::" + _POLICY[g["secret"]]
    L.append("  auto cred = auth::detail::client_credentials(core, %s, %s);"
             % (policy, N.cpp_string(g["method"])))
    L.append("  if (!cred) return cred.error();")
    L.append("  workos::%s b;" % m.name)
    L.append("  b.client_id = cred->client_id;")
    if secret_field is not None and g["secret"] != "never":
        optional = cpp.field_mode(secret_field, m) != "plain"
        L.append("  b.client_secret = %scred->client_secret;" % ("" if optional else "*"))
    for f, _, _ in fields:
        L.append("  b.%s = p.%s;" % (f.name, f.name))
    L.append("  workos::%s out;" % g["body"])
    L.append("  out.value = std::move(b);")
    L.append("  return out;")
    L.append("}")
    return "\n".join(L) + "\n\n"


def _method(g, answer, send_ns):
    return ("template <class Mode>\n"
            "auto BasicGrants<Mode>::%s(const %s& p, const RequestOptions& options) const\n"
            "    -> Reply<Mode, workos::%s> {\n"
            "  const auto& core = this->core();\n"
            "  return %s::send_grant<Mode>(\n"
            "      *this, core, grants::body(workos::detail::ModeDriver<Mode>::client_core(core), p),"
            " options);\n"
            "}\n\n" % (g["method"], params_name(g), answer, send_ns))


def _source(api, module, cfg, grants):
    out = [BANNER + "\n// The grant bodies and the grant methods in both call modes; the sending is "
           "handwritten\n// (%s).\n\n" % cfg["send_header"],
           "#include \"%s/grants.h\"\n\n#include <workos/%s/async_service.h>\n\n"
           "#include <utility>\n\n" % (module, module),
           "#include \"async/async_mode_driver.h\"\n#include \"auth/credentials.h\"\n"
           "#include \"core/mode_driver.h\"\n#include \"%s\"\n\n" % cfg["send_header"],
           "namespace workos::%s {\nnamespace grants {\n\n" % module]
    for g in grants:
        out.append(_body_fn(api, g))
    out.append("}  // namespace grants\n\n")
    for g in grants:
        out.append(_method(g, cfg["answer"], cfg["send_namespace"]))
    out.append("template class BasicGrants<SyncMode>;\ntemplate class BasicGrants<AsyncMode>;\n\n")
    out.append("}  // namespace workos::%s\n" % module)
    return "".join(out)


def emit_all(api, extensions):
    files = {}
    for module, ext in sorted(extensions.items()):
        if not isinstance(ext, dict) or "grants" not in ext:
            continue
        cfg = ext["grants"]
        grants = [{**g, "body": cfg["body"]} for g in cfg["items"]]
        files["include/workos/%s/grants.h" % module] = _header(api, module, cfg, grants)
        files["src/%s/grants.h" % module] = _internal_header(module, grants, cfg["body"])
        files["src/%s/grants.cc" % module] = _source(api, module, cfg, grants)
    return files
