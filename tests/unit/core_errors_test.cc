// Copyright workos-cpp authors. Handwritten.
// HTTP answers to errors: every status to its exception class, the auth-flow subclasses with
// their fields, message fallbacks, request id, Retry-After, local error kinds.

#include <gtest/gtest.h>

#include <workos/error.h>
#include <workos/testing/fake_transport.h>

#include <simdjson.h>

#include "core/error_mapping.h"
#include "support/core_test_helpers.h"

namespace core_errors_test {

using workos::testing::FakeTransport;
using namespace workos;

// The most derived exception class `error` throws as.
std::string thrown_class(const Error& error) {
  try {
    detail::throw_error(error);
  } catch (const EmailVerificationRequiredError&) {
    return "EmailVerificationRequiredError";
  } catch (const MfaEnrollmentError&) {
    return "MfaEnrollmentError";
  } catch (const MfaChallengeError&) {
    return "MfaChallengeError";
  } catch (const OrganizationSelectionRequiredError&) {
    return "OrganizationSelectionRequiredError";
  } catch (const SsoRequiredError&) {
    return "SsoRequiredError";
  } catch (const OrganizationAuthenticationMethodsRequiredError&) {
    return "OrganizationAuthenticationMethodsRequiredError";
  } catch (const AuthenticationMethodNotAllowedError&) {
    return "AuthenticationMethodNotAllowedError";
  } catch (const RadarChallengeError&) {
    return "RadarChallengeError";
  } catch (const EmailPasswordAuthDisabledError&) {
    return "EmailPasswordAuthDisabledError";
  } catch (const PasskeyProgressiveEnrollmentError&) {
    return "PasskeyProgressiveEnrollmentError";
  } catch (const AuthenticationFlowError&) {
    return "AuthenticationFlowError";
  } catch (const BadRequestError&) {
    return "BadRequestError";
  } catch (const AuthenticationError&) {
    return "AuthenticationError";
  } catch (const AuthorizationError&) {
    return "AuthorizationError";
  } catch (const NotFoundError&) {
    return "NotFoundError";
  } catch (const ConflictError&) {
    return "ConflictError";
  } catch (const UnprocessableEntityError&) {
    return "UnprocessableEntityError";
  } catch (const RateLimitExceededError&) {
    return "RateLimitExceededError";
  } catch (const ServerError&) {
    return "ServerError";
  } catch (const ApiError&) {
    return "ApiError";
  } catch (const ConfigurationError&) {
    return "ConfigurationError";
  } catch (const ConnectionError&) {
    return "ConnectionError";
  } catch (const TimeoutError&) {
    return "TimeoutError";
  } catch (const DecodeError&) {
    return "DecodeError";
  } catch (const CancelledError&) {
    return "CancelledError";
  } catch (const InvalidArgumentError&) {
    return "InvalidArgumentError";
  } catch (const CryptoError&) {
    return "CryptoError";
  } catch (const WorkOSError&) {
    return "WorkOSError";
  }
  return "none";
}

// Runs one call against a fake answering `status` / `body` (no retries).
Error error_for(int status, std::string body, Headers headers = {}) {
  auto fake = std::make_shared<FakeTransport>();
  fake->enqueue_json(status, std::move(body), std::move(headers));
  ClientOptions o = workos::test::fake_options(fake);
  o.max_retries = 0;
  auto core = workos::test::make_core(o);
  detail::ApiRequest req;
  req.path = "/organizations/org_1";
  auto r = detail::call_void(*core, req, {});
  EXPECT_FALSE(r);
  return r ? Error() : r.error();
}

struct StatusCase {
  int status;
  const char* cls;
};

class CoreStatusMapping : public ::testing::TestWithParam<StatusCase> {};

TEST_P(CoreStatusMapping, MapsStatusToExceptionClass) {
  const StatusCase c = GetParam();
  Error e = error_for(c.status, R"({"message":"boom","code":"some_code"})",
                      {{"X-Request-ID", "req_123"}});
  EXPECT_EQ(e.kind(), ErrorKind::kApi);
  EXPECT_EQ(e.status(), c.status);
  EXPECT_EQ(e.message(), "boom");
  EXPECT_EQ(e.code(), "some_code");
  EXPECT_EQ(e.request_id(), "req_123");
  EXPECT_EQ(e.method(), "GET");
  EXPECT_EQ(e.url(), "https://api.workos.com/organizations/org_1");
  EXPECT_EQ(e.attempts(), 1);
  EXPECT_EQ(thrown_class(e), c.cls);
}

INSTANTIATE_TEST_SUITE_P(
    AllStatuses, CoreStatusMapping,
    ::testing::Values(StatusCase{400, "BadRequestError"}, StatusCase{401, "AuthenticationError"},
                      StatusCase{403, "AuthorizationError"}, StatusCase{404, "NotFoundError"},
                      StatusCase{409, "ConflictError"}, StatusCase{422, "UnprocessableEntityError"},
                      StatusCase{429, "RateLimitExceededError"}, StatusCase{500, "ServerError"},
                      StatusCase{502, "ServerError"}, StatusCase{503, "ServerError"},
                      StatusCase{504, "ServerError"}, StatusCase{505, "ServerError"},
                      StatusCase{405, "ApiError"}, StatusCase{418, "ApiError"},
                      StatusCase{302, "ApiError"}),
    [](const ::testing::TestParamInfo<StatusCase>& info) {
      return "Status" + std::to_string(info.param.status);
    });

struct FlowCase {
  const char* code;
  AuthFlowKind kind;
  const char* cls;
};

class CoreAuthFlowMapping : public ::testing::TestWithParam<FlowCase> {};

TEST_P(CoreAuthFlowMapping, MapsCodeToAuthFlowSubclassWithToken) {
  const FlowCase c = GetParam();
  const std::string body =
      std::string(R"({"code":")") + c.code +
      R"(","message":"Flow step needed","pending_authentication_token":"pat_1",)"
      R"("user":{"id":"user_1","email":"a@b.c"}})";
  Error e = error_for(403, body);
  EXPECT_EQ(e.auth_flow(), c.kind);
  EXPECT_EQ(e.info().pending_authentication_token, "pat_1");
  EXPECT_EQ(e.info().user_json, R"({"id":"user_1","email":"a@b.c"})");
  EXPECT_EQ(thrown_class(e), c.cls);
  try {
    detail::throw_error(e);
  } catch (const AuthenticationFlowError& ex) {
    EXPECT_EQ(ex.pending_authentication_token(), "pat_1");
    EXPECT_EQ(ex.status(), 403);
    EXPECT_STREQ(ex.what(), "Flow step needed");
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllFlows, CoreAuthFlowMapping,
    ::testing::Values(
        FlowCase{"email_verification_required", AuthFlowKind::kEmailVerificationRequired,
                 "EmailVerificationRequiredError"},
        FlowCase{"mfa_enrollment", AuthFlowKind::kMfaEnrollment, "MfaEnrollmentError"},
        FlowCase{"mfa_challenge", AuthFlowKind::kMfaChallenge, "MfaChallengeError"},
        FlowCase{"organization_selection_required", AuthFlowKind::kOrganizationSelectionRequired,
                 "OrganizationSelectionRequiredError"},
        FlowCase{"sso_required", AuthFlowKind::kSsoRequired, "SsoRequiredError"},
        FlowCase{"organization_authentication_methods_required",
                 AuthFlowKind::kOrganizationAuthenticationMethodsRequired,
                 "OrganizationAuthenticationMethodsRequiredError"},
        FlowCase{"authentication_method_not_allowed", AuthFlowKind::kAuthenticationMethodNotAllowed,
                 "AuthenticationMethodNotAllowedError"},
        FlowCase{"radar_challenge", AuthFlowKind::kRadarChallenge, "RadarChallengeError"},
        FlowCase{"radar_sms_sign_in_challenge", AuthFlowKind::kRadarChallenge,
                 "RadarChallengeError"},
        FlowCase{"email_password_auth_disabled", AuthFlowKind::kEmailPasswordAuthDisabled,
                 "EmailPasswordAuthDisabledError"},
        FlowCase{"passkey_progressive_enrollment", AuthFlowKind::kPasskeyProgressiveEnrollment,
                 "PasskeyProgressiveEnrollmentError"}),
    [](const ::testing::TestParamInfo<FlowCase>& info) {
      std::string n;
      for (const char* p = info.param.code; *p; ++p)
        if (*p != '_') n += *p;
      return n;
    });

TEST(CoreAuthFlow, EmailVerificationCarriesIdAndEmail) {
  Error e = error_for(403, R"({"code":"email_verification_required","message":"verify",
      "pending_authentication_token":"pat_9","email":"x@y.z","email_verification_id":"ev_1",
      "user":{"id":"user_2"}})");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const EmailVerificationRequiredError& ex) {
    EXPECT_EQ(ex.email_verification_id(), "ev_1");
    EXPECT_EQ(ex.email(), "x@y.z");
    EXPECT_EQ(ex.pending_authentication_token(), "pat_9");
    EXPECT_EQ(ex.user_json(), R"({"id":"user_2"})");
  }
}

