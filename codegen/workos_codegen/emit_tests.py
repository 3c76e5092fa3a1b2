"""Emits the generated tests (tests/generated, label `generated`) and the contract test program
(tests/contract, label `contract`)."""

import json

from . import api as api_mod
from . import cpp
from . import emit_models as EM
from .emit_client import left_out_headers
from . import emit_services as S
from . import ir
from . import names as N
from .cpp import BANNER
from .examples import Examples

HOSTILE_ID = "a/../b?x#"
API_KEY = "sk_test_generated"
ACCESS_TOKEN = "access_token_generated"
DEFAULT_BASE = "https://api.workos.com"
UNKNOWN_ENUM = "__unknown_enum_value__"
UNKNOWN_TAG = "__unknown_tag__"


def jdump(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def enc(s):
    """RFC 3986 percent-encoding of everything but unreserved characters (as the core does)."""
    out = []
    for b in str(s).encode("utf-8"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c in "-._~"):
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def enc_segment(s):
    e = enc(s)
    if e == ".":
        return "%2E"
    if e == "..":
        return "%2E%2E"
    return e


def scalar_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        r = repr(v)
        return r[:-2] if r.endswith(".0") else r
    return str(v)


# ---------------------------------------------------------------------------------------------
# Parameters: C++ statements and the expected query


def cpp_literal(t, v):
    """A C++ expression of type t with JSON value v (scalars, enums, arrays, maps)."""
    if t.kind == "string":
        return "std::string(%s)" % N.cpp_string(v)
    if t.kind == "int":
        return "std::int64_t{%d}" % v
    if t.kind == "number":
        return repr(float(v))
    if t.kind == "bool":
        return "true" if v else "false"
    if t.kind == "timestamp":
        return "workos::Timestamp(%s)" % N.cpp_string(v)
    if t.kind == "model" and isinstance(t.model.final(), ir.Enum):
        return "workos::%s::from_wire(%s)" % (t.model.final().name, N.cpp_string(v))
    if t.kind == "array":
        return "%s{%s}" % (cpp.type_cpp(t), ", ".join(cpp_literal(t.inner, x) for x in v))
    if t.kind == "map":
        return "%s{%s}" % (cpp.type_cpp(t), ", ".join(
            "{%s, %s}" % (N.cpp_string(k), cpp_literal(t.inner, x)) for k, x in v.items()))
    raise ir.SpecError("no C++ literal for %s" % t.kind)


def query_pairs(wire, t, v, explode):
    """Encoded `name=value` pairs the core's QueryBuilder produces for value v."""
    if v is None:
        return []
    if t.kind == "array":
        if not v:
            return []
        if explode:
            return ["%s=%s" % (enc(wire), enc(scalar_text(x))) for x in v]
        return ["%s=%s" % (enc(wire), ",".join(enc(scalar_text(x)) for x in v))]
    if t.kind == "map":
        return ["%s[%s]=%s" % (enc(wire), enc(k), enc(scalar_text(v[k]))) for k in sorted(v)]
    return ["%s=%s" % (enc(wire), enc(scalar_text(v)))]


class OpCase:
    """Everything a test needs to call one operation: statements building the params, the call
    arguments, the expected request and a canned response."""

    def __init__(self, api, o, ex, hostile):
        self.o = o
        self.setup = []  # C++ statements
        self.pairs = []  # expected query pairs (in order)
        self.values = {}  # wire -> value (query params)
        fields, groups = S.param_fields(o)
        self.fields = fields
        self.groups = groups
        self.path_values = []
        path = o.path
        for p in o.path_params:
            v = HOSTILE_ID if hostile else scalar_text(ex.param(p))
            self.path_values.append(v)
            path = path.replace("{%s}" % p.wire, enc_segment(v))
        self.path = path
        if o.has_params():
            self.setup.append("workos::%s::%s params;" % (o.module, o.params_name))
        for pf in fields:
            if not hostile and getattr(pf.p, "deprecated", False) and not pf.p.required:
                # The contract test leaves deprecated parameters out (Prism flags them).
                continue
            v = ex.param(pf.p)
            self.values[pf.p.wire] = v
            if pf.p.location == "header":
                self.setup.append("params.%s = %s;" % (pf.name, cpp_literal(pf.p.type, v)))
                continue
            self.setup.append("params.%s = %s;" % (pf.name, cpp_literal(pf.p.type, v)))
            self.pairs.append((pf.p.wire, pf.p.type, v, getattr(pf.p, "explode", True)))
        for g in o.param_groups:
            vn, sname, ps = g.variants[0]
            self.setup.append("{")
            self.setup.append("  workos::%s::%s variant;" % (o.module, sname))
            for pf in S.group_variant_fields(ps):
                v = ex.param(pf.p)
                self.setup.append("  variant.%s = %s;" % (pf.name, cpp_literal(pf.p.type, v)))
                self.pairs.append((pf.p.wire, pf.p.type, v, getattr(pf.p, "explode", True)))
            self.setup.append("  params.%s = variant;" % groups[g.wire_name])
            self.setup.append("}")
        self.body = None
        bs = S.body_struct(o)
        if bs is not None:
            self.body = ex.model(bs)
            self.setup.append("static_cast<workos::%s&>(params) = workos::from_json<workos::%s>(%s)"
                              ".value();" % (bs.name, bs.name, N.raw_string(jdump(self.body))))
        elif o.body_kind in ("union", "other"):
            self.body = ex.value(o.body_type)
            self.setup.append("params.body = workos::from_json<%s>(%s).value();" % (
                cpp.type_cpp(o.body_type), N.raw_string(jdump(self.body))))
        self.args = [N.cpp_string(v) for v in self.path_values]
        if o.security == "access_token":
            self.args.append(N.cpp_string(ACCESS_TOKEN))
        if o.has_params():
            self.args.append("params")
        # Response.
        self.response = None
        self.item = None
        if o.response_kind == "value":
            self.response = ex.value(o.response_type)
        elif o.response_kind == "page":
            self.item = ex.value(o.response_type)
            self.response = {"object": "list", "data": [self.item],
                             "list_metadata": {"before": None, "after": "cursor_after"}}
        elif o.response_kind == "vector":
            self.item = ex.value(o.response_type)
            self.response = [self.item]

    def query(self, overrides=None, drop=()):
        pairs = []
        for wire, t, v, explode in self.pairs:
            if wire in drop:
                continue
            if overrides and wire in overrides:
                v = overrides[wire]
            pairs.extend(query_pairs(wire, t, v, explode))
        return "&".join(pairs)

    def url(self, base, query=None):
        q = self.query() if query is None else query
        return base + self.path + ("?" + q if q else "")


def _is_json_model(t):
    return t is not None and t.kind == "model" and not isinstance(t.model.final(),
                                                                    (ir.Enum, ir.ScalarUnion))


# ---------------------------------------------------------------------------------------------
# Generated tests


def _op_test(api, o, ex, mode="sync"):
    """The exact request of `o` and its decoded answer, through `workos::Client` (mode "sync")
    or `workos::AsyncClient` (mode "async": the same checks on the future's result)."""
    c = OpCase(api, o, ex, hostile=True)
    L = []
    suite = N.pascal(o.module) + ("Operations" if mode == "sync" else "AsyncOperations")
    get = "" if mode == "sync" else ".get()"
    L.append("TEST(%s, %s) {" % (suite, N.pascal(o.name)))
    L.append("  auto fake = std::make_shared<workos::testing::FakeTransport>();")
    if not o.url_builder:
        if c.response is None:
            L.append("  fake->enqueue(workos::testing::FakeTransport::empty(%d));" % (
                o.response_status or 204))
        else:
            L.append("  fake->enqueue_json(%d, %s);" % (o.response_status,
                                                         N.raw_string(jdump(c.response))))
        if o.response_kind == "page" and c.values.get("after", ir.NO_EXAMPLE) is not None and \
                any(pf.p.wire == "after" for pf in c.fields):
            L.append("  fake->enqueue_json(200, %s);" % N.raw_string(jdump(
                {"object": "list", "data": [],
                 "list_metadata": {"before": None, "after": None}})))
    L.append("  gen::Warnings warnings;")
    L.append("  workos::%s client(gen::client_options(fake, warnings));" % (
        "Client" if mode == "sync" else "AsyncClient"))
    L += ["  " + s for s in c.setup]
    call = "client.%s().%s(%s)%s" % (o.module, o.name, ", ".join(c.args), get)
    L.append("  auto result = %s;" % call)
    L.append("  ASSERT_TRUE(result) << result.error().message();")
    base = o.server_override or DEFAULT_BASE
    if o.url_builder:
        L.append("  EXPECT_EQ(*result, %s);" % N.cpp_string(c.url(base)))
        L.append("  EXPECT_EQ(fake->request_count(), 0u);")
        L.append("}")
        return "\n".join(L) + "\n\n"
    L.append("  ASSERT_EQ(fake->request_count(), 1u);")
    L.append("  const workos::HttpRequest request = fake->request(0);")
    L.append("  EXPECT_EQ(request.method, %s);" % N.cpp_string(o.method))
    L.append("  EXPECT_EQ(request.url, %s);" % N.cpp_string(c.url(base)))
    if o.security == "none":
        L.append("  EXPECT_EQ(workos::testing::header_value(request.headers, \"Authorization\"), "
                 "\"\");")
    elif o.security == "access_token":
        L.append("  EXPECT_EQ(workos::testing::header_value(request.headers, \"Authorization\"), "
                 "%s);" % N.cpp_string("Bearer " + ACCESS_TOKEN))
    else:
        L.append("  EXPECT_EQ(workos::testing::header_value(request.headers, \"Authorization\"), "
                 "%s);" % N.cpp_string("Bearer " + API_KEY))
    for pf in c.fields:
        if pf.p.location == "header":
            L.append("  EXPECT_EQ(workos::testing::header_value(request.headers, %s), %s);" % (
                N.cpp_string(pf.p.wire), N.cpp_string(scalar_text(c.values[pf.p.wire]))))
    if c.body is not None:
        L.append("  EXPECT_TRUE(request.has_body);")
        L.append("  EXPECT_TRUE(gen::json_equivalent(request.body, %s, false)) << request.body;"
                 % N.raw_string(jdump(c.body)))
    else:
        L.append("  EXPECT_FALSE(request.has_body);")
    if o.response_kind == "value" and _is_json_model(o.response_type):
        v = "*result"
        if o.response_optional:
            L.append("  ASSERT_TRUE(result->has_value());")
            v = "**result"
        L.append("  EXPECT_TRUE(gen::json_equivalent(workos::to_json(%s), %s, true)) << "
                 "workos::to_json(%s);" % (v, N.raw_string(jdump(c.response)), v))
    elif o.response_kind in ("page", "vector"):
        acc = "result->data" if o.response_kind == "page" else "(*result)"
        L.append("  ASSERT_EQ(%s.size(), 1u);" % acc)
        if _is_json_model(o.response_type):
            L.append("  EXPECT_TRUE(gen::json_equivalent(workos::to_json(%s[0]), %s, true)) << "
                     "workos::to_json(%s[0]);" % (acc, N.raw_string(jdump(c.item)), acc))
    L.append("  EXPECT_TRUE(warnings.lines().empty()) << warnings.joined();")
    if o.response_kind == "page" and any(pf.p.wire == "after" for pf in c.fields):
        q = c.query(overrides={"after": "cursor_after"}, drop=("before",))
        L.append("  // The service's page fetcher: same parameters, `after` = the cursor, no "
                 "`before`.")
        L.append("  auto next = result->next_page()%s;" % get)
        L.append("  ASSERT_TRUE(next) << next.error().message();")
        L.append("  ASSERT_EQ(fake->request_count(), 2u);")
        L.append("  EXPECT_EQ(fake->request(1).url, %s);" % N.cpp_string(c.url(base, q)))
        L.append("  EXPECT_FALSE(next->has_more());")
    L.append("}")
    return "\n".join(L) + "\n\n"


def _also_tests(api, o, ex, config):
    """Tests of the generated `also` shorthands: the body is the given alternative."""
    out = []
    for name, spec in S.also_methods(o, config):
        alt = [m for m in api.models if m.name == spec["alternative"]][0]
        body = ex.model(alt)
        c = OpCase(api, o, ex, hostile=True)
        L = ["TEST(%sOperations, %s) {" % (N.pascal(o.module), N.pascal(name))]
        L.append("  auto fake = std::make_shared<workos::testing::FakeTransport>();")
        L.append("  fake->enqueue_json(%d, %s);" % (o.response_status,
                                                     N.raw_string(jdump(c.response))))
        L.append("  gen::Warnings warnings;")
        L.append("  workos::Client client(gen::client_options(fake, warnings));")
        L.append("  const auto body = workos::from_json<workos::%s>(%s).value();" % (
            alt.name, N.raw_string(jdump(body))))
        args = [N.cpp_string(v) for v in c.path_values] + ["body"]
        L.append("  auto result = client.%s().%s(%s);" % (o.module, name, ", ".join(args)))
        L.append("  ASSERT_TRUE(result) << result.error().message();")
        L.append("  const workos::HttpRequest request = fake->last_request();")
        L.append("  EXPECT_EQ(request.method, %s);" % N.cpp_string(o.method))
        L.append("  EXPECT_EQ(request.url, %s);" % N.cpp_string(c.url(o.server_override or
                                                                     DEFAULT_BASE)))
        L.append("  EXPECT_TRUE(gen::json_equivalent(request.body, %s, false)) << request.body;"
                 % N.raw_string(jdump(body)))
        L.append("}\n")
        out.append("\n".join(L) + "\n")
    return "".join(out)


def _first_enum_field(m):
    for f in m.fields:
        if f.type.kind == "model" and isinstance(f.type.model.final(), ir.Enum) and \
                not f.has_const():
            return f
    return None


def _wrong_value(t):
    if t.kind in ("string", "timestamp"):
        return 12345
    if t.kind == "model" and isinstance(t.model.final(), ir.Enum):
        return 12345
    if t.kind in ("int", "number"):
        return "not a number"
    if t.kind == "bool":
        return "not a boolean"
    if t.kind == "array":
        return {"not": "an array"}
    if t.kind in ("map", "model", "listmeta"):
        return "not an object"
    return None


def _accessor(f, m, obj):
    mode = cpp.field_mode(f, m)
    if mode == "plain":
        return "%s.%s" % (obj, f.name)
    if mode == "settable":
        return "%s.%s.value()" % (obj, f.name)
    return "%s.%s.value()" % (obj, f.name)


def _model_tests(api, m, ex):
    L = []
    suite = "Model" + m.name
    if isinstance(m, ir.Struct):
        example = ex.model(m)
        L.append("TEST(%s, RoundTripsTheSpecExample) {" % suite)
        L.append("  gen::expect_round_trip<workos::%s>(%s, %s);" % (
            m.name, N.cpp_string(m.name), N.raw_string(jdump(example))))
        L.append("}\n")
        # Drift: unknown field and enum value survive; missing required -> warning; wrong type
        # -> DecodeError naming model and field.
        drift = dict(example)
        drift["__unknown_field__"] = {"nested": [1, 2, 3]}
        ef = _first_enum_field(m)
        check = "nullptr"
        if ef is not None:
            drift[ef.wire] = UNKNOWN_ENUM
            check = "[](const workos::%s& v) { return %s.is_unknown() && %s.wire() == %s; }" % (
                m.name, _accessor(ef, m, "v"), _accessor(ef, m, "v"), N.cpp_string(UNKNOWN_ENUM))
        missing = None
        for f in m.fields:
            if f.required and cpp.field_mode(f, m) == "plain":
                missing = f
                break
        wrong = None
        for f in m.fields:
            if _wrong_value(f.type) is not None:
                wrong = f
                break
        L.append("TEST(%s, ToleratesDriftAndRejectsWrongTypes) {" % suite)
        L.append("  gen::expect_unknowns_survive<workos::%s>(%s, %s, %s);" % (
            m.name, N.cpp_string(m.name), N.raw_string(jdump(drift)), check))
        if missing is not None:
            without = {k: v for k, v in example.items() if k != missing.wire}
            with_null = dict(example)
            with_null[missing.wire] = None
            for variant in (without, with_null):
                L.append("  gen::expect_missing_required_warns<workos::%s>(%s, %s, %s);" % (
                    m.name, N.cpp_string(m.name), N.raw_string(jdump(variant)),
                    N.cpp_string(missing.wire)))
        if wrong is not None:
            bad = dict(example)
            bad[wrong.wire] = _wrong_value(wrong.type)
            L.append("  gen::expect_wrong_type_fails<workos::%s>(%s, %s, %s);" % (
                m.name, N.cpp_string(m.name), N.raw_string(jdump(bad)),
                N.cpp_string(wrong.wire)))
        L.append("}\n")
    elif isinstance(m, ir.Union):
        L.append("TEST(%s, DecodesEveryAlternativeByItsTag) {" % suite)
        for i, a in enumerate(m.alts):
            aex = ex.alternative(m, a)
            L.append("  gen::expect_union_alternative<workos::%s>(%s, %s, %d);" % (
                m.name, N.cpp_string(m.name), N.raw_string(jdump(aex)), i))
        L.append("}\n")
        L.append("TEST(%s, KeepsAnUnknownAlternative) {" % suite)
        a = m.alts[0]
        aex = ex.alternative(m, a)
        string_tags = [(p, v) for p, v in a.conds if isinstance(v, str)]
        if string_tags:
            p = string_tags[0][0]
            if len(p) == 1:
                aex[p[0]] = UNKNOWN_TAG
            else:
                aex[p[0]][p[1]] = UNKNOWN_TAG
            tag = UNKNOWN_TAG
        else:
            for p, _ in a.conds:
                if len(p) == 1:
                    aex.pop(p[0], None)
                elif isinstance(aex.get(p[0]), dict):
                    aex[p[0]].pop(p[1], None)
            tag = ""
        # The unknown alternative records the text of the first tag field.
        first = m.tag_paths[0] if m.tag_paths else None
        tag = ""
        if first:
            v = aex.get(first[0])
            if len(first) > 1:
                v = v.get(first[1]) if isinstance(v, dict) else None
            if isinstance(v, bool):
                tag = "true" if v else "false"
            elif isinstance(v, str):
                tag = v
        L.append("  gen::expect_unknown_alternative<workos::%s>(%s, %s, %d, %s);" % (
            m.name, N.cpp_string(m.name), N.raw_string(jdump(aex)), len(m.alts),
            N.cpp_string(tag)))
        L.append("}\n")
    return "\n".join(L) + "\n"


def _enum_test(module, enums):
    if not enums:
        return ""
    L = ["TEST(%sEnums, RoundTripKnownAndUnknownWireValues) {" % N.pascal(
        EM.module_title(module))]
    for e in enums:
        for v in e.values:
            L.append("  EXPECT_EQ(workos::%s::from_wire(%s).wire(), %s);" % (
                e.name, N.cpp_string(v), N.cpp_string(v)))
            L.append("  EXPECT_EQ(workos::%s::from_wire(%s), workos::%s::%s);" % (
                e.name, N.cpp_string(v), e.name, e.enumerators[v]))
        L.append("  EXPECT_TRUE(workos::%s::from_wire(%s).is_unknown());" % (
            e.name, N.cpp_string(UNKNOWN_ENUM)))
        L.append("  EXPECT_EQ(workos::%s::from_wire(%s).wire(), %s);" % (
            e.name, N.cpp_string(UNKNOWN_ENUM), N.cpp_string(UNKNOWN_ENUM)))
    L.append("}\n")
    return "\n".join(L) + "\n"


def _service_headers(module, extensions, async_=False):
    """The public headers a test of `module`'s service includes: the generated service and, for
    a module whose accessor returns a handwritten class, that class's header."""
    if module == api_mod.COMMON:
        return []
    headers = ["workos/%s/%s.h" % (module, "async_service" if async_ else "service")]
    ext = (extensions or {}).get(module)
    if ext and not ext.get("extra"):
        h = ext.get("async_header" if async_ else "header")
        if h:
            headers.append(h)
    return headers


def _includes(headers):
    return "".join("#include <%s>\n" % h for h in sorted(set(headers)))


def emit_module_test(api, module, ex, config=None, extensions=None):
    out = [BANNER + "\n"]
    out.append("// Generated tests of the `%s` %s: exact requests through the fake transport,\n"
               "// spec examples decoded, drift tolerated, wrong types rejected.\n\n" % (
                   EM.module_title(module),
                   "models" if module == api_mod.COMMON else "service and models"))
    out.append(_includes(["workos/client.h", "workos/json.h", "workos/testing/fake_transport.h"]
                         + _service_headers(module, extensions)))
    out.append("\n#include <gtest/gtest.h>\n\n"
               "#include <cstdint>\n#include <map>\n#include <memory>\n#include <string>\n"
               "#include <vector>\n\n#include \"%s/models_json.h\"\n#include "
               "\"generated/gen_support.h\"\n\n" % module)
    out.append("namespace {\n\n")
    if module != api_mod.COMMON:
        for o in api.ops:
            if o.module == module:
                out.append(_op_test(api, o, ex))
                out.append(_also_tests(api, o, ex, config or {}))
    models = api_mod.models_of(api, module)
    for m in models:
        if isinstance(m, ir.Struct) and m.fragment:
            continue
        if isinstance(m, (ir.Struct, ir.Union)):
            out.append(_model_tests(api, m, ex))
    out.append(_enum_test(module, [m for m in models if isinstance(m, ir.Enum)]))
    out.append("}  // namespace\n")
    return "".join(out)


GEN_SUPPORT_H = BANNER + """
#pragma once

// Helpers of the generated tests: a client on a fake transport that records warnings, a JSON
// comparison, and the model checks (round trip, drift, wrong types, unions).

#include <workos/client.h>
#include <workos/common/models.h>
#include <workos/json.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace gen {

/// Log lines of level warning and above (thread-safe).
class Warnings {
 public:
  void add(std::string line) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push_back(std::move(line));
  }
  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  std::string joined() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

/// Options of a client that sends through `fake`, never retries and logs warnings to
/// `warnings` (which must outlive the client).
workos::ClientOptions client_options(std::shared_ptr<workos::Transport> fake, Warnings& warnings);

/// True when `a` and `b` hold the same JSON (object member order ignored, numbers compared as
/// doubles). With `null_is_absent`, a member that is `null` on one side may be missing on the
/// other. `why` (optional) receives the path of the first difference.
bool json_equivalent(std::string_view a, std::string_view b, bool null_is_absent,
                     std::string* why = nullptr);

/// Decodes with the internal decoder, collecting warnings.
template <class T>
workos::Result<void> decode(std::string_view model, std::string_view text, T& out,
                            std::vector<std::string>& warnings) {
  std::function<void(const std::string&)> warn = [&warnings](const std::string& w) {
    warnings.push_back(w);
  };
  return workos::detail::json::decode_document(text, model, out, &warn);
}

/// Decodes the spec example, encodes it, decodes again: no warning, the same JSON both ways.
template <class T>
void expect_round_trip(std::string_view model, std::string_view example) {
  T first{};
  std::vector<std::string> warnings;
  workos::Result<void> decoded = decode(model, example, first, warnings);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_TRUE(warnings.empty()) << (warnings.empty() ? "" : warnings.front());
  const std::string encoded = workos::to_json(first);
  std::string why;
  EXPECT_TRUE(json_equivalent(example, encoded, true, &why)) << why << "\\n" << encoded;
  workos::Result<T> second = workos::from_json<T>(encoded);
  ASSERT_TRUE(second) << second.error().message();
  EXPECT_EQ(workos::to_json(*second), encoded);
}

/// An unknown field is ignored and an unknown enum value is kept (checked by `enum_unknown`,
/// may be null) and written back.
template <class T>
void expect_unknowns_survive(std::string_view model, std::string_view json,
                             bool (*enum_unknown)(const T&)) {
  T value{};
  std::vector<std::string> warnings;
  workos::Result<void> decoded = decode(model, json, value, warnings);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_TRUE(warnings.empty()) << (warnings.empty() ? "" : warnings.front());
  if (enum_unknown != nullptr) {
    EXPECT_TRUE(enum_unknown(value));
    EXPECT_NE(workos::to_json(value).find("__unknown_enum_value__"), std::string::npos);
  }
  EXPECT_EQ(workos::to_json(value).find("__unknown_field__"), std::string::npos);
}

/// A missing required field decodes (default kept) with a warning naming model and field.
template <class T>
void expect_missing_required_warns(std::string_view model, std::string_view json,
                                   std::string_view field) {
  T value{};
  std::vector<std::string> warnings;
  workos::Result<void> decoded = decode(model, json, value, warnings);
  ASSERT_TRUE(decoded) << decoded.error().message();
  ASSERT_FALSE(warnings.empty());
  const std::string expected = std::string(model) + "." + std::string(field);
  bool named = false;
  for (const auto& w : warnings) named = named || w.find(expected) != std::string::npos;
  EXPECT_TRUE(named) << warnings.front();
}

/// A value of the wrong JSON type is a DecodeError naming model and field.
template <class T>
void expect_wrong_type_fails(std::string_view model, std::string_view json,
                             std::string_view field) {
  workos::Result<T> decoded = workos::from_json<T>(json);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind(), workos::ErrorKind::kDecode);
  const std::string expected = std::string(model) + "." + std::string(field);
  EXPECT_NE(decoded.error().message().find(expected), std::string::npos)
      << decoded.error().message();
}

/// A union decodes `json` into alternative `index` and encodes it back.
template <class T>
void expect_union_alternative(std::string_view model, std::string_view json, std::size_t index) {
  T value{};
  std::vector<std::string> warnings;
  workos::Result<void> decoded = decode(model, json, value, warnings);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_TRUE(warnings.empty()) << (warnings.empty() ? "" : warnings.front());
  EXPECT_EQ(value.value.index(), index);
  EXPECT_FALSE(value.is_unknown());
  std::string why;
  const std::string encoded = workos::to_json(value);
  EXPECT_TRUE(json_equivalent(json, encoded, true, &why)) << why << "\\n" << encoded;
}

/// An unknown tag decodes to the unknown alternative, which keeps the raw JSON.
template <class T>
void expect_unknown_alternative(std::string_view model, std::string_view json,
                                std::size_t index, std::string_view tag) {
  T value{};
  std::vector<std::string> warnings;
  workos::Result<void> decoded = decode(model, json, value, warnings);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(value.value.index(), index);
  EXPECT_TRUE(value.is_unknown());
  EXPECT_EQ(value.tag(), tag);
  std::string why;
  const std::string encoded = workos::to_json(value);
  EXPECT_TRUE(json_equivalent(json, encoded, false, &why)) << why << "\\n" << encoded;
}

}  // namespace gen
"""

GEN_SUPPORT_CC = BANNER + """
// Helpers of the generated tests (see gen_support.h).

#include "generated/gen_support.h"

#include <simdjson.h>

#include <cmath>
#include <set>
#include <string>

namespace gen {

std::string Warnings::joined() const {
  std::string out;
  for (const auto& l : lines()) out += l + "\\n";
  return out;
}

workos::ClientOptions client_options(std::shared_ptr<workos::Transport> fake, Warnings& warnings) {
  workos::ClientOptions o;
  o.api_key = "sk_test_generated";
  o.client_id = "client_generated";
  o.transport = std::move(fake);
  o.max_retries = 0;
  o.log_level = workos::LogLevel::kWarning;
  o.logger = [&warnings](workos::LogLevel, std::string_view line) {
    warnings.add(std::string(line));
  };
  return o;
}

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool is_number(element_type t) {
  return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE;
}

double number(element e) {
  switch (e.type()) {
    case element_type::INT64:
      return static_cast<double>(int64_t(e));
    case element_type::UINT64:
      return static_cast<double>(uint64_t(e));
    default:
      return double(e);
  }
}

bool equal(element a, element b, bool null_is_absent, const std::string& path, std::string* why) {
  auto fail = [&](const std::string& what) {
    if (why) *why = (path.empty() ? std::string("$") : path) + ": " + what;
    return false;
  };
  const element_type ta = a.type();
  const element_type tb = b.type();
  if (is_number(ta) && is_number(tb)) {
    return std::fabs(number(a) - number(b)) <= 1e-9 * std::fmax(1.0, std::fabs(number(a)))
               ? true
               : fail("numbers differ");
  }
  if (ta != tb) return fail("types differ");
  switch (ta) {
    case element_type::STRING:
      return std::string_view(a) == std::string_view(b) ? true : fail("strings differ");
    case element_type::BOOL:
      return bool(a) == bool(b) ? true : fail("booleans differ");
    case element_type::NULL_VALUE:
      return true;
    case element_type::ARRAY: {
      simdjson::dom::array x = a;
      simdjson::dom::array y = b;
      if (x.size() != y.size()) return fail("array sizes differ");
      std::size_t i = 0;
      auto iy = y.begin();
      for (element ex : x) {
        if (!equal(ex, *iy, null_is_absent, path + "[" + std::to_string(i) + "]", why))
          return false;
        ++iy;
        ++i;
      }
      return true;
    }
    case element_type::OBJECT: {
      simdjson::dom::object x = a;
      simdjson::dom::object y = b;
      std::set<std::string> keys;
      for (auto f : x) keys.insert(std::string(f.key));
      for (auto f : y) keys.insert(std::string(f.key));
      for (const auto& k : keys) {
        element ea;
        element eb;
        const bool ha = x.at_key(k).get(ea) == simdjson::SUCCESS;
        const bool hb = y.at_key(k).get(eb) == simdjson::SUCCESS;
        if (ha && hb) {
          if (!equal(ea, eb, null_is_absent, path + "." + k, why)) return false;
        } else {
          const element& present = ha ? ea : eb;
          if (!(null_is_absent && present.is_null()))
            return fail("member " + k + " only on one side");
        }
      }
      return true;
    }
    default:
      return fail("unsupported JSON type");
  }
}

}  // namespace

bool json_equivalent(std::string_view a, std::string_view b, bool null_is_absent,
                     std::string* why) {
  simdjson::dom::parser pa;
  simdjson::dom::parser pb;
  element ea;
  element eb;
  if (pa.parse(a.data(), a.size()).get(ea) != simdjson::SUCCESS) {
    if (why) *why = "first text is not JSON";
    return false;
  }
  if (pb.parse(b.data(), b.size()).get(eb) != simdjson::SUCCESS) {
    if (why) *why = "second text is not JSON";
    return false;
  }
  return equal(ea, eb, null_is_absent, "", why);
}

}  // namespace gen
"""


def emit_all(api, config, extensions=None, ex=None):
    ex = ex or Examples(api.builder)
    files = {}
    files["tests/generated/gen_support.h"] = GEN_SUPPORT_H
    files["tests/generated/gen_support.cc"] = GEN_SUPPORT_CC
    for module in [api_mod.COMMON] + api.modules:
        files["tests/generated/%s_test.cc" % module] = emit_module_test(api, module, ex, config,
                                                                        extensions)
    for module in api.modules:
        files["tests/generated/%s_async_test.cc" % module] = emit_module_async_test(
            api, module, ex, extensions)
    files["tests/generated/mocks_test.cc"] = emit_mock_test(api, ex)
    files["tests/unit/async_twins_test.cc"] = emit_twins_test(api, config).replace(
        "@LEFT_OUT_INCLUDES@", "".join("#include <%s>\n" % h for h in left_out_headers(config)))
    return files


def emit_mock_test(api, ex):
    """A test showing that a mocked seam drives the service's auto-paging."""
    o = [o for o in api.ops if o.response_kind == "page" and not o.url_builder and
         any(pf.p.wire == "after" for pf in S.param_fields(o)[0]) and
         _is_json_model(o.response_type)][0]
    conn = S.connection_class(o.module)
    item = cpp.type_cpp(o.response_type)
    c = OpCase(api, o, ex, hostile=True)
    args = ", ".join(["_"] * (len(o.path_params) + (1 if o.security == "access_token" else 0)) +
                     ["_", "_"])
    call_args = [N.cpp_string(v) for v in c.path_values]
    if o.has_params():
        call_args.append("workos::%s::%s{}" % (o.module, o.params_name))
    return BANNER + """
// A gMock mock of a service seam drives the service's auto-paging (pagination lives above the
// seam). Built only when the workos::mocks target is available.

#if __has_include(<workos/mocks/%(module)s_mock.h>)

#include <workos/json.h>
#include <workos/mocks/%(module)s_mock.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using ::testing::_;
using ::testing::Return;

TEST(GeneratedMocks, AMockedFirstPageDrivesAutoPaging) {
  auto mock = std::make_shared<workos::mocks::Mock%(conn)s>();
  const %(item)s item = workos::from_json<%(item)s>(%(example)s).value();
  workos::Page<%(item)s> first;
  first.data = {item, item};
  first.list_metadata.after = "cursor_2";
  workos::Page<%(item)s> second;
  second.data = {item};
  std::vector<std::string> cursors;
  EXPECT_CALL(*mock, %(name)s(%(args)s))
      .WillOnce(Return(workos::Result<workos::Page<%(item)s>>(first)))
      .WillOnce([&](%(lambda_args)s) {
        cursors.push_back(params.after.value_or(""));
        return workos::Result<workos::Page<%(item)s>>(second);
      });
  workos::%(module)s::%(service)s service(mock);
  auto page = service.%(name)s(%(call_args)s);
  ASSERT_TRUE(page);
  int count = 0;
  for (const auto& x : page->auto_paging()) {
    (void)x;
    ++count;
  }
  EXPECT_EQ(count, 3);
  EXPECT_EQ(cursors, std::vector<std::string>{"cursor_2"});
}

TEST(GeneratedMocks, AnUnmockedSeamFunctionReportsNotImplemented) {
  auto fake = std::make_shared<workos::%(module)s::%(conn)s>();
  workos::%(module)s::%(service)s service(fake);
  auto page = service.%(name)s(%(call_args)s);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().kind(), workos::ErrorKind::kConfiguration);
}

}  // namespace

#endif
""" % {"module": o.module, "conn": conn, "item": item, "name": o.name, "args": args,
       "service": S.service_class(o.module), "call_args": ", ".join(call_args),
       "example": N.raw_string(jdump(c.item)),
       "lambda_args": ", ".join(
           ["std::string_view"] * len(o.path_params) +
           (["std::string_view"] if o.security == "access_token" else []) +
           ["const workos::%s::%s& params" % (o.module, o.params_name),
            "const workos::RequestOptions&"])}


def emit_module_async_test(api, module, ex, extensions=None):
    out = [BANNER + "\n"]
    out.append("// Generated tests of the async `%s` service: every operation through\n"
               "// `workos::AsyncClient` makes the same request as through `workos::Client` and "
               "decodes the\n// same answer.\n\n" % module)
    out.append(_includes(["workos/async_client.h", "workos/json.h",
                          "workos/testing/fake_transport.h"] +
                         _service_headers(module, extensions) +
                         _service_headers(module, extensions, async_=True)))
    out.append("\n#include <gtest/gtest.h>\n\n"
               "#include <cstdint>\n#include <map>\n#include <memory>\n#include <string>\n"
               "#include <vector>\n\n#include \"generated/gen_support.h\"\n\n")
    out.append("namespace {\n\n")
    for o in api.ops:
        if o.module == module:
            out.append(_op_test(api, o, ex, "async"))
    out.append("}  // namespace\n")
    return "".join(out)


def emit_twins_test(api, config):
    """The unit test that keeps the sync and async surfaces from drifting: every method of every
    `<Module>Service` has a twin in `Async<Module>Service` with the same parameter types and the
    mapped return type."""
    rows = []
    for o in api.ops:
        rows.append((o.module, o.name))
        for name, _spec in S.also_methods(o, config or {}):
            rows.append((o.module, name))
    out = [BANNER + "\n"]
    out.append("""// Every method of every sync service has its async twin: same name, same parameter types,
// `Result<X>` -> `Future<X>` and `Result<Page<T>>` -> `Future<AsyncPage<T>>`. A drift fails to
// compile (a missing method) or fails the test (different types).

#include <workos/workos.h>
@LEFT_OUT_INCLUDES@
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

namespace {

template <class R>
struct AsyncOf {
  using type = void;
};
template <class T>
struct AsyncOf<workos::Result<T>> {
  using type = workos::Future<T>;
};
template <class T>
struct AsyncOf<workos::Result<workos::Page<T>>> {
  using type = workos::Future<workos::AsyncPage<T>>;
};

template <class Sync, class Async>
struct Twin : std::false_type {};
template <class R, class C, class R2, class C2, class... Args>
struct Twin<R (C::*)(Args...) const, R2 (C2::*)(Args...) const>
    : std::is_same<typename AsyncOf<R>::type, R2> {};

struct Row {
  const char* method;
  bool twin;
};

#define WORKOS_TWIN(module, Sync, Async, name)                                               \\
  Row {                                                                                      \\
    #module "." #name,                                                                       \\
        Twin<decltype(&workos::module::Sync::name), decltype(&workos::module::Async::name)>::value \\
  }

const std::vector<Row>& rows() {
  static const std::vector<Row> all = {
""")
    for module, name in rows:
        out.append("      WORKOS_TWIN(%s, %s, %s, %s),\n" % (
            module, S.service_class(module), S.async_service_class(module), name))
    out.append("""  };
  return all;
}

TEST(AsyncTwins, EveryServiceMethodHasItsAsyncTwin) {
  std::size_t twins = 0;
  for (const Row& row : rows()) {
    EXPECT_TRUE(row.twin) << row.method << ": the async method's parameters or return type differ";
    if (row.twin) ++twins;
  }
  EXPECT_EQ(twins, %du);
}

TEST(AsyncTwins, EveryServiceHasItsAsyncAccessor) {
""" % len(rows))
    for module in api.modules:
        out.append("  static_assert(std::is_base_of_v<workos::%s::%s, std::decay_t<decltype("
                   "std::declval<workos::AsyncClient>().%s())>>);\n" % (
                       module, S.async_service_class(module), module))
    out.append("""  workos::ClientOptions options;
  options.api_key = "sk_test_twins";
  workos::AsyncClient client(options);
  EXPECT_EQ(&client.mfa(), &client.multi_factor_auth());
}

}  // namespace
""")
    return "".join(out)
