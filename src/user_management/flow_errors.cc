// Copyright workos-cpp authors. Handwritten.
// Typed models for the parts of an authentication-flow error, decoded from the JSON text the
// error keeps.

#include <workos/user_management/flow_errors.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/models_json.h"
#include "core/json.h"
#include "multi_factor_auth/models_json.h"

namespace workos::user_management {

namespace json = workos::detail::json;

// Found by the vector reader through the argument's namespace.
void read(json::Value v, OrganizationChoice& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (k == "id")
      json::field(c, "OrganizationChoice", "id", f.value, o.id, true);
    else if (k == "name")
      json::field(c, "OrganizationChoice", "name", f.value, o.name, false);
  }
}

namespace {

// Decodes the part `name` of the answer, kept as `text` on the error.
template <class T>
Result<T> decode_part(const std::string& text, std::string_view name, std::string_view model) {
  if (text.empty()) {
    return Error(ErrorKind::kDecode,
                 "the authentication answer carried no `" + std::string(name) + "`");
  }
  T out{};
  Result<void> decoded = json::decode_document(text, model, out);
  if (!decoded) return decoded.error();
  return Result<T>(std::move(out));
}

}  // namespace

Result<workos::User> flow_user(const Error& error) {
  return decode_part<workos::User>(error.info().user_json, "user", "User");
}

Result<std::vector<workos::AuthenticationFactor>> flow_authentication_factors(const Error& error) {
  return decode_part<std::vector<workos::AuthenticationFactor>>(
      error.info().authentication_factors_json, "authentication_factors", "AuthenticationFactor");
}

Result<std::vector<OrganizationChoice>> flow_organizations(const Error& error) {
  auto orgs = decode_part<std::vector<OrganizationChoice>>(error.info().organizations_json,
                                                           "organizations", "OrganizationChoice");
  if (!orgs) return orgs;
  for (const OrganizationChoice& o : *orgs) {
    if (o.id.empty()) return Error(ErrorKind::kDecode, "an organization of the answer has no `id`");
  }
  return orgs;
}

}  // namespace workos::user_management
