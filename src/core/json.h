// Copyright workos-cpp authors. Handwritten.
#pragma once

// Internal JSON layer: decoding with simdjson (DOM API) into the generated structs, encoding
// with a small writer. Never included by a public header. Generated model code calls only the
// names declared here:
//
//   decoding:  read(Value, T&, DecodeContext&)  -- overloads for primitives, Timestamp, RawJson,
//              optional, vector, map; generated code adds one overload per model / enum / union.
//              ObjectReader iterates an object's fields; DecodeContext records the path, the
//              first type error (a DecodeError naming model and field) and warnings for missing
//              required fields (DESIGN §4: default value kept, warning logged).
//   encoding:  write(Writer&, const T&) -- same overload set; Writer emits compact JSON.
//
// See docs/adr/0001-json-decoding.md for why simdjson DOM.

#include <workos/error.h>
#include <workos/page.h>
#include <workos/result.h>
#include <workos/types.h>

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The decode hot path is inlined whatever the including translation unit's inlining budget (a
// generated models unit is large enough for GCC to stop inlining small helpers on its own).
#if defined(__GNUC__)
#define WORKOS_JSON_HOT inline __attribute__((always_inline))
#else
#define WORKOS_JSON_HOT inline
#endif

namespace workos::detail::json {

using Value = simdjson::dom::element;

/// True when a field's key is `name`: what the generated decoders dispatch on. The length is a
/// constant, so this is a length check and a fixed-size compare the compiler expands in place.
template <std::size_t N>
WORKOS_JSON_HOT bool key_is(std::string_view key, const char (&name)[N]) noexcept {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

/// Decoding state for one document: the current path ("Organization.domains[0].state"), the
/// first hard error, and warnings. Not thread-safe (one per decode).
class DecodeContext {
 public:
  DecodeContext() = default;

  /// Pushes a path component: a field name (".name") or an index ("[3]"). Inline and
  /// allocation-free for the first kInlineDepth levels: they run for every field of every
  /// decoded value, so they store into a fixed array (no capacity check, no temporary).
  WORKOS_JSON_HOT void push_field(std::string_view model, std::string_view field) {
    if (depth_ < kInlineDepth) {
      Component& p = inline_[depth_];
      p.model = model;
      p.field = field;
      p.index = kNoIndex;
    } else {
      overflow_.push_back(Component{model, field, kNoIndex});
    }
    ++depth_;
  }
  WORKOS_JSON_HOT void push_index(std::size_t index) {
    if (depth_ < kInlineDepth) {
      Component& p = inline_[depth_];
      p.model = {};
      p.field = {};
      p.index = index;
    } else {
      overflow_.push_back(Component{{}, {}, index});
    }
    ++depth_;
  }
  WORKOS_JSON_HOT void pop() {
    if (depth_ == 0) return;
    --depth_;
    if (depth_ >= kInlineDepth) overflow_.pop_back();
  }

  /// Records a wrong JSON type at the current path (first one wins); decoding continues but the
  /// result will be a DecodeError. `expected` is e.g. "string", "object".
  void type_error(const char* expected, Value got);
  /// Records any other hard error at the current path.
  void fail(std::string_view message);
  /// Records a warning for a missing required field (model and field named).
  void missing_required(std::string_view model, std::string_view field);
  /// Records a warning for a required, non-nullable field that came as `null`.
  void null_required(std::string_view model, std::string_view field);
  void warn(std::string message);

  bool failed() const noexcept { return failed_; }
  /// The DecodeError (kind kDecode) for the first failure; only when `failed()`.
  Error error() const;
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }
  std::string path() const;

 private:
  // Path components point at static names (model / field literals of the generated code) or at
  // keys inside the parsed document, which outlive the decode; strings are built only on error.
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  static constexpr std::size_t kInlineDepth = 32;
  struct Component {
    std::string_view model;
    std::string_view field;
    std::size_t index = kNoIndex;  ///< An array index, or kNoIndex for a field.
  };
  const Component& component(std::size_t i) const noexcept {
    return i < kInlineDepth ? inline_[i] : overflow_[i - kInlineDepth];
  }
  /// Records the warning `what` about `field` of `model` at the current path.
  void field_warning(std::string_view model, std::string_view field, std::string_view what);
  Component inline_[kInlineDepth];
  std::vector<Component> overflow_;  // levels past kInlineDepth (deeply nested documents)
  std::size_t depth_ = 0;
  bool failed_ = false;
  std::string first_error_;
  std::vector<std::string> warnings_;
};

/// JSON type name for messages ("string", "number", "object", ...).
const char* type_name(Value v) noexcept;

// ---- primitives ---------------------------------------------------------------------------
void read(Value v, std::string& out, DecodeContext& c);
void read(Value v, std::int64_t& out, DecodeContext& c);
void read(Value v, double& out, DecodeContext& c);
void read(Value v, bool& out, DecodeContext& c);
void read(Value v, Timestamp& out, DecodeContext& c);
/// Any JSON value, kept as compact JSON text.
void read(Value v, RawJson& out, DecodeContext& c);

// ---- strict readers (no context): the handwritten decoders of tokens and cookies, where any
// wrong type rejects the whole document ------------------------------------------------------
/// A string; false for any other type.
bool read_string(Value v, std::string& out);
/// A string, or `null` (resets `out`); false for any other type.
bool read_optional_string(Value v, std::optional<std::string>& out);
/// An array of strings, or `null` (leaves `out` empty); false for any other type.
bool read_string_array(Value v, std::vector<std::string>& out);

template <class T>
void read(Value v, std::optional<T>& out, DecodeContext& c) {
  if (v.is_null()) {
    out.reset();
    return;
  }
  out.emplace();
  read(v, *out, c);
}

template <class T>
void read(Value v, std::vector<T>& out, DecodeContext& c) {
  simdjson::dom::array arr;
  if (v.get_array().get(arr) != simdjson::SUCCESS) {
    c.type_error("array", v);
    return;
  }
  out.clear();
  out.reserve(arr.size());
  std::size_t i = 0;
  for (Value item : arr) {
    c.push_index(i++);
    out.emplace_back();
    read(item, out.back(), c);
    c.pop();
  }
}

template <class T>
void read(Value v, std::map<std::string, T>& out, DecodeContext& c) {
  simdjson::dom::object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) {
    c.type_error("object", v);
    return;
  }
  out.clear();
  for (auto field : obj) {
    c.push_field("", field.key);
    read(field.value, out[std::string(field.key)], c);
    c.pop();
  }
}

