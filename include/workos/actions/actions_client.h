// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::actions::ActionsClient`: the AuthKit Actions helpers that `client.actions()` and
/// `async_client.actions()` return. They are the free functions of <workos/signing/actions.h>,
/// reachable from the client; all the work is local (no request is made).

#include <workos/result.h>
#include <workos/signing/actions.h>

#include <chrono>
#include <string_view>

namespace workos::actions {

/// Verify an Actions request and sign the verdict. Thread-safe; no state.
///
/// @code
/// auto action = client.actions().construct_action(body, sig_header, secret);
/// if (!action) return reply(400, action.error().message());
/// auto response = client.actions().sign_response(workos::actions::ActionType::kAuthentication,
///                                                workos::actions::Verdict::kAllow, "", secret);
/// @endcode
class ActionsClient {
 public:
  /// `actions::verify_header`: checks the `WorkOS-Signature` header of an Actions request.
  signing::VerifyResult verify_header(
      std::string_view payload, std::string_view sig_header, std::string_view secret,
      std::chrono::milliseconds tolerance = kDefaultTolerance,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const {
    return actions::verify_header(payload, sig_header, secret, tolerance, now);
  }
  /// `actions::construct_action`: verifies, then decodes the request body.
  Result<ActionContext> construct_action(
      std::string_view payload, std::string_view sig_header, std::string_view secret,
      std::chrono::milliseconds tolerance = kDefaultTolerance,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const {
    return actions::construct_action(payload, sig_header, secret, tolerance, now);
  }
  /// `actions::sign_response`: the signed verdict to answer with, timestamped now.
  [[nodiscard]] Result<ActionResponse> sign_response(ActionType type, Verdict verdict,
                                                     std::string_view error_message,
                                                     std::string_view secret) const {
    return actions::sign_response(type, verdict, error_message, secret);
  }
};

}  // namespace workos::actions
