// Copyright workos-cpp authors. Handwritten.
// webhooks::construct_event: verification, then the generated Event union decoder.

#include <workos/events/models.h>
#include <workos/signing/webhooks.h>

#include "signing/signature_header.h"

namespace workos::webhooks {

Result<Event> construct_event(std::string_view payload, std::string_view sig_header,
                              std::string_view secret, std::chrono::milliseconds tolerance,
                              std::chrono::system_clock::time_point now) {
  return detail::sig::verified<Event>(
      signing::verify_signature_header(payload, sig_header, secret, tolerance, now),
      [&](Event& event) { return from_json(payload, event); });
}

}  // namespace workos::webhooks
