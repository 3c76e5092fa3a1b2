// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// The error model of workos-cpp: `workos::Error` (a cheap-to-copy value carried by
/// `workos::Result<T>`) and the exception hierarchy thrown by `Result<T>::value()`.
/// See docs/adr/0002-error-model.md.

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace workos {

/// What went wrong, at the coarsest level. Thread-safe (a plain value).
enum class ErrorKind {
  kApi,              ///< The API answered with a non-2xx status (see `Error::status()`).
  kConfiguration,    ///< The client or the call is misconfigured (no API key, bad URL, ...).
  kConnection,       ///< The request never got a complete response (refused, reset, DNS, TLS).
  kTimeout,          ///< The per-attempt timeout or the overall deadline passed.
  kDecode,           ///< A 2xx body did not decode into the expected model.
  kCancelled,        ///< The call was cancelled by the caller (or its client was destroyed).
  kInvalidArgument,  ///< A local argument is invalid (checked before any request).
  kCrypto,           ///< A local cryptographic check failed (signature, tag, seal).
};

/// The WorkOS authentication-flow error an API answer stands for, chosen from the body's
/// `code` (or, failing that, `error`) field. `kNone` for every other error.
enum class AuthFlowKind {
  kNone,                                       ///< Not an authentication-flow answer.
  kEmailVerificationRequired,                  ///< `email_verification_required`
  kMfaEnrollment,                              ///< `mfa_enrollment`
  kMfaChallenge,                               ///< `mfa_challenge`
  kOrganizationSelectionRequired,              ///< `organization_selection_required`
  kSsoRequired,                                ///< `sso_required`
  kOrganizationAuthenticationMethodsRequired,  ///< `organization_authentication_methods_required`
  kAuthenticationMethodNotAllowed,             ///< `authentication_method_not_allowed`
  kRadarChallenge,                             ///< `radar_challenge`
  kEmailPasswordAuthDisabled,                  ///< `email_password_auth_disabled`
  kPasskeyProgressiveEnrollment,               ///< `passkey_progressive_enrollment`
};

/// Every field an error can carry. Built by the library; users read it through `Error`.
struct ErrorInfo {
  ErrorKind kind = ErrorKind::kApi;  ///< What failed (see `ErrorKind`).
  int status = 0;                    ///< HTTP status, 0 when there was no HTTP answer.
  std::string code;                  ///< Body `code`, e.g. `"invalid_credentials"`.
  std::string message;               ///< Human-readable, already redacted.
  std::string error;                 ///< Body `error` (OAuth style), e.g. `"invalid_grant"`.
  std::string error_description;     ///< Body `error_description`.
  std::string param;                 ///< Body `param`, when the API names the faulty parameter.
  std::string errors_json;           ///< Body `errors` array as compact JSON text, or empty.
  std::string request_id;            ///< `X-Request-ID` response header.
  std::optional<std::chrono::seconds> retry_after;  ///< From `Retry-After`, when present.
  std::string raw_body;  ///< The response body as received (redacted), or empty.
  std::string method;    ///< HTTP method of the failed call.
  std::string url;       ///< URL of the failed call (secret query values redacted).
  int attempts = 0;      ///< How many attempts were made (1 = no retry).

  // Authentication-flow fields (403 / 400 answers of the authenticate endpoints).
  AuthFlowKind auth_flow = AuthFlowKind::kNone;  ///< Which step the flow asks for next.
  std::string pending_authentication_token;      ///< To continue the flow.
  std::string email_verification_id;             ///< With an email-verification step.
  std::string email;                             ///< The user's email, when the answer names it.
  std::string user_json;                         ///< `user` object as JSON text, or empty.
  std::string authentication_factors_json;       ///< `authentication_factors` as JSON text.
  std::string organizations_json;                ///< `organizations` as JSON text.
  std::vector<std::string> connection_ids;       ///< `connection_ids` (SSO required).
  std::vector<std::string> auth_methods;         ///< Allowed auth methods, when listed.
  std::string radar_challenge_json;              ///< Radar challenge details as JSON text.
  std::string radar_challenge_id;                ///< `radar_challenge_id`, when sent.
  std::string radar_auth_attempt_id;             ///< `radar_auth_attempt_id`, when sent.
};

/// An error value. Cheap to copy (shares one immutable `ErrorInfo`). Thread-safe to read.
///
/// @code
/// auto org = client.organizations().get_organization("org_123");
/// if (!org) std::cerr << org.error().message() << " " << org.error().request_id() << "\n";
/// @endcode
class Error {
 public:
  /// An empty `kApi` error with status 0; mostly useful as a placeholder.
  Error();
  /// Wraps `info`.
  explicit Error(ErrorInfo info);
  /// Shorthand for a local error of `kind` with `message`.
  Error(ErrorKind kind, std::string message);

  /// The coarse class of the error.
  ErrorKind kind() const noexcept { return info_->kind; }
  /// HTTP status; 0 when there was no HTTP answer.
  int status() const noexcept { return info_->status; }
  /// Body `code` (e.g. `invalid_credentials`), or empty.
  const std::string& code() const noexcept { return info_->code; }
  /// Human-readable message (redacted).
  const std::string& message() const noexcept { return info_->message; }
  /// Body `error` (OAuth style), or empty.
  const std::string& error() const noexcept { return info_->error; }
  /// Body `error_description`, or empty.
  const std::string& error_description() const noexcept { return info_->error_description; }
  /// Body `param`, or empty.
  const std::string& param() const noexcept { return info_->param; }
  /// Body `errors` as compact JSON text, or empty.
  const std::string& errors_json() const noexcept { return info_->errors_json; }
  /// `X-Request-ID` of the answer, or empty.
  const std::string& request_id() const noexcept { return info_->request_id; }
  /// `Retry-After` of the answer, when present.
  std::optional<std::chrono::seconds> retry_after() const noexcept { return info_->retry_after; }
  /// The answer's body (redacted), or empty.
  const std::string& raw_body() const noexcept { return info_->raw_body; }
  /// HTTP method of the failed call.
  const std::string& method() const noexcept { return info_->method; }
  /// URL of the failed call (secret query values redacted).
  const std::string& url() const noexcept { return info_->url; }
  /// Attempts made (1 = no retry; 0 = failed before any request).
  int attempts() const noexcept { return info_->attempts; }
  /// The authentication-flow step the answer asks for, or `kNone`.
  AuthFlowKind auth_flow() const noexcept { return info_->auth_flow; }
  /// All fields at once.
  const ErrorInfo& info() const noexcept { return *info_; }

  /// One line for logs: kind, status, code, message and request id.
  std::string to_string() const;

 private:
  std::shared_ptr<const ErrorInfo> info_;
};

// ---------------------------------------------------------------------------------------------
// Exceptions, thrown by Result<T>::value() (never by anything else in the library).

/// Base of every exception the SDK throws. `what()` is the redacted message.
class WorkOSError : public std::runtime_error {
 public:
  /// Wraps `error`; `what()` is its message.
  explicit WorkOSError(Error error);
  /// The error value with every field.
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

/// The API answered with a non-2xx status.
class ApiError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
  /// HTTP status.
  int status() const noexcept { return error().status(); }
  /// Body `code`, or empty.
  const std::string& code() const noexcept { return error().code(); }
  /// `X-Request-ID`, or empty.
  const std::string& request_id() const noexcept { return error().request_id(); }
};
class BadRequestError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 400
class AuthenticationError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 401
class AuthorizationError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 403
class NotFoundError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 404
class ConflictError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 409
class UnprocessableEntityError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 422
/// 429; `retry_after()` tells how long the API asked to wait.
class RateLimitExceededError : public ApiError {
 public:
  using ApiError::ApiError;
  /// `Retry-After` of the answer, when present.
  std::optional<std::chrono::seconds> retry_after() const noexcept { return error().retry_after(); }
};
class ServerError : public ApiError {
 public:
  using ApiError::ApiError;
};  ///< 5xx

/// Base of the authentication-flow errors: the sign-in needs another step. Carries the pending
/// authentication token to continue with.
class AuthenticationFlowError : public AuthorizationError {
 public:
  using AuthorizationError::AuthorizationError;
  /// Token to continue the sign-in with (e.g. `authenticate_with_totp`).
  const std::string& pending_authentication_token() const noexcept {
    return error().info().pending_authentication_token;
  }
  /// The `user` object of the answer as JSON text (decode with `workos::from_json<User>`).
  const std::string& user_json() const noexcept { return error().info().user_json; }
};
/// `email_verification_required`: carries `email_verification_id` and `email`.
class EmailVerificationRequiredError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// Id of the email verification to complete.
  const std::string& email_verification_id() const noexcept {
    return error().info().email_verification_id;
  }
  /// The user's email address.
  const std::string& email() const noexcept { return error().info().email; }
};
/// `mfa_enrollment`: the user must enroll a factor first.
class MfaEnrollmentError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
};
/// `mfa_challenge`: carries `authentication_factors` (JSON text).
class MfaChallengeError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// The factors to challenge, as JSON text.
  const std::string& authentication_factors_json() const noexcept {
    return error().info().authentication_factors_json;
  }
};
/// `organization_selection_required`: carries `organizations` (JSON text).
class OrganizationSelectionRequiredError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// The organizations to choose from, as JSON text.
  const std::string& organizations_json() const noexcept {
    return error().info().organizations_json;
  }
};
/// `sso_required`: carries the `connection_ids` the user must sign in with.
class SsoRequiredError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// Ids of the SSO connections the user must sign in through.
  const std::vector<std::string>& connection_ids() const noexcept {
    return error().info().connection_ids;
  }
};
/// `organization_authentication_methods_required`: carries the allowed `auth_methods`.
class OrganizationAuthenticationMethodsRequiredError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// The authentication methods the organization allows.
  const std::vector<std::string>& auth_methods() const noexcept {
    return error().info().auth_methods;
  }
};
/// `authentication_method_not_allowed`.
class AuthenticationMethodNotAllowedError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
};
/// `radar_challenge`: Radar asks for an extra challenge (details as JSON text).
class RadarChallengeError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
  /// Radar challenge details as JSON text.
  const std::string& radar_challenge_json() const noexcept {
    return error().info().radar_challenge_json;
  }
  /// `radar_challenge_id`, to continue with the Radar challenge grant.
  const std::string& radar_challenge_id() const noexcept {
    return error().info().radar_challenge_id;
  }
};
/// `email_password_auth_disabled`.
class EmailPasswordAuthDisabledError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
};
/// `passkey_progressive_enrollment`.
class PasskeyProgressiveEnrollmentError : public AuthenticationFlowError {
 public:
  using AuthenticationFlowError::AuthenticationFlowError;
};

/// The client or call is misconfigured (no API key, bad base URL, secret needed by a public
/// client, ...). Raised before any request is made.
class ConfigurationError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// No complete HTTP answer (refused, reset, DNS, TLS) after all retries.
class ConnectionError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// The per-attempt timeout or the overall deadline passed.
class TimeoutError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// A 2xx body was not the expected JSON; the message names model and field.
class DecodeError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// The call was cancelled.
class CancelledError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// A local argument was invalid.
class InvalidArgumentError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};
/// A local cryptographic check failed (signature, tag, seal).
class CryptoError : public WorkOSError {
 public:
  using WorkOSError::WorkOSError;
};

namespace detail {
/// Throws the exception class that matches `error` (with exceptions enabled in the library).
[[noreturn]] void throw_error(const Error& error);
/// Prints `error` to stderr and aborts. Used by `Result::value()` under -fno-exceptions.
[[noreturn]] void abort_with_error(const Error& error) noexcept;
}  // namespace detail

}  // namespace workos
