// Copyright workos-cpp authors. Handwritten.
#pragma once

// LazyService: one service of a client, built by the first call of its accessor and shared by
// every copy of the client afterwards. Type-erased so that the slots of every service can be
// declared without the services' headers (each accessor, in its module's source, knows the
// type).

#include <memory>
#include <mutex>

namespace workos::detail {

class LazyService {
 public:
  /// The service, built by `make()` (returning a `std::shared_ptr<const T>`) on the first call;
  /// concurrent first calls build it once.
  template <class T, class Make>
  const T& get(Make&& make) const {
    std::call_once(once_, [&] { value_ = make(); });
    return *static_cast<const T*>(value_.get());
  }

 private:
  mutable std::once_flag once_;
  mutable std::shared_ptr<const void> value_;
};

}  // namespace workos::detail
