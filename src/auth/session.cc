// Copyright workos-cpp authors. Handwritten.
// Sealed sessions: authenticate (unseal + verify), refresh (refresh-token grant, verify,
// re-seal; single flight per refresh token), logout URL, sealing helpers.

#include <workos/auth/session.h>
#include <workos/user_management/user_management_client.h>

#include "auth/client_state.h"
#include "auth/session_context.h"
#include "auth/session_impl.h"
#include "auth/session_payload.h"
#include "auth/token_verifier.h"
#include "core/call.h"
#include "core/client_core_impl.h"
#include "core/core_access.h"
#include "crypto/crypto.h"
#include "crypto/encoding.h"

#include <mutex>

namespace workos::auth {

// A switch (not a table): only this direction is needed, and the compiler names an enumerator
// added without its code.
const char* to_string(SessionFailure failure) noexcept {
  switch (failure) {
    case SessionFailure::kNone:
      return "";
    case SessionFailure::kNoSessionCookieProvided:
      return "no_session_cookie_provided";
    case SessionFailure::kInvalidSessionCookie:
      return "invalid_session_cookie";
    case SessionFailure::kInvalidJwt:
      return "invalid_jwt";
    case SessionFailure::kJwksUnavailable:
      return "jwks_unavailable";
    case SessionFailure::kRefreshDenied:
      return "refresh_denied";
    case SessionFailure::kMfaEnrollment:
      return "mfa_enrollment";
    case SessionFailure::kSsoRequired:
      return "sso_required";
    case SessionFailure::kRateLimited:
      return "rate_limit_exceeded";
    case SessionFailure::kTimeout:
      return "timeout";
    case SessionFailure::kServerError:
      return "server_error";
    case SessionFailure::kNetworkError:
      return "network_error";
    case SessionFailure::kRefreshFailed:
      return "refresh_failed";
    case SessionFailure::kConfiguration:
      return "configuration_error";
  }
  return "";
}

namespace detail {

std::shared_ptr<SessionContext> make_session_context(
    std::shared_ptr<workos::detail::ClientCore> core,
    std::shared_ptr<workos::user_management::UserManagementConnection> connection, std::string data,
    Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options) {
  auto ctx = std::make_shared<SessionContext>();
  ctx->state = client_state(core);
  ctx->verifier = std::make_shared<const TokenVerifierCore>(core, ctx->state->jwks, options.token);
  ctx->core = std::move(core);
  ctx->connection = std::move(connection);
  ctx->options = std::move(options);
  ctx->data = std::move(data);
  if (codec)
    ctx->codec = std::move(*codec);
  else
    ctx->config_error = codec.error();
  if (ctx->codec == nullptr && !ctx->config_error) {
    ctx->config_error = Error(ErrorKind::kConfiguration, "no session codec given");
  }
  return ctx;
}

namespace {

// Fills `out` with a failure; returns it for brevity.
template <class R>
R& fail(R& out, SessionFailure reason, std::optional<Error> error = std::nullopt) {
  out.authenticated = false;
  out.reason = reason;
  out.error = std::move(error);
  return out;
}

void fail_token(SessionAuthentication& out, const Error& error) {
  out.token_failure = token_failure(error);
  if (out.token_failure == TokenFailure::kJwksUnavailable) {
    fail(out, SessionFailure::kJwksUnavailable, error);
  } else if (error.kind() == ErrorKind::kConfiguration) {
    fail(out, SessionFailure::kConfiguration, error);
  } else {
    fail(out, SessionFailure::kInvalidJwt, error);
  }
}

// The refresh failure reason of an API / transport error (WorkOS answers `invalid_grant` with
// 400 when the refresh token is used, revoked or expired).
void classify_refresh_error(SessionRefresh& out, const Error& e) {
  SessionFailure reason = SessionFailure::kRefreshFailed;
  bool retryable = false;
  if (e.kind() == ErrorKind::kConfiguration) {
    reason = SessionFailure::kConfiguration;
  } else if (e.error() == "invalid_grant" || e.code() == "invalid_grant") {
    reason = SessionFailure::kRefreshDenied;
  } else if (e.auth_flow() == AuthFlowKind::kMfaEnrollment || e.code() == "mfa_enrollment") {
    reason = SessionFailure::kMfaEnrollment;
  } else if (e.auth_flow() == AuthFlowKind::kSsoRequired || e.code() == "sso_required") {
    reason = SessionFailure::kSsoRequired;
  } else if (e.status() == 429) {
    reason = SessionFailure::kRateLimited;
    retryable = true;
    out.retry_after = e.retry_after();
  } else if (e.kind() == ErrorKind::kTimeout || e.status() == 408) {
    reason = SessionFailure::kTimeout;
    retryable = true;
  } else if (e.status() >= 500) {
    reason = SessionFailure::kServerError;
    retryable = true;
  } else if (e.kind() == ErrorKind::kConnection) {
    reason = SessionFailure::kNetworkError;
    retryable = true;
  }
  fail(out, reason, e);
  out.retryable = retryable;
}

// The session data inside the context's cookie (its codec in `codec`), or a failure recorded in
// `out`: no cookie, no codec, a cookie that does not unseal, unsealed text that is not session
// data, session data without the `token` the step needs (`what` names it).
template <class R>
std::optional<SessionData> open_cookie(const SessionContext& ctx,
                                       std::shared_ptr<const SessionCodec>& codec,
                                       std::string SessionData::*token, const char* what, R& out) {
  std::string cookie;
  ctx.snapshot(cookie, codec);
  if (cookie.empty()) {
    fail(out, SessionFailure::kNoSessionCookieProvided);
    return std::nullopt;
  }
  if (!codec) {
    fail(out, SessionFailure::kConfiguration, ctx.config_error);
    return std::nullopt;
  }
  Result<std::string> plain = codec->unseal(cookie);
  if (!plain) {
    fail(out, SessionFailure::kInvalidSessionCookie, plain.error());
    return std::nullopt;
  }
  Result<SessionData> data = parse_session_data(*plain);
  if (!data) {
    fail(out, SessionFailure::kInvalidSessionCookie, data.error());
    return std::nullopt;
  }
  if (((*data).*token).empty()) {
    fail(out, SessionFailure::kInvalidSessionCookie,
         Error(ErrorKind::kDecode, std::string("the session has no ") + what));
    return std::nullopt;
  }
  return std::move(*data);
}

std::string refresh_key(const std::string& refresh_token, const std::optional<std::string>& org) {
  // Keyed by a digest: the single-flight table never holds refresh tokens.
  return hex_encode(sha256(refresh_token + '\n' + org.value_or("")));
}

}  // namespace

std::optional<SessionData> open_for_authenticate(const SessionContext& ctx,
                                                 SessionAuthentication& out) {
  std::shared_ptr<const SessionCodec> codec;
  return open_cookie(ctx, codec, &SessionData::access_token, "access token", out);
}

void finish_authenticate(SessionAuthentication& out, SessionData data,
                         Result<AccessTokenClaims> claims) {
  if (!claims) {
    fail_token(out, claims.error());
    return;
  }
  out.authenticated = true;
  out.claims = std::move(*claims);
  out.user = std::move(data.user);
  out.impersonator = std::move(data.impersonator);
  out.authentication_method = std::move(data.authentication_method);
  out.access_token = std::move(data.access_token);
}

std::optional<RefreshStart> open_for_refresh(const SessionContext& ctx,
                                             const RefreshOptions& options, SessionRefresh& out) {
  RefreshStart start;
  std::optional<SessionData> data =
      open_cookie(ctx, start.codec, &SessionData::refresh_token, "refresh token", out);
  if (!data) return std::nullopt;
  // The organization scope: the caller's, else the current token's (unverified: the API checks
  // the refresh token; the claim only picks the organization), else the cookie's.
  start.organization_id = options.organization_id;
  if (!start.organization_id) {
    auto old = decode_access_token_unverified(data->access_token);
    if (old && old->org_id)
      start.organization_id = old->org_id;
    else
      start.organization_id = data->organization_id;
  }
  start.key = refresh_key(data->refresh_token, start.organization_id);
  start.data = std::move(*data);
  return start;
}

workos::user_management::AuthenticateWithRefreshTokenParams refresh_grant_params(
    const RefreshStart& start, const RefreshOptions& options) {
  workos::user_management::AuthenticateWithRefreshTokenParams p;
  p.refresh_token = start.data.refresh_token;
  p.organization_id = start.organization_id;
  p.ip_address = options.ip_address;
  p.user_agent = options.user_agent;
  return p;
}

std::chrono::steady_clock::duration refresh_reuse_window(const SessionContext& ctx) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      ctx.options.refresh_reuse_window);
}

