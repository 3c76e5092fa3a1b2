// Copyright workos-cpp authors. Handwritten.

#include <workos/testing/fake_transport.h>

#include "core/headers.h"

namespace workos::testing {

HttpResponse FakeTransport::json(int status, std::string body, Headers headers) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json");
  for (auto& h : headers) detail::set_header(r.headers, h.first, std::move(h.second));
  r.body = std::move(body);
  return r;
}

HttpResponse FakeTransport::empty(int status, Headers headers) {
  HttpResponse r;
  r.status = status;
  r.headers = std::move(headers);
  return r;
}

void FakeTransport::enqueue(Result<HttpResponse> answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.push_back(std::move(answer));
}

void FakeTransport::enqueue_json(int status, std::string body, Headers headers) {
  enqueue(json(status, std::move(body), std::move(headers)));
}

void FakeTransport::enqueue_error(ErrorKind kind, std::string message, std::string code) {
  ErrorInfo info;
  info.kind = kind;
  info.message = std::move(message);
  info.code = std::move(code);
  enqueue(Error(std::move(info)));
}

void FakeTransport::set_handler(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handler_ = std::move(handler);
}

std::vector<HttpRequest> FakeTransport::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

HttpRequest FakeTransport::last_request() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.empty() ? HttpRequest{} : requests_.back();
}

HttpRequest FakeTransport::request(std::size_t i) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return i < requests_.size() ? requests_[i] : HttpRequest{};
}

std::size_t FakeTransport::request_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::size_t FakeTransport::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void FakeTransport::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  requests_.clear();
  queue_.clear();
}

Result<HttpResponse> FakeTransport::send(const HttpRequest& request) {
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      Result<HttpResponse> answer = std::move(queue_.front());
      queue_.pop_front();
      return answer;
    }
    handler = handler_;
  }
  if (handler) return handler(request);
  return Error(ErrorKind::kInvalidArgument,
               "FakeTransport: no answer queued for " + request.method + " " + request.url);
}

std::string header_value(const Headers& headers, std::string_view name) {
  return std::string(detail::find_header(headers, name));
}

}  // namespace workos::testing
