// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::feature_flags::RuntimeClient`: feature flags evaluated locally. It polls the
/// environment's flags (`GET /sdk/feature-flags`, every 30 s by default) and answers
/// `is_enabled(flag, context)` from an immutable in-memory snapshot, without a request and
/// without a lock. Works with a `Client` (one polling thread) or an `AsyncClient` (timers on its
/// event loop, no thread of its own). See docs/feature-flags.md.
///
/// @code
/// workos::feature_flags::RuntimeClient flags(client);
/// flags.wait_until_ready(std::chrono::seconds(5));  // first poll (or bootstrap entries)
/// workos::feature_flags::EvaluationContext who;
/// who.user_id = "user_01";
/// who.organization_id = "org_01";
/// if (flags.is_enabled("new-dashboard", who)) ...
/// @endcode

#include <workos/result.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workos {

class Client;
class AsyncClient;

namespace detail::flags {
class RuntimeState;
}  // namespace detail::flags

namespace feature_flags {

/// A user or organization a flag is turned on for.
struct FlagTarget {
  std::string id;        ///< `user_...` or `org_...`.
  bool enabled = false;  ///< Only enabled targets count; a disabled one is as if absent.
};

/// A target of a custom type (`{"type":"team","id":"team_7"}`).
struct FlagCustomTarget {
  std::string type;      ///< Lowercase target type.
  std::string id;        ///< The target's id.
  bool enabled = false;  ///< Only enabled targets count.
};

/// One flag as the runtime endpoint describes it.
struct FlagEntry {
  std::string slug;                       ///< The flag's slug (`new-dashboard`).
  bool enabled = false;                   ///< Off: the flag is false for everyone.
  bool default_value = false;             ///< The value when no target of the context matches.
  std::vector<FlagTarget> users;          ///< Users it is turned on for.
  std::vector<FlagTarget> organizations;  ///< Organizations it is turned on for.
  std::vector<FlagCustomTarget> custom_targets;  ///< Targets of custom types.

  /// Same slug, switches and targets (in the same order).
  friend bool operator==(const FlagEntry& a, const FlagEntry& b);
  /// Negation of `==`.
  friend bool operator!=(const FlagEntry& a, const FlagEntry& b) { return !(a == b); }
};

/// Who a flag is evaluated for, in one of two forms (not both): `user_id` /
/// `organization_id`, or typed `targets` (`{"team": "team_7", "user": "user_01"}`). A context
/// that mixes the forms matches no target (the flag's default applies); an invalid target type
/// (not `[a-z][a-z0-9_-]{0,63}`) or id (not `[A-Za-z0-9._:-]{1,255}`, or `.` / `..`) is ignored.
struct EvaluationContext {
  std::optional<std::string> user_id;          ///< The user (`user_...`).
  std::optional<std::string> organization_id;  ///< The organization (`org_...`).
  std::map<std::string, std::string> targets;  ///< Target type -> id.
};

/// A flag whose entry changed between two polls (added: no `previous`; removed: no `current`).
struct FlagChange {
  std::string slug;                   ///< The flag that changed.
  std::optional<FlagEntry> previous;  ///< Its entry before (none: added).
  std::optional<FlagEntry> current;   ///< Its entry now (none: removed).
};

/// Counters of the polling.
struct RuntimeStats {
  std::uint64_t polls = 0;                                         ///< Polls started.
  std::uint64_t poll_errors = 0;                                   ///< Polls that failed.
  std::optional<std::chrono::system_clock::time_point> last_poll;  ///< When the last poll began.
  /// When the last poll that loaded the flags ended.
  std::optional<std::chrono::system_clock::time_point> last_successful_poll;
  /// Time since the last successful poll.
  std::optional<std::chrono::milliseconds> cache_age;
  std::size_t flag_count = 0;  ///< Flags in the snapshot.
};

/// How the runtime client polls, and what it tells you.
struct RuntimeClientOptions {
  /// Time between polls; never less than 5 s (smaller values are raised to it). Each delay gets
  /// ±10 % jitter; after failures the delay grows (1 s doubling, at most 60 s) if that is longer.
  std::chrono::milliseconds polling_interval{30000};
  /// Timeout of one poll request.
  std::chrono::milliseconds request_timeout{10000};
  /// Entries to answer from before the first poll (e.g. saved from a previous run); with them
  /// the client is ready at once.
  std::vector<FlagEntry> bootstrap;
  /// Called for every flag whose entry changed between two successful polls (from the polling
  /// thread or the event loop: it must not block).
  std::function<void(const FlagChange&)> on_change;
  /// Called for every failed poll (same threads). The snapshot keeps serving its last entries.
  std::function<void(const Error&)> on_error;
};

/// Local feature-flag evaluation. Thread-safe: evaluations from any thread read the current
/// snapshot without locking. Polling stops at `close()` or destruction; a 401 answer (a wrong
/// API key) stops it for good and fails `wait_until_ready`.
class RuntimeClient {
 public:
  /// Polls on a thread of its own through `client`'s pipeline (the first poll at once).
  explicit RuntimeClient(const Client& client, RuntimeClientOptions options = {});
  /// Polls with timers on `client`'s event loop; no thread of its own.
  explicit RuntimeClient(const AsyncClient& client, RuntimeClientOptions options = {});
  ~RuntimeClient();
  RuntimeClient(const RuntimeClient&) = delete;
  RuntimeClient& operator=(const RuntimeClient&) = delete;

  /// True when `flag` is on for `context`: false when the flag is disabled; true when an enabled
  /// target of the context matches; else the flag's default. `default_value` when the flag is
  /// unknown (or nothing was loaded yet).
  bool is_enabled(std::string_view flag, const EvaluationContext& context = {},
                  bool default_value = false) const;
  /// Every known flag evaluated for `context` (unknown flags are simply absent).
  std::map<std::string, bool> all_flags(const EvaluationContext& context = {}) const;
  /// The entry of `flag`, if known.
  std::optional<FlagEntry> flag(std::string_view flag) const;
  /// Polling counters.
  RuntimeStats stats() const;
  /// Waits until the first successful poll (at once with bootstrap entries). Errors: the 401 that
  /// stopped polling (`kApi`), `kTimeout` when `timeout` passed first, `kCancelled` after
  /// `close()`.
  Result<void> wait_until_ready(std::chrono::milliseconds timeout) const;
  /// Stops polling (waits for a poll in flight on the sync client's thread). Evaluations keep
  /// answering from the last snapshot. Idempotent.
  void close();

 private:
  std::shared_ptr<workos::detail::flags::RuntimeState> state_;
};

}  // namespace feature_flags
}  // namespace workos
