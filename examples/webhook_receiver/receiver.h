// Copyright workos-cpp authors. Handwritten.
#pragma once

// examples/webhook_receiver: a WorkOS webhook endpoint on cpp-httplib. It verifies each
// delivery's `WorkOS-Signature` on the raw body, decodes the event and dispatches on its type.

#include <workos/events/models.h>
#include <workos/signing/webhooks.h>

#include <httplib.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace webhook_receiver {

/// Verifies and dispatches deliveries. Register handlers before serving; `handle` is then
/// thread-safe (httplib calls it from its worker threads).
class Receiver {
 public:
  using Handler = std::function<void(const workos::Event&)>;

  /// The answer to one delivery.
  struct Reply {
    int status = 200;
    std::string body;
  };

  explicit Receiver(std::string secret,
                    std::chrono::milliseconds tolerance = workos::webhooks::kDefaultTolerance)
      : secret_(std::move(secret)), tolerance_(tolerance) {}

  /// Calls `handler` for events of type `event_type` (e.g. "user.created").
  void on(std::string event_type, Handler handler) {
    handlers_[std::move(event_type)] = std::move(handler);
  }
  /// Calls `handler` for every verified event without a specific handler (unknown types too).
  void on_other(Handler handler) { other_ = std::move(handler); }

  /// Verifies, decodes and dispatches one delivery; 400 when the signature or the body is bad,
  /// 500 when a handler throws, else 200. WorkOS retries non-2xx deliveries.
  Reply handle(std::string_view body, std::string_view signature_header) const;
  /// Same with an explicit "now" (tests).
  Reply handle(std::string_view body, std::string_view signature_header,
               std::chrono::system_clock::time_point now) const;

  /// Serves `POST <path>` on `server`.
  void mount(httplib::Server& server, const std::string& path = "/webhooks") const;

 private:
  std::string secret_;
  std::chrono::milliseconds tolerance_;
  std::map<std::string, Handler, std::less<>> handlers_;
  Handler other_;
};

}  // namespace webhook_receiver
