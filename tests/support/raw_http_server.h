// Copyright workos-cpp authors. Handwritten.
#pragma once

// A scripted raw-socket HTTP/1.1 server on 127.0.0.1 (random port) for fault tests: every
// accepted connection runs a script on its own thread, which reads the request, then writes
// whatever bytes it likes (a truncated body, a wrong Content-Length, one header byte at a
// time), resets the connection (RST via SO_LINGER{1,0}) or closes it. The server counts the
// connections accepted and the requests read, so a test can check how many attempts reached it.
//
//   workos::test::RawHttpServer server([](workos::test::RawConnection& c, std::size_t index) {
//     if (!c.read_request()) return;
//     if (index == 0) return c.reset();          // the first attempt loses its answer
//     c.write(workos::test::http_answer(200, R"({"id":"org_1"})"));
//   });
//   options.base_url = server.base_url();
//
// Every wait of a script (reading, writing, `pause`) ends when the server stops, so a script
// that dribbles bytes forever never holds up the destructor.
//
// Thread-safe: the counters and `requests()` lock; a `RawConnection` belongs to its script.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace workos::test {

/// One request as read off the socket.
struct RawRequest {
  std::string method;
  std::string target;
  /// Header lines in order, names as sent.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// First value of header `name` (case-insensitive), or empty.
  std::string header(std::string_view name) const;
};

class RawHttpServer;

/// The server side of one accepted connection, handed to the script. Not thread-safe.
class RawConnection {
 public:
  RawConnection(RawHttpServer& server, int fd, std::size_t index);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  /// Reads one request (head, then a `Content-Length` body; chunked request bodies are not
  /// supported). Counts it in `RawHttpServer::request_count()`. Empty when the peer closed the
  /// connection, the request was malformed or the server is stopping.
  std::optional<RawRequest> read_request();
  /// Writes all of `bytes`; false when the peer is gone or the server is stopping.
  bool write(std::string_view bytes);
  /// Waits `d` unless the server stops first; false when it stops. Paces dribbling scripts.
  bool pause(std::chrono::milliseconds d);
  /// Closes with a TCP reset (SO_LINGER {1, 0}): the client sees ECONNRESET.
  void reset();
  /// Closes gracefully (FIN) after everything written was sent.
  void close();
  /// 0-based number of this connection in accept order.
  std::size_t index() const noexcept { return index_; }

 private:
  bool wait_for(short events, int timeout_ms);

  RawHttpServer& server_;
  int fd_;
  std::size_t index_;
  std::string buffer_;
};

/// The scripted server. Starts listening in its constructor; the destructor stops every
/// script (their waits return) and joins the threads.
class RawHttpServer {
 public:
  /// Runs `script(connection, index)` for each accepted connection. When the script returns,
  /// the connection is closed gracefully unless the script reset or closed it already.
  using Script = std::function<void(RawConnection&, std::size_t index)>;

  explicit RawHttpServer(Script script);
  ~RawHttpServer();
  RawHttpServer(const RawHttpServer&) = delete;
  RawHttpServer& operator=(const RawHttpServer&) = delete;

  int port() const noexcept { return port_; }
  /// `http://127.0.0.1:<port>`.
  std::string base_url() const;

  /// Connections accepted so far.
  std::size_t connection_count() const;
  /// Requests read so far (complete head and body).
  std::size_t request_count() const;
  /// Every request read so far, in arrival order.
  std::vector<RawRequest> requests() const;
  /// Waits (bounded) until at least `n` requests were read; false on timeout.
  bool wait_for_requests(std::size_t n,
                         std::chrono::milliseconds bound = std::chrono::seconds(10)) const;

 private:
  friend class RawConnection;
  void accept_loop();
  void record(RawRequest request);
  bool stopping() const noexcept { return stopping_.load(); }

  Script script_;
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd, readable once the server stops
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;

  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  std::vector<std::thread> workers_;
  std::size_t connections_ = 0;
  std::vector<RawRequest> requests_;
};

/// A complete HTTP/1.1 answer with `Content-Length` and `Connection: close`. `extra_headers`
/// are raw header lines, each ending in "\r\n".
std::string http_answer(int status, std::string_view body,
                        std::string_view content_type = "application/json",
                        std::string_view extra_headers = "");

}  // namespace workos::test
