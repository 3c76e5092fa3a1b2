// Copyright workos-cpp authors. Handwritten.
// Passwordless sessions (not in the OpenAPI spec). Wire format as the official SDKs send it:
// {"type":"MagicLink","email":..,"redirect_uri":..,"state":..,"connection":..,"expires_in":..}.

#include <workos/passwordless/passwordless.h>

#include "passwordless/passwordless_impl.h"
#include "passwordless/passwordless_requests.h"

#include <utility>

namespace workos {

namespace passwordless {

void read(detail::json::Value v, PasswordlessSession& out, detail::json::DecodeContext& c) {
  namespace json = detail::json;
  constexpr std::string_view kModel = "PasswordlessSession";
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  unsigned seen = 0;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (k == "object") {
      if (json::field(c, kModel, "object", f.value, out.object, true)) seen |= 1;
    } else if (k == "id") {
      if (json::field(c, kModel, "id", f.value, out.id, true)) seen |= 2;
    } else if (k == "email") {
      if (json::field(c, kModel, "email", f.value, out.email, true)) seen |= 4;
    } else if (k == "expires_at") {
      if (json::field(c, kModel, "expires_at", f.value, out.expires_at, true)) seen |= 8;
    } else if (k == "link") {
      if (json::field(c, kModel, "link", f.value, out.link, true)) seen |= 16;
    }
  }
  if (!(seen & 1)) c.missing_required(kModel, "object");
  if (!(seen & 2)) c.missing_required(kModel, "id");
  if (!(seen & 4)) c.missing_required(kModel, "email");
  if (!(seen & 8)) c.missing_required(kModel, "expires_at");
  if (!(seen & 16)) c.missing_required(kModel, "link");
}

void read(detail::json::Value v, SendSessionResponse& out, detail::json::DecodeContext& c) {
  namespace json = detail::json;
  constexpr std::string_view kModel = "SendSessionResponse";
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    if (f.key == "success")
      json::field(c, kModel, "success", f.value, out.success, false);
    else if (f.key == "message")
      json::field(c, kModel, "message", f.value, out.message, false);
  }
}

void write(detail::json::Writer& w, const CreateSessionParams& params) {
  namespace json = detail::json;
  w.begin_object();
  json::member(w, "type", params.type);
  json::member(w, "email", params.email);
  json::member(w, "redirect_uri", params.redirect_uri);
  json::member(w, "state", params.state);
  json::member(w, "connection", params.connection_id);
  json::member(w, "expires_in", params.expires_in);
  w.end_object();
}

template class BasicPasswordlessService<SyncMode>;

}  // namespace passwordless

namespace detail::passwordless_requests {

ApiRequest create_session(const passwordless::CreateSessionParams& params) {
  ApiRequest req;
  req.method = "POST";
  req.path = "/passwordless/sessions";
  req.body = json::encode_document(params);
  return req;
}

ApiRequest send_session(std::string_view session_id) {
  ApiRequest req;
  req.method = "POST";
  req.path = "/passwordless/sessions/" + encode_path_segment(session_id) + "/send";
  req.body = "{}";
  return req;
}

}  // namespace detail::passwordless_requests
}  // namespace workos
