// Copyright workos-cpp authors. Handwritten.
// The default transport: libcurl easy handles from a pool (each keeps its connection cache, so
// connections are reused across calls and threads), a share object for DNS and TLS sessions,
// HTTP/2 over TLS where offered, proxy variables honoured, no signals.
//
// Why not share the connection cache (CURL_LOCK_DATA_CONNECT)? libcurl documents that sharing
// connections between concurrently running threads is not supported; pooling easy handles gives
// the same reuse safely.

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <vector>

#include <workos/transport.h>
#include "core/curl_easy.h"

namespace workos {

namespace {

class CurlShare {
 public:
  CurlShare() : share_(curl_share_init()) {
    if (!share_) return;
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, &CurlShare::lock);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, &CurlShare::unlock);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~CurlShare() {
    if (share_) curl_share_cleanup(share_);
  }
  CurlShare(const CurlShare&) = delete;
  CurlShare& operator=(const CurlShare&) = delete;
  CURLSH* get() const noexcept { return share_; }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<CurlShare*>(self)->mutex_for(data).lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* self) {
    static_cast<CurlShare*>(self)->mutex_for(data).unlock();
  }
  std::mutex& mutex_for(curl_lock_data data) {
    const auto i = static_cast<std::size_t>(data);
    return mutexes_[i < kLocks ? i : 0];
  }
  static constexpr std::size_t kLocks = CURL_LOCK_DATA_LAST;
  CURLSH* share_;
  std::mutex mutexes_[kLocks];
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlTransportOptions options) : options_(std::move(options)) {
    detail::ensure_curl_initialized();
    share_ = std::make_unique<CurlShare>();
  }

  ~CurlTransport() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }

  Result<HttpResponse> send(const HttpRequest& request) override {
    CURL* h = acquire();
    if (!h) return Error(ErrorKind::kConnection, "libcurl: could not create a handle");
    detail::CurlReceive rx(request);
    rx.cancel = request.cancellation.get();
    char errbuf[CURL_ERROR_SIZE];
    curl_slist* headers = detail::configure_easy(h, request, options_, rx, errbuf);
    curl_easy_setopt(h, CURLOPT_SHARE, share_->get());
    curl_easy_setopt(h, CURLOPT_MAXCONNECTS, std::max<long>(1, options_.max_idle_connections));
    const CURLcode rc = curl_easy_perform(h);
    Result<HttpResponse> out = detail::finish_easy(h, rc, rx, errbuf);
    curl_slist_free_all(headers);
    release(h);
    return out;
  }

 private:
  CURL* acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        // LIFO: the most recently used handle most likely holds a live connection.
        CURL* h = idle_.back();
        idle_.pop_back();
        return h;
      }
    }
    return curl_easy_init();
  }

  void release(CURL* h) {
    // curl_easy_reset keeps the handle's live connection, TLS sessions and DNS cache; it drops
    // the options, so no pointer into this call's request survives in the pooled handle.
    curl_easy_reset(h);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (idle_.size() <
          static_cast<std::size_t>(std::max<long>(1, options_.max_idle_connections))) {
        idle_.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);  // outside the lock: closing a connection may do I/O
  }

  CurlTransportOptions options_;
  std::unique_ptr<CurlShare> share_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::shared_ptr<Transport> make_curl_transport(const CurlTransportOptions& options) {
  return std::make_shared<CurlTransport>(options);
}

}  // namespace workos
