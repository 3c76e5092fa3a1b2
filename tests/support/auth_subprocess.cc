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

std::optional<CommandResult> run_node(const std::string& script, const std::string& args,
                                      const std::string& input) {
  const std::string root = source_dir();
  if (root.empty()) return std::nullopt;
  if (std::system("command -v node > /dev/null 2>&1") != 0) return std::nullopt;
  std::ifstream sdk(root + "/node_modules/@workos-inc/node/package.json");
  if (!sdk) return std::nullopt;
  return run_command("node " + shell_quote(root + "/tests/interop/node/" + script) + " " + args,
                     input);
}

std::optional<CommandResult> run_python(const std::string& script, const std::string& args,
                                        const std::string& input) {
  const std::string root = source_dir();
  if (root.empty()) return std::nullopt;
  if (std::system("/usr/bin/python3 -c 'import cryptography.fernet' > /dev/null 2>&1") != 0) {
    return std::nullopt;
  }
  return run_command(
      "/usr/bin/python3 " + shell_quote(root + "/tests/interop/python/" + script) + " " + args,
      input);
}

}  // namespace workos::test::auth
