// Copyright workos-cpp authors. Handwritten.
// The internal JSON layer: simdjson DOM decoding helpers and the compact writer.
// See docs/adr/0001-json-decoding.md.

#include "core/json.h"
#include "core/padding.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <utility>

namespace workos::detail::json {

// ---- DecodeContext ---------------------------------------------------------------------------

std::string DecodeContext::path() const {
  std::string out;
  for (std::size_t i = 0; i < depth_; ++i) {
    const Component& p = component(i);
    if (p.index != kNoIndex) {
      out += '[';
      out += std::to_string(p.index);
      out += ']';
    } else if (p.field.empty()) {
      // A document root (model name only).
      if (out.empty()) out.append(p.model);
    } else if (p.model.empty()) {
      // A map key: quoted, since keys may contain dots.
      out += "[\"";
      out.append(p.field);
      out += "\"]";
    } else {
      if (out.empty()) {
        out.append(p.model);
      }
      out += '.';
      out.append(p.field);
    }
  }
  return out;
}

const char* type_name(Value v) noexcept {
  switch (v.type()) {
    case simdjson::dom::element_type::ARRAY:
      return "array";
    case simdjson::dom::element_type::OBJECT:
      return "object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return "number";
    case simdjson::dom::element_type::STRING:
      return "string";
    case simdjson::dom::element_type::BOOL:
      return "boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
  }
  return "unknown";
}

void DecodeContext::type_error(const char* expected, Value got) {
  if (failed_) return;
  fail(std::string("expected ") + expected + ", got " + type_name(got));
}

void DecodeContext::fail(std::string_view message) {
  if (failed_) return;
  failed_ = true;
  std::string p = path();
  first_error_ = (p.empty() ? std::string("document") : p);
  first_error_ += ": ";
  first_error_.append(message);
}

void DecodeContext::field_warning(std::string_view model, std::string_view field,
                                  std::string_view what) {
  std::string p = path();
  if (p.empty()) p.append(model);
  p += '.';
  p.append(field);
  p += ": ";
  p.append(what);
  warnings_.push_back(std::move(p));
}

void DecodeContext::missing_required(std::string_view model, std::string_view field) {
  field_warning(model, field, "required field missing; default kept");
}

void DecodeContext::null_required(std::string_view model, std::string_view field) {
  field_warning(model, field, "required field is null; default kept");
}

void DecodeContext::warn(std::string message) {
  warnings_.push_back(std::move(message));
}

Error DecodeContext::error() const {
  return Error(ErrorKind::kDecode, first_error_);
}

// ---- primitives ------------------------------------------------------------------------------

void assign_string(std::string& out, std::string_view s) {
  // A decoded model's strings start empty: constructing at the exact size is one allocation and
  // one copy, where assign() into the empty buffer takes the general replace path.
  if (s.size() > out.capacity())
    out = std::string(s);
  else
    out.assign(s.data(), s.size());
}

bool read_string(Value v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  assign_string(out, s);
  return true;
}

bool read_optional_string(Value v, std::optional<std::string>& out) {
  if (v.is_null()) {
    out.reset();
    return true;
  }
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  out.emplace(s);
  return true;
}

bool read_string_array(Value v, std::vector<std::string>& out) {
  if (v.is_null()) return true;
  simdjson::dom::array arr;
  if (v.get_array().get(arr) != simdjson::SUCCESS) return false;
  out.clear();
  out.reserve(arr.size());
  for (Value item : arr) {
    std::string_view s;
    if (item.get_string().get(s) != simdjson::SUCCESS) return false;
    out.emplace_back(s);
  }
  return true;
}

bool read_timestamp(Value v, Timestamp& out) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  out.assign(s);
  return true;
}

bool read_optional_timestamp(Value v, std::optional<Timestamp>& out) {
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    out.emplace(s);
    return true;
  }
  if (!v.is_null()) return false;
  out.reset();
  return true;
}

bool read_bool(Value v, bool& out) {
  bool b = false;
  if (v.get_bool().get(b) != simdjson::SUCCESS) return false;
  out = b;
  return true;
}

bool read_optional_bool(Value v, std::optional<bool>& out) {
  bool b = false;
  if (v.get_bool().get(b) == simdjson::SUCCESS) {
    out = b;
    return true;
  }
  if (!v.is_null()) return false;
  out.reset();
  return true;
}

bool read_int64(Value v, std::int64_t& out) {
  std::int64_t i = 0;
  if (v.get_int64().get(i) != simdjson::SUCCESS) return false;
  out = i;
  return true;
}

bool read_optional_int64(Value v, std::optional<std::int64_t>& out) {
  std::int64_t i = 0;
  if (v.get_int64().get(i) == simdjson::SUCCESS) {
    out = i;
    return true;
  }
  if (!v.is_null()) return false;
  out.reset();
  return true;
}

void read(Value v, std::string& out, DecodeContext& c) {
  if (!read_string(v, out)) c.type_error("string", v);
}

