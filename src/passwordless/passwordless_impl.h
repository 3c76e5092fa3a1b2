// Copyright workos-cpp authors. Handwritten.
#pragma once

// The passwordless endpoints, written once for both forms (BasicPasswordlessService<Mode>);
// instantiated by passwordless.cc (blocking) and async_passwordless.cc (non-blocking) with
// their mode driver.

#include <workos/passwordless/passwordless.h>

#include <utility>

#include "core/mode_driver.h"
#include "passwordless/passwordless_requests.h"

namespace workos::passwordless {

template <class Mode>
BasicPasswordlessService<Mode>::BasicPasswordlessService(std::shared_ptr<detail::CoreOf<Mode>> core)
    : core_(std::move(core)) {}

template <class Mode>
auto BasicPasswordlessService<Mode>::create_session(const CreateSessionParams& params,
                                                    const RequestOptions& options) const
    -> Reply<Mode, PasswordlessSession> {
  return detail::ModeDriver<Mode>::template call<PasswordlessSession>(
      core_, detail::passwordless_requests::create_session(params), options, "PasswordlessSession");
}

template <class Mode>
auto BasicPasswordlessService<Mode>::send_session(std::string_view session_id,
                                                  const RequestOptions& options) const
    -> Reply<Mode, SendSessionResponse> {
  using Driver = detail::ModeDriver<Mode>;
  if (session_id.empty()) {
    return Driver::template fail<SendSessionResponse>(
        core_, Error(ErrorKind::kInvalidArgument, "send_session: session_id must not be empty"));
  }
  return Driver::template call<SendSessionResponse>(
      core_, detail::passwordless_requests::send_session(session_id), options,
      "SendSessionResponse");
}

}  // namespace workos::passwordless
