// Copyright workos-cpp authors. Handwritten.
// Error values and the exception hierarchy. See docs/adr/0002-error-model.md.

#include <workos/error.h>

#include "core/enum_names.h"

#include <cstdio>
#include <cstdlib>

namespace workos {

namespace {

const std::shared_ptr<const ErrorInfo>& empty_info() {
  static const auto* info = new std::shared_ptr<const ErrorInfo>(std::make_shared<ErrorInfo>());
  return *info;
}

constexpr detail::EnumName<ErrorKind> kKindNames[] = {
    {ErrorKind::kApi, "api_error"},
    {ErrorKind::kConfiguration, "configuration_error"},
    {ErrorKind::kConnection, "connection_error"},
    {ErrorKind::kTimeout, "timeout"},
    {ErrorKind::kDecode, "decode_error"},
    {ErrorKind::kCancelled, "cancelled"},
    {ErrorKind::kInvalidArgument, "invalid_argument"},
    {ErrorKind::kCrypto, "crypto_error"},
};

const char* kind_name(ErrorKind kind) noexcept {
  return detail::code_of(kKindNames, kind, "error");
}

}  // namespace

Error::Error() : info_(empty_info()) {}

Error::Error(ErrorInfo info) : info_(std::make_shared<const ErrorInfo>(std::move(info))) {}

Error::Error(ErrorKind kind, std::string message) {
  ErrorInfo info;
  info.kind = kind;
  info.message = std::move(message);
  info_ = std::make_shared<const ErrorInfo>(std::move(info));
}

std::string Error::to_string() const {
  const ErrorInfo& i = *info_;
  std::string out = kind_name(i.kind);
  if (i.status != 0) {
    out += ' ';
    out += std::to_string(i.status);
  }
  if (!i.code.empty() || !i.error.empty()) {
    out += " [";
    out += i.code.empty() ? i.error : i.code;
    out += ']';
  }
  if (!i.message.empty()) {
    out += ": ";
    out += i.message;
  }
  if (!i.method.empty() || !i.url.empty()) {
    out += " (";
    out += i.method;
    if (!i.method.empty() && !i.url.empty()) out += ' ';
    out += i.url;
    out += ')';
  }
  if (!i.request_id.empty()) {
    out += " request_id=";
    out += i.request_id;
  }
  if (i.attempts > 1) {
    out += " attempts=";
    out += std::to_string(i.attempts);
  }
  return out;
}

WorkOSError::WorkOSError(Error error)
    : std::runtime_error(error.message().empty() ? error.to_string() : error.message()),
      error_(std::move(error)) {}

namespace detail {

namespace {

[[noreturn]] void throw_auth_flow(const Error& e) {
  switch (e.auth_flow()) {
    case AuthFlowKind::kEmailVerificationRequired:
      throw EmailVerificationRequiredError(e);
    case AuthFlowKind::kMfaEnrollment:
      throw MfaEnrollmentError(e);
    case AuthFlowKind::kMfaChallenge:
      throw MfaChallengeError(e);
    case AuthFlowKind::kOrganizationSelectionRequired:
      throw OrganizationSelectionRequiredError(e);
    case AuthFlowKind::kSsoRequired:
      throw SsoRequiredError(e);
    case AuthFlowKind::kOrganizationAuthenticationMethodsRequired:
      throw OrganizationAuthenticationMethodsRequiredError(e);
    case AuthFlowKind::kAuthenticationMethodNotAllowed:
      throw AuthenticationMethodNotAllowedError(e);
    case AuthFlowKind::kRadarChallenge:
      throw RadarChallengeError(e);
    case AuthFlowKind::kEmailPasswordAuthDisabled:
      throw EmailPasswordAuthDisabledError(e);
    case AuthFlowKind::kPasskeyProgressiveEnrollment:
      throw PasskeyProgressiveEnrollmentError(e);
    case AuthFlowKind::kNone:
      break;
  }
  throw AuthenticationFlowError(e);
}

[[noreturn]] void throw_api(const Error& e) {
  // An authentication-flow answer (chosen by the body's `code` / `error`) wins over the status:
  // WorkOS sends most of them as 403, but `sso_required` and `mfa_enrollment` also come as 400
  // OAuth-style answers of POST /user_management/authenticate.
  if (e.auth_flow() != AuthFlowKind::kNone) throw_auth_flow(e);
  const int s = e.status();
  switch (s) {
    case 400:
      throw BadRequestError(e);
    case 401:
      throw AuthenticationError(e);
    case 403:
      throw AuthorizationError(e);
    case 404:
      throw NotFoundError(e);
    case 409:
      throw ConflictError(e);
    case 422:
      throw UnprocessableEntityError(e);
    case 429:
      throw RateLimitExceededError(e);
    default:
      break;
  }
  if (s >= 500 && s <= 599) throw ServerError(e);
  throw ApiError(e);
}

}  // namespace

void throw_error(const Error& error) {
  switch (error.kind()) {
    case ErrorKind::kApi:
      throw_api(error);
    case ErrorKind::kConfiguration:
      throw ConfigurationError(error);
    case ErrorKind::kConnection:
      throw ConnectionError(error);
    case ErrorKind::kTimeout:
      throw TimeoutError(error);
    case ErrorKind::kDecode:
      throw DecodeError(error);
    case ErrorKind::kCancelled:
      throw CancelledError(error);
    case ErrorKind::kInvalidArgument:
      throw InvalidArgumentError(error);
    case ErrorKind::kCrypto:
      throw CryptoError(error);
  }
  throw WorkOSError(error);
}

void abort_with_error(const Error& error) noexcept {
  const std::string line = error.to_string();
  std::fprintf(stderr, "workos: fatal: Result::value() on an error: %s\n", line.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace detail

}  // namespace workos
