// Copyright workos-cpp authors. Handwritten.
// The frame of the `workos` command-line tool (cli.h): arguments, the client of the connection
// flags and the profile file, output as JSON or a table, paging, errors.

#include "cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/json.h"

namespace workos_cli {

namespace json = workos::detail::json;

// ---- output and errors -----------------------------------------------------------------------

void print_json(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

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

namespace {

// Text for the error object: invalid UTF-8 (a malformed argument echoed in a message) becomes
// `?`, so the object stays valid JSON.
std::string utf8(std::string text) {
  if (simdjson::validate_utf8(text.data(), text.size())) return text;
  for (char& ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
  return text;
}

int fail_with(int exit_code, const std::string& kind, const std::string& code,
              const std::string& message, int status, const std::string& request_id) {
  json::Writer w;
  w.begin_object();
  w.key("error");
  w.begin_object();
  w.key("kind");
  w.string(kind);
  w.key("code");
  w.string(utf8(code));
  w.key("message");
  w.string(utf8(message));
  w.key("exit_code");
  w.integer(exit_code);
  if (status != 0) {
    w.key("status");
    w.integer(status);
  }
  if (!request_id.empty()) {
    w.key("request_id");
    w.string(request_id);
  }
  w.end_object();
  w.end_object();
  std::fprintf(stderr, "%s\n", w.str().c_str());
  return exit_code;
}

}  // namespace

int fail(int exit_code, const std::string& kind, const std::string& code,
         const std::string& message) {
  return fail_with(exit_code, kind, code, message, 0, "");
}

[[noreturn]] void usage_error(const std::string& message) {
  std::exit(fail(kUsage, "usage", "usage", message + " (try --help)"));
}

namespace {

// The error's code: the API's (`code`, else `error`), else the SDK's class of failure.
std::string code_of(const workos::Error& e) {
  if (!e.code().empty()) return e.code();
  if (!e.info().error.empty()) return e.info().error;
  using K = workos::ErrorKind;
  switch (e.kind()) {
    case K::kApi:
      return "http_" + std::to_string(e.status());
    case K::kConfiguration:
      return "configuration";
    case K::kConnection:
      return "connection";
    case K::kTimeout:
      return "timeout";
    case K::kDecode:
      return "decode";
    case K::kCancelled:
      return "cancelled";
    case K::kInvalidArgument:
      return "invalid_argument";
    case K::kCrypto:
      break;
  }
  return "crypto";
}

}  // namespace

int fail(const workos::Error& e) {
  using K = workos::ErrorKind;
  const auto out = [&](int exit_code, const char* kind) {
    return fail_with(exit_code, kind, code_of(e), e.message(), e.status(), e.request_id());
  };
  switch (e.kind()) {
    case K::kCrypto:
      return out(kRejected, "rejected");
    case K::kConfiguration:
    case K::kInvalidArgument:
      return out(kUsage, "usage");
    case K::kConnection:
    case K::kTimeout:
    case K::kCancelled:
      return out(kNetwork, "network");
    case K::kDecode:
      return out(kServer, "server");
    case K::kApi:
      break;
  }
  const int status = e.status();
  if (status == 401 || status == 403) return out(kAuth, "auth");
  if (status == 404) return out(kNotFound, "not_found");
  if (status == 429) return out(kRateLimited, "rate_limited");
  if (status >= 500) return out(kServer, "server");
  return out(kApi, "api");
}

// ---- arguments -------------------------------------------------------------------------------

namespace {

const Flag* find_flag(const Command& command, const std::string& name) {
  for (const Flag& f : command.flags)
    if (name == f.name) return &f;
  if (command.traits & kApiCall)
    for (const Flag& f : api_flags(command.traits))
      if (name == f.name) return &f;
  return nullptr;
}

// A flag's value: `-` is standard input, `@FILE` the file's bytes, `@@...` a literal `@...`.
// A secret (a flag with an environment variable) loses a trailing line break, as a key file
// written by `echo` has one, and may not be empty.
std::string expand(const std::string& value, const std::string& name, bool secret) {
  std::string out;
  if (value == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else if (value.rfind("@@", 0) == 0) {
    out = value.substr(1);
  } else if (value.size() > 1 && value[0] == '@') {
    std::ifstream in(value.substr(1), std::ios::binary);
    if (!in) usage_error("--" + name + ": cannot read " + value.substr(1));
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
  } else {
    out = value;
  }
  if (secret) {
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (out.empty()) usage_error("--" + name + " is empty");
  }
  return out;
}

}  // namespace

std::optional<std::string> Args::get(const std::string& name) const {
  const Flag* flag = find_flag(command_, name);
  if (auto it = values_.find(name); it != values_.end())
    return expand(it->second, name, flag != nullptr && flag->env != nullptr);
  if (flag != nullptr && flag->env != nullptr)
    if (const char* v = std::getenv(flag->env)) return std::string(v);
  return std::nullopt;
}

std::string Args::need(const std::string& name) const {
  auto v = get(name);
  if (!v) {
    const Flag* flag = find_flag(command_, name);
    usage_error("missing --" + name +
                (flag != nullptr && flag->env != nullptr
                     ? std::string(" (or the environment variable ") + flag->env + ")"
                     : std::string()));
  }
  return *v;
}

bool Args::any(std::initializer_list<const char*> names) const {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return has(n); });
}

bool Args::table_output() const {
  if (json_) return false;
  return table_ || isatty(STDOUT_FILENO) == 1;
}

void Args::convert(const char*, const std::string& text, std::string& out) const {
  out = text;
}

void Args::convert(const char* name, const std::string& text, std::int64_t& out) const {
  std::size_t used = 0;
  try {
    out = std::stoll(text, &used);
    if (used == text.size()) return;
  } catch (const std::exception&) {
  }
  usage_error(std::string("--") + name + " is not an integer");
}

void Args::convert(const char* name, const std::string& text, double& out) const {
  std::size_t used = 0;
  try {
    out = std::stod(text, &used);
    if (used == text.size()) return;
  } catch (const std::exception&) {
  }
  usage_error(std::string("--") + name + " is not a number");
}

// The value itself is not repeated (as in usage errors: it may be a secret given to the wrong
// flag).
void Args::note_unknown_value(const char* name) {
  std::fprintf(stderr, "note: --%s: not a value this version knows (see --help); sent as given\n",
               name);
}

void Args::convert(const char* name, const std::string& text, bool& out) const {
  if (text != "true" && text != "false")
    usage_error(std::string("--") + name + " is true or false");
  out = text == "true";
}

void Args::convert(const char*, const std::string& text, workos::Timestamp& out) const {
  out = workos::Timestamp(text);
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

void Args::set(const char* name, std::optional<std::map<std::string, std::string>>& out) const {
  const std::string prefix = std::string(name) + ".";
  for (const auto& [flag, value] : values_) {
    if (flag.rfind(prefix, 0) != 0) continue;
    if (!out) out.emplace();
    (*out)[flag.substr(prefix.size())] = expand(value, flag, false);
  }
}

// ---- the request body ------------------------------------------------------------------------

namespace {

// A body member from a flag: `segments` is its path below the body (one for a plain flag, more
// for a dotted one), `json` its value as JSON text.
struct Member {
  std::vector<std::string> segments;
  std::string json;
};

std::string member_json(const Flag& flag, const std::string& name, const std::string& text) {
  json::Writer w;
  switch (flag.kind) {
    case Kind::kInteger:
    case Kind::kNumber:
    case Kind::kBoolean:
    case Kind::kJson: {
      simdjson::dom::parser parser;
      simdjson::dom::element e;
      if (parser.parse(text).get(e) != simdjson::SUCCESS)
        usage_error("--" + name + " is not valid JSON");
      const bool ok = flag.kind == Kind::kJson ||
                      (flag.kind == Kind::kInteger && (e.is_int64() || e.is_uint64())) ||
                      (flag.kind == Kind::kNumber && e.is_number()) ||
                      (flag.kind == Kind::kBoolean && e.is_bool());
      if (!ok) {
        const char* what = flag.kind == Kind::kInteger  ? "an integer"
                           : flag.kind == Kind::kNumber ? "a number"
                                                        : "true or false";
        usage_error("--" + name + " is " + what);
      }
      return simdjson::minify(e);
    }
    case Kind::kList:
      w.begin_array();
      for (const std::string& item : split(text)) w.string(item);
      w.end_array();
      return w.take();
    case Kind::kText:
    case Kind::kMap:
    case Kind::kSwitch:
      break;
  }
  w.string(text);
  return w.take();
}

// Writes the object `base` (may be null) with `members` laid over it, recursively by path.
void write_merged(json::Writer& w, const simdjson::dom::element* base,
                  const std::vector<Member>& members, std::size_t depth) {
  std::vector<std::string> order;  // member names in first-seen order
  std::map<std::string, std::vector<Member>> below;
  std::map<std::string, std::string> leaf;
  for (const Member& m : members) {
    const std::string& key = m.segments[depth];
    if (!below.count(key) && !leaf.count(key)) order.push_back(key);
    if (m.segments.size() == depth + 1)
      leaf[key] = m.json;
    else
      below[key].push_back(m);
  }
  for (const auto& [key, json] : leaf)
    if (below.count(key) != 0)
      usage_error("the body member '" + key + "' is given whole and member by member");
  w.begin_object();
  simdjson::dom::object object;
  const bool has_base = base != nullptr && base->get(object) == simdjson::SUCCESS;
  if (has_base) {
    for (auto field : object) {
      const std::string key(field.key);
      if (leaf.count(key) || below.count(key)) continue;
      w.key(key);
      w.raw(simdjson::minify(field.value));
    }
  }
  for (const std::string& key : order) {
    w.key(key);
    if (auto it = leaf.find(key); it != leaf.end()) {
      w.raw(it->second);
      continue;
    }
    simdjson::dom::element inner;
    const bool nested = has_base && object[key].get(inner) == simdjson::SUCCESS;
    write_merged(w, nested ? &inner : nullptr, below[key], depth + 1);
  }
  w.end_object();
}

}  // namespace

std::string Args::body_json() const {
  std::vector<Member> members;
  for (const auto& [name, value] : values_) {
    const std::size_t dot = name.find('.');
    const Flag* flag = find_flag(command_, name.substr(0, dot));
    if (flag == nullptr || flag->body == nullptr) continue;
    Member m;
    m.segments.push_back(flag->body);
    if (dot == std::string::npos) {
      m.json = member_json(*flag, name, expand(value, name, flag->env != nullptr));
    } else {
      for (std::size_t start = dot + 1; start <= name.size();) {
        const std::size_t next = std::min(name.find('.', start), name.size());
        m.segments.push_back(name.substr(start, next - start));
        start = next + 1;
      }
      json::Writer w;
      w.string(expand(value, name, false));
      m.json = w.take();
    }
    members.push_back(std::move(m));
  }
  simdjson::dom::parser parser;
  simdjson::dom::element data;
  const std::optional<std::string> text = get("data");
  if (text) {
    if (parser.parse(*text).get(data) != simdjson::SUCCESS || !data.is_object())
      usage_error("--data is not a JSON object");
  }
  // Members neither the flags nor --data give: a flag's environment variable, else the
  // connection's credentials (client_id: the client id; client_secret: the API key).
  for (const Flag& f : command_.flags) {
    simdjson::dom::element present;
    if (f.body == nullptr || has(f.name) ||
        (text && data[f.body].get(present) == simdjson::SUCCESS))
      continue;
    std::optional<std::string> value;
    if (f.env != nullptr)
      if (const char* v = std::getenv(f.env)) value = v;
    const std::string member = f.body;
    if (!value && member == "client_id" && !client().client_id().empty())
      value = client().client_id();
    if (!value && member == "client_secret" && !client().options().api_key.empty())
      value = client().options().api_key;
    if (!value) continue;
    json::Writer w;
    w.string(*value);
    members.push_back(Member{{member}, w.take()});
  }
  for (const Flag& f : command_.flags) {
    if (f.body == nullptr || !f.required) continue;
    const bool in_flags = std::any_of(members.begin(), members.end(), [&](const Member& m) {
      return m.segments.front() == f.body;
    });
    simdjson::dom::element present;
    const bool in_data = text && data[f.body].get(present) == simdjson::SUCCESS;
    if (!in_flags && !in_data) usage_error(std::string("missing --") + f.name + " (or in --data)");
  }
  json::Writer w;
  write_merged(w, text ? &data : nullptr, members, 0);
  return w.take();
}

// ---- the client ------------------------------------------------------------------------------

namespace {

// The profile file: `--config`, else $WORKOS_CONFIG, else $XDG_CONFIG_HOME/workos/config.json,
// else ~/.config/workos/config.json. A JSON object of profiles:
//   {"default": {"api_key": "sk_...", "client_id": "client_...", "base_url": "https://..."}}
std::string profile_path(const Args& a) {
  if (auto given = a.get("config")) return *given;
  if (const char* v = std::getenv("WORKOS_CONFIG")) return v;
  if (const char* v = std::getenv("XDG_CONFIG_HOME"); v != nullptr && *v != '\0')
    return std::string(v) + "/workos/config.json";
  if (const char* home = std::getenv("HOME"))
    return std::string(home) + "/.config/workos/config.json";
  return "";
}

// Fills the options the command line and the environment left empty from the profile. A
// profile file that others can read is refused, as ssh refuses such a key.
void apply_profile(const Args& a, workos::ClientOptions& o) {
  const std::string path = profile_path(a);
  const std::string name = a.get("profile").value_or("default");
  struct stat st {};
  if (path.empty() || stat(path.c_str(), &st) != 0) {
    if (a.has("config") || a.has("profile")) usage_error("no profile file at " + path);
    return;
  }
  if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    usage_error("the profile file " + path + " may be read by others (mode " + mode +
                "); run: chmod 600 " + path);
  }
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::object profile;
  if (parser.parse(text).get(root) != simdjson::SUCCESS)
    usage_error("the profile file " + path + " is not JSON");
  if (root[name].get(profile) != simdjson::SUCCESS)
    usage_error("the profile file " + path + " has no profile '" + name + "'");
  const auto fill = [&](const char* key, const char* env, std::string& out) {
    std::string_view v;
    if (!out.empty() || std::getenv(env) != nullptr) return;
    if (profile[key].get(v) == simdjson::SUCCESS) out = std::string(v);
  };
  fill("api_key", "WORKOS_API_KEY", o.api_key);
  fill("client_id", "WORKOS_CLIENT_ID", o.client_id);
  fill("base_url", "WORKOS_BASE_URL", o.base_url);
}

}  // namespace

const workos::Client& Args::client() const {
  if (client_) return *client_;
  workos::ClientOptions o;
  if (auto key = get("api-key")) o.api_key = *key;
  if (auto url = get("base-url")) o.base_url = *url;
  if (auto id = get("client-id")) o.client_id = *id;
  if (has("max-retries")) {
    std::int64_t retries = 0;
    convert("max-retries", *get("max-retries"), retries);
    if (retries < 0 || retries > 10) usage_error("--max-retries is 0 to 10");
    o.max_retries = static_cast<int>(retries);
  }
  if (has("timeout")) {
    double seconds = 0;
    convert("timeout", *get("timeout"), seconds);
    if (!(seconds > 0 && seconds <= 3600)) usage_error("--timeout is more than 0 and at most 3600");
    o.deadline = std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
  }
  apply_profile(*this, o);
  workos::Result<workos::Client> made = workos::Client::create(std::move(o));
  if (!made) std::exit(fail(made.error()));
  client_.emplace(*std::move(made));
  return *client_;
}

const std::vector<Flag>& api_flags(unsigned traits) {
  static const std::vector<Flag> connection = {
      {"api-key", "API key (sk_...): text, @FILE or -.", false, "WORKOS_API_KEY"},
      {"client-id", "Client id (client_...).", false, "WORKOS_CLIENT_ID"},
      {"base-url", "API base URL (default https://api.workos.com).", false, "WORKOS_BASE_URL"},
      {"profile", "Profile of the profile file (default: default).", false, "WORKOS_PROFILE"},
      {"config", "Profile file (default ~/.config/workos/config.json).", false, nullptr},
      {"max-retries", "Retries of a failed attempt (default 3).", false, nullptr, Kind::kInteger},
      {"timeout", "Seconds each API call may take, retries included (default: 60 per attempt).",
       false, nullptr, Kind::kNumber},
  };
  static const std::vector<Flag> body = {
      {"data", "The request body as JSON: text, @FILE or -; flags override its members."}};
  static const std::vector<Flag> paged = {
      {"all", "Fetch every following page and print all items as one list.", false, nullptr,
       Kind::kSwitch}};
  static const std::vector<Flag> token = {
      {"access-token", "The user's access token: text, @FILE or -.", true, "WORKOS_ACCESS_TOKEN"}};
  static std::map<unsigned, std::vector<Flag>> cache;
  auto it = cache.find(traits);
  if (it != cache.end()) return it->second;
  std::vector<Flag> out = connection;
  if (traits & kBody) out.insert(out.end(), body.begin(), body.end());
  if (traits & kPaged) out.insert(out.end(), paged.begin(), paged.end());
  if (traits & kAccessToken) out.insert(out.end(), token.begin(), token.end());
  return cache.emplace(traits, std::move(out)).first->second;
}

std::vector<Flag> all_flags(const Command& c) {
  std::vector<Flag> out = c.flags;
  if (c.traits & kApiCall)
    for (const Flag& shared : api_flags(c.traits))
      if (std::none_of(c.flags.begin(), c.flags.end(),
                       [&](const Flag& own) { return std::string(own.name) == shared.name; }))
        out.push_back(shared);
  return out;
}

std::string command_words(const Command& c) {
  return std::string(c.group) + (*c.name != '\0' ? std::string(" ") + c.name : "");
}

// ---- answers ---------------------------------------------------------------------------------

namespace {

void print_request_id(const workos::ResponseInfo* response) {
  if (response == nullptr) return;
  const std::string_view id = response->request_id();
  if (!id.empty())
    std::fprintf(stderr, "request-id: %.*s\n", static_cast<int>(id.size()), id.data());
}

// Text for a terminal: control characters (an escape sequence in a name the API returned)
// shown as `?` instead of reaching the terminal.
std::string printable(std::string text) {
  for (char& ch : text)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
  return text;
}

// A cell's text: strings as they are, other scalars as JSON, containers as JSON (cut short in a
// list's columns when `cut`).
std::string cell(simdjson::dom::element e, bool cut) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return printable(std::string(s));
  if (e.is_null()) return "";
  std::string text = simdjson::minify(e);
  if (cut && text.size() > 48) text = text.substr(0, 45) + "...";
  return printable(std::move(text));
}

void print_rows(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], row[i].size());
    }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - row[i].size() + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

