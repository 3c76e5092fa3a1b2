"""Emits the model headers (include/workos/<module>/models.h), the internal (de)serializer
declarations (src/<module>/models_json.h) and their bodies (src/<module>/models.cc)."""

from . import api as api_mod
from . import cpp
from . import ir
from . import names as N
from .cpp import BANNER


def module_title(module):
    return "common" if module == api_mod.COMMON else module


def _std_includes(extra=()):
    base = ["<cstdint>", "<map>", "<optional>", "<string>", "<string_view>", "<utility>",
            "<variant>",
            "<vector>"]
    return "".join("#include %s\n" % i for i in sorted(set(base) | set(extra)))


# ---------------------------------------------------------------------------------------------
# Public header


def emit_enum(e):
    out = []
    desc = N.doc_lines(e.description) or ["Values of `%s`." % e.name]
    out.append(cpp.doc(desc))
    out.append("///\n/// An open enum: a value this SDK does not know decodes to `kUnknown` and keeps "
               "its wire\n/// text, which `wire()` returns and encoding writes back unchanged. "
               "Switch on it directly:\n/// `switch (v) { case %s::%s: ...; default: ...; }`.\n" % (
                   e.name, e.enumerators[e.values[0]]))
    out.append("class %s {\n public:\n" % e.name)
    out.append("  /// The values known to this SDK version.\n  enum Value {\n")
    out.append("    kUnknown = 0,  ///< A value unknown to this SDK version (see `wire()`).\n")
    for v in e.values:
        out.append("    %s,  ///< `%s`\n" % (e.enumerators[v], v.replace("*/", "* /")))
    out.append("  };\n\n")
    out.append("  /// `kUnknown` with empty wire text.\n  %s() = default;\n" % e.name)
    out.append("  /// A known value.\n  %s(Value value) : value_(value) {}  "
               "// NOLINT(google-explicit-constructor)\n" % e.name)
    out.append("  /// The value for wire text `wire`; unknown text gives `kUnknown` and is kept.\n")
    out.append("  static %s from_wire(std::string_view wire);\n" % e.name)
    out.append("  /// The wire text: the spec's string for a known value, the received text "
               "otherwise.\n  std::string_view wire() const noexcept;\n")
    out.append("  /// The known value, or `kUnknown`.\n  Value value() const noexcept { return "
               "value_; }\n")
    out.append("  /// True when the wire text is not one of the known values.\n  bool is_unknown() "
               "const noexcept { return value_ == kUnknown; }\n")
    out.append("  /// Lets `switch (v)` and `v == %s::%s` work.\n  operator Value() const noexcept "
               "{ return value_; }  // NOLINT(google-explicit-constructor)\n" % (
                   e.name, e.enumerators[e.values[0]]))
    # One member group, so the reference documents all six comparisons with the first's text.
    out.append("  ///@{\n  /// Same value and, for unknown values, same wire text.\n")
    out.append("  friend bool operator==(const %s& a, const %s& b) noexcept {\n"
               "    return a.value_ == b.value_ && (a.value_ != kUnknown || a.unknown_ == "
               "b.unknown_);\n  }\n" % (e.name, e.name))
    out.append("  friend bool operator!=(const %s& a, const %s& b) noexcept { return !(a == b); }\n"
               % (e.name, e.name))
    out.append("  friend bool operator==(const %s& a, Value b) noexcept { return a.value_ == b; }\n"
               % e.name)
    out.append("  friend bool operator!=(const %s& a, Value b) noexcept { return a.value_ != b; }\n"
               % e.name)
    out.append("  friend bool operator==(Value a, const %s& b) noexcept { return a == b.value_; }\n"
               % e.name)
    out.append("  friend bool operator!=(Value a, const %s& b) noexcept { return a != b.value_; }\n"
               "  ///@}\n" % e.name)
    out.append("\n private:\n  Value value_ = kUnknown;\n  std::string unknown_;\n};\n\n")
    return "".join(out)


