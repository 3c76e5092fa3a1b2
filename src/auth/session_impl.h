// Copyright workos-cpp authors. Handwritten.
#pragma once

// The sealed session, written once for both forms (BasicSealedSession<Mode>): each step calls
// the driver of its context (auth/session_context.h). Instantiated by session.cc (blocking) and
// async_session.cc (non-blocking).

#include <workos/auth/session.h>

#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "auth/session_context.h"
#include "core/mode_driver.h"

namespace workos::auth {

template <class Mode>
auto BasicSealedSession<Mode>::authenticate() const -> Outcome<Mode, SessionAuthentication> {
  return detail::authenticate(context_);
}

template <class Mode>
auto BasicSealedSession<Mode>::refresh(const RefreshOptions& options)
    -> Outcome<Mode, SessionRefresh> {
  return detail::refresh(context_, options);
}

template <class Mode>
auto BasicSealedSession<Mode>::get_logout_url(const std::optional<std::string>& return_to) const
    -> Reply<Mode, std::string> {
  return detail::logout_url(context_, return_to);
}

template <class Mode>
BasicSealedSession<Mode> BasicSealedSession<Mode>::load(const ClientOf<Mode>& client,
                                                        std::string session_data,
                                                        std::string cookie_password,
                                                        SessionOptions options) {
  return detail::load_session<BasicSealedSession>(
      workos::detail::ModeDriver<Mode>::core_of(client), nullptr, std::move(session_data),
      make_iron_codec(std::move(cookie_password)), std::move(options));
}

template <class Mode>
BasicSealedSession<Mode> BasicSealedSession<Mode>::load(const ClientOf<Mode>& client,
                                                        std::string session_data,
                                                        std::shared_ptr<const SessionCodec> codec,
                                                        SessionOptions options) {
  return detail::load_session<BasicSealedSession>(workos::detail::ModeDriver<Mode>::core_of(client),
                                                  nullptr, std::move(session_data),
                                                  std::move(codec), std::move(options));
}

template <class Mode>
Result<SessionData> BasicSealedSession<Mode>::data() const {
  return detail::read_session_data(detail::session_of(*context_));
}

template <class Mode>
std::string BasicSealedSession<Mode>::sealed_data() const {
  const detail::SessionContext& session = detail::session_of(*context_);
  std::lock_guard<std::mutex> lock(session.mu);
  return session.data;
}

}  // namespace workos::auth
