// Copyright workos-cpp authors. Handwritten.

#include "support/loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <strings.h>
#include <optional>
#include <stdexcept>

namespace workos::test {

std::string RecordedRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return {};
}

bool RecordedRequest::has_header(const std::string& name) const {
  for (const auto& kv : headers)
    if (strcasecmp(kv.first.c_str(), name.c_str()) == 0) return true;
  return false;
}

LoopbackServer::LoopbackServer(std::size_t threads) {
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_keep_alive_max_count(100000);
  server_.set_keep_alive_timeout(30);
  server_.set_tcp_nodelay(true);  // no Nagle / delayed-ACK stalls between header and body
  auto handle = [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); };
  server_.Get(".*", handle);
  server_.Post(".*", handle);
  server_.Put(".*", handle);
  server_.Patch(".*", handle);
  server_.Delete(".*", handle);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("LoopbackServer: bind failed");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // listen_after_bind sets is_running before accepting; the socket already queues connects,
  // so waiting for the flag is enough (bounded).
  for (int i = 0; i < 5000 && !server_.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

LoopbackServer::~LoopbackServer() {
  release();
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string LoopbackServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void LoopbackServer::on(const std::string& method, const std::string& path, Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handlers_[{method, path}] = std::move(handler);
}

void LoopbackServer::set_default(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  default_ = std::move(handler);
}

void LoopbackServer::enqueue(CannedResponse response) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back(std::move(response));
}

void LoopbackServer::enqueue(int status, std::string body,
                             std::vector<std::pair<std::string, std::string>> headers) {
  CannedResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  enqueue(std::move(r));
}

std::vector<RecordedRequest> LoopbackServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

std::size_t LoopbackServer::request_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

bool LoopbackServer::wait_for_requests(std::size_t n, std::chrono::milliseconds bound) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return cv_.wait_for(lock, bound, [&] { return requests_.size() >= n; });
}

bool LoopbackServer::wait_at_gate() {
  std::unique_lock<std::mutex> lock(mutex_);
  ++waiting_;
  cv_.notify_all();
  cv_.wait(lock, [&] { return released_; });
  --waiting_;
  return true;
}

void LoopbackServer::release() {
  std::lock_guard<std::mutex> lock(mutex_);
  released_ = true;
  cv_.notify_all();
}

std::size_t LoopbackServer::waiting_at_gate() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

void LoopbackServer::dispatch(const httplib::Request& req, httplib::Response& res) {
  RecordedRequest rec;
  rec.method = req.method;
  rec.target = req.target;
  rec.path = req.path;
  for (const auto& h : req.headers) rec.headers.emplace(h.first, h.second);
  rec.body = req.body;
  rec.remote_port = req.remote_port;

  Handler handler;
  std::optional<CannedResponse> canned;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(std::move(rec));
    cv_.notify_all();
    if (!queue_.empty()) {
      canned = std::move(queue_.front());
      queue_.pop_front();
    } else if (auto it = handlers_.find({req.method, req.path}); it != handlers_.end()) {
      handler = it->second;
    } else {
      handler = default_;
    }
  }
  if (canned) {
    res.status = canned->status;
    for (const auto& [k, v] : canned->headers) res.set_header(k, v);
    if (!canned->body.empty()) res.set_content(canned->body, canned->content_type.c_str());
    return;
  }
  if (handler) {
    handler(req, res);
    return;
  }
  res.status = 404;
  res.set_content(R"({"message":"no handler for this path"})", "application/json");
}

int refused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  int port = 1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    socklen_t len = sizeof addr;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
      port = ntohs(addr.sin_port);
  }
  ::close(fd);  // bound but never listening: a connect now gets RST (ECONNREFUSED)
  return port;
}

}  // namespace workos::test
