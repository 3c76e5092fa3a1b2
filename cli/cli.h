// Copyright workos-cpp authors. Handwritten.
// The frame of the `workos` command-line tool: the command table, the argument reader, the
// output (JSON or a table) and the exit codes. The local helpers (local.cc) and the generated
// API commands (cli/generated/, one runner per operation of the spec) are rows of the same
// table. docs/cli.md is the manual.
#pragma once

#include <workos/client.h>
#include <workos/page.h>
#include <workos/result.h>
#include <workos/types.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace workos_cli {

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

// How a flag's text becomes a value. Query flags are converted by the C++ type they fill (see
// Args::set); body flags become a JSON member of the request body by their kind.
enum class Kind : unsigned char {
  kText,     // a string (also timestamps and enum values)
  kInteger,  // a JSON integer
  kNumber,   // a JSON number
  kBoolean,  // true or false
  kJson,     // JSON text (objects, arrays); nested members also as dotted flags (--a.b value)
  kList,     // comma-separated values
  kMap,      // key/value pairs as dotted flags: --name.key value
  kSwitch,   // no value: present or not (--all)
};

struct Flag {
  const char* name;
  const char* help;
  bool required = false;
  // A secret is never printed. Its value is read from `env` when the flag is absent; given on
  // the command line it may be `@FILE` or `-` (standard input) to keep it out of process lists.
  const char* env = nullptr;
  Kind kind = Kind::kText;
  // A request body member: its wire name (null for query, header and helper flags).
  const char* body = nullptr;
};

class Args;
using Runner = int (*)(const Args&);

// What an API command does beyond its flags.
enum Trait : unsigned {
  kApiCall = 1,      // reaches the API: takes the connection flags (--api-key, --base-url, ...)
  kBody = 2,         // sends a JSON body: takes --data
  kPaged = 4,        // answers a page: takes --all
  kAccessToken = 8,  // authenticates with a user's access token
};

struct Command {
  const char* group;
  const char* name;  // "" for a one-word command (the workflows: `workos seed`)
  const char* summary;
  std::vector<Flag> flags;
  Runner run;
  std::vector<const char*> positional = {};  // path parameters, in order
  const char* http = nullptr;                // "GET /organizations/{id}"
  const char* description = nullptr;         // the longer text of --help
  const char* columns = nullptr;             // table columns of a list, comma separated
  unsigned traits = 0;
};

// Every command: the local helpers and the generated API commands, in help order.
const std::vector<Command>& commands();
void add_local_commands(std::vector<Command>& table);
void add_workflow_commands(std::vector<Command>& table);
void add_manual_commands(std::vector<Command>& table);  // man page, shell completion
void add_api_commands(std::vector<Command>& table);     // generated (cli/generated/commands.cc)

// The flags every API command takes besides its own (connection, output, paging, body).
const std::vector<Flag>& api_flags(unsigned traits);
// A command's own flags and, for an API command, the shared ones it does not redefine.
std::vector<Flag> all_flags(const Command& c);
// "group command", or "group" for a one-word command.
std::string command_words(const Command& c);

// ---- output and errors -----------------------------------------------------------------------

// Prints `text` and a line break on standard output.
void print_json(const std::string& text);
// A result made of strings: {"name": "value", ...}.
void print_strings(std::initializer_list<std::pair<const char*, std::string>> members);
// An error as one JSON object on stderr: {"error": {"kind", "code", "message", ...}}.
int fail(int exit_code, const std::string& kind, const std::string& code,
         const std::string& message);
// An SDK error, by kind (and by status for the API's answers); carries the request id.
int fail(const workos::Error& e);
[[noreturn]] void usage_error(const std::string& message);

// The parts of `text` between commas ("a,,b" has three; "" has one, empty).
std::vector<std::string> split(const std::string& text);

// ---- arguments -------------------------------------------------------------------------------

class Args {
 public:
  Args(const Command& command, std::vector<std::string> positional,
       std::map<std::string, std::string> values, bool json, bool table)
      : command_(command),
        positional_(std::move(positional)),
        values_(std::move(values)),
        json_(json),
        table_(table) {}

