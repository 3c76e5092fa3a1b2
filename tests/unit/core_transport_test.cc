// Copyright workos-cpp authors. Handwritten.
// The libcurl transport and the whole pipeline against an in-process loopback server:
// wire format, refused connections, a server closing mid-body, the per-attempt timeout,
// cancellation mid-transfer, concurrency and connection reuse, a 10 MB answer, redaction.

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/call.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"

namespace core_transport_test {

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

struct TransportTest : ::testing::Test {
  test::LoopbackServer server;
  test::FakeClock clock;  // only sleeps are faked; the network is real
  test::LogCapture logs;
  ClientOptions options;

  void SetUp() override {
    options.api_key = test::kTestApiKey;
    options.base_url = server.base_url();
    options.clock = clock.clock();
    options.clock.now = [] { return std::chrono::steady_clock::now(); };
    options.logger = logs.sink();
    options.log_level = LogLevel::kDebug;
  }
  std::shared_ptr<detail::ClientCore> core() { return test::make_core(options); }
  static detail::ApiRequest get(std::string path) {
    detail::ApiRequest r;
    r.path = std::move(path);
    return r;
  }
};

TEST_F(TransportTest, SendsTheRequestOnTheWire) {
  server.on("POST", "/organizations", [](const httplib::Request&, httplib::Response& res) {
    res.status = 201;
    res.set_content(R"({"id":"org_1","name":"Acme"})", "application/json");
    res.set_header("X-Request-ID", "req_wire");
  });
  detail::ApiRequest req;
  req.method = "POST";
  req.path = "/organizations";
  req.query = "a=1";
  req.body = R"({"name":"Acme"})";
  Result<Org> r = detail::call<Org>(*core(), req, {}, "Organization");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->name, "Acme");
  EXPECT_EQ(r.response()->request_id(), "req_wire");
  auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].target, "/organizations?a=1");
  EXPECT_EQ(seen[0].body, R"({"name":"Acme"})");
  EXPECT_EQ(seen[0].header("Authorization"), std::string("Bearer ") + test::kTestApiKey);
  EXPECT_EQ(seen[0].header("Content-Type"), "application/json");
  EXPECT_EQ(seen[0].header("Accept"), "application/json");
  EXPECT_EQ(seen[0].header("User-Agent").rfind("workos-cpp/", 0), 0u);
  EXPECT_EQ(seen[0].header("Idempotency-Key").size(), 36u);
  EXPECT_FALSE(seen[0].has_header("Expect"));
}

TEST_F(TransportTest, GetAndDeleteWithoutBodyCarryNoContentType) {
  server.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  ASSERT_TRUE(detail::call_void(*core(), get("/x"), {}));
  detail::ApiRequest del = get("/y");
  del.method = "DELETE";
  ASSERT_TRUE(detail::call_void(*core(), del, {}));
  detail::ApiRequest del_body = get("/z");
  del_body.method = "DELETE";
  del_body.body = R"({"k":1})";
  ASSERT_TRUE(detail::call_void(*core(), del_body, {}));
  auto seen = server.requests();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_FALSE(seen[0].has_header("Content-Type"));
  EXPECT_EQ(seen[1].method, "DELETE");
  EXPECT_FALSE(seen[1].has_header("Content-Type"));
  EXPECT_EQ(seen[2].method, "DELETE");
  EXPECT_EQ(seen[2].body, R"({"k":1})");
}

TEST_F(TransportTest, HostilePathSegmentStaysOneSegmentOnTheWire) {
  server.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  ASSERT_TRUE(detail::call_void(
      *core(), get("/organizations/" + detail::encode_path_segment("a/../b?x#")), {}));
  auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "/organizations/a%2F..%2Fb%3Fx%23");
}