/// Iterates the fields of an object for a generated model decoder:
///
///   void read(Value v, Organization& o, DecodeContext& c) {
///     ObjectReader r(v, c);
///     if (!r.ok()) return;                         // type error already recorded
///     std::uint64_t seen = 0;                      // bit per required field
///     for (auto f : r.fields()) {
///       if (f.key == "id") { field(c, "Organization", "id", f.value, o.id, true); seen |= 1; }
///       else if ...
///     }
///     if (!(seen & 1)) c.missing_required("Organization", "id");
///   }
class ObjectReader {
 public:
  ObjectReader(Value v, DecodeContext& c) {
    if (v.get_object().get(obj_) != simdjson::SUCCESS) {
      c.type_error("object", v);
      ok_ = false;
    }
  }
  bool ok() const noexcept { return ok_; }
  const simdjson::dom::object& fields() const noexcept { return obj_; }

 private:
  simdjson::dom::object obj_;
  bool ok_ = true;
};

/// Decodes one field of `model`. A `null` on a required non-nullable field keeps the default
/// and records a warning (returns false: the field does not count as seen); otherwise reads.
template <class T>
bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v, T& out,
           bool required) {
  if (required && v.is_null()) {
    c.null_required(model, name);
    return false;
  }
  c.push_field(model, name);
  read(v, out, c);
  c.pop();
  return true;
}
/// `list_metadata` of a list answer: `before` / `after`, each a string or null.
void read(Value v, ListMetadata& out, DecodeContext& c);