  const Command& command() const noexcept { return command_; }
  // The flag's value: the command line's (a `@FILE` or `-` read whole), else its environment
  // variable, else nothing.
  std::optional<std::string> get(const std::string& name) const;
  std::string need(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  const std::string& positional(std::size_t i) const { return positional_.at(i); }

  // Output: JSON when asked, or when standard output is not a terminal; a table otherwise.
  bool table_output() const;

  // The client of the connection flags, the environment and the profile (docs/cli.md).
  const workos::Client& client() const;

  // Fills a query or header parameter from the flag `name` (absent: left unset; absent and
  // required: a usage error).
  template <class T>
  void set(const char* name, std::optional<T>& out) const {
    if (!has(name)) return;
    T value{};
    convert(name, need(name), value);
    out = std::move(value);
  }
  template <class T>
  void set(const char* name, T& out) const {
    convert(name, need(name), out);
  }
  void set(const char* name, std::optional<std::map<std::string, std::string>>& out) const;
  // True when any of `names` was given (a variant of mutually exclusive parameters).
  bool any(std::initializer_list<const char*> names) const;

  // The request body: --data (JSON, @FILE or -) with the body flags laid over it, decoded into
  // `out` by the model's decoder, so a wrong type is a usage error naming the field.
  template <class B>
  void body(B& out) const {
    const std::string text = body_json();
    workos::Result<void> decoded = from_json(text, out);  // the model's decoder (by ADL)
    if (!decoded) usage_error("request body: " + decoded.error().message());
  }

 private:
  std::string body_json() const;
  void convert(const char* name, const std::string& text, std::string& out) const;
  void convert(const char* name, const std::string& text, std::int64_t& out) const;
  void convert(const char* name, const std::string& text, double& out) const;
  void convert(const char* name, const std::string& text, bool& out) const;
  void convert(const char* name, const std::string& text, workos::Timestamp& out) const;
  template <class T>
  void convert(const char* name, const std::string& text, std::vector<T>& out) const {
    for (const std::string& item : split(text)) {
      T value{};
      convert(name, item, value);
      out.push_back(std::move(value));
    }
  }
  // An open enum: known values and new ones alike (the API judges them); a value this version
  // does not know is sent as given, with a note on stderr, so a typo shows before the API's 422.
  template <class E, class = decltype(E::from_wire(std::string_view()))>
  void convert(const char* name, const std::string& text, E& out) const {
    out = E::from_wire(text);
    if (out.is_unknown()) note_unknown_value(name);
  }
  static void note_unknown_value(const char* name);
  const Command& command_;
  std::vector<std::string> positional_;
  std::map<std::string, std::string> values_;
  bool json_ = false;
  bool table_ = false;
  mutable std::optional<workos::Client> client_;
};

// ---- answers ---------------------------------------------------------------------------------

// Prints a JSON document the tool composed: as JSON, or as a table on a terminal.
int print_document(const Args& a, const std::string& json);
// Prints an answer's body (JSON or table) and its request id; `list` for an array answer.
int print_answer(const Args& a, const workos::ResponseInfo* response, bool list);
int print_url(const std::string& url);

int finish(const Args& a, const workos::Result<void>& r);

template <class T>
int finish(const Args& a, const workos::Result<T>& r) {
  if (!r) return fail(r.error());
  return print_answer(a, r.response(), false);
}

template <class T>
int finish(const Args& a, const workos::Result<std::vector<T>>& r) {
  if (!r) return fail(r.error());
  return print_answer(a, r.response(), true);
}

// Every page after the first, fetched with --all: the items are gathered in `Pages` and printed
// as one list; a progress line (items, pages, rate) goes to standard error.
class Pages {
 public:
  explicit Pages(const Args& a);
  void add(const workos::ResponseInfo* response);
  int finish();

 private:
  void progress(bool last);
  const Args& args_;
  std::vector<std::string> items_;
  std::string request_ids_;
  std::size_t pages_ = 0;
  std::int64_t started_ns_ = 0;
  std::int64_t shown_ns_ = 0;
};

// The error of a list whose next-page cursor comes back a second time (it would never end).
workos::Error repeated_cursor(const std::string& cursor);

template <class T>
int finish(const Args& a, const workos::Result<workos::Page<T>>& r) {
  if (!r) return fail(r.error());
  if (!a.has("all")) return print_answer(a, r.response(), false);
  Pages pages(a);
  pages.add(r.response());
  workos::Page<T> page = *r;
  std::set<std::string> followed;
  while (page.has_more()) {
    if (!followed.insert(*page.list_metadata.after).second)
      return fail(repeated_cursor(*page.list_metadata.after));
    workos::Result<workos::Page<T>> next = page.next_page();
    if (!next) return fail(next.error());
    pages.add(next.response());
    page = *std::move(next);
  }
  return pages.finish();
}

}  // namespace workos_cli
