// Copyright workos-cpp authors. Handwritten.
// Feature flags evaluated locally: every evaluation rule (flag disabled, user, organization and
// custom targets, both forms of context, a mixed context, unknown flags), polling through both
// clients (changes, errors keeping the last entries, backoff, a 401 stopping it), bootstrap
// entries, wait_until_ready and close.

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/feature_flags/runtime_client.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/core_test_helpers.h"

namespace {

using workos::feature_flags::EvaluationContext;
using workos::feature_flags::FlagChange;
using workos::feature_flags::FlagEntry;
using workos::feature_flags::RuntimeClient;
using workos::feature_flags::RuntimeClientOptions;
using workos::testing::FakeTransport;
using namespace std::chrono_literals;

constexpr char kFlags[] = R"({
  "new-dashboard": {"slug": "new-dashboard", "enabled": true, "default_value": false,
    "targets": {"users": [{"id": "user_on", "enabled": true}, {"id": "user_off", "enabled": false}],
                "organizations": [{"id": "org_on", "enabled": true}],
                "custom_targets": [{"type": "team", "id": "team_7", "enabled": true}]}},
  "kill-switch": {"slug": "kill-switch", "enabled": false, "default_value": true,
    "targets": {"users": [{"id": "user_on", "enabled": true}], "organizations": []}},
  "everyone": {"slug": "everyone", "enabled": true, "default_value": true,
    "targets": {"users": [], "organizations": []}}
})";

// The same flags after an edit: `everyone` turned off, `beta` added, `kill-switch` removed.
constexpr char kFlagsEdited[] = R"({
  "new-dashboard": {"slug": "new-dashboard", "enabled": true, "default_value": false,
    "targets": {"users": [{"id": "user_on", "enabled": true}, {"id": "user_off", "enabled": false}],
                "organizations": [{"id": "org_on", "enabled": true}],
                "custom_targets": [{"type": "team", "id": "team_7", "enabled": true}]}},
  "everyone": {"slug": "everyone", "enabled": false, "default_value": true,
    "targets": {"users": [], "organizations": []}},
  "beta": {"slug": "beta", "enabled": true, "default_value": true, "targets": {"users": [],
    "organizations": []}}
})";

EvaluationContext user(const std::string& id) {
  EvaluationContext c;
  c.user_id = id;
  return c;
}
EvaluationContext organization(const std::string& id) {
  EvaluationContext c;
  c.organization_id = id;
  return c;
}
EvaluationContext typed(std::map<std::string, std::string> targets) {
  EvaluationContext c;
  c.targets = std::move(targets);
  return c;
}

std::size_t threads_of_this_process() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

struct FeatureFlagsRuntime : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::FakeClock clock;
  std::atomic<int> requests{0};
  std::function<workos::Result<workos::HttpResponse>(int)> answer = [](int) {
    return FakeTransport::json(200, kFlags);
  };

  void SetUp() override {
    fake->set_handler([this](const workos::HttpRequest& r) -> workos::Result<workos::HttpResponse> {
      EXPECT_EQ(r.url, "https://api.workos.com/sdk/feature-flags");
      return answer(++requests);
    });
  }
  workos::ClientOptions options(bool fake_clock) {
    workos::ClientOptions o;
    o.api_key = "sk_test_flags";
    o.client_id = "client_123";
    o.transport = fake;
    o.max_retries = 0;
    if (fake_clock) o.clock = clock.clock();
    return o;
  }
  std::vector<std::chrono::milliseconds> sleeps() {
    std::lock_guard<std::mutex> lock(clock.mutex);
    return clock.sleeps;
  }
};

// Waits (bounded) for `done`; polling runs on another thread.
template <class F>
bool eventually(F done) {
  for (int i = 0; i < 2000 && !done(); ++i) std::this_thread::sleep_for(5ms);
  return done();
}

