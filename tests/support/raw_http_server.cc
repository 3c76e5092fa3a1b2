// Copyright workos-cpp authors. Handwritten.
#include "support/raw_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace workos::test {
namespace {

constexpr std::size_t kMaxHead = 64 * 1024;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 408:
      return "Request Timeout";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Status";
  }
}

}  // namespace

std::string RawRequest::header(std::string_view name) const {
  for (const auto& h : headers) {
    if (iequals(h.first, name)) return h.second;
  }
  return {};
}

// ---- RawConnection ------------------------------------------------------------------------------

RawConnection::RawConnection(RawHttpServer& server, int fd, std::size_t index)
    : server_(server), fd_(fd), index_(index) {}

RawConnection::~RawConnection() {
  if (fd_ >= 0) close();
}

bool RawConnection::wait_for(short events, int timeout_ms) {
  pollfd fds[2] = {{fd_, events, 0}, {server_.wake_fd_, POLLIN, 0}};
  for (;;) {
    const int n = ::poll(fds, 2, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    if (fds[1].revents != 0) return false;  // the server stops
    return true;
  }
}

std::optional<RawRequest> RawConnection::read_request() {
  auto fill = [this]() -> bool {
    char chunk[16 * 1024];
    for (;;) {
      const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(got));
        return true;
      }
      if (got == 0) return false;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
      if (!wait_for(POLLIN, -1)) return false;
    }
  };
  if (fd_ < 0) return std::nullopt;
  std::size_t end = std::string::npos;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (buffer_.size() > kMaxHead || !fill()) return std::nullopt;
  }
  RawRequest request;
  const std::string head = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  std::size_t line_end = head.find("\r\n");
  const std::string_view first = std::string_view(head).substr(0, line_end);
  const std::size_t sp1 = first.find(' ');
  const std::size_t sp2 = first.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) return std::nullopt;
  request.method = std::string(first.substr(0, sp1));
  request.target = std::string(first.substr(sp1 + 1, sp2 - sp1 - 1));
  while (line_end != std::string::npos) {
    const std::size_t start = line_end + 2;
    line_end = head.find("\r\n", start);
    const std::string_view line = std::string_view(head).substr(
        start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    request.headers.emplace_back(std::string(trim(line.substr(0, colon))),
                                 std::string(trim(line.substr(colon + 1))));
  }
  std::size_t length = 0;
  if (const std::string cl = request.header("Content-Length"); !cl.empty()) {
    length = static_cast<std::size_t>(std::strtoull(cl.c_str(), nullptr, 10));
  }
  while (buffer_.size() < length) {
    if (!fill()) return std::nullopt;
  }
  request.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  server_.record(request);
  return request;
}

bool RawConnection::write(std::string_view bytes) {
  if (fd_ < 0) return false;
  while (!bytes.empty()) {
    if (server_.stopping()) return false;
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(sent));
      continue;
    }
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(POLLOUT, -1)) return false;
      continue;
    }
    return false;
  }
  return true;
}

bool RawConnection::pause(std::chrono::milliseconds d) {
  pollfd fd = {server_.wake_fd_, POLLIN, 0};
  for (;;) {
    const int n = ::poll(&fd, 1, static_cast<int>(d.count()));
    if (n < 0 && errno == EINTR) continue;
    return n == 0;
  }
}

void RawConnection::reset() {
  if (fd_ < 0) return;
  linger l{};
  l.l_onoff = 1;
  l.l_linger = 0;
  ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::close(fd_);
  fd_ = -1;
}

void RawConnection::close() {
  if (fd_ < 0) return;
  // Send FIN, then drain what the client still sends until it closes too: closing a socket
  // with unread input would turn the FIN into a reset.
  ::shutdown(fd_, SHUT_WR);
  char sink[4096];
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < until) {
    const ssize_t got = ::recv(fd_, sink, sizeof sink, 0);
    if (got == 0) break;
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(POLLIN, 500)) break;
      continue;
    }
    if (got < 0) break;
  }
  ::close(fd_);
  fd_ = -1;
}

// ---- RawHttpServer
// -------------------------------------------------------------------------------

RawHttpServer::RawHttpServer(Script script) : script_(std::move(script)) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (wake_fd_ < 0 || listen_fd_ < 0) throw std::runtime_error("RawHttpServer: socket failed");
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("RawHttpServer: bind/listen failed");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

RawHttpServer::~RawHttpServer() {
  stopping_.store(true);
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t w = ::write(wake_fd_, &one, sizeof one);
  acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& t : workers) t.join();
  ::close(listen_fd_);
  ::close(wake_fd_);
}

std::string RawHttpServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void RawHttpServer::accept_loop() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    const int n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || fds[1].revents != 0) return;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t index = connections_++;
    workers_.emplace_back([this, fd, index] {
      RawConnection connection(*this, fd, index);
      script_(connection, index);
    });
    cv_.notify_all();
  }
}

void RawHttpServer::record(RawRequest request) {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.push_back(std::move(request));
  cv_.notify_all();
}

std::size_t RawHttpServer::connection_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_;
}

std::size_t RawHttpServer::request_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::vector<RawRequest> RawHttpServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

bool RawHttpServer::wait_for_requests(std::size_t n, std::chrono::milliseconds bound) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return cv_.wait_for(lock, bound, [&] { return requests_.size() >= n; });
}

std::string http_answer(int status, std::string_view body, std::string_view content_type,
                        std::string_view extra_headers) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
  if (!content_type.empty()) {
    out += "Content-Type: ";
    out += content_type;
    out += "\r\n";
  }
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += "Connection: close\r\n";
  out += extra_headers;
  out += "\r\n";
  out += body;
  return out;
}

}  // namespace workos::test
