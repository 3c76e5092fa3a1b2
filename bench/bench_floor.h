// Copyright workos-cpp authors. Handwritten.
#pragma once

// Floors for decoding a user page into structs, used by bench/json_decode.cc and
// bench/request_overhead.cc to show how much of the SDK's page cost any decoder returning these
// structs must pay:
//   - hand_decode_users: simdjson DOM into bench::User with the least code possible (no path
//     tracking, no warnings, no type errors reported, unknown keys ignored): the floor of the
//     DOM approach with owned std::string fields.
// (json_decode.cc also copies an already-decoded page: no JSON at all, the same strings and so the
// same heap allocations: the floor of the data model itself.)

#include <simdjson.h>

#include <string>
#include <string_view>

#include "bench_models.h"

namespace bench {

namespace floor_detail {

inline void str(simdjson::dom::element v, std::string& out) {
  std::string_view s;
  if (!v.get_string().get(s)) out.assign(s.data(), s.size());
}

inline void opt_str(simdjson::dom::element v, std::optional<std::string>& out) {
  std::string_view s;
  if (!v.get_string().get(s)) out.emplace(s);
}

inline void timestamp(simdjson::dom::element v, workos::Timestamp& out) {
  std::string_view s;
  if (!v.get_string().get(s)) out = workos::Timestamp(s);
}

}  // namespace floor_detail

/// Parses `text` (with `parser`) and decodes the page with the minimal hand-written decoder.
/// Returns false when the document is not a user page.
inline bool hand_decode_users(simdjson::dom::parser& parser, const std::string& text,
                              workos::Page<User>& page) {
  namespace f = floor_detail;
  const bool padded = text.capacity() - text.size() >= simdjson::SIMDJSON_PADDING;
  simdjson::dom::element doc;
  if (parser.parse(text.data(), text.size(), !padded).get(doc)) return false;
  simdjson::dom::array arr;
  if (doc["data"].get_array().get(arr)) return false;
  page.data.reserve(arr.size());
  for (simdjson::dom::element item : arr) {
    simdjson::dom::object obj;
    if (item.get_object().get(obj)) return false;
    User& u = page.data.emplace_back();
    for (auto field : obj) {
      const std::string_view k = field.key;
      if (k == "object")
        f::str(field.value, u.object);
      else if (k == "id")
        f::str(field.value, u.id);
      else if (k == "first_name")
        f::opt_str(field.value, u.first_name);
      else if (k == "last_name")
        f::opt_str(field.value, u.last_name);
      else if (k == "name")
        f::opt_str(field.value, u.name);
      else if (k == "profile_picture_url")
        f::opt_str(field.value, u.profile_picture_url);
      else if (k == "email")
        f::str(field.value, u.email);
      else if (k == "email_verified") {
        bool b = false;
        if (!field.value.get_bool().get(b)) u.email_verified = b;
      } else if (k == "external_id")
        f::opt_str(field.value, u.external_id);
      else if (k == "last_sign_in_at") {
        if (!field.value.is_null()) f::timestamp(field.value, u.last_sign_in_at.emplace());
      } else if (k == "locale")
        f::opt_str(field.value, u.locale);
      else if (k == "created_at")
        f::timestamp(field.value, u.created_at);
      else if (k == "updated_at")
        f::timestamp(field.value, u.updated_at);
    }
  }
  std::string_view after;
  if (!doc["list_metadata"]["after"].get_string().get(after))
    page.list_metadata.after.emplace(after);
  return true;
}

}  // namespace bench
