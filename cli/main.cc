// Copyright workos-cpp authors. Handwritten.
// `workos`: the command-line tool. This file holds the command table, the argument reader, the
// output and the exit codes, and the local helpers that need no network (PKCE, webhook
// signatures, sealed sessions, vault encryption with a given key). docs/cli.md is its manual.

#include <workos/auth/access_token.h>
#include <workos/auth/pkce.h>
#include <workos/auth/session_codec.h>
#include <workos/client.h>
#include <workos/signing/webhooks.h>
#include <workos/transport.h>
#include <workos/vault/vault_crypto.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"

namespace {

namespace json = workos::detail::json;

// ---- exit codes (docs/cli.md) ----------------------------------------------------------------

enum Exit : int {
  kOk = 0,
  kRejected = 1,  // a verification answered "no": bad signature, stale timestamp, wrong key
  kUsage = 2,     // unknown command or flag, missing or malformed argument
  kAuth = 3,      // the API refused the credentials (401, 403)
  kNotFound = 4,  // 404
  kRateLimited = 5,
  kServer = 6,   // 5xx, or an answer that is not what the API promises
  kNetwork = 7,  // no answer: connection refused or reset, DNS, TLS, timeout
  kApi = 8,      // any other error answer of the API
};

// ---- the command table -----------------------------------------------------------------------

struct Flag {
  const char* name;
  const char* help;
  bool required;
  // A secret is never printed. Its value is read from `env` when the flag is absent; given on
  // the command line it may be `@FILE` or `-` (standard input) to keep it out of process lists.
  const char* env;
};

class Args;
using Runner = int (*)(const Args&);

struct Command {
  const char* group;
  const char* name;
  const char* summary;
  std::vector<Flag> flags;
  Runner run;
};

[[noreturn]] void usage_error(const std::string& message);

class Args {
 public:
  Args(const Command& command, std::map<std::string, std::string> values)
      : command_(command), values_(std::move(values)) {}

  // The flag's value: the command line's (a `@FILE` or `-` read whole), else its environment
  // variable, else nothing.
  std::optional<std::string> get(const std::string& name) const {
    const Flag* flag = find(name);
    if (auto it = values_.find(name); it != values_.end()) return expand(it->second, name);
    if (flag != nullptr && flag->env != nullptr)
      if (const char* v = std::getenv(flag->env)) return std::string(v);
    return std::nullopt;
  }
  std::string need(const std::string& name) const {
    auto v = get(name);
    if (!v) {
      const Flag* flag = find(name);
      usage_error("missing --" + name +
                  (flag != nullptr && flag->env != nullptr
                       ? std::string(" (or the environment variable ") + flag->env + ")"
                       : std::string()));
    }
    return *v;
  }

