// examples/quickstart — the workos-cpp quick start: list organizations and users, then fetch
// one of each by id.
//
//   WORKOS_API_KEY=sk_test_... ./workos_quickstart          # against api.workos.com
//   scripts/demo                                            # against a local mock (Prism)
//
// Configuration comes from the environment: WORKOS_API_KEY, WORKOS_CLIENT_ID, WORKOS_BASE_URL.
#include <workos/client.h>
#include <workos/organizations/service.h>
#include <workos/user_management/user_management_client.h>
#include <workos/version.h>

#include <iostream>
#include <string>

namespace {

// Prints an error the way an application would log it: message, status and request id (the
// message never contains the API key).
int fail(const char* what, const workos::Error& error) {
  std::cerr << what << " failed: " << error.message();
  if (error.status() != 0) std::cerr << " (HTTP " << error.status() << ")";
  if (!error.request_id().empty()) std::cerr << " [request " << error.request_id() << "]";
  std::cerr << "\n";
  return 1;
}

}  // namespace

int main() {
  // Reads WORKOS_API_KEY / WORKOS_CLIENT_ID / WORKOS_BASE_URL. Client::create reports a missing
  // key as a Result instead of throwing.
  auto created = workos::Client::create(workos::ClientOptions{});
  if (!created) return fail("configuring the client", created.error());
  workos::Client client = std::move(*created);
  std::cout << "workos-cpp " << workos::version() << " -> " << client.base_url() << "\n\n";

  // Organizations: one page, then one organization by id.
  workos::organizations::ListOrganizationsParams org_params;
  org_params.limit = 5;
  auto orgs = client.organizations().list_organizations(org_params);
  if (!orgs) return fail("list_organizations", orgs.error());
  std::cout << "Organizations (" << orgs->data.size() << " on the first page"
            << (orgs->has_more() ? ", more available" : "") << "):\n";
  for (const auto& org : orgs->data) {
    std::cout << "  " << org.id << "  " << org.name << "\n";
  }
  if (!orgs->data.empty()) {
    auto org = client.organizations().get_organization(orgs->data.front().id);
    if (!org) return fail("get_organization", org.error());
    std::cout << "get_organization(" << org->id << "): " << org->name << ", " << org->domains.size()
              << " domain(s), created " << org->created_at.text() << "\n";
  }

  // Users: one page, then one user by id.
  workos::user_management::ListUsersParams user_params;
  user_params.limit = 5;
  auto users = client.user_management().list_users(user_params);
  if (!users) return fail("list_users", users.error());
  std::cout << "\nUsers (" << users->data.size() << " on the first page"
            << (users->has_more() ? ", more available" : "") << "):\n";
  for (const auto& user : users->data) {
    std::cout << "  " << user.id << "  " << user.email;
    if (user.first_name) std::cout << "  " << *user.first_name;
    if (user.last_name) std::cout << " " << *user.last_name;
    std::cout << "\n";
  }
  if (!users->data.empty()) {
    auto user = client.user_management().get_user(users->data.front().id);
    if (!user) return fail("get_user", user.error());
    std::cout << "get_user(" << user->id << "): " << user->email
              << (user->email_verified ? " (verified)" : " (not verified)") << "\n";
  }
  return 0;
}