void read(Value v, std::int64_t& out, DecodeContext& c) {
  if (read_int64(v, out)) return;
  // An integral double such as 3.0 is accepted; anything with a fraction is not an integer.
  double d = 0;
  if (v.type() == simdjson::dom::element_type::DOUBLE &&
      v.get_double().get(d) == simdjson::SUCCESS && std::trunc(d) == d &&
      d >= -9.2233720368547758e18 && d < 9.2233720368547758e18) {
    out = static_cast<std::int64_t>(d);
    return;
  }
  c.type_error("integer", v);
}

void read(Value v, double& out, DecodeContext& c) {
  double d = 0;
  if (v.get_double().get(d) != simdjson::SUCCESS) {
    c.type_error("number", v);
    return;
  }
  out = d;
}

void read(Value v, bool& out, DecodeContext& c) {
  if (!read_bool(v, out)) c.type_error("boolean", v);
}

void read(Value v, Timestamp& out, DecodeContext& c) {
  if (!read_timestamp(v, out)) c.type_error("string", v);
}

void read(Value v, RawJson& out, DecodeContext& /*c*/) {
  out = RawJson(simdjson::minify(v));
}

// ---- Writer ----------------------------------------------------------------------------------

void Writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void Writer::open(char bracket) {
  before_value();
  out_ += bracket;
  first_.push_back(true);
}

void Writer::close(char bracket) {
  out_ += bracket;
  if (!first_.empty()) first_.pop_back();
}

void Writer::begin_object() {
  open('{');
}
void Writer::end_object() {
  close('}');
}
void Writer::begin_array() {
  open('[');
}
void Writer::end_array() {
  close(']');
}

namespace {

// Appends `s` as a JSON string literal (RFC 8259 §7): quote, backslash and control characters are
// escaped; everything else, including non-ASCII UTF-8, is copied as it is.
void append_escaped(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t run = 0;  // start of the pending unescaped run
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[ch >> 4];
        out += kHex[ch & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace

void Writer::key(std::string_view name) {
  before_value();
  append_escaped(out_, name);
  out_ += ':';
  after_key_ = true;
}

void Writer::string(std::string_view s) {
  before_value();
  append_escaped(out_, s);
}

void Writer::integer(std::int64_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
}

void Writer::number(double v) {
  before_value();
  if (!std::isfinite(v)) {
    // JSON has no NaN or infinity.
    out_ += "null";
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  out_.append(buf, r.ptr);
}

void Writer::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
}

void Writer::null() {
  before_value();
  out_ += "null";
}

void Writer::raw(std::string_view json) {
  before_value();
  out_.append(json);
}

void write(Writer& w, const std::string& v) {
  w.string(v);
}
void write(Writer& w, std::int64_t v) {
  w.integer(v);
}
void write(Writer& w, double v) {
  w.number(v);
}
void write(Writer& w, bool v) {
  w.boolean(v);
}
void write(Writer& w, const Timestamp& v) {
  w.string(v.text());
}
void write(Writer& w, const RawJson& v) {
  if (v.empty())
    w.null();
  else
    w.raw(v.text());
}

// ---- documents -------------------------------------------------------------------------------

Result<void> parse(JsonText text, std::string_view model, Value& out) {
  // One parser per thread, reused: its buffers grow to the largest document seen and are then
  // allocation-free.
  thread_local simdjson::dom::parser parser;
  // An empty std::string_view may carry a null pointer, which simdjson would pass to memcpy.
  const char* data = text.text.data() != nullptr ? text.text.data() : "";
  auto result = parser.parse(data, text.text.size(), !text.padded);
  if (result.error() != simdjson::SUCCESS) {
    std::string message(model.empty() ? std::string_view("response") : model);
    message += ": response body is not valid JSON (";
    message += simdjson::error_message(result.error());
    message += ")";
    return Error(ErrorKind::kDecode, std::move(message));
  }
  out = result.value_unsafe();
  return {};
}

Result<void> decode_document(JsonText text, std::string_view model, void* out,
                             ReadInto read_into_out,
                             const std::function<void(const std::string&)>* warn) {
  Value root;
  Result<void> parsed = parse(text, model, root);
  if (!parsed) return parsed;
  DecodeContext c;
  c.push_field(model, "");
  read_into_out(root, out, c);
  c.pop();
  if (warn && *warn)
    for (const auto& w : c.warnings()) (*warn)(w);
  if (c.failed()) return c.error();
  return {};
}

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING,
              "the transport must reserve at least SIMDJSON_PADDING bytes after a body");

void read(Value v, ListMetadata& out, DecodeContext& c) {
  ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    if (f.key == "before") {
      field(c, "ListMetadata", "before", f.value, out.before, false);
    } else if (f.key == "after") {
      field(c, "ListMetadata", "after", f.value, out.after, false);
    }
  }
}

void write(Writer& w, const ListMetadata& v) {
  w.begin_object();
  w.key("before");
  write(w, v.before);
  w.key("after");
  write(w, v.after);
  w.end_object();
}

}  // namespace workos::detail::json