TEST(CoreAuthFlow, MfaChallengeCarriesFactors) {
  Error e =
      error_for(403, R"({"code":"mfa_challenge","message":"m","pending_authentication_token":"p",
      "authentication_factors":[{"id":"auth_factor_1","type":"totp"}],"user":{"id":"u"}})");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const MfaChallengeError& ex) {
    EXPECT_EQ(ex.authentication_factors_json(), R"([{"id":"auth_factor_1","type":"totp"}])");
  }
}

TEST(CoreAuthFlow, OrganizationSelectionCarriesOrganizations) {
  Error e = error_for(403, R"({"code":"organization_selection_required","message":"m",
      "pending_authentication_token":"p","organizations":[{"id":"org_1","name":"A"}],"user":{}})");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const OrganizationSelectionRequiredError& ex) {
    EXPECT_EQ(ex.organizations_json(), R"([{"id":"org_1","name":"A"}])");
  }
}

TEST(CoreAuthFlow, SsoRequiredAs400OAuthAnswerCarriesConnectionIds) {
  // POST /user_management/authenticate answers sso_required as a 400 with `error`.
  Error e = error_for(
      400,
      R"({"error":"sso_required","error_description":"The request failed due to: sso_required.",
      "connection_ids":["conn_1","conn_2"],"email":"u@e.com","pending_authentication_token":"pat_5"})");
  EXPECT_EQ(e.message(), "The request failed due to: sso_required.");
  EXPECT_EQ(e.error(), "sso_required");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const SsoRequiredError& ex) {
    EXPECT_EQ(ex.connection_ids(), (std::vector<std::string>{"conn_1", "conn_2"}));
    EXPECT_EQ(ex.pending_authentication_token(), "pat_5");
    EXPECT_EQ(ex.status(), 400);
  }
}