// A list as a table: the command's columns (or every scalar member of the first item).
void print_list_table(const Args& a, simdjson::dom::array items) {
  std::vector<std::string> columns;
  if (const char* chosen = a.command().columns) {
    columns = split(chosen);
  } else if (items.size() > 0) {
    simdjson::dom::object first;
    if (items.at(0).get(first) == simdjson::SUCCESS)
      for (auto field : first)
        if (!field.value.is_object() && !field.value.is_array()) columns.emplace_back(field.key);
  }
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back();
  for (const std::string& c : columns) {
    std::string head = c;
    std::transform(head.begin(), head.end(), head.begin(), ::toupper);
    rows.back().push_back(printable(head));
  }
  for (simdjson::dom::element item : items) {
    rows.emplace_back();
    for (const std::string& c : columns) {
      simdjson::dom::element v;
      rows.back().push_back(item[c].get(v) == simdjson::SUCCESS ? cell(v, true) : "");
    }
  }
  print_rows(rows);
  std::printf("(%zu item%s)\n", items.size(), items.size() == 1 ? "" : "s");
}

void print_table(const Args& a, std::string_view body, bool list) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS) {
    std::printf("%.*s\n", static_cast<int>(body.size()), body.data());
    return;
  }
  simdjson::dom::array items;
  if ((list && root.get(items) == simdjson::SUCCESS) ||
      (!list && root["object"].is_string() && std::string_view(root["object"]) == "list" &&
       root["data"].get(items) == simdjson::SUCCESS)) {
    print_list_table(a, items);
    return;
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    std::printf("%s\n", cell(root, false).c_str());
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (auto field : object)
    rows.push_back({printable(std::string(field.key)), cell(field.value, false)});
  print_rows(rows);
}

}  // namespace

