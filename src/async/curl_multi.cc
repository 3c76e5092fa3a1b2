// Copyright workos-cpp authors. Handwritten.
// The libcurl side of a LoopWorker: one easy handle per attempt on the worker's multi handle.
// Connections live in the multi handle's cache and are reused across attempts; HTTP/2 streams
// are multiplexed on one connection when the server offers h2 (CURLPIPE_MULTIPLEX + PIPEWAIT).
// The easy-handle options come from core/curl_easy.h, shared with the sync transport: same
// headers, timeouts, proxy, TLS, compression setting, size limit and body padding.

#include <workos/transport.h>

#include <string>
#include <utility>
#include <vector>

#include "async/loop.h"
#include "core/curl_easy.h"

namespace workos::detail {

namespace {

// Idle easy handles kept per worker (their options are reset; connections live in the multi).
constexpr std::size_t kMaxIdleHandles = 1024;

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
  t->rx = CurlReceive(t->request);
  t->rx.also_cancel = t->also_cancel.get();
  t->headers = configure_easy(t->easy, t->request, curl, t->rx, t->errbuf);
  curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t.get());
  if (curl.enable_http2 && t->request.url.compare(0, 8, "https://") == 0) {
    // Wait for a connection that may multiplex instead of opening one per request at start.
    curl_easy_setopt(t->easy, CURLOPT_PIPEWAIT, 1L);
  }
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
  Result<HttpResponse> result = Error(ErrorKind::kConnection, "no answer");
  if (aborted_by_loop) {
    result = Error(ErrorKind::kCancelled,
                   stopping() ? "the event loop was shut down" : "the call was cancelled");
  } else {
    result = finish_easy(t->easy, rc, t->rx, t->errbuf);
  }
  curl_slist_free_all(t->headers);
  t->headers = nullptr;
  curl_easy_reset(t->easy);
  if (idle_handles_.size() < kMaxIdleHandles) {
    idle_handles_.push_back(t->easy);
  } else {
    curl_easy_cleanup(t->easy);
  }
  t->easy = nullptr;

  AsyncSendCallback done = std::move(t->done);
  transfers_.erase(t->id);  // frees t
  if (done) done(std::move(result));
}

}  // namespace workos::detail
