// Copyright workos-cpp authors. Handwritten.

#include "auth_subprocess.h"

#include <unistd.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace workos::test::auth {

std::string source_dir() {
  const char* dir = std::getenv("WORKOS_SOURCE_DIR");
  return dir ? std::string(dir) : std::string();
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

CommandResult run_command(const std::string& command, const std::string& input) {
  CommandResult result;
  char path[] = "/tmp/workos-auth-interop-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return result;
  {
    std::ofstream f(path, std::ios::binary);
    f << input;
  }
  close(fd);
  const std::string full = command + " < " + shell_quote(path) + " 2>/dev/null";
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe) {
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.out.append(buf.data(), n);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::remove(path);
  return result;
}

namespace {

std::string python_interpreter() {
  const char* python = std::getenv("WORKOS_PYTHON");
  return python && *python ? std::string(python) : std::string("/usr/bin/python3");
}

}  // namespace

std::string node_peer_missing() {
  const std::string root = source_dir();
  if (root.empty()) return "WORKOS_SOURCE_DIR is not set: run the interop tests through ctest";
  if (std::system("command -v node > /dev/null 2>&1") != 0) {
    return "node not found on PATH: run scripts/setup (Debian package nodejs)";
  }
  std::ifstream sdk(root + "/node_modules/@workos-inc/node/package.json");
  if (!sdk) {
    return "the official Node SDK is missing (" + root +
           "/node_modules/@workos-inc/node): run scripts/setup (npm ci)";
  }
  return {};
}

std::string python_peer_missing() {
  const std::string root = source_dir();
  if (root.empty()) return "WORKOS_SOURCE_DIR is not set: run the interop tests through ctest";
  const std::string python = python_interpreter();
  if (std::system((shell_quote(python) + " -c '' > /dev/null 2>&1").c_str()) != 0) {
    return "Python interpreter " + python + " not found: run scripts/setup (Debian python3)";
  }
  if (std::system(
          (shell_quote(python) + " -c 'import cryptography.fernet' > /dev/null 2>&1").c_str()) !=
      0) {
    return "Python `cryptography` is missing for " + python +
           ": run scripts/setup (Debian python3-cryptography)";
  }
  return {};
}

std::optional<CommandResult> run_node(const std::string& script, const std::string& args,
                                      const std::string& input) {
  if (!node_peer_missing().empty()) return std::nullopt;
  return run_command(
      "node " + shell_quote(source_dir() + "/tests/interop/node/" + script) + " " + args, input);
}

std::optional<CommandResult> run_python(const std::string& script, const std::string& args,
                                        const std::string& input) {
  if (!python_peer_missing().empty()) return std::nullopt;
  return run_command(shell_quote(python_interpreter()) + " " +
                         shell_quote(source_dir() + "/tests/interop/python/" + script) + " " + args,
                     input);
}

}  // namespace workos::test::auth
