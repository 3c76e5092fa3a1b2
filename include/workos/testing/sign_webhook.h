// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Signing helpers for users' own tests: produce the `WorkOS-Signature` header WorkOS would send.
///
/// @code
/// std::string body = R"({"id":"event_1","event":"user.created","data":{...}})";
/// std::string header = workos::testing::sign_webhook(body, "whsec_test");
/// auto event = workos::webhooks::construct_event(body, header, "whsec_test");
/// @endcode

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace workos::testing {

/// `WorkOS-Signature` header value `t=<ms>, v1=<hex>` for `payload` signed with `secret` at
/// `timestamp` (default: now). Thread-safe.
std::string sign_webhook(
    std::string_view payload, std::string_view secret,
    std::chrono::system_clock::time_point timestamp = std::chrono::system_clock::now());

/// Same with the timestamp given in milliseconds since the Unix epoch.
std::string sign_webhook_ms(std::string_view payload, std::string_view secret,
                            std::int64_t timestamp_ms);

}  // namespace workos::testing