def emit_struct(m):
    out = []
    desc = N.doc_lines(m.description) or ["The `%s` object." % m.name]
    out.append(cpp.doc(desc))
    if m.fragment:
        out.append("///\n/// One variant of a group of mutually exclusive request fields: its fields "
                   "are sent\n/// inline in the enclosing object.\n")
    out.append("struct %s {\n" % m.name)
    for f in m.fields:
        fd = N.doc_lines(f.description) or ["`%s`." % f.wire]
        note = cpp.wire_note(f.wire, f.name)
        mode = cpp.field_mode(f, m)
        extra = []
        if note:
            extra.append("JSON field `%s`." % f.wire)
        if mode == "optional" and f.nullable:
            extra.append("Empty when absent or `null`.")
        elif mode == "nullable":
            extra.append("Required; empty means `null`.")
        elif mode == "settable":
            extra.append("Not sent unless set; `workos::null` sends `null`.")
        if f.has_const() and cpp.const_literal(f.type, f.const) is not None:
            extra.append("Always `%s`." % (f.const if not isinstance(f.const, bool) else
                                            ("true" if f.const else "false")))
        if extra:
            fd = fd + [" ".join(extra)]
        out.append(cpp.doc(fd, "  "))
        out.append("  %s %s%s;\n" % (cpp.field_type_cpp(f, m), f.name, cpp.default_init(f, m)))
    for g in m.groups:
        alts = ", ".join("workos::" + vm.final().name for _, vm in g.variants)
        out.append("  /// Mutually exclusive fields `%s`: set exactly one variant (%s)%s.\n" % (
            g.wire_name, ", ".join("`%s`" % vn for vn, _ in g.variants),
            " or none" if g.optional else ""))
        if g.optional:
            out.append("  std::optional<std::variant<%s>> %s;\n" % (alts, g.name))
        else:
            out.append("  std::variant<%s> %s;\n" % (alts, g.name))
    setters = _group_setters(m)
    if setters:
        out.append("\n" + setters)
    out.append("};\n\n")
    return "".join(out)


def _group_setters(m):
    """Plain-value setters for the variants of `m`'s groups that hold one field: the user
    writes `p.set_role_slug("admin")` instead of naming the variant's struct. The struct stays
    an aggregate (setters are plain member functions)."""
    out = []
    taken = {f.name for f in m.fields} | {g.name for g in m.groups}
    for g in m.groups:
        for vn, vm in g.variants:
            v = vm.final()
            if len(v.fields) != 1:
                continue
            f = v.fields[0]
            name = "set_" + f.name.rstrip("_")
            if name in taken:
                continue
            taken.add(name)
            t = cpp.type_cpp(f.type)
            out.append("  /// Sets `%s` to the `%s` variant: sends `%s` (and none of the "
                       "others).\n" % (g.name, vn, f.wire))
            out.append("  void %s(%s value) { %s = workos::%s{std::move(value)}; }\n" % (
                name, t, g.name, v.name))
    return "".join(out)


def union_unknown_name(u):
    return u.name + "Unknown"


def union_common_fields(u):
    """The fields every alternative of `u` carries as a plain (required, not null, not const)
    string or timestamp under the same name, except the tag: `[(name, kind)]`. The union gets an
    accessor for each, and its unknown alternative keeps them as decoded."""
    structs = [a.model.final() for a in u.alts]
    if not structs or not all(isinstance(m, ir.Struct) for m in structs):
        return []
    tags = {p[0] for p in u.tag_paths if p}

    def plain(m, wire):
        for f in m.fields:
            if (f.wire == wire and f.required and not f.nullable and not f.has_const()
                    and f.type.kind in ("string", "timestamp")):
                return f
        return None

    out = []
    for f in structs[0].fields:
        if f.wire in tags or plain(structs[0], f.wire) is None:
            continue
        if all(plain(m, f.wire) is not None and plain(m, f.wire).type.kind == f.type.kind
               and plain(m, f.wire).name == f.name for m in structs[1:]):
            out.append((f.name, f.wire, f.type.kind))
    return out


def union_has_data(u):
    """True when every alternative of `u` has a field `data` (events: the payload)."""
    structs = [a.model.final() for a in u.alts]
    return bool(structs) and all(
        isinstance(m, ir.Struct) and any(f.wire == "data" and f.name == "data" for f in m.fields)
        for m in structs)


_COMMON_CPP = {"string": "std::string", "timestamp": "workos::Timestamp"}


def alt_accessor(u, a):
    name = a.model.final().name
    if name.startswith(u.name) and len(name) > len(u.name):
        return "as_" + N.snake(name[len(u.name):])
    return "as_" + N.snake(a.suffix if not a.model.final().component else name)


def tag_description(u):
    if not u.tag_paths:
        return "its shape"
    return ", ".join("`%s`" % ".".join(p) for p in u.tag_paths)


