// Copyright workos-cpp authors. Handwritten.
// Fault matrix, connection level: refused connections, resets before the headers and in the
// middle of the body, a body shorter than its Content-Length, servers that dribble headers or
// body bytes forever, a name that cannot be resolved and a TLS server nobody vouches for. Each
// scenario runs through the sync and the async client.

#include <gtest/gtest.h>

#include <workos/async_client.h>
#include <workos/client.h>

#include <chrono>
#include <string>

#include "faults/fault_harness.h"
#include "support/loopback_server.h"
#include "support/raw_http_server.h"
#include "support/tls_material.h"

namespace workos::faults {
namespace {

using test::http_answer;
using test::RawConnection;
using test::RawHttpServer;

class ConnectionFaults : public ::testing::TestWithParam<Mode> {};

TEST_P(ConnectionFaults, RefusedGetIsRetriedThenFailsWithConnectFailure) {
  const ClientOptions options =
      fault_options("http://127.0.0.1:" + std::to_string(test::refused_port()));
  const auto r = get_organization(GetParam(), options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().code(), transport_codes::kConnectFailure);
  EXPECT_EQ(r.error().status(), 0);
  EXPECT_TRUE(request_not_sent(r.error()));
  EXPECT_EQ(r.error().attempts(), 4);
}

TEST_P(ConnectionFaults, RefusedPostIsRetriedBecauseItNeverReachedTheServer) {
  const ClientOptions options =
      fault_options("http://127.0.0.1:" + std::to_string(test::refused_port()));
  const auto r = create_user(GetParam(), options);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().code(), transport_codes::kConnectFailure);
  EXPECT_EQ(r.error().attempts(), 4);
}

TEST_P(ConnectionFaults, ResetBeforeHeadersRetriesAGetThenFails) {
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (c.read_request()) c.reset();
  });
  const auto r = get_organization(GetParam(), fault_options(server.base_url()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().status(), 0);
  EXPECT_FALSE(request_not_sent(r.error())) << r.error().code();
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(server.request_count(), 4u);
  EXPECT_EQ(server.connection_count(), 4u);
}

TEST_P(ConnectionFaults, ResetMidBodyRetriesAGetThenFails) {
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    const std::string& body = organization_json();
    std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n";
    if (c.write(head + body.substr(0, body.size() / 3))) c.reset();
  });
  const auto r = get_organization(GetParam(), fault_options(server.base_url()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_FALSE(request_not_sent(r.error())) << r.error().code();
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(server.request_count(), 4u);
}

TEST_P(ConnectionFaults, BodyShorterThanItsContentLengthIsAConnectionError) {
  // The whole JSON document arrives, then the server closes cleanly before the announced
  // length: a complete-looking body must not be decoded as a success.
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    const std::string& body = organization_json();
    c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
            std::to_string(body.size() + 500) + "\r\n\r\n" + body);
    c.close();
  });
  const auto r = get_organization(GetParam(), fault_options(server.base_url()));
  ASSERT_FALSE(r) << "a short body was accepted";
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(server.request_count(), 4u);
}

TEST_P(ConnectionFaults, SlowlorisHeadersEndWithATimeoutOnEveryAttempt) {
  // The status line, then one header byte every 50 ms, forever.
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    if (!c.write("HTTP/1.1 200 OK\r\nX-Slow: ")) return;
    while (c.pause(std::chrono::milliseconds(50)) && c.write("a")) {
    }
  });
  RequestOptions request;
  request.timeout = std::chrono::milliseconds(300);
  request.max_retries = 1;
  const auto r = get_organization(GetParam(), fault_options(server.base_url()), request);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout) << r.error().to_string();
  EXPECT_EQ(r.error().attempts(), 2);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST_P(ConnectionFaults, SlowlorisBodyEndsAtTheOverallDeadline) {
  // Complete headers, then one body byte every 50 ms, forever. The per-attempt timeout is
  // long; the call's deadline ends it and leaves no time for another attempt.
  RawHttpServer server([](RawConnection& c, std::size_t) {
    if (!c.read_request()) return;
    if (!c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 "Content-Length: 1000000\r\n\r\n{\"id\":\"")) {
      return;
    }
    while (c.pause(std::chrono::milliseconds(50)) && c.write("a")) {
    }
  });
  RequestOptions request;
  request.timeout = std::chrono::seconds(15);
  request.deadline = std::chrono::milliseconds(500);
  const auto r = get_organization(GetParam(), fault_options(server.base_url()), request);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout) << r.error().to_string();
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_P(ConnectionFaults, UnresolvableHostFailsWithDnsFailure) {
  // A 64-character label: the resolver refuses to encode the query, so nothing leaves the
  // machine (RFC 1035 §2.3.4 limits labels to 63 octets).
  const std::string host = std::string(64, 'a') + ".example.com";
  const auto r = get_organization(GetParam(), fault_options("http://" + host));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().code(), transport_codes::kDnsFailure);
  EXPECT_TRUE(request_not_sent(r.error()));
  EXPECT_EQ(r.error().attempts(), 4);
}

TEST_P(ConnectionFaults, SelfSignedServerFailsTheHandshakeWithVerificationOn) {
  test::SelfSignedCert cert({"localhost"}, {"127.0.0.1"});
  ASSERT_TRUE(cert.ok()) << cert.error();
  test::TlsLoopbackServer server(cert);
  ASSERT_TRUE(server.ok());
  ClientOptions options = fault_options(server.base_url());
  ASSERT_FALSE(options.curl.insecure_skip_tls_verify);
  const auto r = get_organization(GetParam(), options);
  ASSERT_FALSE(r) << "a self-signed server was trusted";
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().code(), transport_codes::kTlsCertificateFailure);
  EXPECT_TRUE(request_not_sent(r.error()));
  EXPECT_EQ(r.error().attempts(), 1) << "an untrusted certificate was retried";
  EXPECT_EQ(server.requests(), 0);
}

INSTANTIATE_TEST_SUITE_P(BothClients, ConnectionFaults,
                         ::testing::Values(Mode::kSync, Mode::kAsync), mode_name);

}  // namespace
}  // namespace workos::faults
