// Copyright workos-cpp authors. Handwritten.
// The libcurl side of a LoopWorker: one easy handle per attempt on the worker's multi handle.
// Connections live in the multi handle's cache and are reused across attempts; HTTP/2 streams
// are multiplexed on one connection when the server offers h2 (CURLPIPE_MULTIPLEX + PIPEWAIT).
// The easy-handle options match the sync transport (src/core/curl_transport.cc): same headers,
// timeouts, proxy, TLS and body padding for simdjson.

#include <workos/transport.h>

#include <strings.h>
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "async/loop.h"
#include "core/padding.h"

namespace workos::detail {

namespace {

// Idle easy handles kept per worker (their options are reset; connections live in the multi).
constexpr std::size_t kMaxIdleHandles = 1024;

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<CurlTransfer*>(user);
  const size_t n = size * count;
  std::string& body = t->response.body;
  if (body.capacity() < body.size() + n + kJsonPadding) {
    // Grow geometrically, always keeping the padding simdjson needs after the body.
    body.reserve(std::max(body.capacity() * 2, body.size() + n + kJsonPadding));
  }
  body.append(data, n);
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<CurlTransfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    t->response.headers.clear();  // a new status line (after 1xx or a proxy's CONNECT answer)
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string_view name = trim(line.substr(0, colon));
  std::string_view value = trim(line.substr(colon + 1));
  t->response.headers.emplace_back(std::string(name), std::string(value));
  if (name.size() == 14 && strncasecmp(name.data(), "content-length", 14) == 0) {
    const unsigned long long len = std::strtoull(std::string(value).c_str(), nullptr, 10);
    if (len > 0 && len < (1ull << 31)) t->response.body.reserve(len + kJsonPadding);
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<CurlTransfer*>(user);
  return t->also_cancel && t->also_cancel->cancelled() ? 1 : 0;
}

ErrorKind kind_of(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return ErrorKind::kTimeout;
    case CURLE_ABORTED_BY_CALLBACK:
      return ErrorKind::kCancelled;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return ErrorKind::kConfiguration;
    default:
      return ErrorKind::kConnection;
  }
}

void configure(CurlTransfer& t, const CurlTransportOptions& options) {
  CURL* h = t.easy;
  const HttpRequest& request = t.request;
  bool has_content_type = false;
  std::string line;
  for (const auto& [name, value] : request.headers) {
    line.assign(name);
    if (value.empty()) {
      line += ';';  // libcurl's syntax for a header with an empty value
    } else {
      line += ": ";
      line += value;
    }
    t.headers = curl_slist_append(t.headers, line.c_str());
    if (strcasecmp(name.c_str(), "content-type") == 0) has_content_type = true;
  }
  // No `Expect: 100-continue` round trip, and no form content type libcurl would add itself.
  t.headers = curl_slist_append(t.headers, "Expect:");
  if (!has_content_type) t.headers = curl_slist_append(t.headers, "Content-Type:");

  curl_easy_setopt(h, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, t.headers);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t.errbuf);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // gzip / deflate / br when offered
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION,
                   options.enable_http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
  if (options.enable_http2 && request.url.compare(0, 8, "https://") == 0) {
    // Wait for a connection that may multiplex instead of opening one per request at start.
    curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
  }
  const long timeout_ms = std::max<long>(1, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   std::min<long>(timeout_ms, static_cast<long>(options.connect_timeout.count())));
  if (!options.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options.proxy.c_str());
  if (!options.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_bundle.c_str());
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options.insecure_skip_tls_verify ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options.insecure_skip_tls_verify ? 0L : 2L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  if (t.also_cancel) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  }
  const std::string& m = request.method;
  if (m == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (m == "POST") {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
  } else if (m == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m.c_str());
  }
  if (request.has_body || m == "POST") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
  }
}

}  // namespace

