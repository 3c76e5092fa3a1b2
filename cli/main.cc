// Copyright workos-cpp authors. Handwritten.
// `workos`: the command-line tool's entry point: the argument reader and the help (text and
// JSON). The frame is cli.h; the commands are local.cc's helpers and the generated API commands.

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"
#include "core/json.h"

namespace workos_cli {

namespace {

namespace json = workos::detail::json;

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

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kInteger:
      return "integer";
    case Kind::kNumber:
      return "number";
    case Kind::kBoolean:
      return "boolean";
    case Kind::kJson:
      return "json";
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
    case Kind::kSwitch:
      return "switch";
    case Kind::kText:
      break;
  }
  return "string";
}

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
    if (c->description != nullptr) {
      w.key("description");
      w.string(c->description);
    }
    if (c->http != nullptr) {
      w.key("http");
      w.string(c->http);
    }
    w.key("positional");
    w.begin_array();
    for (const char* p : c->positional) w.string(p);
    w.end_array();
    w.key("flags");
    w.begin_array();
    for (const Flag& f : all_flags(*c)) {
      w.begin_object();
      w.key("name");
      w.string(f.name);
      w.key("help");
      w.string(f.help);
      w.key("required");
      w.boolean(f.required);
      w.key("type");
      w.string(kind_name(f.kind));
      w.key("env");
      if (f.env != nullptr)
        w.string(f.env);
      else
        w.null();
      if (f.body != nullptr) {
        w.key("body");
        w.string(f.body);
      }
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

void help_command(const Command& c) {
  std::string usage = "workos " + command_words(c);
  for (const char* p : c.positional) usage += std::string(" <") + p + ">";
  std::printf("%s — %s\n\nUsage: %s [--flag value ...]\n", ("workos " + command_words(c)).c_str(),
              c.summary, usage.c_str());
  if (c.http != nullptr) std::printf("HTTP:  %s\n", c.http);
  if (c.description != nullptr) std::printf("\n%s\n", c.description);
  std::printf("\nFlags:\n");
  for (const Flag& f : all_flags(c)) {
    std::string name = std::string("--") + f.name;
    if (f.kind == Kind::kMap)
      name += ".<key> <text>";
    else if (f.kind == Kind::kSwitch)
      ;
    else if (f.kind != Kind::kText || f.body != nullptr)
      name += std::string(" <") + kind_name(f.kind) + ">";
    if (name.size() > 28) name += "\n" + std::string(30, ' ');
    std::printf("  %-28s%s%s%s%s\n", name.c_str(), f.help, f.required ? " Required." : "",
                f.env != nullptr ? " Default: $" : "", f.env != nullptr ? f.env : "");
  }
  if (c.traits & kApiCall)
    std::printf(
        "\nOutput: a table on a terminal, JSON otherwise; --json or --table choose. The request\n"
        "id goes to standard error.\n");
}

void help_text(const std::vector<const Command*>& list, bool top) {
  if (list.size() == 1 && !top) return help_command(*list.front());
  std::printf(
      "workos — the WorkOS command-line tool\n\n"
      "Usage: workos <group> <command> [<id> ...] [--flag value ...]\n"
      "       workos [<group> [<command>]] --help [--json]\n\n");
  if (top) {
    // One line per group: a one-word command's summary, else how many commands the group has.
    struct Group {
      std::string name;
      int count;
      const Command* first;
    };
    std::vector<Group> groups;
    for (const Command* c : list) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const Group& g) { return g.name == c->group; });
      if (it == groups.end()) it = groups.insert(groups.end(), Group{c->group, 0, c});
      ++it->count;
    }
    std::printf("Commands and groups (workos <group> --help lists a group's commands):\n");
    for (const Group& g : groups) {
      if (g.count == 1 && *g.first->name == '\0')
        std::printf("  %-24s %s\n", g.name.c_str(), g.first->summary);
      else
        std::printf("  %-24s %d command%s\n", g.name.c_str(), g.count, g.count == 1 ? "" : "s");
    }
  } else {
    std::printf("Commands:\n");
    for (const Command* c : list) std::printf("  %-10s %-38s %s\n", c->group, c->name, c->summary);
  }
  std::printf(
      "\nOutput: API answers as a table on a terminal, JSON when piped or with --json; errors\n"
      "are one JSON object on standard error.\n"
      "Exit codes: 0 success, 1 rejected (did not verify), 2 usage, 3 auth, 4 not found,\n"
      "5 rate limited, 6 server, 7 network, 8 other API error (--help --json lists them).\n"
      "Secret flags fall back to their environment variable and accept @FILE or - (stdin).\n");
}