def emit_union(u):
    out = []
    un = union_unknown_name(u)
    out.append("/// An alternative of `%s` unknown to this SDK version: keeps its tag and its raw "
               "JSON,\n/// which encoding writes back unchanged.\n" % u.name)
    out.append("struct %s {\n" % un)
    out.append("  /// The value of %s as received (text of the first tag field).\n"
               "  std::string tag;\n" % tag_description(u))
    for name, wire, kind in union_common_fields(u):
        out.append("  /// `%s` as received (empty when absent).\n  %s %s;\n" % (
            wire, _COMMON_CPP[kind], name))
    if union_has_data(u):
        out.append("  /// `data` as received (empty when absent).\n  workos::RawJson data;\n")
    out.append("  /// The whole object as received.\n  workos::RawJson raw;\n};\n\n")
    desc = N.doc_lines(u.description) or ["One of several object shapes."]
    out.append(cpp.doc(desc))
    out.append("///\n/// A tagged union decoded by %s; an unknown tag decodes to `%s`.\n" % (
        tag_description(u), un))
    out.append("struct %s {\n" % u.name)
    alts = ["workos::" + a.model.final().name for a in u.alts] + ["workos::" + un]
    out.append("  /// The alternative held.\n  std::variant<%s> value;\n\n" % ", ".join(alts))
    # Special members are defined out of line: a std::variant of many alternatives is costly
    # to copy-instantiate, so it is done once in the library instead of in every caller.
    out.append("  /// Holds a default `%s`.\n  %s();\n" % (u.alts[0].model.final().name, u.name))
    out.append("  /// Copies the alternative held.\n  %s(const %s& other);\n"
               "  /// Moves the alternative held.\n  %s(%s&& other) noexcept;\n" % ((u.name,) * 4))
    out.append("  /// Copies the alternative held.\n  %s& operator=(const %s& other);\n"
               "  /// Moves the alternative held.\n  %s& operator=(%s&& other) noexcept;\n"
               % ((u.name,) * 4))
    out.append("  ~%s();\n\n" % u.name)
    out.append("  /// The tag value of the alternative held (%s).\n"
               "  std::string_view tag() const noexcept;\n" % tag_description(u))
    out.append("  /// True when the tag was not known to this SDK version.\n"
               "  bool is_unknown() const noexcept;\n")
    if len(u.tag_paths) == 1 and list(u.tag_paths[0]) == ["event"]:
        out.append("  /// The event type as sent (`event`, e.g. `user.created`); the same as "
                   "`tag()`.\n  std::string_view type() const noexcept { return tag(); }\n")
    for name, wire, kind in union_common_fields(u):
        out.append("  /// `%s` of the alternative held, whichever it is (unknown ones "
                   "included).\n  const %s& %s() const noexcept;\n" % (
                       wire, _COMMON_CPP[kind], name))
    if union_has_data(u):
        out.append("  /// `data` of the alternative held as compact JSON text, whichever it is "
                   "(unknown ones\n  /// included; `{}` when an unknown one had none).\n"
                   "  std::string data_json() const;\n")
    for a in u.alts:
        cond = ", ".join("`%s` = `%s`" % (".".join(p), _json_scalar(v)) for p, v in a.conds)
        out.append("  /// The `%s` alternative (%s), or null.\n" % (
            a.model.final().name, cond or "fallback"))
        out.append("  const workos::%s* %s() const noexcept;\n" % (a.model.final().name,
                                                                    alt_accessor(u, a)))
    out.append("  /// The unknown alternative, or null.\n  const workos::%s* as_unknown() const "
               "noexcept;\n" % un)
    out.append("};\n\n")
    return "".join(out)


def _json_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


_SCALAR_CPP = {"string": "std::string", "int": "std::int64_t", "number": "double", "bool": "bool"}


def emit_scalar_union(s):
    out = []
    desc = N.doc_lines(s.description) or ["A JSON scalar: %s." % " or ".join(s.kinds)]
    out.append(cpp.doc(desc))
    out.append("///\n/// Holds one of the JSON scalar types the spec allows here.\n")
    out.append("struct %s {\n" % s.name)
    types = [_SCALAR_CPP[k] for k in s.kinds]
    out.append("  /// The value held.\n  std::variant<%s> value;\n\n" % ", ".join(types))
    out.append("  %s() = default;\n" % s.name)
    for k in s.kinds:
        if k == "string":
            out.append("  /// A string value.\n  %s(std::string v) : value(std::move(v)) {}  "
                       "// NOLINT(google-explicit-constructor)\n" % s.name)
            out.append("  /// A string value.\n  %s(const char* v) : value(std::string(v)) {}  "
                       "// NOLINT(google-explicit-constructor)\n" % s.name)
        elif k == "number":
            out.append("  /// A number.\n  %s(double v) : value(v) {}  "
                       "// NOLINT(google-explicit-constructor)\n" % s.name)
            if "int" not in s.kinds:
                out.append("  /// A number.\n  %s(int v) : value(static_cast<double>(v)) {}  "
                           "// NOLINT(google-explicit-constructor)\n" % s.name)
        elif k == "int":
            out.append("  /// An integer.\n  %s(std::int64_t v) : value(v) {}  "
                       "// NOLINT(google-explicit-constructor)\n" % s.name)
        elif k == "bool":
            out.append("  /// A boolean.\n  %s(bool v) : value(v) {}  "
                       "// NOLINT(google-explicit-constructor)\n" % s.name)
    out.append("};\n\n")
    return "".join(out)


