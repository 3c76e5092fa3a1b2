// Copyright workos-cpp authors. Handwritten.
#pragma once

// Bench-local models shaped like the spec's `UserlandUser` / `Organization` schemas (fields,
// types, nullability), with decoders written the way the generator writes them. Used so the
// benchmarks do not depend on the generated headers; the figures transfer because the decoding
// path (json::field / read overloads) is the same.

#include <workos/page.h>
#include <workos/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"

namespace bench {

namespace json = workos::detail::json;

struct User {
  std::string object;
  std::string id;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> name;
  std::optional<std::string> profile_picture_url;
  std::string email;
  bool email_verified = false;
  std::optional<std::string> external_id;
  std::map<std::string, std::string> metadata;
  std::optional<workos::Timestamp> last_sign_in_at;
  std::optional<std::string> locale;
  workos::Timestamp created_at;
  workos::Timestamp updated_at;
};

struct OrganizationDomain {
  std::string object;
  std::string id;
  std::string domain;
  std::string state;
  std::string verification_strategy;
  std::string organization_id;
  workos::Timestamp created_at;
  workos::Timestamp updated_at;
};

struct Organization {
  std::string object;
  std::string id;
  std::string name;
  std::vector<OrganizationDomain> domains;
  std::map<std::string, std::string> metadata;
  std::optional<std::string> external_id;
  std::optional<std::string> stripe_customer_id;
  workos::Timestamp created_at;
  workos::Timestamp updated_at;
  std::optional<bool> allow_profiles_outside_organization;
};

inline void read(json::Value v, User& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  std::uint64_t seen = 0;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (json::key_is(k, "object")) {
      seen |= 1;
      json::field(c, "User", "object", f.value, o.object, true);
    } else if (json::key_is(k, "id")) {
      seen |= 2;
      json::field(c, "User", "id", f.value, o.id, true);
    } else if (json::key_is(k, "first_name"))
      json::field(c, "User", "first_name", f.value, o.first_name, true);
    else if (json::key_is(k, "last_name"))
      json::field(c, "User", "last_name", f.value, o.last_name, true);
    else if (json::key_is(k, "name"))
      json::field(c, "User", "name", f.value, o.name, false);
    else if (json::key_is(k, "profile_picture_url"))
      json::field(c, "User", "profile_picture_url", f.value, o.profile_picture_url, true);
    else if (json::key_is(k, "email")) {
      seen |= 4;
      json::field(c, "User", "email", f.value, o.email, true);
    } else if (json::key_is(k, "email_verified")) {
      seen |= 8;
      json::field(c, "User", "email_verified", f.value, o.email_verified, true);
    } else if (json::key_is(k, "external_id"))
      json::field(c, "User", "external_id", f.value, o.external_id, true);
    else if (json::key_is(k, "metadata"))
      json::field(c, "User", "metadata", f.value, o.metadata, false);
    else if (json::key_is(k, "last_sign_in_at"))
      json::field(c, "User", "last_sign_in_at", f.value, o.last_sign_in_at, true);
    else if (json::key_is(k, "locale"))
      json::field(c, "User", "locale", f.value, o.locale, false);
    else if (json::key_is(k, "created_at")) {
      seen |= 16;
      json::field(c, "User", "created_at", f.value, o.created_at, true);
    } else if (json::key_is(k, "updated_at")) {
      seen |= 32;
      json::field(c, "User", "updated_at", f.value, o.updated_at, true);
    }
  }
  if (!(seen & 1)) c.missing_required("User", "object");
  if (!(seen & 2)) c.missing_required("User", "id");
  if (!(seen & 4)) c.missing_required("User", "email");
  if (!(seen & 8)) c.missing_required("User", "email_verified");
  if (!(seen & 16)) c.missing_required("User", "created_at");
  if (!(seen & 32)) c.missing_required("User", "updated_at");
}

inline void read(json::Value v, OrganizationDomain& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (json::key_is(k, "object"))
      json::field(c, "OrganizationDomain", "object", f.value, o.object, true);
    else if (json::key_is(k, "id"))
      json::field(c, "OrganizationDomain", "id", f.value, o.id, true);
    else if (json::key_is(k, "domain"))
      json::field(c, "OrganizationDomain", "domain", f.value, o.domain, true);
    else if (json::key_is(k, "state"))
      json::field(c, "OrganizationDomain", "state", f.value, o.state, true);
    else if (json::key_is(k, "verification_strategy"))
      json::field(c, "OrganizationDomain", "verification_strategy", f.value,
                  o.verification_strategy, true);
    else if (json::key_is(k, "organization_id"))
      json::field(c, "OrganizationDomain", "organization_id", f.value, o.organization_id, true);
    else if (json::key_is(k, "created_at"))
      json::field(c, "OrganizationDomain", "created_at", f.value, o.created_at, true);
    else if (json::key_is(k, "updated_at"))
      json::field(c, "OrganizationDomain", "updated_at", f.value, o.updated_at, true);
  }
}