Result<SessionData> read_session_data(const SessionContext& ctx) {
  std::string cookie;
  std::shared_ptr<const SessionCodec> codec;
  ctx.snapshot(cookie, codec);
  if (!codec) return *ctx.config_error;
  Result<std::string> plain = codec->unseal(cookie);
  if (!plain) return plain.error();
  return parse_session_data(*plain);
}

Result<std::string> logout_token(const SessionContext& ctx) {
  Result<SessionData> data = read_session_data(ctx);
  if (!data) return data.error();
  if (data->access_token.empty()) {
    return Error(ErrorKind::kDecode, "the session has no access token");
  }
  return std::move(data->access_token);
}

workos::user_management::GetLogoutUrlParams logout_params(
    const AccessTokenClaims& claims, const std::optional<std::string>& return_to) {
  workos::user_management::GetLogoutUrlParams p;
  p.session_id = claims.sid;
  p.return_to = return_to;
  return p;
}

void fail_refresh(SessionRefresh& out, const Error& error) {
  classify_refresh_error(out, error);
}

void finish_refresh(SessionContext& ctx, const RefreshOptions& options, const RefreshStart& start,
                    const workos::AuthenticateResponse& response, Result<AccessTokenClaims> claims,
                    SessionRefresh& out) {
  if (!claims) {
    fail_token(out, claims.error());
    out.retryable = out.reason == SessionFailure::kJwksUnavailable;
    // The grant succeeded: the old refresh token is spent. When the new access token could not
    // be checked for a transient reason (JWKS unreachable), keep the new tokens sealed, or the
    // cookie's consumed refresh token would log the user out at the next refresh.
    if (!out.retryable) return;
  }
  const std::shared_ptr<const SessionCodec> seal_codec =
      options.codec ? options.codec : start.codec;
  SessionData data = session_data_from_response(response);
  Result<std::string> sealed = seal_session_data(data, *seal_codec);
  if (!sealed) {
    fail(out, SessionFailure::kRefreshFailed, sealed.error());
    out.retryable = false;
    return;
  }
  {
    std::lock_guard<std::mutex> lock(ctx.mu);
    ctx.data = *sealed;
    ctx.codec = seal_codec;
  }
  out.sealed_session = std::move(*sealed);
  out.response = response;
  // A token that could not be checked (sealed all the same, above) keeps its recorded failure.
  if (claims) finish_authenticate(out, std::move(data), std::move(claims));
}

