// Copyright workos-cpp authors. Handwritten.
// The local helpers of the `workos` tool, which need no network: PKCE, webhook signatures,
// sealed sessions, vault encryption with a given key, access-token verification.

#include <workos/auth/access_token.h>
#include <workos/auth/pkce.h>
#include <workos/auth/session_codec.h>
#include <workos/signing/webhooks.h>
#include <workos/transport.h>
#include <workos/vault/vault_crypto.h>

#include <chrono>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "core/json.h"

namespace workos_cli {

namespace {

namespace json = workos::detail::json;

// A value read from a file or a terminal, without its trailing line break.
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// ---- local helpers -----------------------------------------------------------------------------

// An integer flag through the frame's conversion (the same check and message as every flag).
std::int64_t integer_flag(const Args& a, const char* name, std::int64_t fallback) {
  std::optional<std::int64_t> value;
  a.set(name, value);
  return value.value_or(fallback);
}

int pkce_generate(const Args& a) {
  const std::int64_t length = integer_flag(a, "length", 43);
  if (length < 0) usage_error("--length must be 43 to 128");
  auto pair = workos::auth::generate_pkce(static_cast<std::size_t>(length));
  if (!pair) usage_error(pair.error().message());
  print_strings({{"code_verifier", pair->code_verifier},
                 {"code_challenge", pair->code_challenge},
                 {"code_challenge_method", pair->code_challenge_method}});
  return kOk;
}

int webhooks_sign(const Args& a) {
  const std::string payload = a.need("payload");
  const std::string secret = a.need("secret");
  const std::int64_t t = integer_flag(a, "timestamp",
                                      std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
  print_strings({{"header", "t=" + std::to_string(t) + ", v1=" +
                                workos::webhooks::compute_signature(t, payload, secret)}});
  return kOk;
}

int webhooks_verify(const Args& a) {
  const std::string payload = a.need("payload");
  const std::string header = a.need("signature");
  const std::string secret = a.need("secret");
  const auto tolerance = std::chrono::seconds(integer_flag(a, "tolerance", 180));
  auto check = workos::webhooks::verify_header(payload, header, secret, tolerance);
  if (!check) return fail(check.error());
  json::Writer w;
  w.begin_object();
  w.key("valid");
  w.boolean(true);
  w.key("timestamp_ms");
  w.integer(check.timestamp_ms());
  w.end_object();
  print_json(w.str());
  return kOk;
}

// The codec named by --format (iron: a password of at least 32 characters; fernet: a key).
std::shared_ptr<const workos::auth::SessionCodec> session_codec(const Args& a) {
  const std::string format = a.get("format").value_or("iron");
  if (format != "iron" && format != "fernet") usage_error("--format is iron or fernet");
  const std::string password = a.need("password");
  auto codec = format == "iron" ? workos::auth::make_iron_codec(password)
                                : workos::auth::make_fernet_codec(password);
  if (!codec) usage_error("--password: " + codec.error().message());
  return *codec;
}

int session_seal(const Args& a) {
  const std::string data = a.need("data");
  auto sealed = session_codec(a)->seal(data);
  if (!sealed) return fail(sealed.error());
  print_strings({{"cookie", *sealed}});
  return kOk;
}

int session_unseal(const Args& a) {
  const std::string cookie = trimmed(a.need("cookie"));
  auto plain = session_codec(a)->unseal(cookie);
  if (!plain) return fail(plain.error());
  print_json(*plain);
  return kOk;
}

int vault_encrypt(const Args& a) {
  auto blob = workos::vault::encrypt_with_key(
      a.need("data"), a.need("data-key"), a.need("encrypted-keys"), a.get("context").value_or(""));
  if (!blob) return fail(blob.error());
  print_strings({{"ciphertext", *blob}});
  return kOk;
}

int vault_decrypt(const Args& a) {
  const std::string blob = trimmed(a.need("ciphertext"));
  auto plain =
      workos::vault::decrypt_with_key(blob, a.need("data-key"), a.get("context").value_or(""));
  if (!plain) return fail(plain.error());
  print_strings({{"plaintext", *plain}});
  return kOk;
}

// A transport that answers every request with one key set: `jwt verify --jwks @FILE`.
class KeySetFile : public workos::Transport {
 public:
  explicit KeySetFile(std::string jwks) : jwks_(std::move(jwks)) {}
  workos::Result<workos::HttpResponse> send(const workos::HttpRequest&) override {
    workos::HttpResponse r;
    r.status = 200;
    r.headers.push_back({"Content-Type", "application/json"});
    r.body = jwks_;
    return r;
  }

 private:
  std::string jwks_;
};

std::int64_t unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

int jwt_verify(const Args& a) {
  const std::string token = trimmed(a.need("token"));
  const std::string jwks = a.need("jwks");
  workos::ClientOptions o;
  o.api_key = "sk_unused_by_jwks_fetches";
  o.client_id = a.get("client-id").value_or("client_unset");
  o.max_retries = 0;
  workos::auth::JwksOptions keys;
  if (!jwks.empty() && jwks.front() == '{') {
    o.transport = std::make_shared<KeySetFile>(jwks);
    keys.url = "https://jwks.invalid/jwks";  // answered by KeySetFile, never fetched
  } else if (jwks.rfind("https://", 0) == 0 || jwks.rfind("http://", 0) == 0) {
    keys.url = trimmed(jwks);
  } else {
    usage_error("--jwks is an http(s) URL or @FILE holding a JSON key set");
  }
  workos::auth::TokenVerifyOptions checks;
  if (auto issuer = a.get("issuer")) checks.issuer = *issuer;
  if (auto audience = a.get("audience")) checks.audience = *audience;
  workos::Client client(o);
  workos::auth::AccessTokenVerifier verifier(client, checks, keys);
  auto claims = verifier.verify(token);
  if (!claims) return fail(claims.error());
  json::Writer w;
  w.begin_object();
  w.key("valid");
  w.boolean(true);
  w.key("kid");
  w.string(claims->kid);
  w.key("exp");
  w.integer(unix_seconds(claims->exp));
  w.key("claims");
  w.raw(claims->raw_json);
  w.end_object();
  print_json(w.str());
  return kOk;
}

}  // namespace

void add_local_commands(std::vector<Command>& table) {
  const Command local[] = {
      {"pkce",
       "generate",
       "A PKCE code verifier and its S256 challenge (RFC 7636).",
       {{"length", "Verifier length, 43 to 128 (default 43).", false, nullptr}},
       pkce_generate},
      {"webhooks",
       "sign",
       "The WorkOS-Signature header for a payload (HMAC-SHA256).",
       {{"payload", "The body: text, @FILE or - (standard input).", true, nullptr},
        {"secret", "The endpoint's signing secret.", true, "WORKOS_WEBHOOK_SECRET"},
        {"timestamp", "Milliseconds since the Unix epoch (default: now).", false, nullptr}},
       webhooks_sign},
      {"webhooks",
       "verify",
       "Checks a WorkOS-Signature header against a payload.",
       {{"payload", "The body exactly as received: text, @FILE or -.", true, nullptr},
        {"signature", "The WorkOS-Signature header.", true, nullptr},
        {"secret", "The endpoint's signing secret.", true, "WORKOS_WEBHOOK_SECRET"},
        {"tolerance", "Accepted clock difference in seconds (default 180).", false, nullptr}},
       webhooks_verify},
      {"session",
       "seal",
       "Seals session JSON into a cookie (iron, as the Node SDK; or Fernet).",
       {{"data", "The session JSON: text, @FILE or -.", true, nullptr},
        {"password", "Cookie password (iron) or Fernet key.", true, "WORKOS_COOKIE_PASSWORD"},
        {"format", "iron (default) or fernet.", false, nullptr}},
       session_seal},
      {"session",
       "unseal",
       "Opens a sealed session cookie and prints its JSON.",
       {{"cookie", "The cookie value: text, @FILE or -.", true, nullptr},
        {"password", "Cookie password (iron) or Fernet key.", true, "WORKOS_COOKIE_PASSWORD"},
        {"format", "iron (default) or fernet.", false, nullptr}},
       session_unseal},
      {"vault",
       "encrypt",
       "Encrypts with a data key (AES-256-GCM, as the WorkOS SDKs).",
       {{"data", "The plaintext: text, @FILE or -.", true, nullptr},
        {"data-key", "The data key, base64 of 32 bytes.", true, "WORKOS_VAULT_DATA_KEY"},
        {"encrypted-keys", "The encrypted data keys (base64) stored with the value.", true,
         nullptr},
        {"context", "Associated data, authenticated but not stored.", false, nullptr}},
       vault_encrypt},
      {"vault",
       "decrypt",
       "Decrypts a value with its data key.",
       {{"ciphertext", "The encrypted value: text, @FILE or -.", true, nullptr},
        {"data-key", "The data key, base64 of 32 bytes.", true, "WORKOS_VAULT_DATA_KEY"},
        {"context", "The associated data given at encryption.", false, nullptr}},
       vault_decrypt},
      {"jwt",
       "verify",
       "Verifies an RS256 access token against a key set (signature, times).",
       {{"token", "The token: text, @FILE or -.", true, nullptr},
        {"jwks", "The key set: an http(s) URL, or @FILE holding its JSON.", true, nullptr},
        {"issuer", "Expected iss (default: not checked).", false, nullptr},
        {"audience", "Expected aud (default: not checked).", false, nullptr},
        {"client-id", "Client id the key set belongs to.", false, "WORKOS_CLIENT_ID"}},
       jwt_verify},
  };
  table.insert(table.end(), std::begin(local), std::end(local));
}

}  // namespace workos_cli
