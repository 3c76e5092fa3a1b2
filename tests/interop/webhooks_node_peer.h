// Copyright workos-cpp authors. Handwritten.
#pragma once

// Runs tests/interop/node/webhooks_peer.js (the official Node SDK) for the webhooks interop tests.
// The script path comes from WORKOS_SOURCE_DIR (set by ctest); node must be on PATH and
// `npm ci` must have installed node_modules/@workos-inc/node.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/json.h"

namespace webhooks_interop {

inline std::string source_dir() {
  const char* dir = std::getenv("WORKOS_SOURCE_DIR");
  return dir != nullptr ? std::string(dir) : std::string();
}

/// Shell-quotes `s` for /bin/sh (single quotes).
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'')
      out += "'\\''";
    else
      out += ch;
  }
  return out + "'";
}

/// Writes `input_json` to a temporary file, runs the peer on it and returns its stdout (one
/// JSON line). Adds a GoogleTest failure and returns "" when the peer cannot run.
inline std::string run_peer(const std::string& input_json) {
  const std::string src = source_dir();
  if (src.empty()) {
    ADD_FAILURE() << "WORKOS_SOURCE_DIR is not set (run through ctest)";
    return {};
  }
  char path[] = "/tmp/workos_webhooks_peer_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) {
    ADD_FAILURE() << "mkstemp failed";
    return {};
  }
  {
    std::ofstream f(path, std::ios::binary);
    f << input_json;
  }
  close(fd);
  const std::string cmd = "cd " + quote(src) + " && node " +
                          quote(src + "/tests/interop/node/webhooks_peer.js") + " " + quote(path);
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    std::remove(path);
    ADD_FAILURE() << "popen failed";
    return {};
  }
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = pclose(p);
  std::remove(path);
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    ADD_FAILURE() << "node not found on PATH: run scripts/setup (Debian package nodejs)";
    return {};
  }
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ADD_FAILURE() << "node peer failed (status " << status
                  << "); is `npm ci` done? output: " << out;
    return {};
  }
  return out;
}

/// The peer's answer, parsed (the parser must outlive the element).
struct PeerAnswer {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  bool ok = false;

  explicit PeerAnswer(const std::string& input_json) {
    const std::string out = run_peer(input_json);
    if (out.empty()) return;
    if (parser.parse(out).get(root) != simdjson::SUCCESS) {
      ADD_FAILURE() << "peer output is not JSON: " << out;
      return;
    }
    ok = true;
  }
  std::string str(const char* key) const {
    std::string_view v;
    if (!ok || root[key].get_string().get(v) != simdjson::SUCCESS) return "<missing>";
    return std::string(v);
  }
  bool flag(const char* key) const {
    bool v = false;
    if (!ok || root[key].get_bool().get(v) != simdjson::SUCCESS) return false;
    return v;
  }
};

/// Builds the peer's input object.
class Input {
 public:
  explicit Input(const char* op) {
    w_.begin_object();
    w_.key("op");
    w_.string(op);
  }
  Input& s(const char* key, std::string_view value) {
    w_.key(key);
    w_.string(value);
    return *this;
  }
  Input& i(const char* key, std::int64_t value) {
    w_.key(key);
    w_.integer(value);
    return *this;
  }
  Input& raw(const char* key, std::string_view json) {
    w_.key(key);
    w_.raw(json);
    return *this;
  }
  std::string done() {
    w_.end_object();
    return w_.take();
  }

 private:
  workos::detail::json::Writer w_;
};

}  // namespace webhooks_interop