inline void read(json::Value v, Organization& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (json::key_is(k, "object"))
      json::field(c, "Organization", "object", f.value, o.object, true);
    else if (json::key_is(k, "id"))
      json::field(c, "Organization", "id", f.value, o.id, true);
    else if (json::key_is(k, "name"))
      json::field(c, "Organization", "name", f.value, o.name, true);
    else if (json::key_is(k, "domains"))
      json::field(c, "Organization", "domains", f.value, o.domains, true);
    else if (json::key_is(k, "metadata"))
      json::field(c, "Organization", "metadata", f.value, o.metadata, true);
    else if (json::key_is(k, "external_id"))
      json::field(c, "Organization", "external_id", f.value, o.external_id, true);
    else if (json::key_is(k, "stripe_customer_id"))
      json::field(c, "Organization", "stripe_customer_id", f.value, o.stripe_customer_id, false);
    else if (json::key_is(k, "created_at"))
      json::field(c, "Organization", "created_at", f.value, o.created_at, true);
    else if (json::key_is(k, "updated_at"))
      json::field(c, "Organization", "updated_at", f.value, o.updated_at, true);
    else if (json::key_is(k, "allow_profiles_outside_organization"))
      json::field(c, "Organization", "allow_profiles_outside_organization", f.value,
                  o.allow_profiles_outside_organization, false);
  }
}

/// One user as the API sends it (~380 bytes: the required fields of the spec's example, no
/// external id, empty metadata).
inline std::string user_json(int i) {
  const std::string n = std::to_string(i);
  return R"({"object":"user","id":"user_01E4ZCR3C56J083X43JQXF)" + std::string(4 - n.size(), '0') +
         n +
         R"(","first_name":"Marcelina","last_name":"Davis",)"
         R"("profile_picture_url":"https://workoscdn.com/images/v1/123abc","email":"marcelina.davis)" +
         n +
         R"(@example.com","email_verified":true,"external_id":null,)"
         R"("metadata":{},"last_sign_in_at":"2025-06-25T19:07:33.155Z",)"
         R"("created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"})";
}

/// A list page of `count` users with list metadata (100 users: ~37 KB).
inline std::string user_page_json(int count = 100) {
  std::string out = R"({"object":"list","data":[)";
  for (int i = 0; i < count; ++i) {
    if (i) out += ',';
    out += user_json(i);
  }
  out += R"(],"list_metadata":{"before":null,"after":"user_01E4ZCR3C56J083X43JQXF0099"}})";
  return out;
}

/// One organization with one domain (~660 bytes).
inline std::string organization_json() {
  return R"({"object":"organization","id":"org_01EHWNCE74X7JSDV0X3SZ3KJNY","name":"Acme Inc.",)"
         R"("domains":[{"object":"organization_domain","id":"org_domain_01EHZNVPK2QXHMVWCEDQEKY69A",)"
         R"("domain":"foo-corp.com","state":"verified","verification_strategy":"dns",)"
         R"("organization_id":"org_01EHWNCE74X7JSDV0X3SZ3KJNY","created_at":"2026-01-15T12:00:00.000Z",)"
         R"("updated_at":"2026-01-15T12:00:00.000Z"}],)"
         R"("metadata":{"tier":"diamond"},"external_id":"2fe01467-f7ea-4dd2-8b79-c2b4f56d0191",)"
         R"("stripe_customer_id":"cus_R9qWAGMQ6nGE7V","created_at":"2026-01-15T12:00:00.000Z",)"
         R"("updated_at":"2026-01-15T12:00:00.000Z","allow_profiles_outside_organization":false})";
}

/// A JSON webhook body of exactly `size` bytes (an event whose data is one long string).
inline std::string webhook_payload(std::size_t size) {
  std::string body = R"({"id":"event_01","event":"dsync.user.updated","data":{"blob":")";
  while (body.size() + 3 < size) body += static_cast<char>('a' + body.size() % 26);
  body += "\"}}";
  body.resize(size, ' ');
  return body;
}

}  // namespace bench