// `--organization_id` and `--organization-id` are the same flag; a dotted flag keeps its key.
std::string flag_name(std::string name) {
  for (char& ch : name) {
    if (ch == '.') break;
    if (ch == '_') ch = '-';
  }
  return name;
}

bool known_flag(const Command& c, const std::string& name) {
  const std::size_t dot = name.find('.');
  for (const Flag& f : all_flags(c)) {
    if (dot == std::string::npos
            ? name == f.name
            : name.compare(0, dot, f.name) == 0 && std::string(f.name).size() == dot &&
                  (f.kind == Kind::kMap || f.kind == Kind::kJson))
      return true;
  }
  return false;
}

bool is_switch(const Command& c, const std::string& name) {
  for (const Flag& f : all_flags(c))
    if (name == f.name) return f.kind == Kind::kSwitch;
  return false;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = [] {
    std::vector<Command> t;
    add_local_commands(t);
    add_workflow_commands(t);
    add_manual_commands(t);
    add_api_commands(t);
    return t;
  }();
  return table;
}

}  // namespace workos_cli

int main(int argc, char** argv) {
  using namespace workos_cli;
  // --help, --json and --table may stand anywhere; the command's words come first.
  std::vector<std::string> args;
  bool help = false;
  bool as_json = false;
  bool as_table = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h")
      help = true;
    else if (a == "--json")
      as_json = true;
    else if (a == "--table")
      as_table = true;
    else
      args.push_back(a);
  }
  std::vector<std::string> lead;  // up to two leading words: group and command
  for (std::size_t i = 0; i < args.size() && lead.size() < 2 && args[i].rfind("-", 0) != 0; ++i)
    lead.push_back(args[i]);
  const Command* command = nullptr;
  std::size_t used = 0;  // words naming the command
  std::vector<const Command*> group;
  for (const Command& c : commands()) {
    if (lead.empty() || lead[0] != c.group) continue;
    group.push_back(&c);
    if (lead.size() > 1 && lead[1] == c.name) {
      command = &c;
      used = 2;
    } else if (*c.name == '\0' && command == nullptr) {
      command = &c;  // a one-word command (a workflow): the next word is an argument
      used = 1;
    }
  }
  if (lead.empty() && !args.empty())
    usage_error("the command comes first: workos <group> <command> [<id> ...] [--flag value ...]");
  if (command == nullptr && lead.size() > 1 && !group.empty())
    usage_error("unknown command '" + lead[0] + " " + lead[1] + "'");
  if (help || lead.empty()) {
    std::vector<const Command*> list;
    if (command != nullptr)
      list = {command};
    else if (!lead.empty())
      list = group;
    else
      for (const Command& c : commands()) list.push_back(&c);
    if (list.empty()) usage_error("unknown command '" + lead[0] + "'");
    if (as_json)
      help_json(list);
    else
      help_text(list, lead.empty());
    return help ? kOk : kUsage;
  }
  if (command == nullptr) {
    if (group.empty()) usage_error("unknown command '" + lead[0] + "'");
    if (lead.size() < 2)
      usage_error("'workos " + lead[0] + "' needs a command (workos " + lead[0] + " --help)");
    usage_error("unknown command '" + lead[0] + " " + lead[1] + "'");
  }
  const std::string title = "'workos " + command_words(*command) + "'";
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;
  for (std::size_t i = used; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0) {
      positional.push_back(a);
      continue;
    }
    const std::size_t eq = a.find('=');
    const std::string name = flag_name(a.substr(2, eq == std::string::npos ? eq : eq - 2));
    if (!known_flag(*command, name)) usage_error("unknown flag --" + name + " for " + title);
    std::string value;
    if (is_switch(*command, name)) {
      // --all, or --all=true / --all=false
      value = eq == std::string::npos ? "true" : a.substr(eq + 1);
      if (value != "true" && value != "false") usage_error("--" + name + " is true or false");
      if (value == "false") continue;
    } else if (eq != std::string::npos) {
      value = a.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      usage_error(a + " needs a value");
    }
    if (!flags.emplace(name, std::move(value)).second)
      usage_error("--" + name + " is given twice (a list takes comma-separated values)");
  }
  if (positional.size() != command->positional.size()) {
    std::string want;
    for (const char* p : command->positional) want += std::string(" <") + p + ">";
    usage_error(title + " takes" + (want.empty() ? std::string(" no arguments") : want));
  }
  return command->run(Args(*command, std::move(positional), std::move(flags), as_json, as_table));
}
