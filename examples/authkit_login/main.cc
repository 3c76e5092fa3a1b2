// Copyright workos-cpp authors. Handwritten.
// AuthKit login example server.
//
//   WORKOS_API_KEY=sk_test_... WORKOS_CLIENT_ID=client_...
//   WORKOS_COOKIE_PASSWORD=$(openssl rand -base64 32) ./authkit_login [port]
//
// Then open http://localhost:3000/ (register http://localhost:3000/callback as a redirect URI
// in the WorkOS dashboard).

#include "authkit_login_app.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 3000;
  const char* password = std::getenv("WORKOS_COOKIE_PASSWORD");
  if (!password || std::string(password).size() < 32) {
    std::cerr << "set WORKOS_COOKIE_PASSWORD (at least 32 characters)\n";
    return 1;
  }
  auto client = workos::Client::create({});
  if (!client) {
    std::cerr << "configuration error: " << client.error().message() << "\n";
    return 1;
  }
  authkit_login::AppConfig config;
  config.cookie_password = password;
  config.redirect_uri = "http://localhost:" + std::to_string(port) + "/callback";
  config.home_url = "http://localhost:" + std::to_string(port) + "/";
  config.secure_cookies = false;  // plain http on localhost
  httplib::Server server;
  authkit_login::register_routes(server, *client, config);
  std::cout << "listening on http://localhost:" << port << "/\n";
  server.listen("127.0.0.1", port);
  return 0;
}
