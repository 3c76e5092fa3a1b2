// Copyright workos-cpp authors. Handwritten.
// TLS options of the libcurl transport against an in-process HTTPS server on 127.0.0.1 that
// presents a self-signed certificate generated at test time: verification is on by default
// (peer and host name), CurlTransportOptions::ca_bundle makes that certificate trusted (and
// only that one), insecure_skip_tls_verify turns both checks off, and ClientOptions::curl
// reaches the transport the client builds.

#include <gtest/gtest.h>

#include <workos/transport.h>

#include "core/call.h"
#include "support/core_test_helpers.h"
#include "support/tls_material.h"

namespace core_tls_test {

using namespace workos;
using namespace std::chrono_literals;
namespace json = workos::detail::json;

struct Org {
  std::string id;
  std::string name;
};

void read(json::Value v, Org& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    if (f.key == "id")
      json::field(c, "Organization", "id", f.value, o.id, true);
    else if (f.key == "name")
      json::field(c, "Organization", "name", f.value, o.name, true);
  }
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct CoreTlsTest : ::testing::Test {
  // Valid for 127.0.0.1 (the URL's host) and localhost.
  test::SelfSignedCert cert{{"localhost"}, {"127.0.0.1"}};
  test::TlsLoopbackServer server{cert};

  void SetUp() override {
    ASSERT_TRUE(cert.ok()) << cert.error();
    ASSERT_TRUE(server.ok()) << "the HTTPS test server did not start";
  }

  static Result<HttpResponse> get(const CurlTransportOptions& options, const std::string& base) {
    auto transport = make_curl_transport(options);
    HttpRequest req;
    req.method = "GET";
    req.url = base + "/organizations/org_tls";
    req.headers.emplace_back("Accept", "application/json");
    req.timeout = 30s;
    return transport->send(req);
  }
};

TEST_F(CoreTlsTest, VerifiesTheServerCertificateByDefault) {
  const CurlTransportOptions defaults;
  EXPECT_FALSE(defaults.insecure_skip_tls_verify);
  EXPECT_TRUE(defaults.ca_bundle.empty());
  Result<HttpResponse> r = get(defaults, server.base_url());
  ASSERT_FALSE(r) << "a self-signed certificate was accepted without being trusted";
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_TRUE(contains(r.error().message(), "certificate")) << r.error().message();
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(CoreTlsTest, CaBundleOptionTrustsTheServerCertificate) {
  CurlTransportOptions options;
  options.ca_bundle = cert.cert_path();
  Result<HttpResponse> r = get(options, server.base_url());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"id":"org_tls","name":"TLS /organizations/org_tls"})");
  EXPECT_EQ(r->header("x-request-id"), "req_tls");
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(CoreTlsTest, CaBundleWithAnotherCertificateStillRejectsTheServer) {
  // Same names, different key: the bundle is what decides, not the names.
  test::SelfSignedCert other({"localhost"}, {"127.0.0.1"});
  ASSERT_TRUE(other.ok()) << other.error();
  CurlTransportOptions options;
  options.ca_bundle = other.cert_path();
  Result<HttpResponse> r = get(options, server.base_url());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(CoreTlsTest, MissingCaBundleFileFailsClosed) {
  CurlTransportOptions options;
  options.ca_bundle = cert.cert_path() + ".does-not-exist";
  Result<HttpResponse> r = get(options, server.base_url());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(CoreTlsTest, HostNameIsVerifiedEvenWithATrustedCertificate) {
  // A trusted certificate issued for another name only.
  test::SelfSignedCert wrong_name({"wrong-host.invalid"}, {});
  ASSERT_TRUE(wrong_name.ok()) << wrong_name.error();
  test::TlsLoopbackServer wrong_server(wrong_name);
  ASSERT_TRUE(wrong_server.ok());
  CurlTransportOptions options;
  options.ca_bundle = wrong_name.cert_path();
  Result<HttpResponse> r = get(options, wrong_server.base_url());
  ASSERT_FALSE(r) << "a certificate for another host name was accepted";
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(wrong_server.requests(), 0);
}

TEST_F(CoreTlsTest, InsecureOptionSkipsPeerVerification) {
  CurlTransportOptions options;
  options.insecure_skip_tls_verify = true;
  Result<HttpResponse> r = get(options, server.base_url());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(CoreTlsTest, InsecureOptionSkipsHostNameVerification) {
  test::SelfSignedCert wrong_name({"wrong-host.invalid"}, {});
  ASSERT_TRUE(wrong_name.ok()) << wrong_name.error();
  test::TlsLoopbackServer wrong_server(wrong_name);
  ASSERT_TRUE(wrong_server.ok());
  CurlTransportOptions options;
  options.insecure_skip_tls_verify = true;
  Result<HttpResponse> r = get(options, wrong_server.base_url());
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(wrong_server.requests(), 1);
}

// The same options given to the client reach the transport it builds (ClientOptions::curl).
struct CoreTlsClientTest : CoreTlsTest {
  test::FakeClock clock;
  ClientOptions options;
  void SetUp() override {
    CoreTlsTest::SetUp();
    options.api_key = test::kTestApiKey;
    options.base_url = server.base_url();
    options.clock = clock.clock();
    options.clock.now = [] { return std::chrono::steady_clock::now(); };
    options.max_retries = 0;
  }
  Result<Org> get_org() {
    detail::ApiRequest req;
    req.path = "/organizations/org_tls";
    return detail::call<Org>(*test::make_core(options), req, {}, "Organization");
  }
};

TEST_F(CoreTlsClientTest, ClientVerifiesByDefault) {
  Result<Org> r = get_org();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(server.requests(), 0);
}

TEST_F(CoreTlsClientTest, ClientCaBundleReachesTheTransport) {
  options.curl.ca_bundle = cert.cert_path();
  Result<Org> r = get_org();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "org_tls");
  EXPECT_EQ(r.response()->request_id(), "req_tls");
  EXPECT_EQ(server.requests(), 1);
}

TEST_F(CoreTlsClientTest, ClientInsecureOptionReachesTheTransport) {
  options.curl.insecure_skip_tls_verify = true;
  Result<Org> r = get_org();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->name, "TLS /organizations/org_tls");
}

}  // namespace core_tls_test
