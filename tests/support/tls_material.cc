// Copyright workos-cpp authors. Handwritten.

#include "support/tls_material.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>

extern char** environ;

namespace workos::test {

namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct FileClose {
  void operator()(FILE* f) const { std::fclose(f); }
};

bool add_extension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (ext == nullptr) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

}  // namespace

SelfSignedCert::SelfSignedCert(const std::vector<std::string>& dns_names,
                               const std::vector<std::string>& ips) {
  char dir_template[] = "/tmp/workos_tls_material_XXXXXX";
  if (mkdtemp(dir_template) == nullptr) {
    error_ = "mkdtemp failed";
    return;
  }
  dir_ = dir_template;

  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, X509Free> cert(X509_new());
  if (!key || !cert) {
    error_ = "key or certificate allocation failed";
    return;
  }
  unsigned char serial_bytes[8];
  if (RAND_bytes(serial_bytes, sizeof serial_bytes) != 1) {
    error_ = "RAND_bytes failed";
    return;
  }
  long serial = 1;
  for (unsigned char b : serial_bytes) serial = (serial << 7) ^ b;
  X509_set_version(cert.get(), 2);  // v3
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial < 0 ? -serial : serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("workos-cpp test"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);

  std::string san;
  for (const auto& d : dns_names) san += (san.empty() ? "DNS:" : ",DNS:") + d;
  for (const auto& ip : ips) san += (san.empty() ? "IP:" : ",IP:") + ip;
  if (!add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE") ||
      !add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") ||
      !add_extension(cert.get(), NID_ext_key_usage, "serverAuth") ||
      !add_extension(cert.get(), NID_subject_key_identifier, "hash") ||
      (!san.empty() && !add_extension(cert.get(), NID_subject_alt_name, san))) {
    error_ = "adding an X.509 extension failed";
    return;
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    error_ = "X509_sign failed";
    return;
  }

  cert_path_ = dir_ + "/cert.pem";
  key_path_ = dir_ + "/key.pem";
  {
    std::unique_ptr<FILE, FileClose> f(std::fopen(cert_path_.c_str(), "w"));
    if (!f || PEM_write_X509(f.get(), cert.get()) != 1) {
      error_ = "writing the certificate failed";
      return;
    }
  }
  {
    std::unique_ptr<FILE, FileClose> f(std::fopen(key_path_.c_str(), "w"));
    if (!f ||
        PEM_write_PrivateKey(f.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
      error_ = "writing the private key failed";
      return;
    }
  }
}

SelfSignedCert::~SelfSignedCert() {
  if (!cert_path_.empty()) std::remove(cert_path_.c_str());
  if (!key_path_.empty()) std::remove(key_path_.c_str());
  if (!dir_.empty()) rmdir(dir_.c_str());
}

TlsLoopbackServer::TlsLoopbackServer(const SelfSignedCert& cert)
    : server_(cert.cert_path().c_str(), cert.key_path().c_str()) {
  if (!cert.ok() || !server_.is_valid()) return;
  server_.set_keep_alive_max_count(1000);
  server_.set_keep_alive_timeout(30);
  server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    ++requests_;
    res.set_header("X-Request-ID", "req_tls");
    res.set_content(R"({"id":"org_tls","name":"TLS )" + req.path + "\"}", "application/json");
  });
  const int port = server_.bind_to_any_port("127.0.0.1");
  if (port <= 0) return;
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // The socket is listening already (connects queue in the backlog); wait, bounded, only for
  // the accept loop to start, so that stop() in the destructor is seen by it.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_.is_running() && std::chrono::steady_clock::now() < until)
    std::this_thread::yield();
  port_ = port;
}

TlsLoopbackServer::~TlsLoopbackServer() {
  if (thread_.joinable()) {
    // The constructor waited for the accept loop to run, so stop() reaches it.
    server_.stop();
    thread_.join();
  }
}

std::string TlsLoopbackServer::base_url() const {
  return "https://127.0.0.1:" + std::to_string(port_);
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  if (argv.empty()) return;
  int in_pipe[2];
  int out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return;
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]);
    close(in_pipe[1]);
    return;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    return;
  }
  pid_ = pid;
  stdin_fd_ = in_pipe[1];
  stdout_fd_ = out_pipe[0];
}

ChildProcess::~ChildProcess() {
  if (stdin_fd_ >= 0) close(stdin_fd_);
  if (stdout_fd_ >= 0) close(stdout_fd_);
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
}

std::string ChildProcess::read_line(std::chrono::milliseconds bound) {
  if (stdout_fd_ < 0) return {};
  const auto until = std::chrono::steady_clock::now() + bound;
  for (;;) {
    const std::size_t nl = pending_.find('\n');
    if (nl != std::string::npos) {
      std::string line = pending_.substr(0, nl);
      pending_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {};
    pollfd p{stdout_fd_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return {};
    char buf[256];
    const ssize_t n = read(stdout_fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return {};
    pending_.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace workos::test