// ---- the blocking session ----------------------------------------------------------------------

SessionAuthentication authenticate(const std::shared_ptr<SessionContext>& ctx) {
  SessionAuthentication out;
  std::optional<SessionData> data = open_for_authenticate(*ctx, out);
  if (!data) return out;
  Result<AccessTokenClaims> claims = ctx->verifier->verify(data->access_token);
  finish_authenticate(out, std::move(*data), std::move(claims));
  return out;
}

SessionRefresh refresh(const std::shared_ptr<SessionContext>& ctx, const RefreshOptions& options) {
  SessionRefresh out;
  std::optional<RefreshStart> start = open_for_refresh(*ctx, options, out);
  if (!start) return out;
  // Waiting for another caller's refresh of this session keeps to this call's deadline.
  const std::optional<std::chrono::milliseconds>& deadline =
      workos::detail::call_deadline(*ctx->core, options.request);
  SingleFlight::Ran ran = SingleFlight::Ran::kHere;
  auto value = ctx->state->refreshes.run(
      start->key, refresh_reuse_window(*ctx), steady_now(ctx->core),
      [&]() -> std::pair<SingleFlight::Value, bool> {
        auto r = std::make_shared<const Result<workos::AuthenticateResponse>>(
            ctx->user_management().authenticate_with_refresh_token(
                refresh_grant_params(*start, options), options.request));
        const bool ok = r->has_value();
        return {std::static_pointer_cast<const void>(r), ok};
      },
      deadline, &ran);
  out.shared = ran == SingleFlight::Ran::kShared;
  if (!value) {
    fail(out, SessionFailure::kRefreshFailed,
         ran == SingleFlight::Ran::kTimedOut
             ? Error(ErrorKind::kTimeout,
                     "the deadline passed while another refresh of this session was in flight")
             : Error(ErrorKind::kInvalidArgument,
                     "a blocking session refresh was called on an event-loop thread while "
                     "another refresh of this session is in flight; use the async session "
                     "there"));
    out.retryable = true;
    return out;
  }
  const auto& response =
      *std::static_pointer_cast<const Result<workos::AuthenticateResponse>>(value);
  if (!response) {
    fail_refresh(out, response.error());
    return out;
  }
  finish_refresh(*ctx, options, *start, *response, ctx->verifier->verify(response->access_token),
                 out);
  return out;
}

