// Copyright workos-cpp authors. Handwritten.
// Feature flags evaluated locally: the snapshot's decoding, the two forms of context, the
// evaluation rules, change detection and the polling state shared by both drivers.

#include "feature_flags/runtime_state.h"

#include <simdjson.h>
#include <algorithm>
#include <cmath>

#include "core/client_core_impl.h"
#include "core/json.h"

namespace workos::feature_flags {

bool operator==(const FlagEntry& a, const FlagEntry& b) {
  const auto same_targets = [](const std::vector<FlagTarget>& x, const std::vector<FlagTarget>& y) {
    return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](auto& p, auto& q) {
             return p.id == q.id && p.enabled == q.enabled;
           });
  };
  return a.slug == b.slug && a.enabled == b.enabled && a.default_value == b.default_value &&
         same_targets(a.users, b.users) && same_targets(a.organizations, b.organizations) &&
         a.custom_targets.size() == b.custom_targets.size() &&
         std::equal(a.custom_targets.begin(), a.custom_targets.end(), b.custom_targets.begin(),
                    [](auto& p, auto& q) {
                      return p.type == q.type && p.id == q.id && p.enabled == q.enabled;
                    });
}

}  // namespace workos::feature_flags

namespace workos::detail::flags {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

Error bad(std::string what) {
  return Error(ErrorKind::kDecode, "feature flags: " + std::move(what));
}

// Reads the `{id, enabled}` (and `type` when `typed`) members of one target.
bool read_target(element v, std::string* type, std::string& id, bool& enabled) {
  object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return false;
  std::string_view s;
  if (o["id"].get_string().get(s) != simdjson::SUCCESS) return false;
  id = std::string(s);
  if (o["enabled"].get_bool().get(enabled) != simdjson::SUCCESS) enabled = false;
  if (type) {
    if (o["type"].get_string().get(s) != simdjson::SUCCESS) return false;
    *type = std::string(s);
  }
  return true;
}

bool read_targets(object targets, const char* name, std::vector<FlagTarget>& out) {
  array a;
  auto found = targets[name];
  if (found.error() == simdjson::NO_SUCH_FIELD || found.is_null()) return true;
  if (found.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element t : a) {
    FlagTarget target;
    if (!read_target(t, nullptr, target.id, target.enabled)) return false;
    out.push_back(std::move(target));
  }
  return true;
}

Result<FlagEntry> read_entry(std::string_view key, element v) {
  object o;
  if (v.get_object().get(o) != simdjson::SUCCESS)
    return bad("the entry of a flag is not an object");
  FlagEntry e;
  std::string_view slug;
  e.slug =
      o["slug"].get_string().get(slug) == simdjson::SUCCESS ? std::string(slug) : std::string(key);
  if (o["enabled"].get_bool().get(e.enabled) != simdjson::SUCCESS) e.enabled = false;
  if (o["default_value"].get_bool().get(e.default_value) != simdjson::SUCCESS)
    e.default_value = false;
  object targets;
  auto t = o["targets"];
  if (t.error() == simdjson::SUCCESS && !t.is_null()) {
    if (t.get_object().get(targets) != simdjson::SUCCESS)
      return bad("the targets of '" + e.slug + "' are not an object");
    if (!read_targets(targets, "users", e.users) ||
        !read_targets(targets, "organizations", e.organizations)) {
      return bad("a target of '" + e.slug + "' has no id");
    }
    array custom;
    auto c = targets["custom_targets"];
    if (c.error() == simdjson::SUCCESS && !c.is_null()) {
      if (c.get_array().get(custom) != simdjson::SUCCESS)
        return bad("the custom targets of '" + e.slug + "' are not an array");
      for (element x : custom) {
        FlagCustomTarget ct;
        if (!read_target(x, &ct.type, ct.id, ct.enabled))
          return bad("a custom target of '" + e.slug + "' has no type or id");
        e.custom_targets.push_back(std::move(ct));
      }
    }
  }
  return e;
}

bool valid_type(std::string_view s) {
  if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool valid_id(std::string_view s) {
  if (s.empty() || s.size() > 255 || s == "." || s == "..") return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '-';
  });
}

}  // namespace