LoopWorker::TransferId LoopWorker::start_transfer(
    HttpRequest request, AsyncSendCallback done, const CurlTransportOptions& curl,
    std::shared_ptr<const CancellationToken> also_cancel) {
  if (stopping() || dead()) {
    done(Error(ErrorKind::kCancelled, "the event loop is shutting down"));
    return 0;
  }
  auto t = std::make_unique<CurlTransfer>();
  t->id = next_transfer_++;
  t->request = std::move(request);
  t->done = std::move(done);
  t->also_cancel = std::move(also_cancel);
  t->errbuf[0] = '\0';
  if (!idle_handles_.empty()) {
    t->easy = idle_handles_.back();  // LIFO: warm in the cache
    idle_handles_.pop_back();
  } else {
    t->easy = curl_easy_init();
  }
  if (!t->easy) {
    t->done(Error(ErrorKind::kConnection, "libcurl: could not create a handle"));
    return 0;
  }
  configure(*t, curl);
  const CURLMcode mc = curl_multi_add_handle(multi_, t->easy);
  if (mc != CURLM_OK) {
    curl_slist_free_all(t->headers);
    curl_easy_reset(t->easy);
    idle_handles_.push_back(t->easy);
    t->done(Error(ErrorKind::kConnection, std::string("libcurl: could not start the transfer: ") +
                                              curl_multi_strerror(mc)));
    return 0;
  }
  const TransferId id = t->id;
  transfers_.emplace(id, std::move(t));
  return id;
}

void LoopWorker::abort_transfer(TransferId id) {
  if (dead()) return;
  auto it = transfers_.find(id);
  if (it == transfers_.end()) return;
  finish_transfer(it->second.get(), CURLE_ABORTED_BY_CALLBACK, true);
}

void LoopWorker::abort_all_transfers() {
  std::vector<TransferId> ids;
  ids.reserve(transfers_.size());
  for (const auto& [id, t] : transfers_) ids.push_back(id);
  for (TransferId id : ids) {
    auto it = transfers_.find(id);
    if (it != transfers_.end()) finish_transfer(it->second.get(), CURLE_ABORTED_BY_CALLBACK, true);
  }
}

void LoopWorker::perform() {
  int running = 0;
  curl_multi_perform(multi_, &running);
  // Collect first: completing a transfer runs callbacks that may start or abort others.
  std::vector<std::pair<TransferId, CURLcode>> finished;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CurlTransfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
    if (t) finished.emplace_back(t->id, msg->data.result);
  }
  for (const auto& [id, code] : finished) {
    auto it = transfers_.find(id);
    if (it != transfers_.end()) finish_transfer(it->second.get(), code, false);
  }
}

void LoopWorker::finish_transfer(CurlTransfer* t, int curl_code, bool aborted_by_loop) {
  const CURLcode rc = static_cast<CURLcode>(curl_code);
  curl_multi_remove_handle(multi_, t->easy);
  long status = 0;
  if (rc == CURLE_OK) curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(t->headers);
  t->headers = nullptr;
  curl_easy_reset(t->easy);
  if (idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(t->easy);
  } else {
    curl_easy_cleanup(t->easy);
  }
  t->easy = nullptr;

  Result<HttpResponse> result = Error(ErrorKind::kConnection, "no answer");
  if (aborted_by_loop) {
    result = Error(ErrorKind::kCancelled,
                   stopping() ? "the event loop was shut down" : "the call was cancelled");
  } else if (rc != CURLE_OK) {
    std::string message = "libcurl: ";
    message += curl_easy_strerror(rc);
    if (t->errbuf[0] != '\0') {
      message += " (";
      message += t->errbuf;
      message += ")";
    }
    result = Error(kind_of(rc), std::move(message));
  } else {
    HttpResponse response = std::move(t->response);
    response.status = static_cast<int>(status);
    if (response.body.capacity() - response.body.size() < kJsonPadding)
      response.body.reserve(response.body.size() + kJsonPadding);
    result = std::move(response);
  }
  AsyncSendCallback done = std::move(t->done);
  transfers_.erase(t->id);  // frees t
  if (done) done(std::move(result));
}

}  // namespace workos::detail