Result<std::string> logout_url(const std::shared_ptr<SessionContext>& ctx,
                               const std::optional<std::string>& return_to) {
  Result<std::string> token = logout_token(*ctx);
  if (!token) return token.error();
  // An expired access token still names the session; everything else must verify.
  Result<AccessTokenClaims> claims = ctx->verifier->verify(*token, /*allow_expired=*/true);
  if (!claims) return claims.error();
  return ctx->user_management().get_logout_url(logout_params(*claims, return_to));
}

}  // namespace detail

template class BasicSealedSession<SyncMode>;

// ---- sealing ---------------------------------------------------------------------------------

Result<std::string> seal_session_data(const SessionData& data, const SessionCodec& codec) {
  return codec.seal(detail::encode_session_data(data, codec.payload_style()));
}

Result<std::string> seal_session_from_auth_response(const workos::AuthenticateResponse& response,
                                                    const SessionCodec& codec) {
  return seal_session_data(detail::session_data_from_response(response), codec);
}

Result<std::string> seal_session_from_auth_response(const workos::AuthenticateResponse& response,
                                                    std::string_view cookie_password) {
  auto codec = make_iron_codec(std::string(cookie_password));
  if (!codec) return codec.error();
  return seal_session_from_auth_response(response, **codec);
}

Result<std::string> seal_data(std::string_view json, const SessionCodec& codec) {
  return codec.seal(json);
}

Result<std::string> unseal_data(std::string_view sealed, const SessionCodec& codec) {
  return codec.unseal(sealed);
}

Result<std::string> seal_data(std::string_view json, std::string_view password) {
  auto codec = make_iron_codec(std::string(password));
  if (!codec) return codec.error();
  return (*codec)->seal(json);
}

Result<std::string> unseal_data(std::string_view sealed, std::string_view password) {
  auto codec = make_iron_codec(std::string(password));
  if (!codec) return codec.error();
  return (*codec)->unseal(sealed);
}

}  // namespace workos::auth
