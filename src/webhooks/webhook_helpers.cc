// Copyright workos-cpp authors. Handwritten.
// The webhook helpers on `client.webhooks()`: the free functions of <workos/signing/webhooks.h>.

#include <workos/events/models.h>
#include <workos/webhooks/webhook_helpers.h>

namespace workos::webhooks {

Result<Event> WebhookHelpers::construct_event(std::string_view payload, std::string_view sig_header,
                                              std::string_view secret,
                                              std::chrono::milliseconds tolerance,
                                              std::chrono::system_clock::time_point now) const {
  return webhooks::construct_event(payload, sig_header, secret, tolerance, now);
}

}  // namespace workos::webhooks
