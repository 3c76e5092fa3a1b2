// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::testing::FakeTransport`: a `workos::Transport` for tests. It records every request
/// the client sends and answers from a queue of canned responses / errors or from a handler.
/// No test framework needed: use it from GoogleTest, Catch2 or plain asserts.
///
/// @code
/// auto fake = std::make_shared<workos::testing::FakeTransport>();
/// fake->enqueue(workos::testing::FakeTransport::json(200, R"({"id":"org_1","name":"Acme"})"));
/// workos::ClientOptions o;
/// o.api_key = "sk_test_123";
/// o.transport = fake;
/// workos::Client client(o);
/// auto org = client.organizations().get_organization("org_1");
/// assert(fake->last_request().url == "https://api.workos.com/organizations/org_1");
/// @endcode

#include <workos/transport.h>

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace workos::testing {

/// A scripted transport. Thread-safe: every member may be called from any thread, also while
/// the client sends from other threads.
///
/// Answers, in order of precedence: the next queued answer (`enqueue*`), else the handler
/// (`set_handler`), else an error of kind `kInvalidArgument` ("no answer queued"), which the
/// client does not retry.
class FakeTransport : public Transport {
 public:
  /// Computes the answer to one request (called without the transport's lock held).
  using Handler = std::function<Result<HttpResponse>(const HttpRequest& request)>;

  /// A fake with an empty queue and no handler.
  FakeTransport() = default;
  /// A fake that answers every request with `handler` (unless answers are queued).
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  /// A JSON answer: `Content-Type: application/json` plus `headers`.
  static HttpResponse json(int status, std::string body, Headers headers = {});
  /// An answer with no body (e.g. 204).
  static HttpResponse empty(int status, Headers headers = {});

  /// Queues an answer (a response or an error such as
  /// `workos::Error(workos::ErrorKind::kConnection, "reset")`).
  void enqueue(Result<HttpResponse> answer);
  /// Queues `json(status, body, headers)`.
  void enqueue_json(int status, std::string body, Headers headers = {});
  /// Queues a transport failure of `kind` (kConnection, kTimeout, kCancelled) with `code`, one
  /// of `workos::transport_codes` or empty: a never-sent code (`kConnectFailure`, ...) lets the
  /// SDK repeat even a POST, as for a real refused connection; empty stands for a failure after
  /// sending may have begun (a reset), which a POST is not repeated after.
  void enqueue_error(ErrorKind kind, std::string message, std::string code = {});
  /// Replaces the handler used when the queue is empty.
  void set_handler(Handler handler);

  /// Every request received so far, in order (copies).
  std::vector<HttpRequest> requests() const;
  /// The most recent request; an empty `HttpRequest` when none was received.
  HttpRequest last_request() const;
  /// The `i`-th request (0-based); an empty `HttpRequest` when out of range.
  HttpRequest request(std::size_t i) const;
  /// How many requests were received.
  std::size_t request_count() const;
  /// How many queued answers are left.
  std::size_t pending() const;
  /// Forgets recorded requests and queued answers (keeps the handler).
  void reset();

  /// Records `request` and answers it (see the class comment).
  Result<HttpResponse> send(const HttpRequest& request) override;

 private:
  mutable std::mutex mutex_;
  std::vector<HttpRequest> requests_;
  std::deque<Result<HttpResponse>> queue_;
  Handler handler_;
};

/// Value of the first header named `name` (case-insensitive) in `headers`, or empty.
std::string header_value(const Headers& headers, std::string_view name);

}  // namespace workos::testing
