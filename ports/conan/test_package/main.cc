// Copyright workos-cpp authors. Handwritten.
// Test program of the package recipes: one call through an installed workos-cpp, answered by
// the fake transport (no network). Exit 0 when the organization decodes.

#include <workos/client.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>

#include <iostream>
#include <memory>

int main() {
  auto fake = std::make_shared<workos::testing::FakeTransport>();
  fake->enqueue_json(200, R"({"object":"organization","id":"org_01PKG","name":"Packaged"})");
  workos::ClientOptions options;
  options.api_key = "sk_test_package";
  options.transport = fake;
  auto client = workos::Client::create(options);
  if (!client) return 1;
  auto org = client->organizations().get_organization("org_01PKG");
  if (!org || org->name != "Packaged") return 1;
  std::cout << "workos-cpp package: " << org->id << "\n";
  return 0;
}
