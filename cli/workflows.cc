// Copyright workos-cpp authors. Handwritten.
// The workflows of the `workos` tool, each several API calls through the typed client:
// `seed` (organizations and their users from a file), `setup-org` (an organization and its
// Admin Portal link), `onboard-user` (a user, found or created, and their membership; or an
// invitation), `debug-sso` and `debug-sync` (a connection's or a directory's state, with what
// to do about it). docs/cli.md describes them.

#include <workos/admin_portal/service.h>
#include <workos/directory_sync/service.h>
#include <workos/organization_membership/service.h>
#include <workos/organizations/service.h>
#include <workos/sso/sso_client.h>
#include <workos/user_management/user_management_client.h>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "core/json.h"

namespace workos_cli {

namespace {

namespace json = workos::detail::json;

// The JSON an answer came with (as received), or the model encoded again.
std::string body_of(const workos::ResponseInfo* response) {
  return response != nullptr && !response->body.empty() ? response->body : "null";
}

// ---- onboard-user and seed ---------------------------------------------------------------------

struct Newcomer {
  std::string email;
  std::string organization_id;
  std::optional<std::string> role;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
};

struct Onboarded {
  std::string user_id;
  std::string user_json;
  bool user_created = false;
  std::string membership_id;
  std::string membership_json;
};

// Finds the user by email or creates them, then makes them a member of the organization.
workos::Result<Onboarded> onboard(const workos::Client& client, const Newcomer& who) {
  Onboarded out;
  workos::user_management::ListUsersParams by_email;
  by_email.email = who.email;
  auto found = client.user_management().list_users(by_email);
  if (!found) return found.error();
  if (!found->data.empty()) {
    out.user_id = found->data.front().id;
    out.user_json = workos::to_json(found->data.front());
  } else {
    workos::user_management::CreateUserParams user(who.email);
    if (who.first_name) user.first_name = *who.first_name;
    if (who.last_name) user.last_name = *who.last_name;
    auto created = client.user_management().create_user(user);
    if (!created) return created.error();
    out.user_id = created->id;
    out.user_json = body_of(created.response());
    out.user_created = true;
  }
  workos::organization_membership::CreateOrganizationMembershipParams membership;
  membership.user_id = out.user_id;
  membership.organization_id = who.organization_id;
  if (who.role) membership.set_role_slug(*who.role);
  auto member = client.organization_membership().create_organization_membership(membership);
  if (!member) return member.error();
  out.membership_id = member->id;
  out.membership_json = body_of(member.response());
  return out;
}

int onboard_user(const Args& a) {
  const workos::Client& client = a.client();
  Newcomer who{a.need("email"), a.need("organization-id"), a.get("role"), a.get("first-name"),
               a.get("last-name")};
  json::Writer w;
  w.begin_object();
  if (a.has("invite")) {
    workos::user_management::SendInvitationParams invite(who.email);
    invite.organization_id = who.organization_id;
    invite.role_slug = who.role;
    auto sent = client.user_management().send_invitation(invite);
    if (!sent) return fail(sent.error());
    w.key("invitation");
    w.raw(body_of(sent.response()));
  } else {
    auto done = onboard(client, who);
    if (!done) return fail(done.error());
    w.key("user");
    w.raw(done->user_json);
    w.key("user_created");
    w.boolean(done->user_created);
    w.key("membership");
    w.raw(done->membership_json);
  }
  w.end_object();
  return print_document(a, w.str());
}

// `seed --file F`: {"organizations": [{"name", "domains": [...], "users": [{"email", "role",
// "first_name", "last_name"}]}]}. What was created is printed even when a later call fails.
int seed(const Args& a) {
  const std::string path = a.need("file");
  std::ifstream in(path, std::ios::binary);
  if (!in) usage_error("--file: cannot read " + path);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array organizations;
  if (parser.parse(text).get(root) != simdjson::SUCCESS ||
      root["organizations"].get(organizations) != simdjson::SUCCESS)
    usage_error("--file: not a seed file (a JSON object with an \"organizations\" array)");
  const auto text_of = [](simdjson::dom::element e, const char* key) {
    std::string_view v;
    return e[key].get(v) == simdjson::SUCCESS ? std::optional<std::string>(v) : std::nullopt;
  };
  // The whole file is checked before the first call, so a mistake creates nothing.
  for (simdjson::dom::element o : organizations) {
    if (!text_of(o, "name")) usage_error("--file: every organization needs a \"name\"");
    simdjson::dom::array list;
    if (o["domains"].get(list) == simdjson::SUCCESS)
      for (simdjson::dom::element d : list)
        if (!d.is_string()) usage_error("--file: a domain is not a string");
    if (o["users"].get(list) == simdjson::SUCCESS)
      for (simdjson::dom::element u : list)
        if (!text_of(u, "email")) usage_error("--file: every user needs an \"email\"");
  }
  const workos::Client& client = a.client();
  json::Writer w;
  w.begin_object();
  w.key("organizations");
  w.begin_array();
  int status = kOk;
  for (simdjson::dom::element o : organizations) {
    workos::organizations::CreateOrganizationParams create(*text_of(o, "name"));
    simdjson::dom::array domains;
    if (o["domains"].get(domains) == simdjson::SUCCESS) {
      std::vector<workos::OrganizationDomainData> data;
      for (simdjson::dom::element d : domains) {
        data.push_back(
            {std::string(std::string_view(d)), workos::OrganizationDomainDataState::kPending});
      }
      create.domain_data = std::move(data);
    }
    auto org = client.organizations().create_organization(create);
    if (!org) {
      status = fail(org.error());
      break;
    }
    w.begin_object();
    w.key("id");
    w.string(org->id);
    w.key("name");
    w.string(org->name);
    w.key("users");
    w.begin_array();
    simdjson::dom::array users;
    if (o["users"].get(users) == simdjson::SUCCESS) {
      for (simdjson::dom::element u : users) {
        const std::optional<std::string> email = text_of(u, "email");
        auto done = onboard(client, {*email, org->id, text_of(u, "role"), text_of(u, "first_name"),
                                     text_of(u, "last_name")});
        if (!done) {
          status = fail(done.error());
          break;
        }
        w.begin_object();
        w.key("id");
        w.string(done->user_id);
        w.key("email");
        w.string(*email);
        w.key("created");
        w.boolean(done->user_created);
        w.key("membership_id");
        w.string(done->membership_id);
        w.end_object();
      }
    }
    w.end_array();
    w.end_object();
    if (status != kOk) break;
  }
  w.end_array();
  w.end_object();
  if (status != kOk) {
    print_json(w.str());  // what exists now, so a second run can be adjusted
    return status;
  }
  return print_document(a, w.str());
}

// ---- setup-org ---------------------------------------------------------------------------------

int setup_org(const Args& a) {
  workos::organizations::CreateOrganizationParams create(a.need("name"));
  if (auto domains = a.get("domains")) {
    std::vector<workos::OrganizationDomainData> data;
    for (const std::string& d : split(*domains))
      data.push_back({d, workos::OrganizationDomainDataState::kPending});
    create.domain_data = std::move(data);
  }
  auto org = a.client().organizations().create_organization(create);
  if (!org) return fail(org.error());
  workos::admin_portal::GenerateLinkParams link(org->id);
  link.intent = workos::GenerateLinkIntent::from_wire(a.get("intent").value_or("sso"));
  link.return_url = a.get("return-url");
  auto portal = a.client().admin_portal().generate_link(link);
  json::Writer w;
  w.begin_object();
  w.key("organization");
  w.raw(body_of(org.response()));
  if (portal) {
    w.key("admin_portal_link");
    w.string(portal->link);
  }
  w.end_object();
  if (!portal) {
    print_json(w.str());  // the organization exists; only the link failed
    return fail(portal.error());
  }
  return print_document(a, w.str());
}

// ---- debug-sso and debug-sync ------------------------------------------------------------------

// What a check found: problems ("error") make the exit code 1, advice ("warning") does not.
class Findings {
 public:
  void error(std::string message) { add("error", std::move(message)); }
  void warning(std::string message) { add("warning", std::move(message)); }
  // Writes "findings" and "healthy" into the open object; the exit code.
  int write(json::Writer& w) const {
    w.key("findings");
    w.begin_array();
    for (const auto& [level, message] : items_) {
      w.begin_object();
      w.key("level");
      w.string(level);
      w.key("message");
      w.string(message);
      w.end_object();
    }
    w.end_array();
    w.key("healthy");
    w.boolean(!has_error_);
    return has_error_ ? kRejected : kOk;
  }

