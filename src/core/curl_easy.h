// Copyright workos-cpp authors. Handwritten.
#pragma once

// One libcurl attempt, shared by the sync transport (src/core/curl_transport.cc) and the event
// loop (src/async/curl_multi.cc), so the security-relevant setup — TLS verification, proxy,
// timeouts, compression, the response size limit and the receive callbacks — exists once.
//
//   CurlReceive rx(request);
//   curl_slist* headers = configure_easy(h, request, options, rx, errbuf);
//   CURLcode rc = curl_easy_perform(h);           // or a multi handle
//   Result<HttpResponse> out = finish_easy(h, rc, rx, errbuf);
//   curl_slist_free_all(headers);

#include <curl/curl.h>

#include <workos/result.h>
#include <workos/transport.h>

#include <cstddef>

namespace workos::detail {

/// Runs `curl_global_init` once per process, for the blocking transport and the event loop
/// alike (it is not thread-safe in every libcurl build: since 7.84 only when built with
/// atomics); never cleaned up (process lifetime).
void ensure_curl_initialized();

/// Receiving state of one transfer: the answer being built, the limit it must stay under and
/// why the callbacks stopped the transfer, if they did. Not thread-safe (one transfer).
struct CurlReceive {
  CurlReceive() = default;
  explicit CurlReceive(const HttpRequest& request) : limit(request.max_response_bytes) {}

  HttpResponse response;
  std::size_t limit = HttpRequest{}.max_response_bytes;
  /// The body (decoded) or the announced `Content-Length` passed `limit`.
  bool too_large = false;
  /// Memory ran out inside a callback (no exception crosses libcurl's C frames).
  bool out_of_memory = false;
  /// Cancellation flags checked while the transfer runs (either may be null).
  const CancellationToken* cancel = nullptr;
  const CancellationToken* also_cancel = nullptr;
};

/// Sets every per-attempt option of `h` for `request`: URL, method and body, headers, timeouts,
/// TLS verification, proxy, HTTP version, compression, and the callbacks writing into `rx`.
/// Returns the header list to free with `curl_slist_free_all` once the transfer is done.
/// `errbuf` must hold `CURL_ERROR_SIZE` bytes and outlive the transfer, as must `request`.
curl_slist* configure_easy(CURL* h, const HttpRequest& request, const CurlTransportOptions& options,
                           CurlReceive& rx, char* errbuf);

/// The outcome of a finished transfer: the answer, or a transport error whose code says whether
/// the request provably never reached the server (see `transport_codes`).
Result<HttpResponse> finish_easy(CURL* h, CURLcode rc, CurlReceive& rx, const char* errbuf);

}  // namespace workos::detail
