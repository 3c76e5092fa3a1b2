// Copyright workos-cpp authors. Handwritten.
// Fault matrix, answer bodies: 200 answers that are not the JSON they claim (cut short, HTML,
// empty, invalid UTF-8) and answers past the size limit (announced by Content-Length, streamed
// chunked, or a small gzip body that inflates far past it). Each scenario runs through the sync
// and the async client.

#include <gtest/gtest.h>

#include <workos/async_client.h>
#include <workos/client.h>

#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "faults/fault_harness.h"
#include "support/raw_http_server.h"

namespace workos::faults {
namespace {

using test::http_answer;
using test::RawConnection;
using test::RawHttpServer;

constexpr std::size_t kLimit = std::size_t{1} << 20;

/// A server answering every request with `answer`.
RawHttpServer answering(std::string answer) {
  return RawHttpServer([answer = std::move(answer)](RawConnection& c, std::size_t) {
    if (c.read_request()) c.write(answer);
  });
}

/// An organization whose name is `n` bytes of 'a': a valid document of any size.
std::string huge_organization(std::size_t n) {
  std::string json = R"({"object":"organization","id":"org_1","name":")";
  json.append(n, 'a');
  json += R"("})";
  return json;
}

/// `data` as one gzip member (zlib, best compression).
std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

class BodyFaults : public ::testing::TestWithParam<Mode> {};

void expect_decode_error_without_retry(const Result<Organization>& r, const RawHttpServer& server) {
  ASSERT_FALSE(r) << "a broken body decoded";
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode) << r.error().to_string();
  EXPECT_EQ(r.error().status(), 200);
  EXPECT_EQ(server.request_count(), 1u);  // a 2xx is never retried
}

TEST_P(BodyFaults, TruncatedJsonIsADecodeError) {
  const std::string& body = organization_json();
  RawHttpServer server = answering(http_answer(200, body.substr(0, body.size() / 2)));
  expect_decode_error_without_retry(get_organization(GetParam(), fault_options(server.base_url())),
                                    server);
}

TEST_P(BodyFaults, HtmlPageWithStatus200IsADecodeError) {
  RawHttpServer server = answering(http_answer(
      200, "<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>", "text/html"));
  expect_decode_error_without_retry(get_organization(GetParam(), fault_options(server.base_url())),
                                    server);
}

TEST_P(BodyFaults, EmptyBodyWithStatus200IsADecodeError) {
  RawHttpServer server = answering(http_answer(200, ""));
  expect_decode_error_without_retry(get_organization(GetParam(), fault_options(server.base_url())),
                                    server);
}

TEST_P(BodyFaults, InvalidUtf8InAJsonStringIsADecodeError) {
  // simdjson validates UTF-8 while indexing the document: 0xC3 0x28 is an invalid two-byte
  // sequence (RFC 3629 §3) inside the organization's name.
  std::string body = organization_json();
  const std::string name = "\"Acme Inc.\"";
  body.replace(body.find(name), name.size(), "\"Acme \xC3\x28 Inc.\"");
  RawHttpServer server = answering(http_answer(200, body));
  expect_decode_error_without_retry(get_organization(GetParam(), fault_options(server.base_url())),
                                    server);
}

void expect_too_large(const Result<Organization>& r, const RawHttpServer& server) {
  ASSERT_FALSE(r) << "a body past the limit was accepted";
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().code(), transport_codes::kResponseTooLarge);
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_P(BodyFaults, BodyPastTheLimitAnnouncedByContentLengthFailsWithoutRetry) {
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    const std::string body = huge_organization(2 * kLimit);
    c.write(http_answer(200, body));
  });
  ClientOptions options = fault_options(server.base_url());
  options.max_response_bytes = kLimit;
  expect_too_large(get_organization(GetParam(), options), server);
}

TEST_P(BodyFaults, ChunkedBodyPastThePerCallLimitFailsWithoutRetry) {
  // No Content-Length: the limit can only be enforced while receiving.
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    if (!c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")) {
      return;
    }
    const std::string body = huge_organization(4 * kLimit);
    constexpr std::size_t kChunk = 64 * 1024;
    char size_line[32];
    for (std::size_t at = 0; at < body.size(); at += kChunk) {
      const std::size_t n = std::min(kChunk, body.size() - at);
      std::snprintf(size_line, sizeof size_line, "%zx\r\n", n);
      if (!c.write(size_line) || !c.write(std::string_view(body).substr(at, n)) ||
          !c.write("\r\n")) {
        return;
      }
    }
    c.write("0\r\n\r\n");
  });
  RequestOptions request;
  request.max_response_bytes = kLimit;
  expect_too_large(get_organization(GetParam(), fault_options(server.base_url()), request), server);
}

TEST_P(BodyFaults, GzipBombPastTheLimitOnceDecodedFails) {
  // 64 MiB of JSON that deflates to well under the 1 MiB limit: the decoded size counts.
  static const std::string bomb = gzip(huge_organization(std::size_t{64} << 20));
  ASSERT_LT(bomb.size(), kLimit / 4);
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (c.read_request())
      c.write(http_answer(200, bomb, "application/json", "Content-Encoding: gzip\r\n"));
  });
  ClientOptions options = fault_options(server.base_url());
  options.max_response_bytes = kLimit;
  options.curl.enable_compression = true;
  expect_too_large(get_organization(GetParam(), options), server);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_NE(requests[0].header("Accept-Encoding").find("gzip"), std::string::npos)
      << "Accept-Encoding: " << requests[0].header("Accept-Encoding");
}

TEST_P(BodyFaults, AnAnnouncedBodyTooLargeToAllocateFailsWithoutAnExceptionInLibcurl) {
  // With no practical limit, a Content-Length of 4 EiB makes the up-front reserve fail: the
  // allocation failure must end the transfer as an error, never unwind through libcurl.
  RawHttpServer server = answering(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      "Content-Length: 4611686018427387904\r\nConnection: close\r\n\r\n{");
  ClientOptions options = fault_options(server.base_url());
  options.max_response_bytes = std::numeric_limits<std::size_t>::max();
  options.max_retries = 0;
  Result<Organization> org = get_organization(GetParam(), options);
  ASSERT_FALSE(org);
  EXPECT_EQ(org.error().kind(), ErrorKind::kConnection);
  EXPECT_NE(org.error().message().find("out of memory"), std::string::npos)
      << org.error().to_string();
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST_P(BodyFaults, CompressionIsNotAskedForUnlessEnabled) {
  // Off by default in both clients: nothing may inflate behind the caller's back.
  RawHttpServer server = answering(http_answer(200, organization_json()));
  Result<Organization> org = get_organization(GetParam(), fault_options(server.base_url()));
  ASSERT_TRUE(org) << org.error().to_string();
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].header("Accept-Encoding"), "");
}

INSTANTIATE_TEST_SUITE_P(BothClients, BodyFaults, ::testing::Values(Mode::kSync, Mode::kAsync),
                         mode_name);

}  // namespace
}  // namespace workos::faults
