// Copyright workos-cpp authors. Handwritten.
// Local feature-flag evaluation on a warm snapshot: RuntimeClient::is_enabled for a user and
// organization context (hit and miss), a typed custom-target context and an unknown flag, with
// 100 flags of 50 user and 20 organization targets each. items_per_second = evaluations per
// second on one core. The snapshot is loaded once from a loopback fake (no request per
// evaluation).
//
//   ./bench/feature_flags --benchmark_min_time=1

#include <workos/client.h>
#include <workos/feature_flags/runtime_client.h>
#include <workos/testing/fake_transport.h>

#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>

namespace {

std::string flags_json() {
  std::string out = "{";
  for (int f = 0; f < 100; ++f) {
    const std::string slug = "flag-" + std::to_string(f);
    out += (f ? "," : "") + ("\"" + slug + "\":{\"slug\":\"" + slug) +
           "\",\"enabled\":true,\"default_value\":false,\"targets\":{\"users\":[";
    for (int u = 0; u < 50; ++u)
      out += (u ? "," : "") + std::string("{\"id\":\"user_") + std::to_string(u) +
             "\",\"enabled\":true}";
    out += "],\"organizations\":[";
    for (int o = 0; o < 20; ++o)
      out += (o ? "," : "") + std::string("{\"id\":\"org_") + std::to_string(o) +
             "\",\"enabled\":true}";
    out += "],\"custom_targets\":[{\"type\":\"team\",\"id\":\"team_7\",\"enabled\":true}]}}";
  }
  return out + "}";
}

struct Fixture {
  Fixture() {
    auto fake = std::make_shared<workos::testing::FakeTransport>();
    const std::string body = flags_json();
    fake->set_handler([body](const workos::HttpRequest&) {
      return workos::testing::FakeTransport::json(200, body);
    });
    workos::ClientOptions o;
    o.api_key = "sk_test_bench";
    o.transport = fake;
    client = std::make_unique<workos::Client>(o);
    flags = std::make_unique<workos::feature_flags::RuntimeClient>(*client);
    static_cast<void>(flags->wait_until_ready(std::chrono::seconds(10)));
  }
  std::unique_ptr<workos::Client> client;
  std::unique_ptr<workos::feature_flags::RuntimeClient> flags;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void run(benchmark::State& state, const char* flag,
         const workos::feature_flags::EvaluationContext& who) {
  auto& flags = *fixture().flags;
  for (auto _ : state) benchmark::DoNotOptimize(flags.is_enabled(flag, who));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_UserTargetHit(benchmark::State& state) {
  workos::feature_flags::EvaluationContext who;
  who.user_id = "user_25";
  run(state, "flag-57", who);
}
BENCHMARK(BM_UserTargetHit);

void BM_UserAndOrganizationMiss(benchmark::State& state) {
  workos::feature_flags::EvaluationContext who;
  who.user_id = "user_999";
  who.organization_id = "org_999";
  run(state, "flag-57", who);
}
BENCHMARK(BM_UserAndOrganizationMiss);

void BM_CustomTarget(benchmark::State& state) {
  workos::feature_flags::EvaluationContext who;
  who.targets = {{"team", "team_7"}};
  run(state, "flag-57", who);
}
BENCHMARK(BM_CustomTarget);

void BM_UnknownFlag(benchmark::State& state) {
  workos::feature_flags::EvaluationContext who;
  who.user_id = "user_25";
  run(state, "no-such-flag", who);
}
BENCHMARK(BM_UnknownFlag);

}  // namespace

BENCHMARK_MAIN();
