// Copyright workos-cpp authors. Handwritten.
#pragma once

// Shared bits of the tests of the async helpers (tests/unit/async_helpers_*_test.cc): JSON body
// members, an async client over a FakeTransport, and a fake clock that also records whether
// each wait was taken on an event-loop thread.

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/testing/fake_transport.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/json.h"
#include "support/core_test_helpers.h"

namespace async_helpers {

/// Top-level members of a JSON object as text (strings unquoted, others as JSON).
inline std::map<std::string, std::string> members(const std::string& body) {
  std::map<std::string, std::string> out;
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(body), "test", root)) return out;
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return out;
  for (auto f : obj) {
    std::string_view s;
    if (f.value.get_string().get(s) == simdjson::SUCCESS)
      out[std::string(f.key)] = std::string(s);
    else
      out[std::string(f.key)] = simdjson::minify(f.value);
  }
  return out;
}

/// A FakeClock whose waits also record whether they ran on an event-loop thread. Thread-safe.
struct LoopClock {
  workos::test::FakeClock fake;
  std::mutex mutex;
  std::vector<bool> on_loop;  // one per sleep

  workos::Clock clock() {
    workos::Clock c = fake.clock();
    auto inner = c.sleep;
    c.sleep = [this, inner](std::chrono::milliseconds d) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        on_loop.push_back(workos::detail::on_event_loop_thread());
      }
      inner(d);
    };
    return c;
  }
  std::vector<bool> sleeps_on_loop() {
    std::lock_guard<std::mutex> lock(mutex);
    return on_loop;
  }
};

/// Waits (bounded) for `f` and returns its result; a kTimeout error when it never completes,
/// so a hang fails the test instead of blocking it.
template <class T>
workos::Result<T> await(workos::Future<T>& f,
                        std::chrono::seconds bound = std::chrono::seconds(20)) {
  if (!f.wait_for(bound)) {
    return workos::Error(workos::ErrorKind::kTimeout, "the future did not complete in time");
  }
  return f.get();
}
template <class T>
workos::Result<T> await(workos::Future<T>&& f,
                        std::chrono::seconds bound = std::chrono::seconds(20)) {
  return await(f, bound);
}

}  // namespace async_helpers