Result<Snapshot> decode_snapshot(std::string_view body) {
  workos::detail::json::Value root;
  if (auto parsed = workos::detail::json::parse(body, "feature flags", root); !parsed)
    return parsed.error();
  object flags;
  if (root.get_object().get(flags) != simdjson::SUCCESS)
    return bad("the answer is not an object of flags");
  Snapshot out;
  for (auto field : flags) {
    Result<FlagEntry> entry = read_entry(field.key, field.value);
    if (!entry) return entry.error();
    std::string key(field.key);
    out.flags.insert_or_assign(std::move(key), std::move(*entry));
  }
  return out;
}

Targets normalize(const EvaluationContext& c) {
  Targets out;
  const bool plain =
      (c.user_id && !c.user_id->empty()) || (c.organization_id && !c.organization_id->empty());
  if (plain && !c.targets.empty()) return out;  // mixed forms: nothing matches
  if (plain) {
    if (c.user_id && !c.user_id->empty()) out.emplace_back("user", *c.user_id);
    if (c.organization_id && !c.organization_id->empty())
      out.emplace_back("organization", *c.organization_id);
    return out;
  }
  for (const auto& [type, id] : c.targets) {
    if (valid_type(type) && valid_id(id)) out.emplace_back(type, id);
  }
  return out;
}

bool evaluate(const FlagEntry* e, const Targets& targets, bool default_value) {
  if (!e) return default_value;
  if (!e->enabled) return false;
  const auto among = [](const std::vector<FlagTarget>& list, std::string_view id) {
    return std::any_of(list.begin(), list.end(),
                       [&](const FlagTarget& t) { return t.enabled && t.id == id; });
  };
  for (const auto& [type, id] : targets) {
    if (type == "user" ? among(e->users, id)
        : type == "organization"
            ? among(e->organizations, id)
            : std::any_of(e->custom_targets.begin(), e->custom_targets.end(),
                          [&, type = type, id = id](const FlagCustomTarget& t) {
                            return t.enabled && t.type == type && t.id == id;
                          })) {
      return true;
    }
  }
  return e->default_value;
}

std::vector<FlagChange> changes(const Snapshot& before, const Snapshot& after) {
  std::vector<FlagChange> out;
  for (const auto& [slug, entry] : before.flags) {
    auto it = after.flags.find(slug);
    if (it == after.flags.end()) {
      out.push_back({slug, entry, std::nullopt});
    } else if (it->second != entry) {
      out.push_back({slug, entry, it->second});
    }
  }
  for (const auto& [slug, entry] : after.flags) {
    if (before.flags.find(slug) == before.flags.end()) out.push_back({slug, std::nullopt, entry});
  }
  return out;
}

// ---- polling state -----------------------------------------------------------------------------

namespace {
constexpr std::chrono::milliseconds kMinInterval{5000};
constexpr std::chrono::milliseconds kMinDelay{1000};
constexpr std::chrono::milliseconds kFirstRetry{1000};
constexpr std::chrono::milliseconds kMaxRetry{60000};
constexpr double kJitter = 0.1;
}  // namespace

RuntimeState::RuntimeState(std::shared_ptr<workos::detail::ClientCore> core,
                           RuntimeClientOptions options)
    : core_(std::move(core)), options_(std::move(options)) {
  options_.polling_interval = std::max(options_.polling_interval, kMinInterval);
  Snapshot first;
  for (auto& e : options_.bootstrap) first.flags.insert_or_assign(e.slug, e);
  ready_ = !first.flags.empty();
  stats_.flag_count = first.flags.size();
  options_.bootstrap.clear();
  publish(std::move(first));
}

workos::detail::ApiRequest RuntimeState::request() const {
  workos::detail::ApiRequest req;
  req.method = "GET";
  req.path = "/sdk/feature-flags";
  return req;
}

RequestOptions RuntimeState::request_options() const {
  RequestOptions o;
  o.timeout = options_.request_timeout;
  o.deadline = options_.request_timeout;
  o.max_retries = 0;  // the poll's own backoff retries
  o.cancellation = cancel_;
  return o;
}

