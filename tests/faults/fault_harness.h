// Copyright workos-cpp authors. Handwritten.
#pragma once

// Shared pieces of the fault matrix: every scenario runs once through the sync `Client` and
// once through the `AsyncClient` built from the same options. Each call runs under a hang
// watchdog: a call that has not returned after `kWatchdog` is a failure (then cancelled, so the
// test can end). The watchdog is a hang check, not a timing assertion.

#include <gtest/gtest.h>

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/options.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/transport.h>
#include <workos/user_management/async_user_management_client.h>
#include <workos/user_management/user_management_client.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace workos::faults {

/// Which client runs the scenario.
enum class Mode { kSync, kAsync };

inline void PrintTo(Mode mode, std::ostream* os) {
  *os << (mode == Mode::kSync ? "Client" : "AsyncClient");
}

inline std::string mode_name(const ::testing::TestParamInfo<Mode>& info) {
  return info.param == Mode::kSync ? "Sync" : "Async";
}

/// Longest a call may take before it counts as hung.
inline constexpr std::chrono::seconds kWatchdog{20};

inline constexpr char kOrgId[] = "org_01EHWNCE74X7JSDV0X3SZ3KJNY";

/// An organization as the API returns it (spec example).
inline const std::string& organization_json() {
  static const std::string json =
      R"({"object":"organization","id":"org_01EHWNCE74X7JSDV0X3SZ3KJNY","name":"Acme Inc.",)"
      R"("domains":[{"object":"organization_domain","id":"org_domain_01EHZNVPK2QXHMVWCEDQEKY69A",)"
      R"("organization_id":"org_01HE8GSH8FQPASKSY27THRKRBP","domain":"foo-corp.com",)"
      R"("state":"pending","verification_prefix":"superapp-domain-verification-z3kjny",)"
      R"("verification_token":"m5Oztg3jdK4NJLgs8uIlIprMw","verification_strategy":"dns",)"
      R"("created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"}],)"
      R"("metadata":{"tier":"diamond"},"external_id":"2fe01467-f7ea-4dd2-8b79-c2b4f56d0191",)"
      R"("stripe_customer_id":"cus_R9qWAGMQ6nGE7V","created_at":"2026-01-15T12:00:00.000Z",)"
      R"("updated_at":"2026-01-15T12:00:00.000Z","allow_profiles_outside_organization":false})";
  return json;
}

/// A user as `POST /user_management/users` returns it (spec example).
inline const std::string& user_json() {
  static const std::string json =
      R"({"object":"user","id":"user_01E4ZCR3C56J083X43JQXF3JK5","first_name":"Marcelina",)"
      R"("last_name":"Davis","name":"Marcelina Davis",)"
      R"("profile_picture_url":"https://workoscdn.com/images/v1/123abc",)"
      R"("email":"marcelina.davis@example.com","email_verified":true,)"
      R"("external_id":"f1ffa2b2-c20b-4d39-be5c-212726e11222",)"
      R"("metadata":{"timezone":"America/New_York"},"last_sign_in_at":"2025-06-25T19:07:33.155Z",)"
      R"("locale":"en-US","created_at":"2026-01-15T12:00:00.000Z",)"
      R"("updated_at":"2026-01-15T12:00:00.000Z",)"
      R"("radar_auth_attempt_id":"radar_auth_attempt_01HXYZ123456789ABCDEFGHIJ"})";
  return json;
}

/// Records the backoff delays the sync client asks for (and really waits them: they are the
/// client's own small backoffs, set in `fault_options`). Thread-safe.
struct SleepLog {
  std::mutex mutex;
  std::vector<std::chrono::milliseconds> delays;

  std::function<void(std::chrono::milliseconds)> sleeper() {
    return [this](std::chrono::milliseconds d) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        delays.push_back(d);
      }
      std::this_thread::sleep_for(d);
    };
  }
  std::vector<std::chrono::milliseconds> all() {
    std::lock_guard<std::mutex> lock(mutex);
    return delays;
  }
};

