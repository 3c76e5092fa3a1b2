// Copyright workos-cpp authors. Handwritten.
#pragma once

// The one door from the SDK's own code (and its tests) to what public types keep private: the
// request cores behind clients, verifiers and sessions, and the constructors that take them.
// Public headers name `CoreAccess` only as a friend, so no internal type is in a signature a
// user can call.

#include <memory>
#include <utility>

namespace workos::detail {

struct CoreAccess {
  /// The sync request core of a client or helper client.
  template <class T>
  static decltype(auto) core(const T& owner) {
    return owner.core();
  }
  /// The async request core of an async client.
  template <class T>
  static decltype(auto) async_core(const T& owner) {
    return owner.async_core();
  }
  /// The event-loop internals.
  template <class T>
  static decltype(auto) impl(const T& owner) {
    return owner.impl();
  }
  /// Builds a `T` through one of its private constructors.
  template <class T, class... Args>
  static T make(Args&&... args) {
    return T(std::forward<Args>(args)...);
  }
  /// `make`, shared.
  template <class T, class... Args>
  static std::shared_ptr<const T> make_shared(Args&&... args) {
    return std::shared_ptr<const T>(new T(std::forward<Args>(args)...));
  }
  /// `AccessTokenVerifier::from_core` and its async twin.
  template <class T, class Core, class Options>
  static T verifier(Core core, Options options) {
    return T::from_core(std::move(core), std::move(options));
  }
};

}  // namespace workos::detail
