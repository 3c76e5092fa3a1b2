// Copyright workos-cpp authors. Handwritten.
#pragma once

// An in-process HTTP server on 127.0.0.1 (random port) for tests, built on cpp-httplib.
// Scripted handlers per method + path (or a default handler), a queue of canned answers,
// a log of every request received, and a gate that handlers can wait on (released by the test
// or at teardown) so "slow server" tests never sleep.
//
//   workos::test::LoopbackServer server;
//   server.on("GET", "/organizations/org_1", [](const auto& req, auto& res) {
//     res.set_content(R"({"id":"org_1"})", "application/json");
//   });
//   options.base_url = server.base_url();
//
// Thread-safe: handlers run on the server's worker threads; every accessor locks.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace workos::test {

/// One request as the server saw it.
struct RecordedRequest {
  std::string method;
  std::string target;  ///< Path and query exactly as sent (still percent-encoded).
  std::string path;    ///< Path as decoded by the server.
  std::multimap<std::string, std::string> headers;  ///< Names as sent (case kept by httplib).
  std::string body;
  int remote_port = -1;  ///< Client port: one value per TCP connection.
  /// First value of header `name` (case-insensitive), or empty.
  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const;
};

/// A canned answer for `LoopbackServer::enqueue`.
struct CannedResponse {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
};

class LoopbackServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  /// Starts listening on 127.0.0.1 on a free port; returns once the server accepts connections.
  /// `threads` is the size of the server's worker pool (one per concurrent connection).
  explicit LoopbackServer(std::size_t threads = 32);
  /// Releases the gate, stops the server and joins its thread.
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const noexcept { return port_; }
  /// `http://127.0.0.1:<port>`.
  std::string base_url() const;

  /// Handles `method` requests whose path (decoded) equals `path` exactly.
  void on(const std::string& method, const std::string& path, Handler handler);
  /// Handles every request no other handler or queued answer takes (default: 404 JSON).
  void set_default(Handler handler);
  /// Queues answers taken in order by the next requests, before any handler.
  void enqueue(CannedResponse response);
  void enqueue(int status, std::string body,
               std::vector<std::pair<std::string, std::string>> headers = {});

  /// Every request received so far.
  std::vector<RecordedRequest> requests() const;
  std::size_t request_count() const;
  /// Waits (bounded) until at least `n` requests arrived; false on timeout.
  bool wait_for_requests(std::size_t n,
                         std::chrono::milliseconds bound = std::chrono::seconds(10)) const;

  /// For handlers: blocks until `release()` (or server teardown). Returns true when released.
  bool wait_at_gate();
  /// Opens the gate for every waiting and future `wait_at_gate` call.
  void release();
  /// How many handlers are waiting at the gate right now.
  std::size_t waiting_at_gate() const;

  /// The underlying server, for anything not covered here (call before requests arrive).
  httplib::Server& raw() noexcept { return server_; }

 private:
  void dispatch(const httplib::Request& req, httplib::Response& res);

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;

  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  std::vector<RecordedRequest> requests_;
  std::map<std::pair<std::string, std::string>, Handler> handlers_;
  Handler default_;
  std::deque<CannedResponse> queue_;
  bool released_ = false;
  std::size_t waiting_ = 0;
};

/// A 127.0.0.1 port with nothing listening (bound, then closed): connecting is refused.
int refused_port();

}  // namespace workos::test
