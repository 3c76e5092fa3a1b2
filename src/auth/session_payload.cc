// Copyright workos-cpp authors. Handwritten.

#include "auth/session_payload.h"

#include "common/models_json.h"
#include "core/json.h"

#include <map>
#include <optional>
#include <string>

namespace workos::auth {
namespace detail {
namespace {

namespace json = workos::detail::json;
using json::Value;

// Reads `v` into `out` with the generated / core decoders (a type error fails `c`).
template <class T>
void read_field(Value v, T& out, json::DecodeContext& c, std::string_view name) {
  c.push_field("User", name);
  json::read(v, out, c);
  c.pop();
}

// `user.metadata`. The WorkOS API only stores string values, but a cookie made elsewhere (the
// Python SDK seals whatever dict it is given) may hold numbers, booleans, arrays or objects.
// They must not cost the whole user, and the C++ model is a string map: a value that is not a
// string is kept as its compact JSON text (3 -> "3", true -> "true", {"a":1} -> "{\"a\":1}"),
// and a null value is dropped (null is how the API deletes a metadata key). False only when
// `metadata` itself is neither an object nor null.
bool read_metadata(Value v, std::optional<std::map<std::string, std::string>>& out) {
  if (v.is_null()) {
    out.reset();
    return true;
  }
  simdjson::dom::object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return false;
  std::map<std::string, std::string> m;
  for (auto f : obj) {
    if (f.value.is_null()) continue;
    std::string_view s;
    if (f.value.get_string().get(s) == simdjson::SUCCESS)
      m[std::string(f.key)] = std::string(s);
    else
      m[std::string(f.key)] = simdjson::minify(f.value);
  }
  out = std::move(m);
  return true;
}

// `camelCase` -> `snake_case`: a user field's key in the Node SDK's layout to the API's.
std::string snake_key(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 4);
  for (const char ch : key) {
    if (ch >= 'A' && ch <= 'Z') {
      out += '_';
      out += static_cast<char>(ch - 'A' + 'a');
    } else {
      out += ch;
    }
  }
  return out;
}

// A member of `User` by its API name.
template <class M>
struct Field {
  std::string_view name;
  M workos::User::*member;
};
template <class M>
Field(std::string_view, M workos::User::*) -> Field<M>;

// Reads `v` into the member of `u` that `fields` name `key`; another key is ignored.
template <class... M>
void read_member(std::string_view key, Value v, workos::User& u, json::DecodeContext& c,
                 const Field<M>&... fields) {
  (void)((key == fields.name && (read_field(v, u.*fields.member, c, key), true)) || ...);
}

// A user object in either layout (camelCase from the Node SDK, snake_case from the API /
// Python SDK). Unknown fields are ignored. False when a known field has a wrong type.
bool decode_user(Value v, workos::User& u) {
  simdjson::dom::object obj;
  if (v.get_object().get(obj) != simdjson::SUCCESS) return false;
  json::DecodeContext c;
  using U = workos::User;
  for (auto f : obj) {
    const std::string key = snake_key(f.key);
    if (key == "metadata") {
      if (!read_metadata(f.value, u.metadata)) return false;
      continue;
    }
    read_member(key, f.value, u, c, Field{"object", &U::object}, Field{"id", &U::id},
                Field{"email", &U::email}, Field{"email_verified", &U::email_verified},
                Field{"name", &U::name}, Field{"first_name", &U::first_name},
                Field{"last_name", &U::last_name},
                Field{"profile_picture_url", &U::profile_picture_url},
                Field{"last_sign_in_at", &U::last_sign_in_at}, Field{"locale", &U::locale},
                Field{"created_at", &U::created_at}, Field{"updated_at", &U::updated_at},
                Field{"external_id", &U::external_id});
  }
  return !c.failed();
}

using json::read_optional_string;
using json::read_string;

// `"key": value`; an empty optional is written as null.
template <class T>
void write_field(json::Writer& w, std::string_view key, const T& v) {
  w.key(key);
  json::write(w, v);
}

// The user as the Node SDK's deserializeUser() shapes it (field order included).
void write_node_user(json::Writer& w, const workos::User& u) {
  w.begin_object();
  w.key("object");
  w.string(u.object);
  w.key("id");
  w.string(u.id);
  w.key("email");
  w.string(u.email);
  w.key("emailVerified");
  w.boolean(u.email_verified);
  write_field(w, "name", u.name);
  write_field(w, "firstName", u.first_name);
  write_field(w, "profilePictureUrl", u.profile_picture_url);
  write_field(w, "lastName", u.last_name);
  write_field(w, "lastSignInAt", u.last_sign_in_at);
  // deserializeUser() copies `locale` from the API user, which sends it as null when unset: the
  // Node SDK then reads `locale: null` back, so it is written even when empty.
  write_field(w, "locale", u.locale);
  write_field(w, "createdAt", u.created_at);
  write_field(w, "updatedAt", u.updated_at);
  write_field(w, "externalId", u.external_id);
  w.key("metadata");
  if (u.metadata)
    json::write(w, *u.metadata);
  else {
    w.begin_object();
    w.end_object();
  }
  w.end_object();
}

void write_impersonator(json::Writer& w, const SessionImpersonator& i) {
  w.begin_object();
  w.key("email");
  w.string(i.email);
  write_field(w, "reason", i.reason);
  w.end_object();
}

// The code unit of the `\uXXXX` escape at `i`, or -1 when there is none there.
long escape_unit(std::string_view s, std::size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char ch = s[k];
    int digit = -1;
    if (ch >= '0' && ch <= '9') digit = ch - '0';
    if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

}  // namespace

bool replace_unpaired_surrogate_escapes(std::string_view text, std::string& out) {
  bool changed = false;
  std::size_t copied = 0;  // text[0, copied) is already in `out`
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '\\') {
      ++i;
      continue;
    }
    const long unit = escape_unit(text, i);
    if (unit < 0xD800 || unit > 0xDFFF) {
      i += 2;  // any other escape (`\\`, `\"`, `\n`, a BMP `\u`) is left alone
      continue;
    }
    if (unit <= 0xDBFF) {
      const long next = escape_unit(text, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 12;  // a well-formed pair
        continue;
      }
    }
    if (!changed) {
      out.clear();
      out.reserve(text.size());
      changed = true;
    }
    out.append(text.substr(copied, i - copied)).append("\\ufffd");
    i += 6;
    copied = i;
  }
  if (changed) out.append(text.substr(copied));
  return changed;
}

