// Copyright workos-cpp authors. Handwritten.
// The `workos` tool describing itself from its command table: `workos man` (a man page in roff)
// and `workos completion bash|zsh` (shell completion). The build writes both next to the
// binary and installs them (cli/CMakeLists.txt), so they always match the commands.

#include <workos/version.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli.h"

namespace workos_cli {

namespace {

// ---- the man page ----------------------------------------------------------------------------

// Text for roff: backslashes escaped, a leading control character neutralised, `-` as a minus.
std::string roff(const std::string& text, bool dashes = false) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\')
      out += "\\e";
    else if (ch == '-' && dashes)
      out += "\\-";
    else if (ch == '\n')
      out += ' ';
    else
      out += ch;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

int man_page(const Args&) {
  std::printf(
      ".TH WORKOS 1 \"\" \"workos-cpp %s\" \"User Commands\"\n"
      ".SH NAME\nworkos \\- the WorkOS command\\-line tool\n"
      ".SH SYNOPSIS\n.B workos\n.I group command\n[\\fIid\\fR ...]\n"
      "[\\fB\\-\\-flag\\fR \\fIvalue\\fR ...]\n.br\n.B workos\n"
      "[\\fIgroup\\fR [\\fIcommand\\fR]] \\fB\\-\\-help\\fR [\\fB\\-\\-json\\fR]\n"
      ".SH DESCRIPTION\n"
      "One command per operation of the WorkOS API, generated from its OpenAPI spec, plus local\n"
      "helpers that need no API key and workflows built on several calls. API answers print as\n"
      "a table on a terminal and as the API's JSON otherwise (\\fB\\-\\-json\\fR and\n"
      "\\fB\\-\\-table\\fR choose); errors are one JSON object on standard error; the request id\n"
      "goes to standard error. Secret flags accept \\fI@FILE\\fR or \\fI\\-\\fR (standard "
      "input).\n",
      WORKOS_VERSION_STRING);
  std::printf(".SH COMMANDS\n");
  for (const Command& c : commands()) {
    std::string usage = command_words(c);
    for (const char* p : c.positional) usage += std::string(" <") + p + ">";
    std::printf(".SS \"workos %s\"\n%s\n", roff(usage).c_str(), roff(c.summary).c_str());
    if (c.http != nullptr) std::printf(".br\n\\fI%s\\fR\n", roff(c.http).c_str());
    for (const Flag& f : all_flags(c)) {
      std::printf(".TP\n.B \\-\\-%s\n%s%s%s%s\n", roff(f.name, true).c_str(), roff(f.help).c_str(),
                  f.required ? " Required." : "", f.env != nullptr ? " Default: $" : "",
                  f.env != nullptr ? f.env : "");
    }
  }
  std::printf(
      ".SH ENVIRONMENT\n.TP\n.B WORKOS_API_KEY\nThe API key.\n.TP\n.B WORKOS_CLIENT_ID\n"
      "The client id.\n.TP\n.B WORKOS_BASE_URL\nThe API base URL.\n.TP\n.B WORKOS_PROFILE\n"
      "The profile of the profile file.\n.TP\n.B WORKOS_CONFIG\nThe profile file.\n"
      ".SH FILES\n.TP\n.I ~/.config/workos/config.json\n"
      "Profiles: {\"default\": {\"api_key\", \"client_id\", \"base_url\"}, ...}. Refused when its\n"
      "group or others may read it.\n"
      ".SH EXIT STATUS\n0 success, 1 rejected (did not verify), 2 usage, 3 auth (401, 403),\n"
      "4 not found, 5 rate limited, 6 server (5xx or an answer that does not decode),\n"
      "7 network, 8 any other API error.\n");
  return kOk;
}

// ---- shell completion ------------------------------------------------------------------------

// What may follow each command line prefix: "workos" -> groups, "workos <group>" -> its
// commands (or a one-word command's flags), "workos <group> <command>" -> its flags.
std::map<std::string, std::string> completions() {
  std::map<std::string, std::string> next;
  const auto add = [&next](const std::string& key, const std::string& word) {
    std::string& words = next[key];
    if ((" " + words + " ").find(" " + word + " ") == std::string::npos)
      words += (words.empty() ? "" : " ") + word;
  };
  for (const Command& c : commands()) {
    add("workos", c.group);
    if (*c.name != '\0') add(std::string("workos ") + c.group, c.name);
    const std::string key = "workos " + command_words(c);
    for (const Flag& f : all_flags(c)) add(key, std::string("--") + f.name);
    add(key, "--help");
    if (c.traits & kApiCall) {
      add(key, "--json");
      add(key, "--table");
    }
  }
  return next;
}

int completion_bash(const Args&) {
  std::printf("# bash completion for workos (workos completion bash), workos-cpp %s\n",
              WORKOS_VERSION_STRING);
  std::printf("declare -gA _workos_next=(\n");
  for (const auto& [key, words] : completions())
    std::printf("  [\"%s\"]=\"%s\"\n", key.c_str(), words.c_str());
  std::printf(
      ")\n"
      "_workos() {\n"
      "  local key=workos i w\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    w=${COMP_WORDS[i]}\n"
      "    [[ $w == -* || -z ${_workos_next[\"$key $w\"]+set} ]] && break\n"
      "    key=\"$key $w\"\n"
      "  done\n"
      "  COMPREPLY=($(compgen -W \"${_workos_next[$key]}\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n"
      "}\n"
      "complete -F _workos workos\n");
  return kOk;
}

int completion_zsh(const Args&) {
  std::printf(
      "#compdef workos\n# zsh completion for workos (workos completion zsh), workos-cpp %s\n",
      WORKOS_VERSION_STRING);
  std::printf("typeset -gA _workos_next\n_workos_next=(\n");
  for (const auto& [key, words] : completions())
    std::printf("  '%s' '%s'\n", key.c_str(), words.c_str());
  std::printf(
      ")\n"
      "_workos() {\n"
      "  local key=workos i w\n"
      "  for ((i = 2; i < CURRENT; i++)); do\n"
      "    w=${words[i]}\n"
      "    [[ $w == -* ]] && break\n"
      "    (( ${+_workos_next[$key $w]} )) || break\n"
      "    key=\"$key $w\"\n"
      "  done\n"
      "  compadd -- ${=_workos_next[$key]}\n"
      "}\n"
      "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then _workos \"$@\"; else compdef _workos "
      "workos; fi\n");
  return kOk;
}

}  // namespace

void add_manual_commands(std::vector<Command>& table) {
  const Command rows[] = {
      {"man", "", "Prints this tool's man page (roff): workos man | man -l -", {}, man_page},
      {"completion",
       "bash",
       "Prints bash completion: source <(workos completion bash)",
       {},
       completion_bash},
      {"completion",
       "zsh",
       "Prints zsh completion (a _workos file for $fpath)",
       {},
       completion_zsh},
  };
  table.insert(table.end(), std::begin(rows), std::end(rows));
}

}  // namespace workos_cli