/// A list answer `{"data": [...], "list_metadata": {...}}` into `Page<T>` (the fetcher is set
/// by the caller). A missing `data` is a warning (empty page kept); unknown members are skipped.
template <class T>
void read(Value v, Page<T>& out, DecodeContext& c) {
  ObjectReader r(v, c);
  if (!r.ok()) return;
  bool seen_data = false;
  for (auto f : r.fields()) {
    if (key_is(f.key, "data")) {
      c.push_field("Page", "data");
      read(f.value, out.data, c);
      c.pop();
      seen_data = true;
    } else if (key_is(f.key, "list_metadata")) {
      c.push_field("Page", "list_metadata");
      if (!f.value.is_null()) read(f.value, out.list_metadata, c);
      c.pop();
    }
  }
  if (!seen_data) c.missing_required("Page", "data");
}

/// Optional (or nullable) field: `null` leaves it empty.
template <class T>
bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
           std::optional<T>& out, bool /*required*/) {
  c.push_field(model, name);
  read(v, out, c);
  c.pop();
  return true;
}

// ---- leaf fields ----------------------------------------------------------------------------
// Most fields of an answer are strings, booleans, integers and timestamps of the expected type.
// These overloads decode that case with one call into json.cc (where simdjson's accessors are
// inlined; in a large generated unit GCC leaves them as calls) and no path bookkeeping. Anything
// else (a `null` on a required field, a wrong type, an integral double) takes the general path
// above, which pushes the field onto the path, so warnings and errors read exactly as before.

/// Sets `out` to `s`, allocating once at the exact size when `out` has no room for it.
void assign_string(std::string& out, std::string_view s);
/// A string into a Timestamp; false for any other type.
bool read_timestamp(Value v, Timestamp& out);
/// A string into an optional Timestamp, or `null` (resets `out`); false for any other type.
bool read_optional_timestamp(Value v, std::optional<Timestamp>& out);
/// A boolean; false for any other type.
bool read_bool(Value v, bool& out);
/// A boolean, or `null` (resets `out`); false for any other type.
bool read_optional_bool(Value v, std::optional<bool>& out);
/// An integer (no fraction, no integral double); false for anything else.
bool read_int64(Value v, std::int64_t& out);
/// An integer, or `null` (resets `out`); false for anything else.
bool read_optional_int64(Value v, std::optional<std::int64_t>& out);

WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::string& out, bool required) {
  return read_string(v, out) || field<std::string>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::optional<std::string>& out, bool required) {
  return read_optional_string(v, out) || field<std::string>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           Timestamp& out, bool required) {
  return read_timestamp(v, out) || field<Timestamp>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::optional<Timestamp>& out, bool required) {
  return read_optional_timestamp(v, out) || field<Timestamp>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           bool& out, bool required) {
  return read_bool(v, out) || field<bool>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::optional<bool>& out, bool required) {
  return read_optional_bool(v, out) || field<bool>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::int64_t& out, bool required) {
  return read_int64(v, out) || field<std::int64_t>(c, model, name, v, out, required);
}
WORKOS_JSON_HOT bool field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
                           std::optional<std::int64_t>& out, bool required) {
  return read_optional_int64(v, out) || field<std::int64_t>(c, model, name, v, out, required);
}

// ---- encoding ------------------------------------------------------------------------------

/// Compact JSON writer. Keys and strings are escaped per RFC 8259; non-ASCII UTF-8 is kept.
class Writer {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// Writes `"name":` (with a comma before it when needed).
  void key(std::string_view name);
  void string(std::string_view s);
  void integer(std::int64_t v);
  void number(double v);
  void boolean(bool v);
  void null();
  /// Emits already-encoded JSON text as a value.
  void raw(std::string_view json);

