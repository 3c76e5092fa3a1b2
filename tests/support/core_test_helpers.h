// Copyright workos-cpp authors. Handwritten.
#pragma once

// Helpers for the core tests (and anyone else's): a fake clock that records sleeps instead of
// waiting, a capturing log sink, and client construction shortcuts.

#include <workos/options.h>
#include <workos/testing/fake_transport.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/call.h"

namespace workos::test {

/// Time that only moves when the code under test sleeps. Thread-safe.
struct FakeClock {
  std::mutex mutex;
  std::chrono::steady_clock::time_point now{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall{std::chrono::seconds(1'700'000'000)};
  std::vector<std::chrono::milliseconds> sleeps;
  double uniform_value = 0.5;  // jitter factor 1.0 with the default jitter 0.5

  /// A `workos::Clock` bound to this fake (which must outlive the client).
  Clock clock() {
    Clock c;
    c.now = [this] {
      std::lock_guard<std::mutex> lock(mutex);
      return now;
    };
    c.sleep = [this](std::chrono::milliseconds d) {
      std::lock_guard<std::mutex> lock(mutex);
      sleeps.push_back(d);
      now += d;
      wall += d;
    };
    c.uniform = [this] {
      std::lock_guard<std::mutex> lock(mutex);
      return uniform_value;
    };
    c.wall_now = [this] {
      std::lock_guard<std::mutex> lock(mutex);
      return wall;
    };
    return c;
  }
  std::vector<std::chrono::milliseconds> recorded_sleeps() {
    std::lock_guard<std::mutex> lock(mutex);
    return sleeps;
  }
  void advance(std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lock(mutex);
    now += d;
    wall += d;
  }
};

/// Collects every log line. Thread-safe.
struct LogCapture {
  std::mutex mutex;
  std::vector<std::pair<LogLevel, std::string>> lines;
  LogSink sink() {
    return [this](LogLevel level, std::string_view line) {
      std::lock_guard<std::mutex> lock(mutex);
      lines.emplace_back(level, std::string(line));
    };
  }
  std::vector<std::pair<LogLevel, std::string>> all() {
    std::lock_guard<std::mutex> lock(mutex);
    return lines;
  }
  std::string joined() {
    std::lock_guard<std::mutex> lock(mutex);
    std::string out;
    for (const auto& l : lines) out += l.second + "\n";
    return out;
  }
};

/// A test API key (never a real one).
inline constexpr const char* kTestApiKey = "sk_test_a1B2c3D4e5F6g7H8i9J0secretkey";

/// Options with the test API key, `transport` and `clock`.
inline ClientOptions fake_options(std::shared_ptr<Transport> transport,
                                  FakeClock* clock = nullptr) {
  ClientOptions o;
  o.api_key = kTestApiKey;
  o.transport = std::move(transport);
  if (clock) o.clock = clock->clock();
  return o;
}

/// A core from `options`; aborts the test binary on a configuration error.
inline std::shared_ptr<detail::ClientCore> make_core(ClientOptions options) {
  auto core = detail::ClientCore::create(std::move(options));
  return core.value();
}

}  // namespace workos::test
