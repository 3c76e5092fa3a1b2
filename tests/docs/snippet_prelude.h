// Copyright workos-cpp authors. Handwritten.
#pragma once

// The placeholders the guides' C++ fragments use without declaring them (tests/docs/snippets.py
// says how a fragment is compiled): the clients, the values a request would carry, and the
// application's own functions (`use`, `reply`, ...). Declared here, defined in
// snippet_runtime.cc for the runnable blocks.

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/workos.h>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace snippet_placeholders {

// The clients (a fragment may declare its own instead).
extern workos::Client client;
extern workos::AsyncClient async;
extern workos::ClientOptions options;

// What a request, a cookie or the configuration would give.
extern std::string id, cookie, cookie_password, cookie_header, secret, body, payload,
    signature_header, sig_header, email, password, request_code, stored_verifier, client_ip,
    client_user_agent, bearer, staging_key, user_id, org_id, data, aad;
extern std::vector<std::string> ids;
extern std::chrono::system_clock::time_point some_time_point;
extern std::shared_ptr<const workos::CancellationToken> cancel_token;
extern workos::DeviceAuthorizationResponse device;
extern workos::Organization acme;
extern workos::organizations::CreateOrganizationParams params;

/// A data key as the vault's key endpoints answer it.
struct DataKey {
  std::string data_key;        ///< The raw key (base64).
  std::string encrypted_keys;  ///< The key, encrypted by WorkOS (base64).
};
extern DataKey key;

/// An HTTP request of some web framework.
struct Request {
  std::string body;
  std::string get_header_value(const char* name) const;
};
extern Request req;

/// Some thread pool.
struct Pool {
  void submit(std::function<void()> task);
};
extern Pool pool;

// The application's own functions.
template <class... A>
void use(A&&...) {}
template <class... A>
void log(A&&...) {}
template <class... A>
void serve(A&&...) {}
template <class... A>
void set_cookie(A&&...) {}
template <class... A>
void index(A&&...) {}
template <class... A>
void process(A&&...) {}
template <class... A>
void welcome(A&&...) {}
inline void redirect_to_login() {}
inline void render_new_dashboard() {}
inline bool is_blocked(const std::string&) {
  return false;
}
inline int reply(int status, const std::string&) {
  return status;
}
inline void your_code(workos::Client&) {}

}  // namespace snippet_placeholders