int print_answer(const Args& a, const workos::ResponseInfo* response, bool list) {
  const std::string body = response != nullptr ? response->body : std::string();
  if (a.table_output())
    print_table(a, body.empty() ? std::string_view("null") : std::string_view(body), list);
  else
    print_json(body.empty() ? "null" : body);
  print_request_id(response);
  return kOk;
}

int print_document(const Args& a, const std::string& json) {
  if (a.table_output())
    print_table(a, json, false);
  else
    print_json(json);
  return kOk;
}

int print_url(const std::string& url) {
  print_strings({{"url", url}});
  return kOk;
}

int finish(const Args& a, const workos::Result<void>& r) {
  if (!r) return fail(r.error());
  if (!a.table_output()) print_json("{}");
  print_request_id(r.response());
  return kOk;
}

namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Pages::Pages(const Args& a) : args_(a), started_ns_(now_ns()), shown_ns_(started_ns_) {}

void Pages::add(const workos::ResponseInfo* response) {
  ++pages_;
  if (response != nullptr) {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::dom::array data;
    if (parser.parse(response->body).get(root) == simdjson::SUCCESS &&
        (root.get(data) == simdjson::SUCCESS || root["data"].get(data) == simdjson::SUCCESS))
      for (simdjson::dom::element item : data) items_.push_back(simdjson::minify(item));
    const std::string_view id = response->request_id();
    if (!id.empty()) request_ids_ += (request_ids_.empty() ? "" : ", ") + std::string(id);
  }
  progress(false);
}

