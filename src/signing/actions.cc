// Copyright workos-cpp authors. Handwritten.
// AuthKit Actions: response signing and request decoding. The response shape follows the
// official SDKs: {"object":"<type>_action_response","payload":{"timestamp":<ms>,
// "verdict":"Allow|Deny"[,"error_message":"..."]},"signature":"<hex>"} where the signature is
// HMAC-SHA256 over "<timestamp>.<compact payload JSON>".

#include <workos/signing/actions.h>

#include "core/json.h"
#include "crypto/hmac.h"
#include "signing/signature_header.h"
#include "signing/utf8.h"

#include <utility>

namespace workos {
namespace actions {

const char* response_object(ActionType type) noexcept {
  return type == ActionType::kUserRegistration ? "user_registration_action_response"
                                               : "authentication_action_response";
}

const char* to_string(Verdict verdict) noexcept {
  return verdict == Verdict::kDeny ? "Deny" : "Allow";
}

std::string ActionResponse::to_json() const {
  detail::json::Writer w;
  w.begin_object();
  w.key("object");
  w.string(object);
  w.key("payload");
  w.raw(payload_json);
  w.key("signature");
  w.string(signature);
  w.end_object();
  return w.take();
}

Result<ActionResponse> sign_response(ActionType type, Verdict verdict,
                                     std::string_view error_message, std::string_view secret,
                                     std::chrono::system_clock::time_point timestamp) {
  if (secret.empty()) {
    return Error(ErrorKind::kInvalidArgument, "the Actions signing secret is empty");
  }
  ActionResponse r;
  r.object = response_object(type);
  r.payload.timestamp = signing::to_unix_ms(timestamp);
  r.payload.verdict = verdict;
  // The official SDKs send error_message only with a Deny verdict.
  if (verdict == Verdict::kDeny && !error_message.empty()) {
    r.payload.error_message = detail::sig::sanitize_utf8(error_message);
  }
  // Key order timestamp, verdict, error_message and compact form: the signature covers these
  // exact bytes, and they equal JSON.stringify's output for the same values.
  detail::json::Writer w;
  w.begin_object();
  w.key("timestamp");
  w.integer(r.payload.timestamp);
  w.key("verdict");
  w.string(to_string(verdict));
  if (r.payload.error_message) {
    w.key("error_message");
    w.string(*r.payload.error_message);
  }
  w.end_object();
  r.payload_json = w.take();
  const std::string t = std::to_string(r.payload.timestamp);
  unsigned char mac[detail::sig::kSha256Size];
  if (!detail::sig::hmac_sha256(secret, {t, ".", r.payload_json}, mac)) {
    // Never an unsigned (empty-signature) response: WorkOS would refuse it anyway.
    return Error(ErrorKind::kCrypto, "the Actions response could not be signed (HMAC failed)");
  }
  r.signature = detail::sig::to_hex(mac, sizeof mac);
  return r;
}

Result<ActionResponse> sign_response(ActionType type, Verdict verdict,
                                     std::string_view error_message, std::string_view secret) {
  return sign_response(type, verdict, error_message, secret, std::chrono::system_clock::now());
}

std::optional<ActionType> ActionContext::type() const noexcept {
  if (object == "authentication_action_context") return ActionType::kAuthentication;
  if (object == "user_registration_action_context") return ActionType::kUserRegistration;
  return std::nullopt;
}

namespace {

using detail::json::DecodeContext;
using detail::json::Value;

// A nested API object kept as JSON text; `null` counts as absent.
void raw_field(DecodeContext& c, std::string_view model, std::string_view name, Value v,
               RawJson& out) {
  if (v.is_null()) return;
  detail::json::field(c, model, name, v, out, false);
}

}  // namespace

// Found by argument-dependent lookup from the json::read templates.
void read(Value v, ActionUserData& out, DecodeContext& c) {
  constexpr std::string_view kModel = "ActionUserData";
  detail::json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields()) {
    if (f.key == "object")
      detail::json::field(c, kModel, "object", f.value, out.object, false);
    else if (f.key == "email")
      detail::json::field(c, kModel, "email", f.value, out.email, true);
    else if (f.key == "name")
      detail::json::field(c, kModel, "name", f.value, out.name, false);
    else if (f.key == "first_name")
      detail::json::field(c, kModel, "first_name", f.value, out.first_name, false);
    else if (f.key == "last_name")
      detail::json::field(c, kModel, "last_name", f.value, out.last_name, false);
  }
}

void read(Value v, ActionContext& out, DecodeContext& c) {
  constexpr std::string_view kModel = "ActionContext";
  detail::json::ObjectReader r(v, c);
  if (!r.ok()) return;
  bool have_id = false, have_object = false;
  for (auto f : r.fields()) {
    const std::string_view k = f.key;
    if (k == "id")
      have_id = detail::json::field(c, kModel, "id", f.value, out.id, true);
    else if (k == "object")
      have_object = detail::json::field(c, kModel, "object", f.value, out.object, true);
    else if (k == "user")
      raw_field(c, kModel, "user", f.value, out.user);
    else if (k == "organization")
      raw_field(c, kModel, "organization", f.value, out.organization);
    else if (k == "organization_membership")
      raw_field(c, kModel, "organization_membership", f.value, out.organization_membership);
    else if (k == "issuer")
      detail::json::field(c, kModel, "issuer", f.value, out.issuer, false);
    else if (k == "user_data")
      detail::json::field(c, kModel, "user_data", f.value, out.user_data, false);
    else if (k == "invitation")
      raw_field(c, kModel, "invitation", f.value, out.invitation);
    else if (k == "authentication_method")
      detail::json::field(c, kModel, "authentication_method", f.value, out.authentication_method,
                          false);
    else if (k == "ip_address")
      detail::json::field(c, kModel, "ip_address", f.value, out.ip_address, false);
    else if (k == "user_agent")
      detail::json::field(c, kModel, "user_agent", f.value, out.user_agent, false);
    else if (k == "device_fingerprint")
      detail::json::field(c, kModel, "device_fingerprint", f.value, out.device_fingerprint, false);
  }
  if (!have_id) c.missing_required(kModel, "id");
  if (!have_object) c.missing_required(kModel, "object");
}

Result<ActionContext> construct_action(std::string_view payload, std::string_view sig_header,
                                       std::string_view secret, std::chrono::milliseconds tolerance,
                                       std::chrono::system_clock::time_point now) {
  return detail::sig::verified<ActionContext>(
      signing::verify_signature_header(payload, sig_header, secret, tolerance, now),
      [&](ActionContext& out) -> Result<void> {
        Result<void> decoded = detail::json::decode_document(payload, "ActionContext", out);
        if (decoded) out.raw = RawJson(std::string(payload));
        return decoded;
      });
}

}  // namespace actions
}  // namespace workos