TEST(CoreAuthFlow, OrganizationAuthMethodsCarriesMethods) {
  Error e = error_for(403, R"({"code":"organization_authentication_methods_required","message":"m",
      "auth_methods":["password","google_oauth"],"pending_authentication_token":"p"})");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const OrganizationAuthenticationMethodsRequiredError& ex) {
    EXPECT_EQ(ex.auth_methods(), (std::vector<std::string>{"password", "google_oauth"}));
  }
}

TEST(CoreAuthFlow, RadarChallengeCarriesIds) {
  Error e =
      error_for(403, R"({"code":"radar_challenge","message":"m","pending_authentication_token":"p",
      "radar_challenge_id":"radar_challenge_1","radar_auth_attempt_id":"raa_1"})");
  EXPECT_EQ(e.info().radar_auth_attempt_id, "raa_1");
  try {
    detail::throw_error(e);
    FAIL();
  } catch (const RadarChallengeError& ex) {
    EXPECT_EQ(ex.radar_challenge_id(), "radar_challenge_1");
    EXPECT_EQ(ex.radar_challenge_json(),
              R"({"radar_challenge_id":"radar_challenge_1","radar_auth_attempt_id":"raa_1"})");
  }
}

TEST(CoreAuthFlow, RadarDetailsGatheredFromOddKeysAreValidJson) {
  // The gathered object's keys come from the server: a quote or a backslash in one is escaped.
  Error e = error_for(403, R"({"code":"radar_challenge","message":"m",)"
                           R"("radar_a\"b":1,"radar_c\\d":"x"})");
  EXPECT_EQ(e.info().radar_challenge_json, R"({"radar_a\"b":1,"radar_c\\d":"x"})");
  simdjson::dom::parser parser;
  simdjson::dom::element parsed;
  EXPECT_EQ(parser.parse(e.info().radar_challenge_json).get(parsed), simdjson::SUCCESS)
      << e.info().radar_challenge_json;
}