TEST_F(TransportTest, ConnectionRefusedIsRetriedThenConnectionError) {
  options.base_url = "http://127.0.0.1:" + std::to_string(test::refused_port());
  auto r = detail::call_void(*core(), get("/x"), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(clock.recorded_sleeps().size(), 3u);
  EXPECT_THROW(r.value(), ConnectionError);
}

TEST_F(TransportTest, ServerClosingMidBodyIsAConnectionErrorAndRetried) {
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(1000, "application/json",
                             [](size_t offset, size_t, httplib::DataSink& sink) {
                               if (offset > 0)
                                 return false;  // close the connection after 100 of 1000 bytes
                               const std::string part(100, 'x');
                               sink.write(part.data(), part.size());
                               return true;
                             });
  });
  options.max_retries = 1;
  auto r = detail::call_void(*core(), get("/x"), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST_F(TransportTest, SlowServerHitsThePerAttemptTimeout) {
  server.set_default([this](const httplib::Request&, httplib::Response& res) {
    server.wait_at_gate();  // released at teardown
    res.status = 204;
  });
  options.timeout = 200ms;
  options.max_retries = 0;
  auto r = detail::call_void(*core(), get("/slow"), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_THROW(r.value(), TimeoutError);
  server.release();
}

TEST_F(TransportTest, CancellationAbortsATransferInFlight) {
  server.set_default([this](const httplib::Request&, httplib::Response& res) {
    server.wait_at_gate();
    res.status = 204;
  });
  auto token = std::make_shared<CancellationToken>();
  std::thread canceller([&] {
    // Cancel once the request is known to be in flight (bounded wait on the server's log).
    if (server.wait_for_requests(1)) token->cancel();
  });
  RequestOptions ro;
  ro.cancellation = token;
  auto r = detail::call_void(*core(), get("/slow"), ro);
  canceller.join();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(server.request_count(), 1u);
  server.release();
}

TEST_F(TransportTest, EightThreadsTimesTwoHundredCallsOnOneClient) {
  server.set_default([](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.path.substr(req.path.rfind('/') + 1);
    res.set_content(R"({"id":")" + id + R"(","name":"n"})", "application/json");
  });
  options.logger = nullptr;
  auto c = core();
  constexpr int kThreads = 8;
  constexpr int kCalls = 200;
  std::atomic<int> ok{0};
  std::atomic<int> mismatched{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        const std::string id = "org_" + std::to_string(t) + "_" + std::to_string(i);
        Result<Org> r = detail::call<Org>(*c, get("/organizations/" + id), {}, "Organization");
        if (r && r->id == id)
          ++ok;
        else
          ++mismatched;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
  EXPECT_EQ(mismatched.load(), 0);
  EXPECT_EQ(server.request_count(), static_cast<std::size_t>(kThreads * kCalls));
  // Connections are reused: far fewer TCP connections than calls.
  std::set<int> ports;
  for (const auto& rec : server.requests()) ports.insert(rec.remote_port);
  EXPECT_LE(ports.size(), 2u * kThreads) << "connections are not being reused";
}

TEST_F(TransportTest, TenMegabyteAnswerDecodes) {
  const std::string big(10 * 1024 * 1024, 'z');
  server.set_default([&big](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"id":"org_big","name":")" + big + R"("})", "application/json");
  });
  options.logger = nullptr;
  Result<Org> r = detail::call<Org>(*core(), get("/big"), {}, "Organization");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "org_big");
  EXPECT_EQ(r->name.size(), big.size());
  EXPECT_EQ(r.response()->body.size(), big.size() + 26);
}

TEST_F(TransportTest, NonJsonSuccessBodyIsDecodeError) {
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>hello</html>", "text/html");
  });
  Result<Org> r = detail::call<Org>(*core(), get("/html"), {}, "Organization");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
  EXPECT_EQ(r.error().status(), 200);
  EXPECT_THROW(r.value(), DecodeError);
}

TEST_F(TransportTest, RetryAfterOverTheWire) {
  server.enqueue(503, R"({"message":"busy"})", {{"Retry-After", "2"}});
  server.enqueue(200, R"({"id":"o","name":"n"})");
  Result<Org> r = detail::call<Org>(*core(), get("/o"), {}, "Organization");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(server.request_count(), 2u);
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<std::chrono::milliseconds>{2000ms}));
}

TEST_F(TransportTest, ApiKeyNeverAppearsInLogsOrErrors) {
  // A hostile server echoes everything it got, including the Authorization header.
  server.set_default([](const httplib::Request& req, httplib::Response& res) {
    res.status = 401;
    res.set_header("X-Request-ID", "req_echo");
    res.set_content(std::string(R"({"message":"bad key )") + req.get_header_value("Authorization") +
                        R"(","echo":")" + req.get_header_value("Authorization") + R"("})",
                    "application/json");
  });
  detail::ApiRequest req;
  req.method = "POST";
  req.path = "/user_management/authenticate";
  req.query = "code=abc&client_secret=" + std::string(test::kTestApiKey);
  req.body = std::string(R"({"client_secret":")") + test::kTestApiKey +
             R"(","code":"01CODE","grant_type":"authorization_code","password":"pw"})";
  auto r = detail::call_void(*core(), req, {});
  ASSERT_FALSE(r);
  const std::string key = test::kTestApiKey;
  const std::string everything = logs.joined() + "\n" + r.error().to_string() + "\n" +
                                 r.error().message() + "\n" + r.error().raw_body() + "\n" +
                                 r.error().url();
  EXPECT_EQ(everything.find(key), std::string::npos) << everything;
  EXPECT_EQ(everything.find("01CODE"), std::string::npos) << everything;
  EXPECT_EQ(everything.find("\"pw\""), std::string::npos) << everything;
  EXPECT_NE(logs.joined().find("request POST"), std::string::npos);  // debug lines were written
  EXPECT_EQ(r.error().request_id(), "req_echo");
  try {
    r.value();
    FAIL();
  } catch (const AuthenticationError& e) {
    EXPECT_EQ(std::string(e.what()).find(key), std::string::npos);
  }
}

