// Copyright workos-cpp authors. Handwritten.
// CPU time per call of a sequential GET through the SDK's pipeline (headers, retry state
// machine, libcurl pooled transport, decoding into structs) beside raw libcurl with one reused
// easy handle (+ a simdjson parse for the page), against a local keep-alive cpp-httplib server,
// in the same run. The CPU column is the calling thread's CPU time (the in-process server runs
// on other threads). Target: the SDK within 1.5x of raw.

#include <benchmark/benchmark.h>

#include <curl/curl.h>
#include <httplib.h>
#include <simdjson.h>

#include <thread>

#include "bench_floor.h"
#include "bench_models.h"
#include "core/call.h"

namespace {

class Server {
 public:
  Server() {
    org_ = bench::organization_json();
    page_ = bench::user_page_json(100);
    server_.set_keep_alive_max_count(1000000);
    server_.set_keep_alive_timeout(60);
    server_.set_tcp_nodelay(true);
    server_.Get("/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY",
                [this](const httplib::Request&, httplib::Response& res) {
                  res.set_content(org_, "application/json");
                });
    server_.Get("/user_management/users", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(page_, "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~Server() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::size_t org_size() const { return org_.size(); }
  std::size_t page_size() const { return page_.size(); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::string org_;
  std::string page_;
};

Server& server() {
  static Server* s = new Server();  // process lifetime
  return *s;
}

std::shared_ptr<workos::detail::ClientCore> sdk() {
  static auto core = [] {
    workos::ClientOptions o;
    o.api_key = "sk_test_bench_0123456789abcdef";
    o.base_url = server().url();
    return workos::detail::ClientCore::create(o).value();
  }();
  return core;
}

void BM_Sdk_GetOrganization(benchmark::State& state) {
  auto core = sdk();
  workos::detail::ApiRequest req;
  req.method = "GET";
  req.path =
      "/organizations/" + workos::detail::encode_path_segment("org_01EHWNCE74X7JSDV0X3SZ3KJNY");
  for (auto _ : state) {
    auto r = workos::detail::call<bench::Organization>(*core, req, {}, "Organization");
    if (!r || r->domains.size() != 1) state.SkipWithError("call failed");
    benchmark::DoNotOptimize(r);
  }
  state.counters["body_bytes"] = static_cast<double>(server().org_size());
}
BENCHMARK(BM_Sdk_GetOrganization)->UseRealTime();

void BM_Sdk_ListUsersPage(benchmark::State& state) {
  auto core = sdk();
  for (auto _ : state) {
    workos::detail::ApiRequest req;
    req.method = "GET";
    req.path = "/user_management/users";
    workos::detail::QueryBuilder q;
    q.add("limit", std::int64_t{100});
    q.add("order", "desc");
    req.query = q.str();
    auto r = workos::detail::call<workos::Page<bench::User>>(*core, req, {}, "UserList");
    if (!r || r->data.size() != 100) state.SkipWithError("call failed");
    benchmark::DoNotOptimize(r);
  }
  state.counters["body_bytes"] = static_cast<double>(server().page_size());
}
BENCHMARK(BM_Sdk_ListUsersPage)->UseRealTime();

// The SDK's pipeline with no network: a transport that answers every request with a copy of the
// canned body (padded, as the libcurl transport leaves it). CPU here minus the decode-only figure
// of bench/json_decode is what the pipeline itself (options, headers, retry state machine,
// ResponseInfo, Result) costs per call.
class CannedTransport final : public workos::Transport {
 public:
  explicit CannedTransport(std::string body) : body_(std::move(body)) {}
  workos::Result<workos::HttpResponse> send(const workos::HttpRequest&) override {
    workos::HttpResponse r;
    r.status = 200;
    r.headers.emplace_back("Content-Type", "application/json");
    r.headers.emplace_back("X-Request-ID", "req_bench");
    r.body.reserve(body_.size() + simdjson::SIMDJSON_PADDING);
    r.body.assign(body_);
    return r;
  }

 private:
  std::string body_;
};

std::shared_ptr<workos::detail::ClientCore> canned_sdk(std::string body) {
  workos::ClientOptions o;
  o.api_key = "sk_test_bench_0123456789abcdef";
  o.transport = std::make_shared<CannedTransport>(std::move(body));
  return workos::detail::ClientCore::create(o).value();
}

void BM_SdkCannedTransport_GetOrganization(benchmark::State& state) {
  auto core = canned_sdk(bench::organization_json());
  workos::detail::ApiRequest req;
  req.method = "GET";
  req.path =
      "/organizations/" + workos::detail::encode_path_segment("org_01EHWNCE74X7JSDV0X3SZ3KJNY");
  for (auto _ : state) {
    auto r = workos::detail::call<bench::Organization>(*core, req, {}, "Organization");
    if (!r || r->domains.size() != 1) state.SkipWithError("call failed");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SdkCannedTransport_GetOrganization);

void BM_SdkCannedTransport_ListUsersPage(benchmark::State& state) {
  auto core = canned_sdk(bench::user_page_json(100));
  for (auto _ : state) {
    workos::detail::ApiRequest req;
    req.method = "GET";
    req.path = "/user_management/users";
    workos::detail::QueryBuilder q;
    q.add("limit", std::int64_t{100});
    q.add("order", "desc");
    req.query = q.str();
    auto r = workos::detail::call<workos::Page<bench::User>>(*core, req, {}, "UserList");
    if (!r || r->data.size() != 100) state.SkipWithError("call failed");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SdkCannedTransport_ListUsersPage);

size_t collect(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

struct RawCurl {
  CURL* h = curl_easy_init();
  std::string body;
  curl_slist* headers = nullptr;
  explicit RawCurl(const std::string& url) {
    headers = curl_slist_append(headers, "Authorization: Bearer sk_test_bench_0123456789abcdef");
    headers = curl_slist_append(headers, "Accept: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &collect);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  }
  ~RawCurl() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
  }
  bool get() {
    body.clear();
    long status = 0;
    return curl_easy_perform(h) == CURLE_OK &&
           curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status == 200;
  }
};

void BM_RawCurl_GetOrganization(benchmark::State& state) {
  RawCurl c(server().url() + "/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY");
  for (auto _ : state) {
    if (!c.get()) state.SkipWithError("get failed");
    benchmark::DoNotOptimize(c.body);
  }
  state.counters["body_bytes"] = static_cast<double>(server().org_size());
}
BENCHMARK(BM_RawCurl_GetOrganization)->UseRealTime();

void BM_RawCurl_ListUsersPageParse(benchmark::State& state) {
  RawCurl c(server().url() + "/user_management/users?limit=100&order=desc");
  simdjson::dom::parser parser;
  for (auto _ : state) {
    if (!c.get()) state.SkipWithError("get failed");
    simdjson::dom::element doc;
    if (parser.parse(c.body).get(doc)) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(doc);
  }
  state.counters["body_bytes"] = static_cast<double>(server().page_size());
}
BENCHMARK(BM_RawCurl_ListUsersPageParse)->UseRealTime();

// Raw libcurl plus the SDK's own decoder into the same structs: separates the cost of
// materializing 100 users (paid by any SDK that returns structs) from the pipeline's overhead.
void BM_RawCurl_ListUsersPageDecode(benchmark::State& state) {
  RawCurl c(server().url() + "/user_management/users?limit=100&order=desc");
  for (auto _ : state) {
    if (!c.get()) state.SkipWithError("get failed");
    workos::Page<bench::User> page;
    if (!workos::detail::json::decode_document(c.body, "UserList", page) || page.data.size() != 100)
      state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(page);
  }
  state.counters["body_bytes"] = static_cast<double>(server().page_size());
}
BENCHMARK(BM_RawCurl_ListUsersPageDecode)->UseRealTime();

// Raw libcurl plus the minimal hand-written decoder into the same structs (bench_floor.h): the
// least any decoder that returns these structs (owned std::string fields) can spend.
void BM_RawCurl_ListUsersPageHandDecodeFloor(benchmark::State& state) {
  RawCurl c(server().url() + "/user_management/users?limit=100&order=desc");
  simdjson::dom::parser parser;
  for (auto _ : state) {
    if (!c.get()) state.SkipWithError("get failed");
    workos::Page<bench::User> page;
    if (!bench::hand_decode_users(parser, c.body, page) || page.data.size() != 100)
      state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(page);
  }
  state.counters["body_bytes"] = static_cast<double>(server().page_size());
}
BENCHMARK(BM_RawCurl_ListUsersPageHandDecodeFloor)->UseRealTime();

// Raw libcurl plus decoding the organization into its struct (same decoder as the SDK).
void BM_RawCurl_GetOrganizationDecode(benchmark::State& state) {
  RawCurl c(server().url() + "/organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY");
  for (auto _ : state) {
    if (!c.get()) state.SkipWithError("get failed");
    bench::Organization org;
    if (!workos::detail::json::decode_document(c.body, "Organization", org))
      state.SkipWithError("decode failed");
    benchmark::DoNotOptimize(org);
  }
  state.counters["body_bytes"] = static_cast<double>(server().org_size());
}
BENCHMARK(BM_RawCurl_GetOrganizationDecode)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  server();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