// The progress line on standard error: rewritten in place on a terminal (at most ten times a
// second), a line a second otherwise; the last one always.
void Pages::progress(bool last) {
  const std::int64_t now = now_ns();
  const bool tty = isatty(STDERR_FILENO) == 1;
  if (!last && now - shown_ns_ < (tty ? 100'000'000 : 1'000'000'000)) return;
  shown_ns_ = now;
  const double seconds = static_cast<double>(now - started_ns_) / 1e9;
  std::fprintf(stderr, "%s%zu items, %zu page%s, %.0f items/s%s", tty ? "\r" : "", items_.size(),
               pages_, pages_ == 1 ? "" : "s",
               seconds > 0 ? static_cast<double>(items_.size()) / seconds : 0.0,
               tty && !last ? "" : "\n");
  std::fflush(stderr);
}

workos::Error repeated_cursor(const std::string& cursor) {
  return workos::Error(
      workos::ErrorKind::kDecode,
      "--all stopped: the server returned the list cursor '" + cursor + "' a second time");
}

int Pages::finish() {
  progress(true);
  json::Writer w;
  w.begin_object();
  w.key("object");
  w.string("list");
  w.key("data");
  w.begin_array();
  for (const std::string& item : items_) w.raw(item);
  w.end_array();
  w.end_object();
  if (args_.table_output())
    print_table(args_, w.str(), false);
  else
    print_json(w.str());
  if (!request_ids_.empty()) std::fprintf(stderr, "request-id: %s\n", request_ids_.c_str());
  return kOk;
}

}  // namespace workos_cli
