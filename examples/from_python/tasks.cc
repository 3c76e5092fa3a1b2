// Copyright workos-cpp authors. Handwritten.
// The code between each `[START name]` / `[END name]` pair is a snippet of docs/from-python.md,
// word for word (tests/docs/check_snippets.py keeps them equal).

#include "tasks.h"

#include <workos/organization_membership/service.h>
#include <workos/organizations/service.h>
#include <workos/user_management/user_management_client.h>
#include <workos/webhooks/webhooks_client.h>

namespace from_python {

std::string create_organization(const workos::Client& client) {
  // [START create_organization]
  auto org = client.organizations().create_organization({"Acme"}).value();
  // [END create_organization]
  return org.id;
}

void add_member(const workos::Client& client, const std::string& user_id,
                const std::string& org_id) {
  // [START add_member]
  workos::organization_membership::CreateOrganizationMembershipParams params;
  params.user_id = user_id;
  params.organization_id = org_id;
  params.set_role_slug("admin");
  client.organization_membership().create_organization_membership(params).value();
  // [END add_member]
}

std::string sign_in(const workos::Client& client, const std::string& email,
                    const std::string& password) {
  // [START sign_in]
  workos::user_management::AuthenticateWithPasswordParams params;
  params.email = email;
  params.password = password;
  auto auth = client.user_management().authenticate_with_password(params).value();
  // [END sign_in]
  return auth.user.id;
}

std::string verify_session(const workos::Client& client, const std::string& cookie,
                           const std::string& cookie_password) {
  // [START verify_session]
  auto session = client.user_management().load_sealed_session(cookie, cookie_password);
  auto auth = session.authenticate();
  if (!auth.authenticated) return "";  // auth.reason says why
  // [END verify_session]
  return auth.user ? auth.user->id : "";
}

std::string check_webhook(const workos::Client& client, const std::string& payload,
                          const std::string& sig_header, const std::string& secret) {
  // [START check_webhook]
  auto event = client.webhooks().construct_event(payload, sig_header, secret).value();
  // [END check_webhook]
  return std::string(event.type());
}

}  // namespace from_python