TEST(CoreErrorMessage, FallsBackMessageThenDescriptionThenErrorThenBody) {
  EXPECT_EQ(error_for(400, R"({"message":"m","error_description":"d","error":"e"})").message(),
            "m");
  EXPECT_EQ(error_for(400, R"({"error_description":"d","error":"e"})").message(), "d");
  EXPECT_EQ(error_for(400, R"({"error":"invalid_grant"})").message(), "invalid_grant");
  EXPECT_EQ(error_for(400, "plain text failure").message(), "plain text failure");
  EXPECT_EQ(error_for(400, "").message(), "HTTP 400");
  EXPECT_EQ(error_for(502, "<html>bad gateway</html>").raw_body(), "<html>bad gateway</html>");
}

TEST(CoreErrorMessage, KeepsCodeParamAndErrors) {
  Error e = error_for(422, R"({"code":"invalid_request_parameters","message":"Validation failed.",
      "param":"domains","errors":[{"field":"domains","code":"invalid"}]})");
  EXPECT_EQ(e.code(), "invalid_request_parameters");
  EXPECT_EQ(e.param(), "domains");
  EXPECT_EQ(e.errors_json(), R"([{"field":"domains","code":"invalid"}])");
  EXPECT_NE(e.raw_body().find("invalid_request_parameters"), std::string::npos);
  EXPECT_NE(e.to_string().find("422"), std::string::npos);
}

TEST(CoreErrorMessage, RateLimitCarriesRetryAfter) {
  auto fake = std::make_shared<FakeTransport>();
  fake->enqueue_json(429, R"({"message":"slow down"})", {{"Retry-After", "7"}});
  ClientOptions o = workos::test::fake_options(fake);
  o.max_retries = 0;
  auto core = workos::test::make_core(o);
  detail::ApiRequest req;
  req.path = "/x";
  auto r = detail::call_void(*core, req, {});
  ASSERT_FALSE(r);
  try {
    r.value();
    FAIL();
  } catch (const RateLimitExceededError& ex) {
    ASSERT_TRUE(ex.retry_after().has_value());
    EXPECT_EQ(ex.retry_after()->count(), 7);
  }
}

TEST(CoreRetryAfter, ParsesSecondsAndHttpDates) {
  using namespace std::chrono;
  const system_clock::time_point now{seconds(784111777)};  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(detail::parse_retry_after("120", now), seconds(120));
  EXPECT_EQ(detail::parse_retry_after(" 0 ", now), seconds(0));
  EXPECT_EQ(detail::parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now), seconds(30));
  EXPECT_EQ(detail::parse_retry_after("Sunday, 06-Nov-94 08:50:07 GMT", now), seconds(30));
  EXPECT_EQ(detail::parse_retry_after("Sun Nov  6 08:50:07 1994", now), seconds(30));
  EXPECT_EQ(detail::parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), seconds(0));
  EXPECT_FALSE(detail::parse_retry_after("soon", now));
  EXPECT_FALSE(detail::parse_retry_after("-5", now));
  EXPECT_FALSE(detail::parse_retry_after("", now));
  EXPECT_FALSE(detail::parse_retry_after("Sun, 06 Foo 1994 08:50:07 GMT", now));
}

TEST(CoreLocalErrors, KindsMapToClasses) {
  EXPECT_EQ(thrown_class(Error(ErrorKind::kConfiguration, "c")), "ConfigurationError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kConnection, "c")), "ConnectionError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kTimeout, "c")), "TimeoutError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kDecode, "c")), "DecodeError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kCancelled, "c")), "CancelledError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kInvalidArgument, "c")), "InvalidArgumentError");
  EXPECT_EQ(thrown_class(Error(ErrorKind::kCrypto, "c")), "CryptoError");
  Error e(ErrorKind::kTimeout, "took too long");
  EXPECT_EQ(e.to_string(), "timeout: took too long");
  Error copy = e;
  EXPECT_EQ(&copy.info(), &e.info());  // copies share one ErrorInfo
}

TEST(CoreResult, ValueThrowsTypedErrorAndValueOrFallsBack) {
  Result<int> ok = 5;
  EXPECT_EQ(ok.value(), 5);
  Result<int> bad = Error(ErrorKind::kConnection, "down");
  EXPECT_THROW(bad.value(), ConnectionError);
  EXPECT_EQ(bad.value_or(9), 9);
  Result<void> v = Error(ErrorKind::kDecode, "x");
  EXPECT_THROW(v.value(), DecodeError);
  EXPECT_NO_THROW(Result<void>().value());
}

}  // namespace core_errors_test
