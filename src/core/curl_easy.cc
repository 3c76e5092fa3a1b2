// Copyright workos-cpp authors. Handwritten.
// The per-attempt libcurl setup and result mapping shared by the sync transport and the event
// loop. See core/curl_easy.h.

#include "core/curl_easy.h"

#include <algorithm>
#include <charconv>
#include <mutex>
#include <new>
#include <string>
#include <string_view>

#include "core/headers.h"
#include "core/padding.h"

namespace workos {

Error transport_error(ErrorKind kind, std::string_view code, std::string message) {
  ErrorInfo info;
  info.kind = kind;
  info.code = std::string(code);
  info.message = std::move(message);
  return Error(std::move(info));
}

bool request_not_sent(const Error& error) noexcept {
  if (error.status() != 0) return false;  // an HTTP answer: the server saw the request
  const std::string& c = error.code();
  return c == transport_codes::kDnsFailure || c == transport_codes::kConnectFailure ||
         c == transport_codes::kConnectTimeout || c == transport_codes::kTlsHandshakeFailure ||
         c == transport_codes::kTlsCertificateFailure;
}

namespace detail {

namespace {

// Returning anything but `n` from a write or header callback makes libcurl end the transfer
// with CURLE_WRITE_ERROR; the reason is kept in `rx` for finish_easy.
size_t on_body(char* data, size_t size, size_t count, void* user) noexcept {
  auto* rx = static_cast<CurlReceive*>(user);
  const size_t n = size * count;
  std::string& body = rx->response.body;
  // libcurl hands over decoded bytes when it decompresses, so this bounds the decoded size.
  if (n > rx->limit || body.size() > rx->limit - n) {
    rx->too_large = true;
    return 0;
  }
  try {
    if (body.capacity() < body.size() + n + kJsonPadding) {
      // Grow geometrically (never past the limit), keeping the padding simdjson needs.
      const std::size_t want = std::min(std::max(body.capacity() * 2, body.size() + n),
                                        std::max(rx->limit, body.size() + n));
      body.reserve(want + kJsonPadding);
    }
    body.append(data, n);
  } catch (const std::bad_alloc&) {
    rx->out_of_memory = true;
    return 0;
  } catch (...) {
    rx->out_of_memory = true;
    return 0;
  }
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) noexcept {
  auto* rx = static_cast<CurlReceive*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  try {
    if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
      // A new status line (after 1xx, or a proxy's CONNECT answer): start over.
      rx->response.headers.clear();
      return n;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    const std::string_view name = trim_ows(line.substr(0, colon));
    const std::string_view value = trim_ows(line.substr(colon + 1));
    rx->response.headers.emplace_back(std::string(name), std::string(value));
    if (iequals(name, "content-length")) {
      unsigned long long len = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), len);
      if (ec == std::errc::result_out_of_range || (ec == std::errc() && len > rx->limit)) {
        rx->too_large = true;  // refused before a byte of the body arrives
        return 0;
      }
      // Reserve the body plus parser padding once, so it is never reallocated or copied.
      if (ec == std::errc() && end == value.data() + value.size() && len > 0)
        rx->response.body.reserve(static_cast<std::size_t>(len) + kJsonPadding);
    }
  } catch (...) {
    rx->out_of_memory = true;
    return 0;
  }
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) noexcept {
  const auto* rx = static_cast<const CurlReceive*>(user);
  // Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
  return (rx->cancel && rx->cancel->cancelled()) ||
                 (rx->also_cancel && rx->also_cancel->cancelled())
             ? 1
             : 0;
}

// How a libcurl failure is reported: its kind and, for the failures where the request never
// left (or the TLS handshake failed), its transport code. Any other code is a connection error
// without a transport code.
struct CurlFailure {
  ErrorKind kind = ErrorKind::kConnection;
  const char* transport_code = "";
};
CurlFailure classify(CURLcode rc) noexcept {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return {ErrorKind::kTimeout, ""};
    case CURLE_ABORTED_BY_CALLBACK:
      return {ErrorKind::kCancelled, ""};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {ErrorKind::kConfiguration, ""};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {ErrorKind::kConnection, transport_codes::kDnsFailure};
    case CURLE_COULDNT_CONNECT:
      return {ErrorKind::kConnection, transport_codes::kConnectFailure};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CIPHER:
      return {ErrorKind::kConnection, transport_codes::kTlsHandshakeFailure};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return {ErrorKind::kConnection, transport_codes::kTlsCertificateFailure};
    default:
      return {};
  }
}

