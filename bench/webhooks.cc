// Copyright workos-cpp authors. Handwritten.
// Webhook verification throughput: workos::webhooks::verify_header on 1 KB and 64 KB
// payloads, beside raw OpenSSL HMAC-SHA256 (one-shot HMAC()) over the same signed bytes in the
// same run. items_per_second = checks per second.
//
//   ./bench/webhooks --benchmark_min_time=1

#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "bench_models.h"

namespace {

constexpr char kSecret[] = "whsec_bench_0123456789abcdefghijklmnopqrstuvwxyz";
constexpr std::int64_t kT = 1760000000000;

void BM_RawOpenSslHmac(benchmark::State& state) {
  const std::string body = bench::webhook_payload(static_cast<std::size_t>(state.range(0)));
  const std::string signed_text = std::to_string(kT) + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  for (auto _ : state) {
    HMAC(EVP_sha256(), kSecret, static_cast<int>(sizeof kSecret - 1),
         reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac, &len);
    benchmark::DoNotOptimize(mac);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}

void BM_VerifyHeader(benchmark::State& state) {
  const std::string body = bench::webhook_payload(static_cast<std::size_t>(state.range(0)));
  const std::string header = workos::testing::sign_webhook_ms(body, kSecret, kT);
  const auto now = std::chrono::system_clock::time_point(std::chrono::milliseconds(kT + 1000));
  for (auto _ : state) {
    auto r = workos::webhooks::verify_header(body, header, kSecret, std::chrono::seconds(180), now);
    if (!r) state.SkipWithError("verification failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(body.size()));
}

// A wrong signature costs the same HMAC; shown for completeness (no early exit on the hot path).
void BM_VerifyHeaderMismatch(benchmark::State& state) {
  const std::string body = bench::webhook_payload(static_cast<std::size_t>(state.range(0)));
  const std::string header = "t=" + std::to_string(kT) + ", v1=" + std::string(64, '0');
  const auto now = std::chrono::system_clock::time_point(std::chrono::milliseconds(kT + 1000));
  for (auto _ : state) {
    auto r = workos::webhooks::verify_header(body, header, kSecret, std::chrono::seconds(180), now);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_RawOpenSslHmac)->Arg(1024)->Arg(64 * 1024);
BENCHMARK(BM_VerifyHeader)->Arg(1024)->Arg(64 * 1024);
BENCHMARK(BM_VerifyHeaderMismatch)->Arg(1024)->Arg(64 * 1024);

BENCHMARK_MAIN();