 private:
  const Flag* find(const std::string& name) const {
    for (const Flag& f : command_.flags)
      if (name == f.name) return &f;
    return nullptr;
  }
  static std::string expand(const std::string& value, const std::string& name) {
    if (value == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
    if (value.size() > 1 && value[0] == '@') {
      std::ifstream in(value.substr(1), std::ios::binary);
      if (!in) usage_error("--" + name + ": cannot read " + value.substr(1));
      std::ostringstream s;
      s << in.rdbuf();
      return s.str();
    }
    return value;
  }
  const Command& command_;
  std::map<std::string, std::string> values_;
};

// ---- output ------------------------------------------------------------------------------------

void print_json(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

// A result made of strings: {"name": "value", ...}.
void print_strings(std::initializer_list<std::pair<const char*, std::string>> members) {
  json::Writer w;
  w.begin_object();
  for (const auto& [name, value] : members) {
    w.key(name);
    w.string(value);
  }
  w.end_object();
  print_json(w.str());
}

// An error as one JSON object on stderr: {"error": {"kind", "code", "message"}}.
int fail(int exit_code, const std::string& kind, const std::string& code,
         const std::string& message) {
  json::Writer w;
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("kind");
  w.string(kind);
  w.key("code");
  w.string(code);
  w.key("message");
  w.string(message);
  w.key("exit_code");
  w.integer(exit_code);
  w.end_object();
  w.end_object();
  std::fprintf(stderr, "%s\n", w.str().c_str());
  return exit_code;
}

[[noreturn]] void usage_error(const std::string& message) {
  std::exit(fail(kUsage, "usage", "usage", message + " (try --help)"));
}

// An SDK error, by kind (and by status for the API's answers).
int fail(const workos::Error& e) {
  using K = workos::ErrorKind;
  switch (e.kind()) {
    case K::kCrypto:
      return fail(kRejected, "rejected", e.code(), e.message());
    case K::kConfiguration:
    case K::kInvalidArgument:
      return fail(kUsage, "usage", e.code(), e.message());
    case K::kConnection:
    case K::kTimeout:
    case K::kCancelled:
      return fail(kNetwork, "network", e.code(), e.message());
    case K::kDecode:
      return fail(kServer, "server", e.code(), e.message());
    case K::kApi:
      break;
  }
  const int status = e.status();
  if (status == 401 || status == 403) return fail(kAuth, "auth", e.code(), e.message());
  if (status == 404) return fail(kNotFound, "not_found", e.code(), e.message());
  if (status == 429) return fail(kRateLimited, "rate_limited", e.code(), e.message());
  if (status >= 500) return fail(kServer, "server", e.code(), e.message());
  return fail(kApi, "api", e.code(), e.message());
}

// A value read from a file or a terminal, without its trailing line break.
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// ---- local helpers -----------------------------------------------------------------------------

std::int64_t integer_flag(const Args& a, const std::string& name, std::int64_t fallback) {
  const auto v = a.get(name);
  if (!v) return fallback;
  std::size_t used = 0;
  try {
    const long long n = std::stoll(*v, &used);
    if (used == v->size()) return n;
  } catch (const std::exception&) {
  }
  usage_error("--" + name + " is not an integer");
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

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
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
  return table;
}

// ---- help
// ----------------------------------------------------------------------------------------

const std::pair<int, const char*> kExitCodes[] = {
    {kOk, "success"},
    {kRejected, "rejected: a signature, token, cookie or ciphertext did not verify"},
    {kUsage, "usage: unknown command or flag, missing or malformed argument"},
    {kAuth, "auth: the API refused the credentials (401, 403)"},
    {kNotFound, "not found (404)"},
    {kRateLimited, "rate limited (429)"},
    {kServer, "server: 5xx, or an answer that does not decode"},
    {kNetwork, "network: no answer (refused, reset, DNS, TLS, timeout)"},
    {kApi, "api: any other error answer"},
};

void help_json(const std::vector<const Command*>& list) {
  json::Writer w;
  w.begin_object();
  w.key("commands");
  w.begin_array();
  for (const Command* c : list) {
    w.begin_object();
    w.key("group");
    w.string(c->group);
    w.key("name");
    w.string(c->name);
    w.key("summary");
    w.string(c->summary);
    w.key("flags");
    w.begin_array();
    for (const Flag& f : c->flags) {
      w.begin_object();
      w.key("name");
      w.string(f.name);
      w.key("help");
      w.string(f.help);
      w.key("required");
      w.boolean(f.required);
      w.key("env");
      if (f.env != nullptr)
        w.string(f.env);
      else
        w.null();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("exit_codes");
  w.begin_object();
  for (const auto& [code, meaning] : kExitCodes) {
    w.key(std::to_string(code));
    w.string(meaning);
  }
  w.end_object();
  w.end_object();
  print_json(w.str());
}

void help_text(const std::vector<const Command*>& list) {
  if (list.size() == 1) {
    const Command& c = *list.front();
    std::printf("workos %s %s — %s\n\nFlags:\n", c.group, c.name, c.summary);
    for (const Flag& f : c.flags)
      std::printf("  --%-16s %s%s%s%s\n", f.name, f.help, f.required ? " Required." : "",
                  f.env != nullptr ? " Default: $" : "", f.env != nullptr ? f.env : "");
    return;
  }
  std::printf(
      "workos — the WorkOS command-line tool\n\n"
      "Usage: workos <group> <command> [--flag value ...]\n"
      "       workos [<group> [<command>]] --help [--json]\n\nCommands:\n");
  for (const Command* c : list) std::printf("  %-10s %-8s %s\n", c->group, c->name, c->summary);
  std::printf(
      "\nOutput is JSON on standard output; errors are one JSON object on standard error.\n"
      "Exit codes: 0 success, 1 rejected (did not verify), 2 usage, 3 auth, 4 not found,\n"
      "5 rate limited, 6 server, 7 network, 8 other API error (--help --json lists them).\n"
      "Secret flags fall back to their environment variable and accept @FILE or - (stdin).\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words;
  std::map<std::string, std::string> flags;
  bool help = false;
  bool as_json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      help = true;
    } else if (a == "--json") {
      as_json = true;
    } else if (a.rfind("--", 0) == 0) {
      const std::size_t eq = a.find('=');
      if (eq != std::string::npos) {
        flags[a.substr(2, eq - 2)] = a.substr(eq + 1);
      } else {
        if (i + 1 >= argc) usage_error(a + " needs a value");
        flags[a.substr(2)] = argv[++i];
      }
    } else {
      words.push_back(a);
    }
  }
  std::vector<const Command*> matching;
  for (const Command& c : commands())
    if ((words.empty() || words[0] == c.group) && (words.size() < 2 || words[1] == c.name))
      matching.push_back(&c);
  if (!help && words.size() == 1) {
    std::string names;
    for (const Command* c : matching) names += std::string(names.empty() ? "" : ", ") + c->name;
    if (matching.empty()) usage_error("unknown command '" + words[0] + "'");
    usage_error("'workos " + words[0] + "' needs a command: " + names);
  }
  if (help || words.empty()) {
    if (matching.empty()) usage_error("unknown command '" + words[0] + "'");
    if (as_json)
      help_json(matching);
    else
      help_text(matching);
    return help ? kOk : kUsage;
  }
  if (words.size() > 2) usage_error("unexpected argument '" + words[2] + "'");
  if (matching.empty()) usage_error("unknown command '" + words[0] + " " + words[1] + "'");
  const Command& command = *matching.front();
  for (const auto& [name, value] : flags) {
    bool known = false;
    for (const Flag& f : command.flags) known = known || name == f.name;
    if (!known) usage_error("unknown flag --" + name + " for '" + words[0] + " " + words[1] + "'");
  }
  return command.run(Args(command, std::move(flags)));
}
