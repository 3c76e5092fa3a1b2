// examples/consumer/mocks_check.cc — the installed workos::mocks target: a gMock mock of the
// organizations connection drives the real service (and its pagination) without any HTTP.
// Built only when find_package(workos) found the mocks (GoogleMock installed).
#include <workos/mocks/organizations_mock.h>

#include <gmock/gmock.h>

#include <cstdio>
#include <memory>

int main(int argc, char** argv) {
  ::testing::InitGoogleMock(&argc, argv);
  using ::testing::_;
  using ::testing::Return;

  auto mock = std::make_shared<workos::mocks::MockOrganizationsConnection>();
  workos::organizations::OrganizationsService organizations(mock);

  workos::Organization acme;
  acme.id = "org_1";
  acme.name = "Acme";
  EXPECT_CALL(*mock, get_organization(::testing::Eq("org_1"), _))
      .WillOnce(Return(workos::Result<workos::Organization>(acme)));

  auto org = organizations.get_organization("org_1");
  if (!org || org->name != "Acme") {
    std::fprintf(stderr, "mocked get_organization did not return the mocked value\n");
    return 1;
  }
  std::printf("workos::mocks OK: %s\n", org->name.c_str());
  return ::testing::Test::HasFailure() ? 1 : 0;
}
