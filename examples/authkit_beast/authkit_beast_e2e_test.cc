// Copyright workos-cpp authors. Handwritten.
// End-to-end: the Boost.Beast AuthKit example served in-process on its own io_context thread
// over an AsyncClient, driven by a browser through the whole flow against a fake of the WorkOS
// endpoints it uses (authorize, authenticate, JWKS, logout) that checks PKCE and issues real
// RS256 tokens.

#include "authkit_beast_app.h"

#include <boost/asio/ip/address.hpp>

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "support/authkit_fake.h"

namespace {

using workos::test::authkit::FakeWorkOS;
using workos::test::authkit::kApiKey;
using workos::test::authkit::kClientId;
using workos::test::authkit::kPassword;

TEST(AuthKitBeastExample, SignsInRefreshesAndSignsOut) {
  FakeWorkOS workos_fake;
  // Declared before the client: the client goes first, and answers of calls it cancels on the
  // way out are posted to a loop that still exists.
  boost::asio::io_context ioc;
  workos::ClientOptions o;
  o.api_key = kApiKey;
  o.client_id = kClientId;
  o.base_url = workos_fake.server.base_url();
  o.max_retries = 0;
  workos::AsyncClient client(o);

  authkit_beast::Server server(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const std::string app_url = "http://127.0.0.1:" + std::to_string(server.port());
  authkit_beast::AppConfig config;
  config.cookie_password = kPassword;
  config.redirect_uri = app_url + "/callback";
  config.home_url = app_url + "/";
  config.secure_cookies = false;
  auto app = authkit_beast::App::create(client, config);
  ASSERT_TRUE(app) << app.error().to_string();
  server.start(*app);
  std::thread io([&] { ioc.run(); });
  struct Stop {
    boost::asio::io_context& ioc;
    std::thread& thread;
    ~Stop() {
      ioc.stop();
      if (thread.joinable()) thread.join();
    }
  } stop{ioc, io};

  workos::test::authkit::expect_the_whole_flow(workos_fake, app_url);
}

}  // namespace
