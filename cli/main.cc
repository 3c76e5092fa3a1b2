// Copyright workos-cpp authors. Handwritten.
// `workos`: the command-line tool. This file holds the command table, the argument reader, the
// output and the exit codes, and the local helpers that need no network (PKCE, webhook
// signatures, sealed sessions, vault encryption with a given key). docs/cli.md is its manual.

#include <workos/auth/pkce.h>
#include <workos/auth/session_codec.h>
#include <workos/signing/webhooks.h>
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

int fail(const workos::Error& e) {
  return fail(kRejected, "rejected", e.code(), e.message());
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
  std::string cookie = a.need("cookie");
  while (!cookie.empty() && (cookie.back() == '\n' || cookie.back() == '\r')) cookie.pop_back();
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
  std::string blob = a.need("ciphertext");
  while (!blob.empty() && (blob.back() == '\n' || blob.back() == '\r')) blob.pop_back();
  auto plain =
      workos::vault::decrypt_with_key(blob, a.need("data-key"), a.get("context").value_or(""));
  if (!plain) return fail(plain.error());
  print_strings({{"plaintext", *plain}});
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
  };
  return table;
}

// ---- help
// ----------------------------------------------------------------------------------------

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
  w.key("0");
  w.string("success");
  w.key("1");
  w.string("rejected: a signature, cookie or ciphertext did not verify");
  w.key("2");
  w.string("usage: unknown command or flag, missing or malformed argument");
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
      "Exit codes: 0 success, 1 rejected (did not verify), 2 usage.\n"
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
