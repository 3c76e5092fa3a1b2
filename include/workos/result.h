// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::Result<T>`: an expected-like value holding either a `T` or a `workos::Error`,
/// plus (for values decoded from an HTTP answer) the response metadata.

#include <workos/error.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace workos {

/// Metadata of the HTTP answer a value was decoded from. Shared, immutable.
struct ResponseInfo {
  /// HTTP status of the answer.
  int status = 0;
  /// Response headers in arrival order; names as received.
  std::vector<std::pair<std::string, std::string>> headers;
  /// The body exactly as received (the raw JSON text of the decoded value).
  std::string body;
  /// What decoding the body noticed: each required field the answer lacked or sent as `null`
  /// (`"Organization.name: required field missing; default kept"`). Empty for a complete
  /// answer. With `ClientOptions::strict_decoding` such an answer is a `DecodeError` instead.
  std::vector<std::string> decode_warnings;
  /// Value of the first header named `name` (case-insensitive), or empty.
  std::string_view header(std::string_view name) const noexcept;
  /// The `X-Request-ID` header, or empty.
  std::string_view request_id() const noexcept { return header("x-request-id"); }
};

namespace detail {
/// The SDK's own access to the internal cores that public types keep private
/// (src/core/core_access.h).
struct CoreAccess;

/// Throws the typed exception for `error`, or aborts when exceptions are disabled.
[[noreturn]] inline void fail_value(const Error& error) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  throw_error(error);
#else
  abort_with_error(error);
#endif
}
}  // namespace detail

/// Either a `T` or an `Error`. Thread-safe to read; not synchronized for writes.
///
/// @code
/// workos::Result<workos::Organization> r = client.organizations().get_organization("org_1");
/// if (r) use(r->name); else log(r.error().message());
/// auto org = client.organizations().get_organization("org_1").value();  // throws on error
/// @endcode
template <class T>
class [[nodiscard]] Result {
  static_assert(!std::is_reference_v<T>, "Result<T&> is not supported");

 public:
  /// The value type.
  using value_type = T;

  /// A result holding `value`.
  Result(const T& value) : value_(value) {}  // NOLINT(google-explicit-constructor)
  /// A result holding `value` (moved).
  Result(T&& value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// A failed result.
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  /// A value decoded from the HTTP answer `response`.
  Result(T value, std::shared_ptr<const ResponseInfo> response)
      : value_(std::move(value)), response_(std::move(response)) {}

  /// True when the call succeeded.
  bool has_value() const noexcept { return value_.has_value(); }
  /// Same as `has_value()`.
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws the typed `WorkOSError` subclass (or aborts without exceptions).
  T& value() & {
    if (!value_) detail::fail_value(*error_);
    return *value_;
  }
  /// The value; throws the typed `WorkOSError` subclass (or aborts without exceptions).
  const T& value() const& {
    if (!value_) detail::fail_value(*error_);
    return *value_;
  }
  /// The value, moved out; throws (or aborts) on an error.
  T&& value() && {
    if (!value_) detail::fail_value(*error_);
    return std::move(*value_);
  }
  /// Unchecked access; the result must hold a value.
  T& operator*() & noexcept { return *value_; }
  /// Unchecked access; the result must hold a value.
  const T& operator*() const& noexcept { return *value_; }
  /// Unchecked access (moved out); the result must hold a value.
  T&& operator*() && noexcept { return std::move(*value_); }
  /// Unchecked member access; the result must hold a value.
  T* operator->() noexcept { return &*value_; }
  /// Unchecked member access; the result must hold a value.
  const T* operator->() const noexcept { return &*value_; }

  /// The value, or `fallback` converted to `T` when the call failed.
  template <class U>
  T value_or(U&& fallback) const& {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }
  /// The value (moved out), or `fallback` converted to `T` when the call failed.
  template <class U>
  T value_or(U&& fallback) && {
    return value_ ? std::move(*value_) : static_cast<T>(std::forward<U>(fallback));
  }

  /// The error; the result must hold one (`!has_value()`).
  const Error& error() const noexcept { return *error_; }

  /// The HTTP answer the value was decoded from (raw JSON, headers, request id); null for
  /// values made locally or when the result holds an error (see `Error` for its metadata).
  const ResponseInfo* response() const noexcept { return response_.get(); }
  /// Shared handle to `response()`.
  const std::shared_ptr<const ResponseInfo>& response_ptr() const noexcept { return response_; }

 private:
  std::optional<T> value_;
  std::optional<Error> error_;
  std::shared_ptr<const ResponseInfo> response_;
};

/// A result without a value: success, or an `Error`.
template <>
class [[nodiscard]] Result<void> {
 public:
  /// No value.
  using value_type = void;

  /// A successful result.
  Result() = default;
  /// A failed result.
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  /// A success carrying the HTTP answer it came from.
  explicit Result(std::shared_ptr<const ResponseInfo> response) : response_(std::move(response)) {}

  /// True when the call succeeded.
  bool has_value() const noexcept { return !error_.has_value(); }
  /// Same as `has_value()`.
  explicit operator bool() const noexcept { return has_value(); }
  /// Throws the typed error (or aborts without exceptions) if the call failed.
  void value() const {
    if (error_) detail::fail_value(*error_);
  }
  /// The error; the result must hold one (`!has_value()`).
  const Error& error() const noexcept { return *error_; }
  /// The HTTP answer (headers, request id), or null.
  const ResponseInfo* response() const noexcept { return response_.get(); }

 private:
  std::optional<Error> error_;
  std::shared_ptr<const ResponseInfo> response_;
};

}  // namespace workos
