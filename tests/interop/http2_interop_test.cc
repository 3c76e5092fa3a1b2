// Copyright workos-cpp authors. Handwritten.
// HTTP/2 when the server offers it: the libcurl transport against a Node `http2` server on
// 127.0.0.1 (tests/interop/node/h2_server.js, TLS with a certificate generated at test
// time, HTTP/2 by ALPN with an HTTP/1.1 fallback). The server reports the protocol each request
// arrived with, so these tests fail if the transport stops asking for HTTP/2 (or stops honouring
// enable_http2 = false).

#include <gtest/gtest.h>

#include <workos/async_client.h>
#include <workos/organizations/async_service.h>
#include <workos/transport.h>

#include <cstdlib>
#include <vector>

#include "core/call.h"
#include "support/core_test_helpers.h"
#include "support/tls_material.h"

namespace http2_interop_test {

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

std::string script_path() {
  const char* src = std::getenv("WORKOS_SOURCE_DIR");
  return src ? std::string(src) + "/tests/interop/node/h2_server.js" : std::string();
}

struct Http2InteropTest : ::testing::Test {
  test::SelfSignedCert cert{{"localhost"}, {"127.0.0.1"}};
  std::unique_ptr<test::ChildProcess> node;
  std::string base_url;

  void SetUp() override {
    ASSERT_TRUE(cert.ok()) << cert.error();
    const std::string script = script_path();
    ASSERT_FALSE(script.empty()) << "WORKOS_SOURCE_DIR is not set (run through ctest)";
    node = std::make_unique<test::ChildProcess>(
        std::vector<std::string>{"node", script, cert.cert_path(), cert.key_path()});
    ASSERT_TRUE(node->started()) << "could not start node (is it on PATH?)";
    const std::string port = node->read_line(30s);
    ASSERT_FALSE(port.empty()) << "the Node HTTP/2 server did not report its port";
    ASSERT_EQ(port.find_first_not_of("0123456789"), std::string::npos) << port;
    base_url = "https://127.0.0.1:" + port;
  }

  Result<HttpResponse> get(const std::shared_ptr<Transport>& transport) const {
    HttpRequest req;
    req.method = "GET";
    req.url = base_url + "/organizations/org_h2";
    req.headers.emplace_back("Accept", "application/json");
    req.timeout = 30s;
    return transport->send(req);
  }
};

TEST_F(Http2InteropTest, TransportUsesHttp2WhenTheServerOffersIt) {
  CurlTransportOptions options;
  EXPECT_TRUE(options.enable_http2) << "HTTP/2 must be on by default";
  options.ca_bundle = cert.cert_path();
  Result<HttpResponse> r = get(make_curl_transport(options));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("x-http-version"), "2.0") << r->body;
  EXPECT_NE(r->body.find(R"("alpn":"h2")"), std::string::npos) << r->body;
}

TEST_F(Http2InteropTest, SequentialCallsShareOneHttp2Connection) {
  CurlTransportOptions options;
  options.ca_bundle = cert.cert_path();
  auto transport = make_curl_transport(options);
  for (int i = 0; i < 3; ++i) {
    Result<HttpResponse> r = get(transport);
    ASSERT_TRUE(r) << r.error().to_string();
    EXPECT_EQ(r->header("x-http-version"), "2.0");
    // The server counts HTTP/2 sessions: one connection, reused by every call.
    EXPECT_NE(r->body.find(R"("h2_sessions":1})"), std::string::npos)
        << "call " << i << ": " << r->body;
  }
}

TEST_F(Http2InteropTest, Http2CanBeTurnedOff) {
  CurlTransportOptions options;
  options.ca_bundle = cert.cert_path();
  options.enable_http2 = false;
  Result<HttpResponse> r = get(make_curl_transport(options));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->header("x-http-version"), "1.1") << r->body;
}

TEST_F(Http2InteropTest, ClientCallsGoOverHttp2AndDecode) {
  test::FakeClock clock;
  ClientOptions options;
  options.api_key = test::kTestApiKey;
  options.base_url = base_url;
  options.clock = clock.clock();
  options.clock.now = [] { return std::chrono::steady_clock::now(); };
  options.max_retries = 0;
  options.curl.ca_bundle = cert.cert_path();
  detail::ApiRequest req;
  req.path = "/organizations/org_h2";
  Result<Org> r = detail::call<Org>(*test::make_core(options), req, {}, "Organization");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "org_h2");
  EXPECT_EQ(r->name, "HTTP/2.0 /organizations/org_h2");
  // HTTP/2 header names arrive in lower case; the request id is still found.
  EXPECT_EQ(r.response()->request_id(), "req_h2");
}

// The async client on its event loop: calls started together go over HTTP/2 and share one
// connection (CURLPIPE_MULTIPLEX + PIPEWAIT), decoded by the generated async service.
TEST_F(Http2InteropTest, AsyncClientMultiplexesConcurrentCallsOnOneHttp2Connection) {
  ClientOptions options;
  options.api_key = test::kTestApiKey;
  options.base_url = base_url;
  options.max_retries = 0;
  options.curl.ca_bundle = cert.cert_path();
  AsyncClient client(options);
  constexpr int kCalls = 16;
  std::vector<Future<Organization>> calls;
  for (int i = 0; i < kCalls; ++i)
    calls.push_back(client.organizations().get_organization("org_h2"));
  for (int i = 0; i < kCalls; ++i) {
    Result<Organization> r = calls[static_cast<std::size_t>(i)].get();
    ASSERT_TRUE(r) << r.error().to_string();
    EXPECT_EQ(r->id, "org_h2");
    EXPECT_EQ(r->name, "HTTP/2.0 /organizations/org_h2") << "call " << i;
    ASSERT_NE(r.response(), nullptr);
    EXPECT_EQ(r.response()->request_id(), "req_h2");
    EXPECT_NE(r.response()->body.find(R"("h2_sessions":1})"), std::string::npos)
        << "call " << i << ": " << r.response()->body;
  }
}

}  // namespace http2_interop_test
