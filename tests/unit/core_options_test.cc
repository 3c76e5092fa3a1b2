// Copyright workos-cpp authors. Handwritten.
// Option resolution (DESIGN §2): env fallbacks, precedence, configuration errors, ClientBase.

#include <gtest/gtest.h>

#include <workos/client.h>
#include <workos/testing/fake_transport.h>
#include <workos/version.h>

#include <cstdlib>

#include "core/call.h"
#include "core/core_access.h"
#include "support/core_test_helpers.h"

namespace core_options_test {

using namespace workos;
using namespace std::chrono_literals;

// Every test here runs in its own process (gtest_discover_tests), so the environment is ours.
struct EnvTest : ::testing::Test {
  void SetUp() override {
    for (const char* n :
         {"WORKOS_API_KEY", "WORKOS_CLIENT_ID", "WORKOS_BASE_URL", "WORKOS_REQUEST_TIMEOUT"}) {
      unsetenv(n);
    }
  }
  void TearDown() override { SetUp(); }
  static ClientOptions base() {
    ClientOptions o;
    o.transport = std::make_shared<workos::testing::FakeTransport>();
    return o;
  }
};

TEST_F(EnvTest, NeitherKeyNorClientIdIsConfigurationError) {
  auto r = detail::ClientCore::create(base());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
  EXPECT_NE(r.error().message().find("WORKOS_API_KEY"), std::string::npos);
}

TEST_F(EnvTest, EnvironmentFillsUnsetOptions) {
  setenv("WORKOS_API_KEY", "sk_test_fromenv_0123456789", 1);
  setenv("WORKOS_CLIENT_ID", "client_env", 1);
  setenv("WORKOS_BASE_URL", "http://localhost:4010//", 1);
  setenv("WORKOS_REQUEST_TIMEOUT", "2.5", 1);
  auto core = detail::ClientCore::create(base()).value();
  EXPECT_EQ(core->api_key(), "sk_test_fromenv_0123456789");
  EXPECT_EQ(core->client_id(), "client_env");
  EXPECT_EQ(core->base_url(), "http://localhost:4010");
  EXPECT_EQ(core->options().timeout, std::chrono::milliseconds(2500));
  EXPECT_EQ(core->options().max_retries, 3);
}

TEST_F(EnvTest, OptionsWinOverEnvironment) {
  setenv("WORKOS_API_KEY", "sk_test_fromenv_0123456789", 1);
  setenv("WORKOS_CLIENT_ID", "client_env", 1);
  setenv("WORKOS_BASE_URL", "http://localhost:4010", 1);
  setenv("WORKOS_REQUEST_TIMEOUT", "7", 1);
  ClientOptions o = base();
  o.api_key = "sk_test_explicit_0123456789";
  o.client_id = "client_explicit";
  o.base_url = "https://example.test/";
  o.timeout = 1500ms;
  auto core = detail::ClientCore::create(o).value();
  EXPECT_EQ(core->api_key(), "sk_test_explicit_0123456789");
  EXPECT_EQ(core->client_id(), "client_explicit");
  EXPECT_EQ(core->base_url(), "https://example.test");
  EXPECT_EQ(core->options().timeout, 1500ms);
}

TEST_F(EnvTest, DefaultsApply) {
  ClientOptions o = base();
  o.api_key = "sk_test_0123456789abc";
  auto core = detail::ClientCore::create(o).value();
  EXPECT_EQ(core->base_url(), "https://api.workos.com");
  EXPECT_EQ(core->options().timeout, 60000ms);
  EXPECT_EQ(core->options().max_retries, 3);
  EXPECT_FALSE(core->options().deadline.has_value());
}

TEST_F(EnvTest, InvalidTimeoutFromEnvironmentIsConfigurationError) {
  setenv("WORKOS_API_KEY", "sk_test_0123456789abc", 1);
  for (const char* bad : {"abc", "-1", "0", "5s"}) {
    setenv("WORKOS_REQUEST_TIMEOUT", bad, 1);
    auto r = detail::ClientCore::create(base());
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
  }
}

TEST_F(EnvTest, BaseUrlNeedsSchemeAndHost) {
  ClientOptions o = base();
  o.api_key = "sk_test_0123456789abc";
  for (const char* bad :
       {"api.workos.com", "ftp://x", "https://", "://x", "https://a b", "https://h/?q=1"}) {
    o.base_url = bad;
    auto r = detail::ClientCore::create(o);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration) << bad;
  }
  o.base_url = "https://proxy.internal/workos/";
  EXPECT_EQ(detail::ClientCore::create(o).value()->base_url(), "https://proxy.internal/workos");
}

TEST_F(EnvTest, PublicClientIgnoresApiKeyFromEnvironment) {
  setenv("WORKOS_API_KEY", "sk_test_fromenv_0123456789", 1);
  ClientOptions o = base();
  o.public_client = true;
  o.client_id = "client_pub";
  auto core = detail::ClientCore::create(o).value();
  EXPECT_TRUE(core->is_public_client());
  EXPECT_EQ(core->api_key(), "");
}

TEST_F(EnvTest, PublicClientNeedsClientIdAndRefusesAKey) {
  ClientOptions o = base();
  o.public_client = true;
  EXPECT_FALSE(detail::ClientCore::create(o));
  o.client_id = "client_1";
  o.api_key = "sk_test_0123456789abc";
  auto r = detail::ClientCore::create(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
}

TEST_F(EnvTest, AClientIdAloneNeedsAPublicClient) {
  setenv("WORKOS_CLIENT_ID", "client_only", 1);
  // A confidential client without an API key fails when it is built, not at its first call.
  auto missing = Client::create(base());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind(), ErrorKind::kConfiguration);
  EXPECT_NE(missing.error().message().find("no API key"), std::string::npos);
  // The same configuration as a public client is fine.
  ClientOptions o = base();
  o.public_client = true;
  auto core = detail::ClientCore::create(o).value();
  EXPECT_EQ(core->client_id(), "client_only");
  EXPECT_EQ(core->api_key(), "");
}

TEST_F(EnvTest, NegativeRetriesOrTimeoutRejected) {
  ClientOptions o = base();
  o.api_key = "sk_test_0123456789abc";
  o.max_retries = -1;
  EXPECT_FALSE(detail::ClientCore::create(o));
  o.max_retries = 2;
  o.timeout = 0ms;
  EXPECT_FALSE(detail::ClientCore::create(o));
}

class TestClient : public ClientBase {
 public:
  explicit TestClient(ClientOptions o) : ClientBase(std::move(o)) {}
};

TEST_F(EnvTest, ClientBaseThrowsConfigurationError) {
  EXPECT_THROW(TestClient{base()}, ConfigurationError);
  ClientOptions o = base();
  o.api_key = "sk_test_0123456789abc";
  o.client_id = "client_x";
  TestClient c(o);
  EXPECT_EQ(c.client_id(), "client_x");
  EXPECT_EQ(c.base_url(), "https://api.workos.com");
  EXPECT_FALSE(c.is_public_client());
  TestClient copy = c;
  EXPECT_EQ(detail::CoreAccess::core(copy).get(),
            detail::CoreAccess::core(c).get());  // copies share state
}

TEST(CoreVersion, MatchesHeader) {
  EXPECT_STREQ(workos::version(), WORKOS_VERSION_STRING);
}

}  // namespace core_options_test
