// Copyright workos-cpp authors. Handwritten.
#pragma once

// Running the interop peers (Node, Python) from the auth interop tests: paths from
// WORKOS_SOURCE_DIR (set by ctest), stdin from a temporary file, stdout captured.

#include <optional>
#include <string>

namespace workos::test::auth {

/// The source tree (`WORKOS_SOURCE_DIR`), or empty when unset.
std::string source_dir();

/// Output and exit status of a command.
struct CommandResult {
  int status = -1;
  std::string out;
};

/// Runs `command` (a shell command line) with `input` on stdin; captures stdout.
CommandResult run_command(const std::string& command, const std::string& input);

/// Why the Node peer cannot run, naming what is missing ("node not found on PATH: run
/// scripts/setup"), or empty when node and node_modules/@workos-inc/node are there.
std::string node_peer_missing();

/// Why the Python peer cannot run (no interpreter, no `cryptography` module), or empty. The
/// interpreter is `$WORKOS_PYTHON` when set, else /usr/bin/python3 (Debian's
/// python3-cryptography).
std::string python_peer_missing();

/// `node <source>/tests/interop/node/<script> <args>` with `input` on stdin. std::nullopt when
/// the peer cannot run: the caller fails with node_peer_missing().
std::optional<CommandResult> run_node(const std::string& script, const std::string& args,
                                      const std::string& input);

/// `<python> <source>/tests/interop/python/<script> <args>`; std::nullopt when the peer cannot
/// run: the caller fails with python_peer_missing().
std::optional<CommandResult> run_python(const std::string& script, const std::string& args,
                                        const std::string& input);

/// Single-quotes `s` for a POSIX shell.
std::string shell_quote(const std::string& s);

}  // namespace workos::test::auth
