// Copyright workos-cpp authors. Handwritten.
// AsyncSealedSession: the steps of SealedSession (auth/session_context.h: open the
// cookie, classify, re-seal) around the async key lookup (auth/async_jwks.h) and the async
// refresh-token grant, with the client's refresh single flight shared with sync sessions.

#include <workos/auth/async_session.h>

#include <utility>

#include "async/async_core.h"
#include "async/async_mode_driver.h"
#include "auth/async_jwks.h"
#include "auth/async_support.h"
#include "auth/client_state.h"
#include "auth/session_context.h"
#include "auth/session_impl.h"
#include "core/core_access.h"

namespace workos::auth {
namespace detail {

std::shared_ptr<AsyncSessionContext> make_async_session_context(
    std::shared_ptr<workos::detail::AsyncCore> core,
    std::shared_ptr<workos::user_management::AsyncUserManagementConnection> connection,
    std::string data, Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options) {
  auto ctx = std::make_shared<AsyncSessionContext>();
  std::shared_ptr<workos::detail::ClientCore> client = core ? core->client_ptr() : nullptr;
  ctx->session = make_session_context(std::move(client), nullptr, std::move(data), std::move(codec),
                                      std::move(options));
  ctx->core = std::move(core);
  ctx->connection = std::move(connection);
  return ctx;
}

namespace {

using Answer = Result<workos::AuthenticateResponse>;

// A check that ended because the client shut down (or the future was cancelled).
bool cancelled(const Result<AccessTokenClaims>& claims) {
  return !claims && claims.error().kind() == ErrorKind::kCancelled;
}

// One refresh: the grant (or another caller's), then the new token's check, then the re-seal.
struct AsyncRefresh : std::enable_shared_from_this<AsyncRefresh> {
  std::shared_ptr<AsyncSessionContext> ctx;
  RefreshOptions options;
  RefreshStart start;
  std::shared_ptr<Promise<SessionRefresh>> promise;

  // With the grant's answer (shared: another caller's).
  void on_answer(const SingleFlight::Value& value, bool shared) {
    SessionRefresh out;
    out.shared = shared;
    auto answer = std::static_pointer_cast<const Answer>(value);
    if (!answer) {
      fail_refresh(out, Error(ErrorKind::kConnection, "the refresh did not complete"));
      promise->set_value(std::move(out));
      return;
    }
    if (!*answer) {
      // Cancelled (the client shut down): the future fails like every other of the client.
      if (answer->error().kind() == ErrorKind::kCancelled) {
        promise->set_error(answer->error());
        return;
      }
      fail_refresh(out, answer->error());
      promise->set_value(std::move(out));
      return;
    }
    auto self = shared_from_this();
    static_cast<void>(verify_async(ctx->session->verifier, ctx->core, (*answer)->access_token)
                          .then(inline_executor(), [self, answer, out = std::move(out)](
                                                       Result<AccessTokenClaims> claims) mutable {
                            if (cancelled(claims)) {
                              self->promise->set_error(claims.error());
                              return;
                            }
                            finish_refresh(*self->ctx->session, self->options, self->start,
                                           **answer, std::move(claims), out);
                            self->promise->set_value(std::move(out));
                          }));
  }
};

}  // namespace

Future<SessionAuthentication> authenticate(const std::shared_ptr<AsyncSessionContext>& ctx) {
  SessionAuthentication out;
  std::optional<SessionData> data = open_for_authenticate(*ctx->session, out);
  if (!data) return ready_async<SessionAuthentication>(ctx->core, std::move(out));
  std::string token = data->access_token;
  return verify_async(ctx->session->verifier, ctx->core, std::move(token))
      .then(inline_executor(),
            [data = std::move(*data)](
                Result<AccessTokenClaims> claims) mutable -> Result<SessionAuthentication> {
              if (cancelled(claims)) return claims.error();
              SessionAuthentication a;
              finish_authenticate(a, std::move(data), std::move(claims));
              return a;
            });
}

Future<SessionRefresh> refresh(const std::shared_ptr<AsyncSessionContext>& ctx,
                               const RefreshOptions& options) {
  SessionRefresh out;
  std::optional<RefreshStart> start = open_for_refresh(*ctx->session, options, out);
  if (!start) return ready_async<SessionRefresh>(ctx->core, std::move(out));

  auto op = std::make_shared<AsyncRefresh>();
  op->ctx = ctx;
  op->options = options;
  op->start = std::move(*start);
  op->promise = make_async_promise<SessionRefresh>(ctx->core);
  Future<SessionRefresh> future = op->promise->get_future();

  const SessionContext& session = *ctx->session;
  const auto now = steady_now(session.core);
  SingleFlight::Value reused;
  const SingleFlight::Claim claim = session.state->refreshes.claim(
      op->start.key, refresh_reuse_window(session), now(), &reused,
      [op](SingleFlight::Value value) {
        // Another caller's grant finished (on its thread): continue on the loop.
        post_to_loop(op->ctx->core, [op, value] { op->on_answer(value, true); });
      });
  switch (claim) {
    case SingleFlight::Claim::kReused:
      op->on_answer(reused, true);
      break;
    case SingleFlight::Claim::kWait:
      break;
    case SingleFlight::Claim::kRun:
      static_cast<void>(
          ctx->user_management()
              .authenticate_with_refresh_token(refresh_grant_params(op->start, options),
                                               options.request)
              .then(inline_executor(), [op, now](Result<workos::AuthenticateResponse> r) {
                auto value = std::make_shared<const Answer>(std::move(r));
                const bool ok = value->has_value();
                op->ctx->session->state->refreshes.publish(
                    op->start.key, std::static_pointer_cast<const void>(value), ok, now());
                op->on_answer(value, false);
              }));
      break;
  }
  return future;
}

Future<std::string> logout_url(const std::shared_ptr<AsyncSessionContext>& ctx,
                               const std::optional<std::string>& return_to) {
  Result<std::string> token = logout_token(*ctx->session);
  if (!token) return ready_async<std::string>(ctx->core, token.error());
  // An expired access token still names the session; everything else must verify.
  return verify_async(ctx->session->verifier, ctx->core, std::move(*token),
                      /*allow_expired=*/true)
      .then(inline_executor(),
            [ctx, return_to](Result<AccessTokenClaims> claims) -> Future<std::string> {
              if (!claims) return make_ready_future(Result<std::string>(claims.error()));
              return ctx->user_management().get_logout_url(logout_params(*claims, return_to));
            });
}

}  // namespace detail

template class BasicSealedSession<AsyncMode>;

}  // namespace workos::auth
