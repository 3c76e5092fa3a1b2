// Copyright workos-cpp authors. Handwritten.
// AuthKit login example server on Boost.Beast (asynchronous, one thread).
//
//   WORKOS_API_KEY=sk_test_... WORKOS_CLIENT_ID=client_...
//   WORKOS_COOKIE_PASSWORD=$(openssl rand -base64 32) ./authkit_beast [port]
//
// Then open http://localhost:3000/ (register http://localhost:3000/callback as a redirect URI
// in the WorkOS dashboard).

#include "authkit_beast_app.h"

#include <boost/asio/ip/address.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 3000;
  const char* password = std::getenv("WORKOS_COOKIE_PASSWORD");
  if (!password || std::string(password).size() < 32) {
    std::cerr << "set WORKOS_COOKIE_PASSWORD (at least 32 characters)\n";
    return 1;
  }
  auto sync = workos::Client::create({});
  if (!sync) {
    std::cerr << "configuration error: " << sync.error().message() << "\n";
    return 1;
  }
  workos::AsyncClient client(*sync);
  authkit_beast::AppConfig config;
  config.cookie_password = password;
  config.redirect_uri = "http://localhost:" + std::to_string(port) + "/callback";
  config.home_url = "http://localhost:" + std::to_string(port) + "/";
  config.secure_cookies = false;  // plain http on localhost
  auto app = authkit_beast::App::create(client, config);
  if (!app) {
    std::cerr << "configuration error: " << app.error().message() << "\n";
    return 1;
  }
  boost::asio::io_context ioc;
  authkit_beast::Server server(
      ioc, {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  server.start(*app);
  std::cout << "listening on http://localhost:" << server.port() << "/\n";
  ioc.run();
  return 0;
}
