// Copyright workos-cpp authors. Handwritten.
#pragma once

// The access-token verifier, written once for both forms (BasicAccessTokenVerifier<Mode>):
// the checks and the JWKS cache are TokenVerifierCore's; the blocking form looks keys up on the
// calling thread, the other on the event loop (auth/async_jwks.h). Instantiated by
// token_verifier.cc (blocking) and async_jwks.cc (non-blocking).

#include <workos/auth/access_token.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "async/async_core.h"
#include "auth/async_jwks.h"
#include "auth/client_state.h"
#include "auth/token_verifier.h"
#include "core/core_access.h"
#include "core/mode_driver.h"

namespace workos::auth {

template <class Mode>
BasicAccessTokenVerifier<Mode>::BasicAccessTokenVerifier(
    std::shared_ptr<const detail::TokenVerifierCore> verifier,
    std::shared_ptr<workos::detail::CoreOf<Mode>> core)
    : verifier_(std::move(verifier)), core_(std::move(core)) {}

template <class Mode>
BasicAccessTokenVerifier<Mode>::BasicAccessTokenVerifier(const Client& client,
                                                         TokenVerifyOptions options)
    : BasicAccessTokenVerifier(
          from_core(workos::detail::ModeDriver<Mode>::core_of(client), std::move(options))) {}

template <class Mode>
BasicAccessTokenVerifier<Mode>::BasicAccessTokenVerifier(const Client& client,
                                                         TokenVerifyOptions options,
                                                         JwksOptions jwks)
    : verifier_(std::make_shared<const detail::TokenVerifierCore>(
          workos::detail::CoreAccess::core(client),
          std::make_shared<detail::JwksCache>(
              std::move(jwks), detail::steady_now(workos::detail::CoreAccess::core(client))),
          std::move(options))),
      core_(workos::detail::ModeDriver<Mode>::core_of(client)) {}

template <class Mode>
auto BasicAccessTokenVerifier<Mode>::from_jwks_json(std::string_view jwks_json,
                                                    TokenVerifyOptions options)
    -> Result<BasicAccessTokenVerifier> {
  Result<std::shared_ptr<const detail::KeySet>> set = detail::parse_jwks(jwks_json);
  if (!set) return set.error();
  if ((*set)->keys.empty()) {
    return Error(ErrorKind::kDecode, "the JWKS holds no usable RS256 key");
  }
  return BasicAccessTokenVerifier(
      std::make_shared<const detail::TokenVerifierCore>(
          nullptr, detail::JwksCache::fixed(std::move(*set)), std::move(options)),
      nullptr);
}

template <class Mode>
auto BasicAccessTokenVerifier<Mode>::from_core(std::shared_ptr<workos::detail::CoreOf<Mode>> core,
                                               TokenVerifyOptions options)
    -> BasicAccessTokenVerifier {
  auto verifier = detail::make_verifier_core(
      workos::detail::ModeDriver<Mode>::client_core_ptr(core), std::move(options));
  return BasicAccessTokenVerifier(std::move(verifier), std::move(core));
}

template <class Mode>
auto BasicAccessTokenVerifier<Mode>::verify(std::string_view token) const
    -> Reply<Mode, AccessTokenClaims> {
  if constexpr (std::is_same_v<Mode, SyncMode>) {
    return verifier_->verify(token);
  } else {
    return detail::verify_async(verifier_, core_, std::string(token));
  }
}

template <class Mode>
auto BasicAccessTokenVerifier<Mode>::refresh_jwks() const -> Reply<Mode, void> {
  if constexpr (std::is_same_v<Mode, SyncMode>) {
    return verifier_->refresh();
  } else {
    return detail::refresh_jwks_async(verifier_, core_);
  }
}

template <class Mode>
std::string BasicAccessTokenVerifier<Mode>::jwks_url() const {
  return verifier_->jwks_url();
}

}  // namespace workos::auth
