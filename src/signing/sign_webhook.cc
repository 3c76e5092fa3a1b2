// Copyright workos-cpp authors. Handwritten.
// webhooks::sign (and its testing aliases): the header WorkOS would send.

#include <workos/signing/signature.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>

#include <string>

namespace workos {

namespace testing {

std::string sign_webhook_ms(std::string_view payload, std::string_view secret,
                            std::int64_t timestamp_ms) {
  std::string header = "t=";
  header += std::to_string(timestamp_ms);
  header += ", v1=";
  header += signing::compute_signature(timestamp_ms, payload, secret);
  return header;
}

std::string sign_webhook(std::string_view payload, std::string_view secret,
                         std::chrono::system_clock::time_point timestamp) {
  return sign_webhook_ms(payload, secret, signing::to_unix_ms(timestamp));
}

}  // namespace testing

std::string webhooks::sign(std::string_view payload, std::string_view secret,
                           std::chrono::system_clock::time_point timestamp) {
  return testing::sign_webhook(payload, secret, timestamp);
}

}  // namespace workos
