// Copyright workos-cpp authors. Handwritten.
// Route protection over the async client (authkit/authkit_impl.h): each wait a future.

#include <workos/authkit/async_authkit.h>
#include <workos/user_management/async_user_management_client.h>

#include "async/async_mode_driver.h"
#include "authkit/authkit_impl.h"

namespace workos::authkit {

template class BasicAuthKit<AsyncMode>;

}  // namespace workos::authkit
