// Copyright workos-cpp authors. Handwritten.
#pragma once

// TLS test kit for the transport-option tests: a self-signed certificate generated at test time
// (OpenSSL, written as PEM into a private temporary directory), an in-process HTTPS server on
// 127.0.0.1 (cpp-httplib's SSLServer) and a child process runner for the Node helpers
// (tests/interop/node/*.js) that print their port on the first line of stdout.
//
//   workos::test::SelfSignedCert cert({"localhost"}, {"127.0.0.1"});
//   workos::test::TlsLoopbackServer server(cert);
//   options.curl.ca_bundle = cert.cert_path();
//   options.base_url = server.base_url();      // https://127.0.0.1:<port>
//
// Not thread-safe to construct concurrently; the server handles requests on its own threads.

#include <httplib.h>

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace workos::test {

/// A fresh EC P-256 key and a self-signed X.509 v3 certificate (CA:TRUE, so it can be given
/// as its own CA bundle) with the given subject alternative names, valid from one hour ago for
/// one day. Files live in a private temporary directory removed by the destructor.
class SelfSignedCert {
 public:
  /// Generates key and certificate; `ok()` tells whether it worked (`error()` says why).
  SelfSignedCert(const std::vector<std::string>& dns_names, const std::vector<std::string>& ips);
  ~SelfSignedCert();
  SelfSignedCert(const SelfSignedCert&) = delete;
  SelfSignedCert& operator=(const SelfSignedCert&) = delete;

  bool ok() const noexcept { return error_.empty(); }
  const std::string& error() const noexcept { return error_; }
  /// PEM certificate (also usable as a CA bundle).
  const std::string& cert_path() const noexcept { return cert_path_; }
  /// PEM private key (PKCS#8, unencrypted).
  const std::string& key_path() const noexcept { return key_path_; }

 private:
  std::string dir_;
  std::string cert_path_;
  std::string key_path_;
  std::string error_;
};

/// An HTTPS server on 127.0.0.1 (random port) presenting `cert`. Every GET answers 200 with
/// `{"id":"org_tls","name":"TLS <path>"}`; counts the requests that got through the handshake.
class TlsLoopbackServer {
 public:
  explicit TlsLoopbackServer(const SelfSignedCert& cert);
  ~TlsLoopbackServer();
  TlsLoopbackServer(const TlsLoopbackServer&) = delete;
  TlsLoopbackServer& operator=(const TlsLoopbackServer&) = delete;

  /// False when the certificate could not be loaded or the port not bound.
  bool ok() const noexcept { return port_ > 0; }
  int port() const noexcept { return port_; }
  /// `https://127.0.0.1:<port>`.
  std::string base_url() const;
  /// Requests answered (a failed handshake never reaches the handler).
  int requests() const noexcept { return requests_.load(); }

 private:
  httplib::SSLServer server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> requests_{0};
};

/// A child process (argv[0] looked up on PATH) with its stdin and stdout piped. The destructor
/// closes its stdin, sends SIGTERM to that one child and reaps it.
class ChildProcess {
 public:
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const noexcept { return pid_ > 0; }
  /// Reads one line of the child's stdout (without the newline), waiting at most `bound`.
  /// Empty on timeout, end of file or error.
  std::string read_line(std::chrono::milliseconds bound);

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::string pending_;
};

}  // namespace workos::test