  const std::string& str() const noexcept { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

void write(Writer& w, const std::string& v);
void write(Writer& w, std::int64_t v);
void write(Writer& w, double v);
void write(Writer& w, bool v);
void write(Writer& w, const Timestamp& v);
void write(Writer& w, const RawJson& v);  // empty RawJson writes null
void write(Writer& w, const ListMetadata& v);

template <class T>
void write(Writer& w, const std::optional<T>& v) {
  if (v)
    write(w, *v);
  else
    w.null();
}
template <class T>
void write(Writer& w, const Settable<T>& v) {
  if (v.has_value())
    write(w, v.value());
  else
    w.null();
}
template <class T>
void write(Writer& w, const std::vector<T>& v) {
  w.begin_array();
  for (const auto& item : v) write(w, item);
  w.end_array();
}
template <class T>
void write(Writer& w, const std::map<std::string, T>& v) {
  w.begin_object();
  for (const auto& [k, item] : v) {
    w.key(k);
    write(w, item);
  }
  w.end_object();
}

/// Writes `"name": value` for a required member.
template <class T>
void member(Writer& w, std::string_view name, const T& v) {
  w.key(name);
  write(w, v);
}
/// Optional members are omitted when empty.
template <class T>
void member(Writer& w, std::string_view name, const std::optional<T>& v) {
  if (!v) return;
  w.key(name);
  write(w, *v);
}
/// Settable members: omitted when not set, `null` when cleared.
template <class T>
void member(Writer& w, std::string_view name, const Settable<T>& v) {
  if (!v.is_set()) return;
  w.key(name);
  write(w, v);
}

// ---- documents -----------------------------------------------------------------------------

/// JSON input text. Built from a `std::string` it remembers whether the string's spare capacity
/// already holds SIMDJSON_PADDING bytes, so the parser can read it in place (the libcurl
/// transport reserves that padding for every body); otherwise the parser copies it.
struct JsonText {
  std::string_view text;
  bool padded = false;
  JsonText(const std::string& s)  // NOLINT(google-explicit-constructor)
      : text(s), padded(s.capacity() - s.size() >= simdjson::SIMDJSON_PADDING) {}
  JsonText(std::string_view s) : text(s) {}  // NOLINT(google-explicit-constructor)
  JsonText(const char* s) : text(s) {}       // NOLINT(google-explicit-constructor)
};

/// Parses `text` with a thread-local parser (reused; no allocation once warm). `text` needs no
/// padding: it is copied when its capacity lacks SIMDJSON_PADDING. On failure returns a
/// DecodeError naming `model`. `out` stays valid until the next parse on this thread.
Result<void> parse(JsonText text, std::string_view model, Value& out);

/// Runs the `read` overload of `T` on `out` (a `T*`): the one type-dependent step of decoding a
/// document, handed to the type-independent `decode_document` below.
using ReadInto = void (*)(Value, void*, DecodeContext&);
template <class T>
void read_into(Value v, void* out, DecodeContext& c) {
  read(v, *static_cast<T*>(out), c);
}

/// Decodes a whole document with `read_into_out` (parse + read + warnings logged through `warn`,
/// may be null). Out of line: every decoded type shares it.
Result<void> decode_document(JsonText text, std::string_view model, void* out,
                             ReadInto read_into_out,
                             const std::function<void(const std::string&)>* warn);

/// Decodes a whole document into `out`: parse + read + warnings logged through `warn` (may be
/// null). The Result is a DecodeError naming model and field on a wrong type or bad JSON.
template <class T>
Result<void> decode_document(JsonText text, std::string_view model, T& out,
                             const std::function<void(const std::string&)>* warn = nullptr) {
  return decode_document(text, model, &out, &read_into<T>, warn);
}

/// Encodes `v` as compact JSON text.
template <class T>
std::string encode_document(const T& v) {
  Writer w;
  write(w, v);
  return w.take();
}

}  // namespace workos::detail::json
