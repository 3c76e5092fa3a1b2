// Copyright workos-cpp authors. Handwritten.

#include "receiver.h"

#include <exception>

namespace webhook_receiver {

Receiver::Reply Receiver::handle(std::string_view body, std::string_view signature_header) const {
  return handle(body, signature_header, std::chrono::system_clock::now());
}

Receiver::Reply Receiver::handle(std::string_view body, std::string_view signature_header,
                                 std::chrono::system_clock::time_point now) const {
  // Verify the raw bytes first: nothing of an unauthenticated body is parsed.
  workos::Result<workos::Event> event =
      workos::webhooks::construct_event(body, signature_header, secret_, tolerance_, now);
  if (!event) {
    // Error codes are stable ("signature_mismatch", ...); messages never contain the secret.
    const workos::Error& e = event.error();
    return {400, std::string(R"({"error":")") + e.code() + "\"}"};
  }
  const auto it = handlers_.find(event->tag());
  const Handler* handler = it != handlers_.end() ? &it->second : (other_ ? &other_ : nullptr);
  if (handler != nullptr) {
    try {
      (*handler)(*event);
    } catch (const std::exception&) {
      return {500, R"({"error":"handler_failed"})"};
    }
  }
  return {200, R"({"received":true})"};
}

void Receiver::mount(httplib::Server& server, const std::string& path) const {
  server.Post(path, [this](const httplib::Request& req, httplib::Response& res) {
    const Reply r = handle(req.body, req.get_header_value("WorkOS-Signature"));
    res.status = r.status;
    res.set_content(r.body, "application/json");
  });
}

}  // namespace webhook_receiver