TEST_F(TransportTest, TransportUsedDirectlyReturnsStatusHeadersBody) {
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.status = 418;
    res.set_header("X-Thing", "1");
    res.set_content("teapot", "text/plain");
  });
  auto t = make_curl_transport();
  HttpRequest req;
  req.method = "GET";
  req.url = server.base_url() + "/tea";
  req.timeout = 5000ms;
  Result<HttpResponse> r = t->send(req);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 418);
  EXPECT_EQ(r->body, "teapot");
  EXPECT_EQ(r->header("x-thing"), "1");
  // The body keeps spare capacity for the JSON parser's padding.
  EXPECT_GE(r->body.capacity() - r->body.size(), 64u);
}

}  // namespace core_transport_test

namespace core_transport_proxy_test {

using namespace workos;
using namespace std::chrono_literals;

// The loopback server plays an HTTP proxy: a request for http://workos.invalid/... arrives
// there in absolute form. Nothing reaches the (unresolvable) origin.
TEST(CoreProxy, ExplicitProxyOptionRoutesTheRequest) {
  test::LoopbackServer proxy;
  proxy.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = "http://workos.invalid";
  o.max_retries = 0;
  o.curl.proxy = proxy.base_url();
  auto core = test::make_core(o);
  detail::ApiRequest req;
  req.path = "/organizations";
  auto r = detail::call_void(*core, req, {});
  ASSERT_TRUE(r) << r.error().to_string();
  auto seen = proxy.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "http://workos.invalid/organizations");
}

TEST(CoreProxy, ProxyEnvironmentVariableIsHonoured) {
  test::LoopbackServer proxy;
  proxy.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  // This test runs in its own process (gtest_discover_tests), so changing the environment
  // affects nothing else. libcurl reads http_proxy / NO_PROXY at each transfer.
  setenv("http_proxy", proxy.base_url().c_str(), 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = "http://workos.invalid";
  o.max_retries = 0;
  auto core = test::make_core(o);
  detail::ApiRequest req;
  req.path = "/users";
  auto r = detail::call_void(*core, req, {});
  unsetenv("http_proxy");
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(proxy.request_count(), 1u);
  EXPECT_EQ(proxy.requests()[0].target, "http://workos.invalid/users");
}

TEST(CoreProxy, EnvironmentProxyCanBeTurnedOff) {
  test::LoopbackServer proxy;
  proxy.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 502; });
  test::LoopbackServer origin;
  origin.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  // Own process (gtest_discover_tests): the environment change affects no other test.
  setenv("http_proxy", proxy.base_url().c_str(), 1);
  setenv("ALL_PROXY", proxy.base_url().c_str(), 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = origin.base_url();
  o.max_retries = 0;
  o.curl.use_environment_proxy = false;
  auto direct = test::make_core(o);
  o.curl.use_environment_proxy = true;
  auto proxied = test::make_core(o);
  detail::ApiRequest req;
  req.path = "/users";
  auto r = detail::call_void(*direct, req, {});
  auto p = detail::call_void(*proxied, req, {});
  unsetenv("http_proxy");
  unsetenv("ALL_PROXY");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(origin.request_count(), 1u);
  // The same options with the environment honoured go to the proxy (which answers 502).
  EXPECT_FALSE(p);
  EXPECT_EQ(proxy.request_count(), 1u);
}

TEST(CoreProxy, WithoutTheEnvironmentItsNoProxyCannotBypassTheExplicitProxy) {
  test::LoopbackServer proxy;
  proxy.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  test::LoopbackServer origin;
  origin.set_default([](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  // Own process (gtest_discover_tests): the environment change affects no other test.
  setenv("NO_PROXY", "127.0.0.1,localhost", 1);
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = origin.base_url();
  o.max_retries = 0;
  o.curl.proxy = proxy.base_url();
  o.curl.use_environment_proxy = false;
  auto core = test::make_core(o);
  detail::ApiRequest req;
  req.path = "/users";
  auto r = detail::call_void(*core, req, {});
  unsetenv("NO_PROXY");
  unsetenv("no_proxy");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(proxy.request_count(), 1u);
  EXPECT_EQ(origin.request_count(), 0u);
}

}  // namespace core_transport_proxy_test