std::string encode_session_data(const SessionData& d, SessionPayloadStyle style) {
  using json::member;
  json::Writer w;
  w.begin_object();
  if (style == SessionPayloadStyle::kNode) {
    member(w, "organizationId", d.organization_id);
    if (d.user) {
      w.key("user");
      write_node_user(w, *d.user);
    }
    member(w, "accessToken", d.access_token);
    member(w, "refreshToken", d.refresh_token);
    member(w, "authenticationMethod", d.authentication_method);
  } else {
    member(w, "access_token", d.access_token);
    member(w, "refresh_token", d.refresh_token);
    if (d.user) {
      w.key("user");
      json::write(w, *d.user);
    }
  }
  if (d.impersonator) {
    w.key("impersonator");
    write_impersonator(w, *d.impersonator);
  }
  if (style != SessionPayloadStyle::kNode) {
    member(w, "organization_id", d.organization_id);
    member(w, "authentication_method", d.authentication_method);
  }
  w.end_object();
  return w.take();
}

SessionData session_data_from_response(const workos::AuthenticateResponse& r) {
  SessionData d;
  d.access_token = r.access_token;
  d.refresh_token = r.refresh_token;
  d.user = r.user;
  auto claims = decode_access_token_unverified(r.access_token);
  if (claims && claims->org_id)
    d.organization_id = claims->org_id;
  else if (r.organization_id)
    d.organization_id = r.organization_id;
  if (r.authentication_method)
    d.authentication_method = std::string(r.authentication_method->wire());
  if (r.impersonator) {
    SessionImpersonator i;
    i.email = r.impersonator->email;
    i.reason = r.impersonator->reason;
    d.impersonator = std::move(i);
  }
  return d;
}

}  // namespace detail

Result<SessionData> parse_session_data(std::string_view text) {
  namespace json = workos::detail::json;
  // JSON.stringify (Node SDK) and json.dumps (Python SDK) write a lone UTF-16 surrogate, e.g.
  // from a name cut in the middle of an emoji, as an escape such as "\udd26"; JSON.parse and
  // json.loads read it back, simdjson refuses it (it has no UTF-8 form). A cookie those SDKs
  // accept must not fail here: such escapes become U+FFFD first, as a lenient UTF-16 decoder
  // (WHATWG TextDecoder) would do. The string read differs from the original only there.
  std::string repaired;
  if (detail::replace_unpaired_surrogate_escapes(text, repaired)) text = repaired;
  json::Value root;
  Result<void> parsed = json::parse(json::JsonText(text), "SessionData", root);
  if (!parsed) return parsed.error();
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) {
    return Error(ErrorKind::kDecode, "SessionData: expected an object");
  }
  SessionData d;
  bool ok = true;
  for (auto f : obj) {
    const std::string_view k = f.key;
    if (k == "accessToken" || k == "access_token")
      ok = detail::read_string(f.value, d.access_token);
    else if (k == "refreshToken" || k == "refresh_token")
      ok = detail::read_string(f.value, d.refresh_token);
    else if (k == "organizationId" || k == "organization_id")
      ok = detail::read_optional_string(f.value, d.organization_id);
    else if (k == "authenticationMethod" || k == "authentication_method")
      ok = detail::read_optional_string(f.value, d.authentication_method);
    else if (k == "user") {
      if (f.value.is_null()) continue;
      workos::User u;
      // A user the SDK cannot read does not invalidate the session: the tokens decide.
      if (detail::decode_user(f.value, u)) d.user = std::move(u);
    } else if (k == "impersonator") {
      // Unlike the user, an impersonator the SDK cannot read fails the session: dropping it
      // would show an impersonated session as the user's own.
      if (f.value.is_null()) continue;
      simdjson::dom::object imp;
      if (f.value.get_object().get(imp) != simdjson::SUCCESS) {
        return Error(ErrorKind::kDecode, "SessionData.impersonator: expected an object");
      }
      SessionImpersonator i;
      for (auto g : imp) {
        const bool read = g.key == "email"    ? detail::read_string(g.value, i.email)
                          : g.key == "reason" ? detail::read_optional_string(g.value, i.reason)
                                              : true;
        if (!read) {
          return Error(ErrorKind::kDecode,
                       "SessionData.impersonator." + std::string(g.key) + ": expected a string");
        }
      }
      d.impersonator = std::move(i);
    }
    if (!ok) {
      return Error(ErrorKind::kDecode, "SessionData." + std::string(k) + ": expected a string");
    }
  }
  return d;
}

}  // namespace workos::auth
