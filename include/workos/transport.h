// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// The HTTP transport seam. The default implementation uses libcurl (`make_curl_transport`);
/// tests and users can plug in their own (see `workos/testing/fake_transport.h`).

#include <workos/result.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace workos {

/// Ordered header list; names are compared case-insensitively by the library.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// A cooperative cancellation flag shared between a caller and in-flight calls.
/// Thread-safe: `cancel()` may be called from any thread.
class CancellationToken {
 public:
  /// Requests cancellation (idempotent).
  void cancel() noexcept { cancelled_.store(true, std::memory_order_release); }
  /// True once `cancel()` was called.
  bool cancelled() const noexcept { return cancelled_.load(std::memory_order_acquire); }

 private:
  std::atomic<bool> cancelled_{false};
};

/// One HTTP request as handed to a `Transport` (one attempt).
struct HttpRequest {
  std::string method;  ///< "GET", "POST", "PUT", "PATCH", "DELETE".
  std::string url;     ///< Absolute URL, already percent-encoded.
  /// Header list (names as sent / received).
  Headers headers;
  std::string body;       ///< Empty when there is no body.
  bool has_body = false;  ///< Distinguishes "no body" from an empty body.
  /// Time allowed for this attempt (connect + transfer).
  std::chrono::milliseconds timeout{60000};
  /// Optional cancellation; a transport should stop the transfer soon after it is set.
  std::shared_ptr<const CancellationToken> cancellation;
  /// Largest answer body accepted, counted after decompression. A transport stops receiving
  /// once the body would grow past it (or at once when `Content-Length` says so) and fails with
  /// code `transport_codes::kResponseTooLarge`; it never reserves memory past it up front.
  std::size_t max_response_bytes = std::size_t{32} << 20;
};

/// One HTTP answer as returned by a `Transport`.
struct HttpResponse {
  /// HTTP status.
  int status = 0;
  /// Header list (names as sent / received).
  Headers headers;
  /// Body bytes (the libcurl transport leaves spare capacity for the JSON parser's padding).
  std::string body;
  /// Value of the first header named `name` (case-insensitive), or empty.
  std::string_view header(std::string_view name) const noexcept;
};

/// Codes a transport puts in `Error::code()` of a failure without an HTTP answer. The first
/// five say the request provably never reached the server (see `request_not_sent`), which lets
/// the retry policy repeat even a POST, except after a certificate failure, which a retry cannot
/// mend; any other failure may have reached the server.
namespace transport_codes {
inline constexpr char kDnsFailure[] = "dns_failure";          ///< Name resolution failed.
inline constexpr char kConnectFailure[] = "connect_failure";  ///< TCP connect refused/failed.
inline constexpr char kConnectTimeout[] = "connect_timeout";  ///< Timed out before sending.
inline constexpr char kTlsHandshakeFailure[] = "tls_handshake_failure";  ///< TLS setup failed.
/// The server's certificate was not trusted (verification, name, issuer, pinned key) or the
/// client's own certificate or CA file is unusable: never retried.
inline constexpr char kTlsCertificateFailure[] = "tls_certificate_failure";
/// The answer body passed `HttpRequest::max_response_bytes`; never retried.
inline constexpr char kResponseTooLarge[] = "response_too_large";
}  // namespace transport_codes

/// A transport failure of `kind` (`kConnection`, `kTimeout`, ...) carrying one of the
/// `transport_codes` (or an empty code when nothing more is known).
Error transport_error(ErrorKind kind, std::string_view code, std::string message);

/// True when `error` is a transport failure that provably happened before the request reached
/// the server (DNS, connect, connect timeout, TLS handshake).
bool request_not_sent(const Error& error) noexcept;

/// Sends one HTTP request (one attempt; retries happen above). Implementations must be
/// thread-safe: one transport serves every thread of a client. Failures without an HTTP answer
/// are returned as an `Error` of kind `kConnection`, `kTimeout` or `kCancelled`, made with
/// `transport_error` so the retry policy can tell whether the request was sent.
class Transport {
 public:
  /// Destroys the transport (after every call using it has returned).
  virtual ~Transport() = default;
  /// Sends one attempt; returns the answer (any status) or a transport failure.
  virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

/// Options of the default libcurl transport.
struct CurlTransportOptions {
  /// Explicit proxy URL (`http://host:port`); empty = use `HTTPS_PROXY` / `HTTP_PROXY` /
  /// `ALL_PROXY` / `NO_PROXY` from the environment, as libcurl does (unless
  /// `use_environment_proxy` is false).
  std::string proxy;
  /// False: ignore the proxy variables of the environment and connect directly (or through
  /// `proxy` when set), so that a variable set for other programs cannot route the API key
  /// through a proxy.
  bool use_environment_proxy = true;
  /// CA bundle file (PEM); empty = the system default.
  std::string ca_bundle;
  /// Turns TLS peer and host verification off. Never do this in production.
  bool insecure_skip_tls_verify = false;
  /// Time allowed to establish a connection, within the per-attempt timeout.
  std::chrono::milliseconds connect_timeout{10000};
  /// Allow HTTP/2 when the server offers it (over TLS, via ALPN).
  bool enable_http2 = true;
  /// Upper bound of idle connections kept for reuse.
  long max_idle_connections = 16;
  /// Ask for compressed answers (`Accept-Encoding` with every encoding libcurl supports).
  /// Off by default: WorkOS answers are small and decompressing costs more CPU than the
  /// bytes saved on a fast link; turn it on for slow or metered links.
  bool enable_compression = false;
};

/// The default transport: libcurl with a shared connection pool (connections are reused across
/// calls and threads), HTTP/2 where offered, the environment's proxy variables honoured unless
/// `options.use_environment_proxy` is false.
std::shared_ptr<Transport> make_curl_transport(const CurlTransportOptions& options = {});

}  // namespace workos
