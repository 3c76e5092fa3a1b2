// Copyright workos-cpp authors. Handwritten.
// webhooks::sign: the `WorkOS-Signature` header WorkOS would send (and its testing aliases).

#include <workos/signing/signature.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>

#include <string>

namespace workos {
namespace {

// `t=<timestamp_ms>, v1=<hex>` for `payload` signed with `secret`.
std::string header_at(std::int64_t timestamp_ms, std::string_view payload,
                      std::string_view secret) {
  std::string header = "t=";
  header += std::to_string(timestamp_ms);
  header += ", v1=";
  header += signing::compute_signature(timestamp_ms, payload, secret);
  return header;
}

}  // namespace

std::string webhooks::sign(std::string_view payload, std::string_view secret,
                           std::chrono::system_clock::time_point timestamp) {
  return header_at(signing::to_unix_ms(timestamp), payload, secret);
}

std::string testing::sign_webhook_ms(std::string_view payload, std::string_view secret,
                                     std::int64_t timestamp_ms) {
  return header_at(timestamp_ms, payload, secret);
}

std::string testing::sign_webhook(std::string_view payload, std::string_view secret,
                                  std::chrono::system_clock::time_point timestamp) {
  return webhooks::sign(payload, secret, timestamp);
}

}  // namespace workos
