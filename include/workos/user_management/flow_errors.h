// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Typed models for what an authentication-flow error carries. A sign-in that needs another
/// step (`mfa_challenge`, `organization_selection_required`, `email_verification_required`, ...)
/// fails with an `Error` whose `info()` keeps the answer's parts as JSON text; these functions
/// decode them. They take the `Error` of a `Result` (or `e.error()` of a caught
/// `AuthenticationFlowError`).
///
/// @code
/// auto auth = client.user_management().authenticate_with_password({email, password});
/// if (!auth && auth.error().auth_flow() == workos::AuthFlowKind::kOrganizationSelectionRequired) {
///   for (const auto& org : workos::user_management::flow_organizations(auth.error()).value())
///     offer(org.id, org.name);  // then authenticate_with_organization_selection
/// }
/// @endcode

#include <workos/common/models.h>
#include <workos/error.h>
#include <workos/multi_factor_auth/models.h>
#include <workos/result.h>

#include <string>
#include <vector>

namespace workos::user_management {

/// An organization an `organization_selection_required` answer offers; continue with
/// `authenticate_with_organization_selection` and its `id`.
struct OrganizationChoice {
  std::string id;    ///< `org_...`
  std::string name;  ///< The organization's name.
};

/// The `user` the answer carried (`Error::info().user_json`). Errors: `kDecode` when the answer
/// had no user or it is not a user object.
[[nodiscard]] Result<workos::User> flow_user(const Error& error);

/// The factors of an `mfa_challenge` answer (`Error::info().authentication_factors_json`), to
/// challenge with `multi_factor_auth().challenge_factor` and finish with
/// `authenticate_with_totp`. Errors: `kDecode` when the answer listed none or not as factors.
[[nodiscard]] Result<std::vector<workos::AuthenticationFactor>> flow_authentication_factors(
    const Error& error);

/// The organizations of an `organization_selection_required` answer
/// (`Error::info().organizations_json`). Errors: `kDecode` when the answer listed none or not as
/// objects with an `id`.
[[nodiscard]] Result<std::vector<OrganizationChoice>> flow_organizations(const Error& error);

}  // namespace workos::user_management