bool RuntimeState::begin_poll() {
  std::lock_guard<std::mutex> lock(mu_);
  if (closed() || failed_) return false;
  ++stats_.polls;
  stats_.last_poll = core_->options().clock.wall_now();
  return true;
}

void RuntimeState::publish(Snapshot next) {
  // mu_ held. Readers may still use the previous snapshot: it stays owned until destruction.
  snapshots_.push_back(std::make_unique<const Snapshot>(std::move(next)));
  current_.store(snapshots_.back().get(), std::memory_order_release);
}

std::optional<std::chrono::milliseconds> RuntimeState::end_poll(const Answer& answer) {
  Result<Snapshot> next =
      answer ? decode_snapshot((*answer)->body) : Result<Snapshot>(answer.error());
  std::vector<FlagChange> changed;
  std::optional<std::chrono::milliseconds> delay;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed()) return std::nullopt;
    if (next) {
      const bool first_load = !stats_.last_successful_poll;
      changed = changes(snapshot(), *next);
      if (!changed.empty()) publish(std::move(*next));  // else the current one stays
      if (first_load) changed.clear();  // loading (over bootstrap entries too) is not a change
      stats_.last_successful_poll = core_->options().clock.wall_now();
      stats_.flag_count = snapshot().flags.size();
      consecutive_errors_ = 0;
      ready_ = true;
    } else {
      ++stats_.poll_errors;
      ++consecutive_errors_;
      if (next.error().status() == 401) failed_ = next.error();
    }
    if (!failed_) delay = next_delay();
  }
  cv_.notify_all();
  if (next && options_.on_change) {
    for (const FlagChange& c : changed) options_.on_change(c);
  }
  if (!next && options_.on_error) options_.on_error(next.error());
  return delay;
}

std::chrono::milliseconds RuntimeState::next_delay() {
  auto base = options_.polling_interval;
  if (consecutive_errors_ > 0) {
    const auto backoff =
        std::min(kMaxRetry, std::chrono::milliseconds(static_cast<std::int64_t>(
                                static_cast<double>(kFirstRetry.count()) *
                                std::ldexp(1.0, std::min(consecutive_errors_ - 1, 20)))));
    base = std::max(base, backoff);
  }
  const double u = core_->options().clock.uniform ? core_->options().clock.uniform() : 0.5;
  const double factor = 1.0 + (u * 2.0 - 1.0) * kJitter;
  return std::max(kMinDelay, std::chrono::milliseconds(static_cast<std::int64_t>(
                                 std::llround(static_cast<double>(base.count()) * factor))));
}

Result<void> RuntimeState::wait_ready(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, timeout, [this] { return ready_ || failed_ || closed(); });
  if (ready_) return {};
  if (failed_) return *failed_;
  if (closed()) return Error(ErrorKind::kCancelled, "the feature-flag client was closed");
  return Error(ErrorKind::kTimeout, "no feature flags were loaded in time");
}

RuntimeStats RuntimeState::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  RuntimeStats s = stats_;
  if (s.last_successful_poll) {
    s.cache_age = std::chrono::duration_cast<std::chrono::milliseconds>(
        core_->options().clock.wall_now() - *s.last_successful_poll);
  }
  return s;
}

void RuntimeState::set_stopper(std::function<void()> stopper) {
  std::lock_guard<std::mutex> lock(mu_);
  stopper_ = std::move(stopper);
}

void RuntimeState::close() {
  std::function<void()> stopper;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed()) return;
    closed_.store(true, std::memory_order_release);
    stopper = std::move(stopper_);
  }
  cancel_->cancel();
  cv_.notify_all();
  if (stopper) stopper();
}

bool RuntimeState::custom_sleep() const noexcept {
  return core_->impl().custom_sleep;
}

bool RuntimeState::sleep(std::chrono::milliseconds delay) {
  if (custom_sleep()) {
    core_->options().clock.sleep(delay);
    return !closed();
  }
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, delay, [this] { return closed(); });
  return !closed();
}

}  // namespace workos::detail::flags
