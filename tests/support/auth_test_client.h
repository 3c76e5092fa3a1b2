// Copyright workos-cpp authors. Handwritten.
#pragma once

// A minimal client for the auth tests: `workos::ClientBase` with its constructor exposed, so the
// auth helpers can be tested without the generated `workos::Client`.

#include <workos/client_base.h>
#include <workos/options.h>

#include <utility>

namespace workos::test::auth {

struct TestClient : public workos::ClientBase {
  explicit TestClient(workos::ClientOptions options) : ClientBase(std::move(options)) {}
};

}  // namespace workos::test::auth
