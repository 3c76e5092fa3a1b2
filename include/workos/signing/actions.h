// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// AuthKit Actions: verify the request WorkOS sends to your Actions endpoint and sign the
/// verdict you answer with. See docs/webhooks.md ("Actions").
///
/// @code
/// auto action = workos::actions::construct_action(req.body,
///                                                  req.get_header("WorkOS-Signature"), secret);
/// if (!action) return reply(400, action.error().message());
/// bool allow = action->user_data && ends_with(action->user_data->email, "@example.com");
/// auto response = workos::actions::sign_response(
///     workos::actions::ActionType::kUserRegistration,
///     allow ? workos::actions::Verdict::kAllow : workos::actions::Verdict::kDeny,
///     allow ? "" : "Registrations are closed", secret);
/// if (!response) return reply(500, response.error().message());  // e.g. an empty secret
/// return reply(200, response->to_json());
/// @endcode

#include <workos/result.h>
#include <workos/signing/signature.h>
#include <workos/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace workos::actions {

/// Default tolerance for an Actions request: 30 seconds, as in the official SDKs.
inline constexpr std::chrono::seconds kDefaultTolerance{30};

/// Verifies the `WorkOS-Signature` header of an Actions request against its raw body. Same
/// rules as `webhooks::verify_header`, with a 30 s default tolerance; `now` is the current time
/// unless given. Thread-safe.
inline signing::VerifyResult verify_header(
    std::string_view payload, std::string_view sig_header, std::string_view secret,
    std::chrono::milliseconds tolerance = kDefaultTolerance,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) {
  return signing::verify_signature_header(payload, sig_header, secret, tolerance, now);
}

/// Which Action a response answers.
enum class ActionType {
  kAuthentication,    ///< response object `authentication_action_response`
  kUserRegistration,  ///< response object `user_registration_action_response`
};

/// The `object` of the response for `type`.
const char* response_object(ActionType type) noexcept;

/// The decision sent back to WorkOS.
enum class Verdict {
  kAllow,  ///< `"Allow"`
  kDeny,   ///< `"Deny"`
};

/// `"Allow"` or `"Deny"`.
const char* to_string(Verdict verdict) noexcept;

/// The signed part of an Actions response.
struct ActionResponsePayload {
  std::int64_t timestamp = 0;         ///< Milliseconds since the Unix epoch.
  Verdict verdict = Verdict::kAllow;  ///< Allow or deny.
  /// Only with `kDeny` and a non-empty message (as the official SDKs send it).
  std::optional<std::string> error_message;
};

/// A signed Actions response: `{"object":...,"payload":{...},"signature":"<hex>"}`.
struct ActionResponse {
  /// `authentication_action_response` or `user_registration_action_response`.
  std::string object;
  ActionResponsePayload payload;  ///< The verdict and its timestamp.
  /// The compact JSON of `payload` exactly as signed: `{"timestamp":..,"verdict":..[,
  /// "error_message":..]}`.
  std::string payload_json;
  /// Lowercase hex HMAC-SHA256 of `"<timestamp>.<payload_json>"`.
  std::string signature;

  /// The whole response as compact JSON, ready to send as the HTTP body.
  std::string to_json() const;
};

/// Signs a verdict for WorkOS, timestamped now. `error_message` is sent only with `kDeny` and
/// when not empty; it must be UTF-8 (invalid bytes are replaced by U+FFFD). Errors: kind
/// `kInvalidArgument` when `secret` is empty (a response signed with an empty key would be
/// refused by WorkOS), `kCrypto` when the HMAC cannot be computed (OpenSSL out of memory); a
/// response with an empty signature is never returned. Thread-safe.
///
/// @code
/// auto response = workos::actions::sign_response(workos::actions::ActionType::kAuthentication,
///                                                workos::actions::Verdict::kAllow, "", secret);
/// if (!response) return reply(500, response.error().message());
/// return reply(200, response->to_json());
/// @endcode
[[nodiscard]] Result<ActionResponse> sign_response(ActionType type, Verdict verdict,
                                                   std::string_view error_message,
                                                   std::string_view secret);

/// Same with an explicit timestamp (tests, reproducible output). Same errors.
[[nodiscard]] Result<ActionResponse> sign_response(ActionType type, Verdict verdict,
                                                   std::string_view error_message,
                                                   std::string_view secret,
                                                   std::chrono::system_clock::time_point timestamp);

/// `user_data` of a user-registration Action.
struct ActionUserData {
  std::string object;               ///< `"user_data"`
  std::string email;                ///< The email the user registers with.
  std::optional<std::string> name;  ///< The full name, when given.
  std::string first_name;           ///< First name (may be empty).
  std::string last_name;            ///< Last name (may be empty).
};

/// The request body of an Action, after verification. Nested API objects (user,
/// organization, membership, invitation) are kept as JSON text; decode them with the
/// generated models when you need typed access.
struct ActionContext {
  std::string id;  ///< The Action request's id.
  /// `"authentication_action_context"` or `"user_registration_action_context"`.
  std::string object;
  // Authentication Actions.
  RawJson user;                       ///< `user` (a User), empty when absent.
  RawJson organization;               ///< `organization`, empty when absent.
  RawJson organization_membership;    ///< `organization_membership`, empty when absent.
  std::optional<std::string> issuer;  ///< Who issued the authentication, when known.
  // User-registration Actions.
  std::optional<ActionUserData> user_data;  ///< The registering user.
  RawJson invitation;                       ///< `invitation`, empty when absent.
  // Both.
  std::optional<std::string> authentication_method;  ///< E.g. `"Password"`, `"SSO"`.
  std::optional<std::string> ip_address;             ///< The user's IP address.
  std::optional<std::string> user_agent;             ///< The user's browser.
  std::optional<std::string> device_fingerprint;     ///< Radar's device fingerprint.
  /// The whole body as received.
  RawJson raw;

  /// The Action this context is for; `std::nullopt` for an `object` this SDK does not know.
  std::optional<ActionType> type() const noexcept;
};

/// Verifies the request (`verify_header`), then decodes the body. Errors: kind `kCrypto`
/// (see `signing::failure_of`) when the signature check fails, `kDecode` when the verified body
/// is not a JSON object of the expected shape. Thread-safe.
/// `now` is the current time unless given.
Result<ActionContext> construct_action(
    std::string_view payload, std::string_view sig_header, std::string_view secret,
    std::chrono::milliseconds tolerance = kDefaultTolerance,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace workos::actions
