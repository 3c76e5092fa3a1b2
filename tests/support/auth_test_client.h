// Copyright workos-cpp authors. Handwritten.
#pragma once

// A minimal client for the auth tests: `workos::ClientBase` with its constructor exposed, so the
// auth helpers can be tested without the generated `workos::Client`.

#include <workos/client.h>
#include <workos/options.h>

#include <utility>

namespace workos::test::auth {

struct TestClient : public workos::Client {
  explicit TestClient(workos::ClientOptions options) : Client(std::move(options)) {}
};

}  // namespace workos::test::auth
