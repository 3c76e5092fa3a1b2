// Copyright workos-cpp authors. Handwritten.
// AsyncPasswordlessService: the requests and decoders of passwordless.cc
// (passwordless_requests.h), sent on the event loop with detail::call_async.

#include <workos/passwordless/async_passwordless.h>

#include <utility>

#include "async/call_async.h"
#include "auth/async_support.h"
#include "passwordless/passwordless_requests.h"

namespace workos::passwordless {

AsyncPasswordlessService::AsyncPasswordlessService(std::shared_ptr<detail::AsyncCore> core)
    : core_(std::move(core)) {}

Future<PasswordlessSession> AsyncPasswordlessService::create_session(
    const CreateSessionParams& params, const RequestOptions& options) const {
  return detail::call_async<PasswordlessSession>(
      core_, detail::passwordless_requests::create_session(params), options, "PasswordlessSession");
}

Future<SendSessionResponse> AsyncPasswordlessService::send_session(
    std::string_view session_id, const RequestOptions& options) const {
  if (session_id.empty()) {
    return auth::detail::ready_async<SendSessionResponse>(
        core_, Error(ErrorKind::kInvalidArgument, "send_session: session_id must not be empty"));
  }
  return detail::call_async<SendSessionResponse>(
      core_, detail::passwordless_requests::send_session(session_id), options,
      "SendSessionResponse");
}

}  // namespace workos::passwordless
