// Copyright workos-cpp authors. Handwritten.
#pragma once

// Sending a grant (internal): the generated grant methods of `BasicGrants<Mode>`
// (user_management/grants.cc) build the body and call this, in either call mode. Every grant
// goes through the connection (`create_authenticate`), which sends the API key only when the
// client has one (a public client authenticates with its PKCE verifier), so a mocked
// connection sees every grant.

#include <workos/call_mode.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/grants.h>

#include <memory>
#include <utility>

#include "core/mode_driver.h"
#include "user_management/grants.h"

namespace workos::auth::detail {

template <class Mode>
typename Mode::template Reply<workos::AuthenticateResponse> send_grant(
    const workos::user_management::BasicGrants<Mode>& self,
    const std::shared_ptr<workos::detail::CoreOf<Mode>>& core,
    workos::user_management::grants::Body body, const RequestOptions& options) {
  if (!body) {
    return workos::detail::ModeDriver<Mode>::template fail<workos::AuthenticateResponse>(
        core, body.error());
  }
  workos::user_management::CreateAuthenticateParams params;
  params.body = std::move(*body);
  return self.create_authenticate(params, options);
}

}  // namespace workos::auth::detail