 private:
  void add(const char* level, std::string message) {
    has_error_ = has_error_ || std::string(level) == "error";
    items_.emplace_back(level, std::move(message));
  }
  std::vector<std::pair<std::string, std::string>> items_;
  bool has_error_ = false;
};

int debug_sso(const Args& a) {
  auto c = a.client().sso().get_connection(a.positional(0));
  if (!c) return fail(c.error());
  Findings f;
  const std::string state(c->state.wire());
  using State = workos::ConnectionState;
  if (c->state == State::kDraft || c->state == State::kRequiresType)
    f.error("the connection is " + state +
            ": its setup is not finished; send the organization's IT admin an Admin Portal link "
            "(workos admin-portal generate-link --organization-id <id> --intent sso)");
  else if (c->state == State::kInactive)
    f.error("the connection is inactive: sign-ins through it fail until it is activated");
  else if (c->state == State::kValidating)
    f.warning("the connection is being validated: sign-ins may fail until it is active");
  else if (c->state == State::kDeleting)
    f.error("the connection is being deleted");
  else if (c->state != State::kActive)
    f.warning("the connection's state is '" + state + "', unknown to this tool");
  if (c->domains.empty())
    f.warning(
        "the connection has no domains: sign-in cannot find it from a user's email domain; "
        "pass the connection or organization id to the authorization URL");
  if (!c->organization_id || c->organization_id->empty())
    f.warning("the connection belongs to no organization");
  json::Writer w;
  w.begin_object();
  w.key("connection");
  w.raw(body_of(c.response()));
  const int code = f.write(w);
  w.end_object();
  print_document(a, w.str());
  return code;
}

int debug_sync(const Args& a) {
  const std::string id = a.positional(0);
  const workos::Client& client = a.client();
  auto d = client.directory_sync().get_directory(id);
  if (!d) return fail(d.error());
  Findings f;
  const std::string state(d->state.wire());
  using State = workos::DirectoryState;
  if (d->state == State::kInvalidCredentials)
    f.error(
        "the directory's credentials are invalid: the provider refuses WorkOS; have the IT admin "
        "update them in the Admin Portal (intent dsync)");
  else if (d->state == State::kUnlinked)
    f.error("the directory is unlinked: nothing syncs until it is linked again");
  else if (d->state == State::kValidating)
    f.warning("the directory is being validated: the first sync has not finished");
  else if (d->state == State::kDeleting)
    f.error("the directory is being deleted");
  else if (d->state != State::kLinked)
    f.warning("the directory's state is '" + state + "', unknown to this tool");
  workos::directory_sync::ListUsersParams users;
  users.directory = id;
  users.limit = 100;
  auto user_page = client.directory_sync().list_users(users);
  if (!user_page) return fail(user_page.error());
  workos::directory_sync::ListGroupsParams groups;
  groups.directory = id;
  groups.limit = 100;
  auto group_page = client.directory_sync().list_groups(groups);
  if (!group_page) return fail(group_page.error());
  if (user_page->data.empty())
    f.warning("no users have synced: check the provider's assignment of users to the app");
  if (group_page->data.empty())
    f.warning("no groups have synced: role mapping by group will not work");
  json::Writer w;
  w.begin_object();
  w.key("directory");
  w.raw(body_of(d.response()));
  const auto count = [&w](const char* name, std::size_t n, bool more) {
    w.key(name);
    w.begin_object();
    w.key("count");
    w.integer(static_cast<std::int64_t>(n));
    w.key("more");
    w.boolean(more);
    w.end_object();
  };
  count("users", user_page->data.size(), user_page->has_more());
  count("groups", group_page->data.size(), group_page->has_more());
  const int code = f.write(w);
  w.end_object();
  print_document(a, w.str());
  return code;
}

}  // namespace

void add_workflow_commands(std::vector<Command>& table) {
  const Command rows[] = {
      {"seed",
       "",
       "Creates organizations and their users (with memberships) from a file.",
       {{"file",
         "The seed file: {\"organizations\": [{\"name\", \"domains\", \"users\": "
         "[{\"email\", \"role\", \"first_name\", \"last_name\"}]}]}.",
         true}},
       seed,
       {},
       nullptr,
       "Users that exist already (by email) are reused. What was created is printed even when a "
       "later call fails.",
       nullptr,
       kApiCall},
      {"setup-org",
       "",
       "Creates an organization and an Admin Portal link for its IT admin.",
       {{"name", "The organization's name.", true},
        {"domains", "Its domains, comma-separated (created pending verification).", false},
        {"intent", "What the Admin Portal link sets up (default sso; dsync, audit_logs, ...).",
         false},
        {"return-url", "Where the Admin Portal returns to.", false}},
       setup_org,
       {},
       nullptr,
       nullptr,
       nullptr,
       kApiCall},
      {"onboard-user",
       "",
       "Makes a user (found by email, or created) a member of an organization.",
       {{"email", "The user's email.", true},
        {"organization-id", "The organization (org_...).", true},
        {"role", "The role slug of the membership.", false},
        {"first-name", "For a new user.", false},
        {"last-name", "For a new user.", false},
        {"invite", "Send an invitation instead.", false, nullptr, Kind::kSwitch}},
       onboard_user,
       {},
       nullptr,
       nullptr,
       nullptr,
       kApiCall},
      {"debug-sso",
       "",
       "Checks an SSO connection and says what blocks its sign-ins.",
       {},
       debug_sso,
       {"connection_id"},
       nullptr,
       "Exit code 1 when a finding is an error (the connection cannot sign users in).",
       nullptr,
       kApiCall},
      {"debug-sync",
       "",
       "Checks a directory's sync: its state, its users and groups.",
       {},
       debug_sync,
       {"directory_id"},
       nullptr,
       "Exit code 1 when a finding is an error (the directory does not sync).",
       nullptr,
       kApiCall},
  };
  table.insert(table.end(), std::begin(rows), std::end(rows));
}

}  // namespace workos_cli
