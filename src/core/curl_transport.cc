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
#include <cstring>
#include <mutex>
#include <vector>

#include <workos/transport.h>
#include "core/padding.h"

namespace workos {

namespace {

// curl_global_init is not thread-safe in every libcurl build (it is since 7.84 only when built
// with atomics): run it exactly once, on first use, and never clean up (process lifetime).
void ensure_curl_global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

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

struct Transfer {
  HttpResponse* response;
  const HttpRequest* request;
  bool seen_status = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string& body = t->response->body;
  if (body.capacity() < body.size() + n + detail::kJsonPadding) {
    // Grow geometrically, always keeping the padding simdjson needs after the body.
    body.reserve(std::max(body.capacity() * 2, body.size() + n + detail::kJsonPadding));
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
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    // A new status line (after 1xx, or a proxy's CONNECT answer): start over.
    t->response->headers.clear();
    t->seen_status = true;
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string_view name = trim(line.substr(0, colon));
  std::string_view value = trim(line.substr(colon + 1));
  t->response->headers.emplace_back(std::string(name), std::string(value));
  if (name.size() == 14 && strncasecmp(name.data(), "content-length", 14) == 0) {
    // Reserve the body plus parser padding once, so it is never reallocated or copied.
    const unsigned long long len = std::strtoull(std::string(value).c_str(), nullptr, 10);
    if (len > 0 && len < (1ull << 31)) t->response->body.reserve(len + detail::kJsonPadding);
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
  return t->request->cancellation && t->request->cancellation->cancelled() ? 1 : 0;
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

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlTransportOptions options) : options_(std::move(options)) {
    ensure_curl_global_init();
    share_ = std::make_unique<CurlShare>();
  }

  ~CurlTransport() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }

  Result<HttpResponse> send(const HttpRequest& request) override {
    CURL* h = acquire();
    if (!h) return Error(ErrorKind::kConnection, "libcurl: could not create a handle");
    HttpResponse response;
    Transfer transfer{&response, &request};
    char errbuf[CURL_ERROR_SIZE];
    errbuf[0] = '\0';

    curl_slist* headers = nullptr;
    std::string line;
    bool has_content_type = false;
    for (const auto& [name, value] : request.headers) {
      line.assign(name);
      if (value.empty()) {
        line += ';';  // libcurl's syntax for a header with an empty value
      } else {
        line += ": ";
        line += value;
      }
      headers = curl_slist_append(headers, line.c_str());
      if (strcasecmp(name.c_str(), "content-type") == 0) has_content_type = true;
    }
    // No `Expect: 100-continue` round trip, and no form content type libcurl would add itself.
    headers = curl_slist_append(headers, "Expect:");
    if (!has_content_type) headers = curl_slist_append(headers, "Content-Type:");

    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_SHARE, share_->get());
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    if (options_.enable_compression) curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION,
                     options_.enable_http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
    const long timeout_ms = std::max<long>(1, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS,
        std::min<long>(timeout_ms, static_cast<long>(options_.connect_timeout.count())));
    curl_easy_setopt(h, CURLOPT_MAXCONNECTS, std::max<long>(1, options_.max_idle_connections));
    // Explicit proxy; otherwise libcurl reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY itself.
    if (!options_.proxy.empty()) curl_easy_setopt(h, CURLOPT_PROXY, options_.proxy.c_str());
    if (!options_.ca_bundle.empty())
      curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options_.insecure_skip_tls_verify ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options_.insecure_skip_tls_verify ? 0L : 2L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    if (request.cancellation) {
      curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &on_progress);
      curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
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
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    }

    const CURLcode rc = curl_easy_perform(h);
    long status = 0;
    if (rc == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    release(h);

    if (rc != CURLE_OK) {
      std::string message = "libcurl: ";
      message += curl_easy_strerror(rc);
      if (errbuf[0] != '\0') {
        message += " (";
        message += errbuf;
        message += ")";
      }
      return Error(kind_of(rc), std::move(message));
    }
    response.status = static_cast<int>(status);
    if (response.body.capacity() - response.body.size() < detail::kJsonPadding)
      response.body.reserve(response.body.size() + detail::kJsonPadding);
    return response;
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
