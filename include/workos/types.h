// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Value types used by the generated models: `Timestamp`, `RawJson`, `Settable<T>`.

#include <chrono>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace workos {

/// An RFC 3339 date-time as sent by the API. Keeps the wire text unchanged (so it re-encodes
/// byte for byte) and converts to `std::chrono` on demand. Thread-safe (a plain value).
///
/// @code
/// auto age = std::chrono::system_clock::now() - org.created_at.time_point().value();
/// @endcode
class Timestamp {
 public:
  /// An empty timestamp (absent).
  Timestamp() = default;
  /// Keeps wire text such as `"2026-01-15T12:00:00.000Z"`; not validated until converted.
  explicit Timestamp(std::string_view text) { assign(text); }
  /// Replaces the wire text (not validated until converted).
  void assign(std::string_view text) {
    if (text.size() <= kInline) {
      text.copy(inline_, text.size());
      size_ = static_cast<unsigned char>(text.size());
      long_.clear();
    } else {
      long_.assign(text);
      size_ = kInline + 1;
    }
  }
  /// Formats `tp` as `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC, millisecond precision).
  static Timestamp from_time_point(std::chrono::system_clock::time_point tp);

  // Copies move the inline text as one fixed-size block (the defaulted members copy it
  // character by character where the compiler does not merge the loop).
  /// Copies the text.
  Timestamp(const Timestamp& other) : size_(other.size_), long_(other.long_) {
    std::memcpy(inline_, other.inline_, sizeof inline_);
  }
  /// Moves the text.
  Timestamp(Timestamp&& other) noexcept : size_(other.size_), long_(std::move(other.long_)) {
    std::memcpy(inline_, other.inline_, sizeof inline_);
  }
  /// Copies the text.
  Timestamp& operator=(const Timestamp& other) {
    if (this != &other) {
      size_ = other.size_;
      std::memcpy(inline_, other.inline_, sizeof inline_);
      long_ = other.long_;
    }
    return *this;
  }
  /// Moves the text.
  Timestamp& operator=(Timestamp&& other) noexcept {
    if (this != &other) {
      size_ = other.size_;
      std::memcpy(inline_, other.inline_, sizeof inline_);
      long_ = std::move(other.long_);
    }
    return *this;
  }
  /// Destroys the value.
  ~Timestamp() = default;

  /// The wire text.
  std::string_view text() const noexcept {
    return size_ <= kInline ? std::string_view(inline_, size_) : std::string_view(long_);
  }
  /// True when there is no text.
  bool empty() const noexcept { return size_ == 0; }
  /// The instant, or `std::nullopt` when the text is not a valid RFC 3339 date-time or names an
  /// instant `std::chrono::system_clock` cannot hold (before 1678 or after 2262 with libstdc++).
  std::optional<std::chrono::system_clock::time_point> time_point() const;

  /// Equal when the wire texts are equal.
  friend bool operator==(const Timestamp& a, const Timestamp& b) { return a.text() == b.text(); }
  /// Negation of `==`.
  friend bool operator!=(const Timestamp& a, const Timestamp& b) { return !(a == b); }

 private:
  // Every date-time the API sends fits inline (24 characters with milliseconds, 35 at most with
  // nanoseconds and an offset), so a decoded model allocates nothing for its timestamps; longer
  // text is kept whole on the heap.
  static constexpr std::size_t kInline = 38;
  unsigned char size_ = 0;
  char inline_[kInline] = {};
  std::string long_;
};

/// Free-form JSON (an object, array or scalar) kept as compact JSON text. Used for fields the
/// spec leaves open (`metadata` with arbitrary values, custom attributes, raw events).
/// An empty `RawJson` means "absent".
class RawJson {
 public:
  /// An absent value.
  RawJson() = default;
  /// Wraps JSON text; not validated here (encoding it emits the text as it is).
  explicit RawJson(std::string json) : json_(std::move(json)) {}
  /// The JSON text.
  const std::string& text() const noexcept { return json_; }
  /// True when absent.
  bool empty() const noexcept { return json_.empty(); }
  /// Equal when the texts are equal.
  friend bool operator==(const RawJson& a, const RawJson& b) { return a.json_ == b.json_; }
  /// Negation of `==`.
  friend bool operator!=(const RawJson& a, const RawJson& b) { return !(a == b); }

 private:
  std::string json_;
};

/// Tag value that sets a `Settable<T>` to an explicit JSON `null`.
struct NullT {
  /// Use `workos::null`.
  explicit constexpr NullT(int) {}
};
/// Use as `params.field = workos::null;` to send `"field": null` (clear the field).
inline constexpr NullT null{0};

/// An optional request field that the API also lets you clear: not set (omitted from the
/// request), explicitly `null`, or a value.
///
/// @code
/// workos::organizations::UpdateOrganizationParams p;
/// p.stripe_customer_id = "cus_123";     // send a value
/// p.external_id = workos::null;         // send null: clear it
/// @endcode
template <class T>
class Settable {
 public:
  /// Not set: the field is omitted from the request.
  Settable() = default;
  /// Explicit `null`: clears the field.
  Settable(NullT) : state_(State::kNull) {}  // NOLINT(google-explicit-constructor)
  /// A value.
  Settable(T value)  // NOLINT(google-explicit-constructor)
      : state_(State::kValue), value_(std::move(value)) {}
  template <class U, class = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                              !std::is_same_v<std::decay_t<U>, T> &&
                                              !std::is_same_v<std::decay_t<U>, NullT> &&
                                              !std::is_same_v<std::decay_t<U>, Settable<T>>>>
  /// A value converted to `T`.
  Settable(U&& value)  // NOLINT(google-explicit-constructor)
      : state_(State::kValue), value_(T(std::forward<U>(value))) {}

  /// True when null or a value (the field is sent).
  bool is_set() const noexcept { return state_ != State::kUnset; }
  /// True for an explicit `null`.
  bool is_null() const noexcept { return state_ == State::kNull; }
  /// True when holding a value.
  bool has_value() const noexcept { return state_ == State::kValue; }
  /// The value; `has_value()` must be true.
  const T& value() const noexcept { return *value_; }
  /// The value; `has_value()` must be true.
  T& value() noexcept { return *value_; }
  /// Back to "not set".
  void reset() noexcept {
    state_ = State::kUnset;
    value_.reset();
  }

  /// Equal state and value.
  friend bool operator==(const Settable& a, const Settable& b) {
    return a.state_ == b.state_ && a.value_ == b.value_;
  }
  /// Negation of `==`.
  friend bool operator!=(const Settable& a, const Settable& b) { return !(a == b); }

 private:
  enum class State : unsigned char { kUnset, kNull, kValue };
  State state_ = State::kUnset;
  std::optional<T> value_;
};

}  // namespace workos
