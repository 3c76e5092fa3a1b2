// Copyright workos-cpp authors. Handwritten.
// Route protection with no I/O: the sign-in redirect with a sealed PKCE cookie, the decisions
// for a checked or refreshed session, the callback's state check and the session cookie, the
// sign-out; `AuthKit` and `AsyncAuthKit` drive these steps.

#include "authkit/authkit_core.h"

#include <curl/curl.h>

#include <memory>
#include <utility>

#include "core/json.h"

namespace workos::detail {
namespace {

bool is_cookie_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// A path on this site: "/x", never "//host" or "/\host" (an open redirect).
bool local_path(std::string_view p) {
  return !p.empty() && p[0] == '/' && (p.size() == 1 || (p[1] != '/' && p[1] != '\\'));
}

// The percent-decoded value of query parameter `name` in `target`, or empty.
std::string query_param(std::string_view target, std::string_view name) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (pair.substr(0, eq) == name && eq != std::string_view::npos) {
      const std::string_view raw = pair.substr(eq + 1);
      int length = 0;
      std::unique_ptr<char, decltype(&curl_free)> decoded(
          curl_easy_unescape(nullptr, raw.data(), static_cast<int>(raw.size()), &length),
          &curl_free);
      return decoded ? std::string(decoded.get(), static_cast<std::size_t>(length)) : std::string();
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return {};
}

authkit::SignedInUser signed_in(const auth::SessionAuthentication& a) {
  authkit::SignedInUser u;
  u.user_id = a.claims.sub;
  u.session_id = a.claims.sid;
  u.organization_id = a.claims.org_id;
  u.role = a.claims.role;
  u.roles = a.claims.roles;
  u.permissions = a.claims.permissions;
  u.entitlements = a.claims.entitlements;
  u.feature_flags = a.claims.feature_flags;
  u.impersonator = a.claims.act;
  u.user = a.user;
  u.access_token = a.access_token;
  return u;
}

// What the sign-in cookie carries between the redirect and the callback.
struct SignInState {
  std::string state;
  std::string verifier;
  std::string return_to;
};

std::string sign_in_json(const SignInState& s) {
  json::Writer w;
  w.begin_object();
  json::member(w, "state", s.state);
  json::member(w, "verifier", s.verifier);
  json::member(w, "return_to", s.return_to);
  w.end_object();
  return w.take();
}

std::optional<SignInState> read_sign_in(const std::string& json) {
  json::Value root;
  if (!json::parse(json::JsonText(json), "sign-in cookie", root)) return {};
  SignInState s;
  std::string_view v;
  if (root["state"].get_string().get(v) != simdjson::SUCCESS) return {};
  s.state = std::string(v);
  if (root["verifier"].get_string().get(v) != simdjson::SUCCESS) return {};
  s.verifier = std::string(v);
  if (root["return_to"].get_string().get(v) == simdjson::SUCCESS) s.return_to = std::string(v);
  return s;
}

}  // namespace

AuthKitCore::AuthKitCore(authkit::AuthKitOptions options) : options_(std::move(options)) {
  authorize_.provider = UserManagementGetAuthorizationUrlProvider::kAuthkit;
  authorize_.redirect_uri = options_.redirect_uri;
}

Result<std::shared_ptr<const AuthKitCore>> AuthKitCore::create(authkit::AuthKitOptions options) {
  if (options.redirect_uri.empty())
    return Error(ErrorKind::kConfiguration, "AuthKitOptions::redirect_uri is required");
  if (options.cookie_password.size() < 32) {
    return Error(ErrorKind::kConfiguration,
                 "AuthKitOptions::cookie_password must have at least 32 characters");
  }
  if (!is_cookie_name(options.session_cookie) || !is_cookie_name(options.sign_in_cookie)) {
    return Error(ErrorKind::kConfiguration,
                 "AuthKitOptions: cookie names must be letters, digits, '-', '_' or '.'");
  }
  if (!local_path(options.after_sign_in)) options.after_sign_in = "/";
  return std::shared_ptr<const AuthKitCore>(std::make_shared<AuthKitCore>(std::move(options)));
}

std::string AuthKitCore::session_cookie(const authkit::IncomingRequest& request) const {
  return authkit::cookie_value(request.cookie_header, options_.session_cookie);
}

std::string_view AuthKitCore::return_path(const authkit::IncomingRequest& request) {
  const std::string_view target = request.target;
  return target.substr(0, target.find('?'));
}

std::string AuthKitCore::cookie(std::string_view name, std::string_view value,
                                std::chrono::seconds max_age) const {
  return authkit::set_cookie(options_, name, value, max_age);
}

Result<authkit::Redirect> AuthKitCore::sign_in(Result<auth::AuthorizationUrlWithPkce> url,
                                               std::string_view return_to) const {
  if (!url) return url.error();
  SignInState s;
  s.state = url->state;
  s.verifier = url->code_verifier;
  s.return_to = local_path(return_to) ? std::string(return_to) : options_.after_sign_in;
  auto sealed = auth::seal_data(sign_in_json(s), options_.cookie_password);
  if (!sealed) return sealed.error();
  authkit::Redirect out;
  out.location = std::move(url->url);
  out.set_cookies.push_back(cookie(options_.sign_in_cookie, *sealed, options_.sign_in_max_age));
  return out;
}

bool AuthKitCore::wants_refresh(const auth::SessionAuthentication& a) {
  // Usually an expired access token: refresh it, and hand the browser the new cookie.
  return !a && a.reason == auth::SessionFailure::kInvalidJwt;
}

auth::RefreshOptions AuthKitCore::refresh_options(const authkit::IncomingRequest& request) {
  auth::RefreshOptions ro;
  if (!request.ip_address.empty()) ro.ip_address = request.ip_address;
  if (!request.user_agent.empty()) ro.user_agent = request.user_agent;
  return ro;
}

authkit::Decision AuthKitCore::refreshed(const auth::SessionRefresh& r) const {
  authkit::Decision d;
  d.outcome = authkit::Decision::Outcome::kRefreshed;
  d.user = signed_in(r);
  d.set_cookies.push_back(
      cookie(options_.session_cookie, r.sealed_session, options_.session_max_age));
  return d;
}

authkit::Decision AuthKitCore::signed_in_decision(const auth::SessionAuthentication& a) const {
  authkit::Decision d;
  d.outcome = authkit::Decision::Outcome::kSignedIn;
  d.user = signed_in(a);
  return d;
}

authkit::Decision AuthKitCore::sign_in_decision(const auth::SessionAuthentication& a,
                                                Result<authkit::Redirect> start) const {
  authkit::Decision d;
  d.reason = a.reason;
  if (a.reason == auth::SessionFailure::kRefreshDenied ||
      a.reason == auth::SessionFailure::kInvalidSessionCookie) {
    d.set_cookies.push_back(cookie(options_.session_cookie, "", std::chrono::seconds(0)));
  }
  if (start) {
    d.redirect_to = std::move(start->location);
    for (auto& c : start->set_cookies) d.set_cookies.push_back(std::move(c));
  }
  return d;
}

Result<AuthKitCore::Callback> AuthKitCore::callback(const authkit::IncomingRequest& request) const {
  const std::string code = query_param(request.target, "code");
  const std::string state = query_param(request.target, "state");
  std::optional<SignInState> expected;
  if (auto json =
          auth::unseal_data(authkit::cookie_value(request.cookie_header, options_.sign_in_cookie),
                            options_.cookie_password)) {
    expected = read_sign_in(*json);
  }
  if (code.empty() || !expected || state.empty() || state != expected->state) {
    return Error(ErrorKind::kInvalidArgument,
                 "invalid sign-in callback: the state does not match the sign-in cookie");
  }
  Callback out;
  out.params.code = code;
  out.params.code_verifier = expected->verifier;
  if (!request.ip_address.empty()) out.params.ip_address = request.ip_address;
  if (!request.user_agent.empty()) out.params.user_agent = request.user_agent;
  out.return_to = local_path(expected->return_to) ? expected->return_to : options_.after_sign_in;
  return out;
}

Result<authkit::Redirect> AuthKitCore::callback_done(
    const Result<workos::AuthenticateResponse>& answer, const std::string& return_to) const {
  if (!answer) return answer.error();
  auto sealed = auth::seal_session_from_auth_response(*answer, options_.cookie_password);
  if (!sealed) return sealed.error();
  authkit::Redirect out;
  out.location = return_to;
  out.set_cookies.push_back(cookie(options_.session_cookie, *sealed, options_.session_max_age));
  out.set_cookies.push_back(cookie(options_.sign_in_cookie, "", std::chrono::seconds(0)));
  authkit::SignedInUser u;
  u.user_id = answer->user.id;
  u.organization_id = answer->organization_id;
  u.user = answer->user;
  u.access_token = answer->access_token;
  out.user = std::move(u);
  return out;
}

std::optional<std::string> AuthKitCore::logout_return_to() const {
  if (options_.after_sign_out.empty()) return std::nullopt;
  return options_.after_sign_out;
}

authkit::Redirect AuthKitCore::signed_out(const Result<std::string>& logout_url) const {
  authkit::Redirect out;
  out.location =
      logout_url ? *logout_url : (options_.after_sign_out.empty() ? "/" : options_.after_sign_out);
  out.set_cookies.push_back(cookie(options_.session_cookie, "", std::chrono::seconds(0)));
  return out;
}

}  // namespace workos::detail

namespace workos::authkit {

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return {};
}

std::string set_cookie(const AuthKitOptions& options, std::string_view name, std::string_view value,
                       std::chrono::seconds max_age) {
  std::string out(name);
  out += "=";
  out += value;
  out += "; Path=" + options.cookie_path +
         "; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age.count());
  if (options.secure_cookies) out += "; Secure";
  return out;
}

}  // namespace workos::authkit