TEST_F(FeatureFlagsRuntime, EveryEvaluationRule) {
  workos::Client client(options(false));
  RuntimeClient flags(client);
  ASSERT_TRUE(flags.wait_until_ready(10s));
  // A disabled flag is off for everyone, targeted or not, whatever the caller's default.
  EXPECT_FALSE(flags.is_enabled("kill-switch", user("user_on"), true));
  // An enabled user target.
  EXPECT_TRUE(flags.is_enabled("new-dashboard", user("user_on")));
  // A disabled target counts as absent: the flag's default.
  EXPECT_FALSE(flags.is_enabled("new-dashboard", user("user_off"), true));
  EXPECT_FALSE(flags.is_enabled("new-dashboard", user("user_other")));
  // An organization target.
  EXPECT_TRUE(flags.is_enabled("new-dashboard", organization("org_on")));
  EvaluationContext both = user("user_other");
  both.organization_id = "org_on";
  EXPECT_TRUE(flags.is_enabled("new-dashboard", both));
  // A custom target, and the typed form for users and organizations.
  EXPECT_TRUE(flags.is_enabled("new-dashboard", typed({{"team", "team_7"}})));
  EXPECT_FALSE(flags.is_enabled("new-dashboard", typed({{"team", "team_8"}})));
  EXPECT_TRUE(flags.is_enabled("new-dashboard", typed({{"user", "user_on"}})));
  EXPECT_TRUE(flags.is_enabled("new-dashboard", typed({{"organization", "org_on"}})));
  // A mixed context matches no target: the flag's default.
  EvaluationContext mixed = user("user_on");
  mixed.targets = {{"team", "team_7"}};
  EXPECT_FALSE(flags.is_enabled("new-dashboard", mixed, true));
  EXPECT_TRUE(flags.is_enabled("everyone", mixed));
  // Invalid target types and ids are ignored.
  EXPECT_FALSE(flags.is_enabled("new-dashboard", typed({{"Team", "team_7"}})));
  EXPECT_FALSE(flags.is_enabled("new-dashboard", typed({{"team", "team 7"}})));
  EXPECT_FALSE(flags.is_enabled("new-dashboard", typed({{"team", ".."}})));
  // No context: the flag's default.
  EXPECT_TRUE(flags.is_enabled("everyone"));
  EXPECT_FALSE(flags.is_enabled("new-dashboard"));
  // An unknown flag: the caller's default.
  EXPECT_TRUE(flags.is_enabled("no-such-flag", user("user_on"), true));
  EXPECT_FALSE(flags.is_enabled("no-such-flag", user("user_on")));

  const auto all = flags.all_flags(user("user_on"));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(all.at("new-dashboard"));
  EXPECT_FALSE(all.at("kill-switch"));
  EXPECT_TRUE(all.at("everyone"));
  auto entry = flags.flag("new-dashboard");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->custom_targets.at(0).type, "team");
  EXPECT_FALSE(flags.flag("no-such-flag"));
  const auto stats = flags.stats();
  EXPECT_EQ(stats.polls, 1u);
  EXPECT_EQ(stats.poll_errors, 0u);
  EXPECT_EQ(stats.flag_count, 3u);
  EXPECT_TRUE(stats.last_successful_poll.has_value());
}

TEST_F(FeatureFlagsRuntime, PollsReportChangesAndKeepTheLastEntriesOnErrors) {
  std::atomic<bool> may_fail{false};  // the failing poll waits until `self` is set
  answer = [&may_fail](int n) {
    if (n == 1) return FakeTransport::json(200, kFlags);
    if (n == 2) {
      eventually([&] { return may_fail.load(); });
      return FakeTransport::json(500, R"({"message":"unavailable"})");
    }
    return FakeTransport::json(200, kFlagsEdited);
  };
  std::mutex mu;
  std::vector<FlagChange> changes;
  std::vector<int> errors;
  std::atomic<bool> stale_answer_seen{false};
  RuntimeClientOptions o;
  std::atomic<RuntimeClient*> self{nullptr};
  o.on_change = [&](const FlagChange& c) {
    std::lock_guard<std::mutex> lock(mu);
    changes.push_back(c);
  };
  o.on_error = [&](const workos::Error& e) {
    std::lock_guard<std::mutex> lock(mu);
    errors.push_back(e.status());
    // During the failed poll the last entries still answer.
    if (self.load() && self.load()->is_enabled("everyone")) stale_answer_seen = true;
  };
  workos::Client client(options(true));
  RuntimeClient flags(client, o);
  self = &flags;
  may_fail = true;
  ASSERT_TRUE(eventually([&] {
    std::lock_guard<std::mutex> lock(mu);
    return changes.size() >= 3;
  }));
  flags.close();
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(errors, std::vector<int>{500});
  EXPECT_TRUE(stale_answer_seen.load());
  std::map<std::string, FlagChange> by_slug;
  for (const auto& c : changes) by_slug[c.slug] = c;
  EXPECT_EQ(by_slug.size(), 3u);
  EXPECT_TRUE(by_slug.at("everyone").previous && by_slug.at("everyone").current);
  EXPECT_FALSE(by_slug.at("everyone").current->enabled);
  EXPECT_FALSE(by_slug.at("beta").previous);
  EXPECT_FALSE(by_slug.at("kill-switch").current);
  EXPECT_FALSE(flags.is_enabled("everyone"));
  EXPECT_TRUE(flags.is_enabled("beta"));
  // Waits: the interval (jitter factor 1.0 with the fake uniform 0.5), the same after one
  // failure (its 1 s backoff is shorter than the interval).
  const auto waits = sleeps();
  ASSERT_GE(waits.size(), 2u);
  EXPECT_EQ(waits[0], 30000ms);
  EXPECT_EQ(waits[1], 30000ms);
  EXPECT_GE(flags.stats().poll_errors, 1u);
}