// The error of a failed transfer of `h`.
Error curl_failure(CURL* h, CURLcode rc, std::string message) {
  const CurlFailure failure = classify(rc);
  const char* code = failure.transport_code;
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    // Timed out before libcurl started sending the request (resolve, connect, handshake).
    curl_off_t pretransfer = 0;
    if (curl_easy_getinfo(h, CURLINFO_PRETRANSFER_TIME_T, &pretransfer) == CURLE_OK &&
        pretransfer == 0)
      code = transport_codes::kConnectTimeout;
  }
  return transport_error(failure.kind, code, std::move(message));
}

}  // namespace

void ensure_curl_initialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

curl_slist* configure_easy(CURL* h, const HttpRequest& request, const CurlTransportOptions& options,
                           CurlReceive& rx, char* errbuf) {
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
    if (iequals(name, "content-type")) has_content_type = true;
  }
  // No `Expect: 100-continue` round trip, and no form content type libcurl would add itself.
  headers = curl_slist_append(headers, "Expect:");
  if (!has_content_type) headers = curl_slist_append(headers, "Content-Type:");

  errbuf[0] = '\0';
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  // Only http and https, also for a proxy's redirects (no file://, no smuggled schemes).
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  // Compression only when asked for: libcurl then hands the write callback decoded bytes, so
  // the size limit bounds what a small compressed answer may inflate to.
  if (options.enable_compression) curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION,
                   options.enable_http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1);
  const long timeout_ms = std::max<long>(1, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   std::min<long>(timeout_ms, static_cast<long>(options.connect_timeout.count())));
  // Explicit proxy; otherwise libcurl reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY itself, unless
  // told not to: an empty CURLOPT_PROXY turns the environment's proxy off, and an empty
  // CURLOPT_NOPROXY keeps the environment's NO_PROXY from bypassing an explicit one.
  if (!options.proxy.empty() || !options.use_environment_proxy)
    curl_easy_setopt(h, CURLOPT_PROXY, options.proxy.c_str());
  if (!options.use_environment_proxy) curl_easy_setopt(h, CURLOPT_NOPROXY, "");
  if (!options.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options.ca_bundle.c_str());
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, options.insecure_skip_tls_verify ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, options.insecure_skip_tls_verify ? 0L : 2L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &rx);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &rx);
  if (rx.cancel || rx.also_cancel) {
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &rx);
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
  return headers;
}

Result<HttpResponse> finish_easy(CURL* h, CURLcode rc, CurlReceive& rx, const char* errbuf) {
  if (rx.too_large) {
    return transport_error(ErrorKind::kConnection, transport_codes::kResponseTooLarge,
                           "the answer is larger than max_response_bytes (" +
                               std::to_string(rx.limit) + " bytes); the transfer was stopped");
  }
  if (rx.out_of_memory) {
    return transport_error(ErrorKind::kConnection, "",
                           "out of memory while receiving the answer; the transfer was stopped");
  }
  if (rc != CURLE_OK) {
    std::string message = "libcurl: ";
    message += curl_easy_strerror(rc);
    if (errbuf && errbuf[0] != '\0') {
      message += " (";
      message += errbuf;
      message += ")";
    }
    return curl_failure(h, rc, std::move(message));
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  HttpResponse response = std::move(rx.response);
  response.status = static_cast<int>(status);
  if (response.body.capacity() - response.body.size() < kJsonPadding)
    response.body.reserve(response.body.size() + kJsonPadding);
  return response;
}

}  // namespace detail
}  // namespace workos