def public_json_models(models):
    """Models with a public from_json / to_json pair (everything but group fragments)."""
    return [m for m in models if not (isinstance(m, ir.Struct) and m.fragment) and
            not isinstance(m, ir.Enum)]


def emit_header(api, module):
    models = api_mod.models_of(api, module)
    out = [BANNER + "\n", "#pragma once\n\n"]
    title = module_title(module)
    if module == api_mod.COMMON:
        out.append("/// @file\n/// Models shared by several WorkOS services (generated from the "
                   "OpenAPI spec).\n/// Plain aggregates; decode and encode them with "
                   "`workos::from_json` / `workos::to_json`.\n\n")
    else:
        out.append("/// @file\n/// Models of the `%s` service (generated from the OpenAPI spec). "
                   "Plain aggregates;\n/// decode and encode them with `workos::from_json` / "
                   "`workos::to_json`.\n\n" % title)
    includes = ["<workos/result.h>", "<workos/types.h>"]
    if module != api_mod.COMMON:
        includes.insert(0, "<workos/common/models.h>")
    if any(_uses_listmeta(m) for m in models):
        includes.append("<workos/page.h>")
    out.append("".join("#include %s\n" % i for i in includes))
    out.append("\n" + _std_includes() + "\n")
    out.append("namespace workos {\n\n")
    for m in models:
        if isinstance(m, ir.Enum):
            out.append(emit_enum(m))
        elif isinstance(m, ir.Struct):
            out.append(emit_struct(m))
        elif isinstance(m, ir.Union):
            out.append(emit_union(m))
        elif isinstance(m, ir.ScalarUnion):
            out.append(emit_scalar_union(m))
    pj = public_json_models(models)
    if pj:
        out.append("// JSON text <-> models. `from_json` is strict on JSON types (a DecodeError "
                   "naming model and\n// field) and liberal on drift (unknown fields ignored, "
                   "unknown enum values kept, missing\n// required fields left at their "
                   "default). See also `workos::from_json<T>` in <workos/json.h>.\n\n")
    for m in pj:
        out.append("/// Decodes `json` into `out`; a DecodeError naming model and field when a "
                   "value has the\n/// wrong JSON type or the text is not JSON.\n")
        out.append("Result<void> from_json(std::string_view json, %s& out);\n" % m.name)
        out.append("/// Encodes `value` as compact JSON text.\n")
        out.append("std::string to_json(const %s& value);\n" % m.name)
    out.append("\n}  // namespace workos\n")
    return "".join(out)


def _uses_listmeta(m):
    found = []

    def walk(t):
        if t.kind == "listmeta":
            found.append(1)
        elif t.kind in ("array", "map"):
            walk(t.inner)

    if isinstance(m, ir.Struct):
        for f in m.fields:
            walk(f.type)
    return bool(found)


# ---------------------------------------------------------------------------------------------
# Internal declarations


