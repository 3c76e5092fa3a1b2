// Copyright workos-cpp authors. Handwritten.
// webhooks::construct_event: verification, then the generated Event union decoder.

#include <workos/events/models.h>
#include <workos/signing/webhooks.h>

namespace workos::webhooks {

Result<Event> construct_event(std::string_view payload, std::string_view sig_header,
                              std::string_view secret, std::chrono::milliseconds tolerance,
                              std::chrono::system_clock::time_point now) {
  signing::VerifyResult check =
      signing::verify_signature_header(payload, sig_header, secret, tolerance, now);
  if (!check) return check.error();
  Event event;
  Result<void> decoded = from_json(payload, event);
  if (!decoded) return decoded.error();
  return event;
}

Result<Event> construct_event(std::string_view payload, std::string_view sig_header,
                              std::string_view secret, std::chrono::milliseconds tolerance) {
  return construct_event(payload, sig_header, secret, tolerance, std::chrono::system_clock::now());
}

}  // namespace workos::webhooks