/// Options of every scenario: loopback base URL, tiny backoffs, a per-attempt timeout that
/// keeps even a misbehaving retry loop inside the watchdog.
inline ClientOptions fault_options(const std::string& base_url) {
  ClientOptions o;
  o.api_key = "sk_test_fault_matrix";
  o.client_id = "client_fault_matrix";
  o.base_url = base_url;
  o.timeout = std::chrono::seconds(4);
  o.retry.initial_backoff = std::chrono::milliseconds(1);
  o.retry.max_backoff = std::chrono::milliseconds(2);
  o.retry.max_retry_after = std::chrono::milliseconds(20);
  o.log_level = LogLevel::kOff;
  return o;
}

/// Runs one call through the client of `mode` under the hang watchdog.
/// `sync(client, request_options)` returns `Result<T>`; `async(client, request_options)`
/// returns `Future<T>`.
template <class T, class SyncCall, class AsyncCall>
Result<T> run_call(Mode mode, const ClientOptions& options, RequestOptions request, SyncCall sync,
                   AsyncCall async) {
  if (mode == Mode::kSync) {
    auto watchdog_token = std::make_shared<CancellationToken>();
    if (!request.cancellation) request.cancellation = watchdog_token;
    Client client(options);
    std::promise<Result<T>> done;
    std::future<Result<T>> outcome = done.get_future();
    std::thread caller([&] { done.set_value(sync(client, request)); });
    if (outcome.wait_for(kWatchdog) != std::future_status::ready) {
      ADD_FAILURE() << "the sync call did not return within " << kWatchdog.count() << " s";
      watchdog_token->cancel();
      if (outcome.wait_for(kWatchdog) != std::future_status::ready) {
        std::cerr << "the sync call ignores cancellation; aborting the fault suite\n";
        std::abort();
      }
    }
    caller.join();
    return outcome.get();
  }
  AsyncClient client(options);
  Future<T> future = async(client, request);
  if (!future.wait_for(kWatchdog)) {
    ADD_FAILURE() << "the async call did not complete within " << kWatchdog.count() << " s";
    future.cancel();
    if (!future.wait_for(kWatchdog)) {
      std::cerr << "the async call ignores cancellation; aborting the fault suite\n";
      std::abort();
    }
  }
  return future.get();
}

/// `GET /organizations/{id}`.
inline Result<Organization> get_organization(Mode mode, const ClientOptions& options,
                                             RequestOptions request = {}) {
  return run_call<Organization>(
      mode, options, std::move(request),
      [](const Client& c, const RequestOptions& r) {
        return c.organizations().get_organization(kOrgId, r);
      },
      [](const AsyncClient& c, const RequestOptions& r) {
        return c.organizations().get_organization(kOrgId, r);
      });
}

/// `POST /user_management/users`: a POST whose endpoint does not honour idempotency keys.
inline Result<CreateUserResponse> create_user(Mode mode, const ClientOptions& options,
                                              RequestOptions request = {}) {
  user_management::CreateUserParams params;
  params.email = "marcelina.davis@example.com";
  return run_call<CreateUserResponse>(
      mode, options, std::move(request),
      [params](const Client& c, const RequestOptions& r) {
        return c.user_management().create_user(params, r);
      },
      [params](const AsyncClient& c, const RequestOptions& r) {
        return c.user_management().create_user(params, r);
      });
}

/// `POST /user_management/authenticate` with the password grant.
inline Result<AuthenticateResponse> authenticate(Mode mode, const ClientOptions& options,
                                                 RequestOptions request = {}) {
  user_management::AuthenticateWithPasswordParams params;
  params.email = "ada@example.com";
  params.password = "correct horse";
  return run_call<AuthenticateResponse>(
      mode, options, std::move(request),
      [params](const Client& c, const RequestOptions& r) {
        return c.user_management().authenticate_with_password(params, r);
      },
      [params](const AsyncClient& c, const RequestOptions& r) {
        return c.user_management().authenticate_with_password(params, r);
      });
}

}  // namespace workos::faults