def emit_json_header(api, module):
    models = api_mod.models_of(api, module)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("// Internal: JSON (de)serializers of the %s models, for the generated services "
               "and for other\n// modules' models. Never included by a public header.\n\n"
               % module_title(module))
    out.append("#include <workos/%s/models.h>\n\n" % module)
    if module != api_mod.COMMON:
        out.append('#include "common/models_json.h"\n')
    else:
        out.append('#include "common/json_support.h"\n')
    out.append('#include "core/json.h"\n\n')
    out.append("namespace workos::detail::json {\n\n")
    for m in models:
        if isinstance(m, ir.Struct) and m.fragment:
            out.append("bool read_field(std::string_view key, Value v, workos::%s& out, "
                       "DecodeContext& c);\n" % m.name)
            out.append("void write_fields(Writer& w, const workos::%s& v);\n" % m.name)
            continue
        out.append("void read(Value v, workos::%s& out, DecodeContext& c);\n" % m.name)
        out.append("void write(Writer& w, const workos::%s& v);\n" % m.name)
    out.append("\n}  // namespace workos::detail::json\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Bodies


def _read_struct(m):
    out = []
    model_lit = N.cpp_string(m.name)
    if m.fragment:
        out.append("bool read_field(std::string_view k, Value v, workos::%s& o, "
                   "DecodeContext& c) {\n" % m.name)
        for f in m.fields:
            out.append("  if (key_is(k, %s)) {\n    field(c, %s, %s, v, o.%s, %s);\n    return true;\n"
                       "  }\n" % (N.cpp_string(f.wire), model_lit, N.cpp_string(f.wire), f.name,
                                  "true" if cpp.field_mode(f, m) == "plain" else "false"))
        out.append("  return false;\n}\n\n")
        return "".join(out)
    out.append("void read(Value v, workos::%s& o, DecodeContext& c) {\n" % m.name)
    if not m.fields and not m.groups:
        out.append("  (void)o;\n  ObjectReader r(v, c);\n  (void)r;\n}\n\n")
        return "".join(out)
    out.append("  ObjectReader r(v, c);\n  if (!r.ok()) return;\n")
    required = [f for f in m.fields if f.required]
    words = (len(required) + 63) // 64
    if words:
        out.append("  std::uint64_t seen[%d] = {};\n" % words)
    for gi, g in enumerate(m.groups):
        for vi, (vn, vm) in enumerate(g.variants):
            out.append("  workos::%s g%d_%d;\n  bool g%d_%d_seen = false;\n" % (
                vm.final().name, gi, vi, gi, vi))
    if m.fields or m.groups:
        out.append("  for (auto f : r.fields()) {\n    const std::string_view k = f.key;\n")
        first = True
        ri = 0
        for f in m.fields:
            kw = "if" if first else "} else if"
            first = False
            mark = ""
            if f.required:
                mark = "    seen[%d] |= std::uint64_t{1} << %d;\n" % (ri // 64, ri % 64)
                ri += 1
            out.append("    %s (key_is(k, %s)) {\n%s    field(c, %s, %s, f.value, o.%s, %s);\n" % (
                kw, N.cpp_string(f.wire), mark, model_lit, N.cpp_string(f.wire), f.name,
                "true" if cpp.field_mode(f, m) == "plain" else "false"))
        for gi, g in enumerate(m.groups):
            for vi, (vn, vm) in enumerate(g.variants):
                kw = "if" if first else "} else if"
                first = False
                out.append("    %s (read_field(k, f.value, g%d_%d, c)) {\n      g%d_%d_seen = "
                           "true;\n" % (kw, gi, vi, gi, vi))
        out.append("    }\n  }\n")
    ri = 0
    for f in m.fields:
        if f.required:
            out.append("  if (!(seen[%d] & (std::uint64_t{1} << %d))) c.missing_required(%s, %s);\n"
                       % (ri // 64, ri % 64, model_lit, N.cpp_string(f.wire)))
            ri += 1
    for gi, g in enumerate(m.groups):
        chain = []
        for vi, (vn, vm) in enumerate(g.variants):
            chain.append("if (g%d_%d_seen) {\n    o.%s = std::move(g%d_%d);\n  }" % (
                gi, vi, g.name, gi, vi))
        text = "  " + " else ".join(chain)
        if not g.optional:
            text += " else {\n    c.missing_required(%s, %s);\n  }" % (
                model_lit, N.cpp_string(g.wire_name))
        out.append(text + "\n")
    out.append("}\n\n")
    return "".join(out)


def _write_members(m, obj):
    out = []
    for f in m.fields:
        mode = cpp.field_mode(f, m)
        if mode == "nullable":
            out.append("  w.key(%s);\n  write(w, %s.%s);\n" % (N.cpp_string(f.wire), obj, f.name))
        else:
            out.append("  member(w, %s, %s.%s);\n" % (N.cpp_string(f.wire), obj, f.name))
    for g in m.groups:
        ref = "%s.%s" % (obj, g.name)
        if g.optional:
            out.append("  if (%s) {\n" % ref)
            ref = "(*%s)" % ref
        else:
            out.append("  {\n")
        out.append("    switch (%s.index()) {\n" % ref)
        for vi, (vn, vm) in enumerate(g.variants):
            out.append("      case %d:\n        write_fields(w, *std::get_if<%d>(&%s));\n"
                       "        break;\n" % (vi, vi, ref))
        out.append("      default:\n        break;\n    }\n  }\n")
    return "".join(out)


def _write_struct(m):
    if m.fragment:
        return "void write_fields(Writer& w, const workos::%s& o) {\n%s}\n\n" % (
            m.name, _write_members(m, "o") if (m.fields or m.groups) else "  (void)w;\n  (void)o;\n")
    body = _write_members(m, "o")
    if not body:
        return ("void write(Writer& w, const workos::%s& o) {\n  (void)o;\n  w.begin_object();\n"
                "  w.end_object();\n}\n\n" % m.name)
    return "void write(Writer& w, const workos::%s& o) {\n  w.begin_object();\n%s  w.end_object();" \
           "\n}\n\n" % (m.name, body)


def _enum_bodies(e):
    out = []
    out.append("%s %s::from_wire(std::string_view wire) {\n" % (e.name, e.name))
    for v in e.values:
        out.append("  if (wire == %s) return %s;\n" % (N.cpp_string(v), e.enumerators[v]))
    out.append("  %s out;\n  out.unknown_ = std::string(wire);\n  return out;\n}\n\n" % e.name)
    out.append("std::string_view %s::wire() const noexcept {\n  switch (value_) {\n" % e.name)
    for v in e.values:
        out.append("    case %s:\n      return %s;\n" % (e.enumerators[v], N.cpp_string(v)))
    out.append("    default:\n      return unknown_;\n  }\n}\n\n")
    return "".join(out)


def _enum_json(e):
    return ("void read(Value v, workos::%s& o, DecodeContext& c) {\n  std::string_view s;\n"
            "  if (!read_enum_text(v, s, c)) return;\n  o = workos::%s::from_wire(s);\n}\n\n"
            "void write(Writer& w, const workos::%s& v) { w.string(v.wire()); }\n\n" % (
                e.name, e.name, e.name))


def _tag_expr(path, value):
    args = ", ".join(N.cpp_string(p) for p in path)
    if isinstance(value, bool):
        return "tag_bool(v, %s) == %d" % (args, 1 if value else 0)
    return "tag_text(v, %s) == %s" % (args, N.cpp_string(str(value)))


def _union_bodies(u):
    out = []
    un = union_unknown_name(u)
    n = len(u.alts)
    # Accessors (public, in namespace workos).
    out.append("std::string_view %s::tag() const noexcept {\n  switch (value.index()) {\n"
               % u.name)
    for i, a in enumerate(u.alts):
        if a.conds:
            out.append("    case %d:\n      return %s;\n" % (i, N.cpp_string(
                _json_scalar(a.conds[0][1]))))
    out.append("    case %d:\n      return std::get_if<%d>(&value)->tag;\n" % (n, n))
    out.append("    default:\n      return {};\n  }\n}\n\n")
    out.append("bool %s::is_unknown() const noexcept { return value.index() == %d; }\n\n" % (
        u.name, n))
    # Common members: every alternative has them. A switch, not std::visit: visitation tables
    # over a hundred alternatives cost seconds of compile time.
    for name, wire, kind in union_common_fields(u):
        out.append("const %s& %s::%s() const noexcept {\n  switch (value.index()) {\n" % (
            _COMMON_CPP[kind], u.name, name))
        for i in range(n):
            out.append("    case %d:\n      return std::get_if<%d>(&value)->%s;\n" % (i, i, name))
        out.append("    default:\n      return std::get_if<%d>(&value)->%s;\n  }\n}\n\n" % (
            n, name))
    if union_has_data(u):
        out.append("std::string %s::data_json() const {\n  switch (value.index()) {\n" % u.name)
        for i in range(n):
            out.append("    case %d:\n      return to_json(std::get_if<%d>(&value)->data);\n"
                       % (i, i))
        out.append("    default: {\n      const workos::RawJson& d = std::get_if<%d>(&value)->data;"
                   "\n      return d.empty() ? std::string(\"{}\") : d.text();\n    }\n  }\n}\n\n"
                   % n)
    # Copies and moves go alternative by alternative through emplace: libstdc++'s generic
    # variant copy (visitation tables) costs seconds of compile time per hundred alternatives.
    out.append("%s::%s() = default;\n%s::~%s() = default;\n" % ((u.name,) * 4))
    out.append("%s::%s(const %s& other) { *this = other; }\n" % ((u.name,) * 3))
    out.append("%s::%s(%s&& other) noexcept { *this = std::move(other); }\n\n" % ((u.name,) * 3))
    for kind, ref in (("const %s& other", "*std::get_if<%d>(&other.value)"),
                      ("%s&& other", "std::move(*std::get_if<%d>(&other.value))")):
        noexc = " noexcept" if "&&" in kind else ""
        out.append("%s& %s::operator=(%s)%s {\n  if (this == &other) return *this;\n"
                   "  switch (other.value.index()) {\n" % (u.name, u.name, kind % u.name, noexc))
        for i in range(n + 1):
            out.append("    case %d:\n      value.emplace<%d>(%s);\n      break;\n" % (
                i, i, ref % i))
        out.append("    default:\n      break;\n  }\n  return *this;\n}\n\n")
    for i, a in enumerate(u.alts):
        out.append("const workos::%s* %s::%s() const noexcept { return std::get_if<%d>(&value); }"
                   "\n\n" % (a.model.final().name, u.name, alt_accessor(u, a), i))
    out.append("const workos::%s* %s::as_unknown() const noexcept { return std::get_if<%d>(&value);"
               " }\n\n" % (un, u.name, n))
    return "".join(out)


def _union_json(u):
    out = []
    un = union_unknown_name(u)
    n = len(u.alts)
    out.append("void read(Value v, workos::%s& o, DecodeContext& c) {\n" % u.name)
    out.append("  ObjectReader r(v, c);\n  if (!r.ok()) return;\n")
    order = sorted(range(n), key=lambda i: -len(u.alts[i].conds))
    for i in order:
        a = u.alts[i]
        if not a.conds:
            continue
        cond = " && ".join(_tag_expr(p, val) for p, val in a.conds)
        out.append("  if (%s) {\n    workos::%s x;\n    read(v, x, c);\n"
                   "    o.value.emplace<%d>(std::move(x));\n    return;\n  }\n" % (
                       cond, u.alts[i].model.final().name, i))
    fallback = [i for i in order if not u.alts[i].conds]
    if fallback:
        out.append("  workos::%s x;\n  read(v, x, c);\n  o.value.emplace<%d>(std::move(x));"
                   "\n}\n\n" % (u.alts[fallback[0]].model.final().name, fallback[0]))
    else:
        first = u.tag_paths[0] if u.tag_paths else None
        out.append("  workos::%s u;\n" % un)
        if first:
            out.append("  u.tag = tag_string(v, %s);\n" % ", ".join(N.cpp_string(p) for p in first))
        kept = [(name, wire) for name, wire, _ in union_common_fields(u)]
        if union_has_data(u):
            kept.append(("data", "data"))
        if kept:
            out.append("  for (auto f : r.fields()) {\n    const std::string_view k = f.key;\n")
            for j, (name, wire) in enumerate(kept):
                out.append("    %sif (key_is(k, %s))\n      field(c, %s, %s, f.value, u.%s, false);\n"
                           % ("else " if j else "", N.cpp_string(wire), N.cpp_string(u.name),
                              N.cpp_string(wire), name))
            out.append("  }\n")
        out.append("  read(v, u.raw, c);\n  o.value.emplace<%d>(std::move(u));\n}\n\n" % n)
    out.append("void write(Writer& w, const workos::%s& o) {\n  switch (o.value.index()) {\n"
               % u.name)
    for i in range(n):
        out.append("    case %d:\n      write(w, *std::get_if<%d>(&o.value));\n      return;\n"
                   % (i, i))
    out.append("    default:\n      write(w, std::get_if<%d>(&o.value)->raw);\n      return;\n"
               "  }\n}\n\n" % n)
    return "".join(out)


def _scalar_json(s):
    out = []
    out.append("void read(Value v, workos::%s& o, DecodeContext& c) {\n" % s.name)
    for k in s.kinds:
        if k == "string":
            out.append("  if (v.is_string()) {\n    std::string x;\n    read(v, x, c);\n"
                       "    o.value = std::move(x);\n    return;\n  }\n")
        elif k == "bool":
            out.append("  if (v.is_bool()) {\n    bool x = false;\n    read(v, x, c);\n"
                       "    o.value = x;\n    return;\n  }\n")
        elif k == "int":
            out.append("  if (v.is_int64() || v.is_uint64()) {\n    std::int64_t x = 0;\n"
                       "    read(v, x, c);\n    o.value = x;\n    return;\n  }\n")
        elif k == "number":
            out.append("  if (v.is_number()) {\n    double x = 0;\n    read(v, x, c);\n"
                       "    o.value = x;\n    return;\n  }\n")
    out.append("  c.type_error(%s, v);\n}\n\n" % N.cpp_string(" or ".join(
        {"string": "string", "bool": "boolean", "int": "integer", "number": "number"}[k]
        for k in s.kinds)))
    out.append("void write(Writer& w, const workos::%s& o) {\n  switch (o.value.index()) {\n"
               % s.name)
    for i, k in enumerate(s.kinds):
        out.append("    case %d:\n      write(w, *std::get_if<%d>(&o.value));\n      return;\n"
                   % (i, i))
    out.append("    default:\n      w.null();\n      return;\n  }\n}\n\n")
    return "".join(out)


def emit_sources(api, module, parts=1):
    """{path: text} of the module's model sources: `src/<module>/models.cc`, or with `parts` > 1
    the models split in that many contiguous slices (`models.cc`, `models_2.cc`, ...), so that a
    large module (events) is not one huge translation unit."""
    models = api_mod.models_of(api, module)
    parts = max(1, min(parts, len(models)))
    # Slices of about equal text (the union decoders are much larger than an enum's).
    sizes = [len(emit_source(api, module, [m], False)) for m in models]
    target = sum(sizes) / parts
    slices, current, acc = [], [], 0
    for m, n in zip(models, sizes):
        if current and acc + n / 2 > target * (len(slices) + 1) and len(slices) < parts - 1:
            slices.append(current)
            current = []
        current.append(m)
        acc += n
    slices.append(current)
    files = {}
    for i, chunk in enumerate(slices):
        path = "src/%s/models.cc" % module if i == 0 else "src/%s/models_%d.cc" % (module, i + 1)
        files[path] = emit_source(api, module, chunk, i == 0, (i + 1, len(slices)))
    return files


def emit_source(api, module, models=None, first=True, part=(1, 1)):
    models = api_mod.models_of(api, module) if models is None else models
    title = "// JSON (de)serialization and helpers of the %s models" % module_title(module)
    if part[1] > 1:
        title += " (part %d of %d)" % part
    out = [BANNER + "\n", title + ".\n\n"]
    out.append('#include "%s/models_json.h"\n\n' % module)
    out.append("#include <cstdint>\n#include <string>\n#include <string_view>\n#include <utility>"
               "\n#include <variant>\n\n")
    # Public member functions (enums, unions).
    pub = [m for m in models if isinstance(m, (ir.Enum, ir.Union))]
    pj = public_json_models(models)
    if pub or pj:
        out.append("namespace workos {\n\n")
        for m in pub:
            out.append(_enum_bodies(m) if isinstance(m, ir.Enum) else _union_bodies(m))
        out.append("}  // namespace workos\n\n")
    out.append("namespace workos::detail::json {\n\n")
    if module == api_mod.COMMON and first:
        out.append(COMMON_SUPPORT_BODIES)
    for m in models:
        if isinstance(m, ir.Enum):
            out.append(_enum_json(m))
        elif isinstance(m, ir.Struct):
            out.append(_read_struct(m))
            out.append(_write_struct(m))
        elif isinstance(m, ir.Union):
            out.append(_union_json(m))
        elif isinstance(m, ir.ScalarUnion):
            out.append(_scalar_json(m))
    out.append("}  // namespace workos::detail::json\n")
    if pj:
        out.append("\nnamespace workos {\n\n")
        for m in pj:
            out.append("Result<void> from_json(std::string_view json, %s& out) {\n"
                       "  return detail::json::decode_document(json, %s, out);\n}\n\n" % (
                           m.name, N.cpp_string(m.name)))
            out.append("std::string to_json(const %s& value) {\n"
                       "  return detail::json::encode_document(value);\n}\n\n" % m.name)
        out.append("}  // namespace workos\n")
    return "".join(out)


COMMON_SUPPORT_BODIES = """\
bool read_enum_text(Value v, std::string_view& out, DecodeContext& c) {
  if (v.get_string().get(out) != simdjson::SUCCESS) {
    c.type_error("string", v);
    return false;
  }
  return true;
}

namespace {
// The last member named `key`: field decoding keeps the last of a repeated key, so the
// alternative chosen by the tag and the fields decoded into it always agree.
bool last_member(Value v, const char* key, Value& out) {
  simdjson::dom::object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return false;
  bool found = false;
  for (auto field : obj) {
    if (field.key == key) {
      out = field.value;
      found = true;
    }
  }
  return found;
}

bool tag_value(Value v, const char* a, const char* b, Value& out) {
  if (!last_member(v, a, out)) return false;
  if (b == nullptr) return true;
  Value outer = out;
  return last_member(outer, b, out);
}
}  // namespace

std::string_view tag_text(Value v, const char* a, const char* b) {
  Value e;
  std::string_view s;
  if (!tag_value(v, a, b, e) || e.get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

int tag_bool(Value v, const char* a, const char* b) {
  Value e;
  bool x = false;
  if (!tag_value(v, a, b, e) || e.get_bool().get(x) != simdjson::SUCCESS) return -1;
  return x ? 1 : 0;
}

std::string tag_string(Value v, const char* a, const char* b) {
  Value e;
  if (!tag_value(v, a, b, e)) return {};
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  bool x = false;
  if (e.get_bool().get(x) == simdjson::SUCCESS) return x ? "true" : "false";
  return {};
}

"""


JSON_SUPPORT_HEADER = BANNER + """
#pragma once

// Internal helpers of the generated (de)serializers: open enums, union tags, Settable fields. Never included by a public header.

#include <workos/page.h>
#include <workos/types.h>

#include "core/json.h"

#include <string>
#include <string_view>

namespace workos::detail::json {

/// Reads a JSON string for an open enum; records a type error otherwise.
bool read_enum_text(Value v, std::string_view& out, DecodeContext& c);

/// The string at `a` (or `a.b`) of object `v`, or empty when absent or not a string.
std::string_view tag_text(Value v, const char* a, const char* b = nullptr);
/// The boolean at `a` (or `a.b`): 1 true, 0 false, -1 absent or not a boolean.
int tag_bool(Value v, const char* a, const char* b = nullptr);
/// The tag at `a` (or `a.b`) as text (strings as they are, booleans as true / false).
std::string tag_string(Value v, const char* a, const char* b = nullptr);

/// An optional request field that may also be `null`.
template <class T>
void read(Value v, Settable<T>& out, DecodeContext& c) {
  if (v.is_null()) {
    out = workos::null;
    return;
  }
  T value{};
  read(v, value, c);
  out = std::move(value);
}

}  // namespace workos::detail::json
"""
