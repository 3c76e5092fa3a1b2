// Copyright workos-cpp authors. Handwritten.
// The non-blocking form of the passwordless endpoints (passwordless/passwordless_impl.h), sent
// on the event loop.

#include <workos/passwordless/async_passwordless.h>

#include "async/async_mode_driver.h"
#include "passwordless/passwordless_impl.h"

namespace workos::passwordless {

template class BasicPasswordlessService<AsyncMode>;

}  // namespace workos::passwordless