TEST_F(FeatureFlagsRuntime, BackoffGrowsPastTheIntervalAfterRepeatedFailures) {
  answer = [](int) { return FakeTransport::json(503, "{}"); };
  workos::Client client(options(true));
  RuntimeClientOptions o;
  o.polling_interval = 1ms;  // raised to the 5 s floor
  RuntimeClient flags(client, o);
  ASSERT_TRUE(eventually([&] { return sleeps().size() >= 8; }));
  flags.close();
  const auto waits = sleeps();
  // 5 s floor for the first failures (backoff 1, 2, 4 s), then 8, 16, 32, 60, 60 s.
  EXPECT_EQ(waits[0], 5000ms);
  EXPECT_EQ(waits[2], 5000ms);
  EXPECT_EQ(waits[3], 8000ms);
  EXPECT_EQ(waits[5], 32000ms);
  EXPECT_EQ(waits[6], 60000ms);
  EXPECT_EQ(waits[7], 60000ms);
}

TEST_F(FeatureFlagsRuntime, AnUnauthorizedAnswerStopsPollingAndFailsReadiness) {
  answer = [](int) { return FakeTransport::json(401, R"({"message":"Unauthorized"})"); };
  workos::Client client(options(true));
  RuntimeClient flags(client);
  auto ready = flags.wait_until_ready(10s);
  ASSERT_FALSE(ready);
  EXPECT_EQ(ready.error().status(), 401);
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(requests.load(), 1);
  EXPECT_EQ(flags.stats().polls, 1u);
}

TEST_F(FeatureFlagsRuntime, BootstrapEntriesAnswerBeforeTheFirstPoll) {
  answer = [](int) { return FakeTransport::json(503, "{}"); };
  RuntimeClientOptions o;
  FlagEntry saved;
  saved.slug = "saved";
  saved.enabled = true;
  saved.default_value = true;
  o.bootstrap = {saved};
  workos::Client client(options(false));
  RuntimeClient flags(client, o);
  EXPECT_TRUE(flags.wait_until_ready(0ms));
  EXPECT_TRUE(flags.is_enabled("saved"));
  EXPECT_EQ(flags.stats().flag_count, 1u);
}

TEST_F(FeatureFlagsRuntime, WaitUntilReadyTimesOutAndCloseEndsIt) {
  answer = [](int) { return FakeTransport::json(503, "{}"); };
  workos::Client client(options(false));
  RuntimeClient flags(client);
  auto late = flags.wait_until_ready(30ms);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().kind(), workos::ErrorKind::kTimeout);
  flags.close();  // wakes the 30 s wait and joins the polling thread at once
  auto closed = flags.wait_until_ready(10s);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().kind(), workos::ErrorKind::kCancelled);
  const auto polls = flags.stats().polls;
  std::this_thread::sleep_for(20ms);
  EXPECT_EQ(flags.stats().polls, polls);
}

TEST_F(FeatureFlagsRuntime, TheSyncClientPollsOnOneThreadOfItsOwn) {
  workos::Client client(options(false));
  const std::size_t before = threads_of_this_process();
  {
    RuntimeClient flags(client);
    ASSERT_TRUE(flags.wait_until_ready(10s));
    EXPECT_EQ(threads_of_this_process(), before + 1);
  }
  EXPECT_EQ(threads_of_this_process(), before);
}

TEST_F(FeatureFlagsRuntime, TheAsyncClientPollsOnItsEventLoopWithoutAThread) {
  answer = [](int n) { return FakeTransport::json(200, n == 1 ? kFlags : kFlagsEdited); };
  workos::AsyncClient client(options(true));
  std::atomic<int> changes{0};
  RuntimeClientOptions o;
  o.on_change = [&](const FlagChange&) { ++changes; };
  // The client's loop thread exists from here on; the runtime client adds none.
  const std::size_t before = threads_of_this_process();
  RuntimeClient flags(client, o);
  ASSERT_TRUE(flags.wait_until_ready(10s));
  ASSERT_TRUE(eventually([&] { return changes.load() >= 3; }));
  EXPECT_FALSE(flags.is_enabled("everyone"));
  EXPECT_EQ(threads_of_this_process(), before);
  flags.close();
}

}  // namespace
