// Copyright workos-cpp authors. Handwritten.
// The non-blocking form of the user-management helpers
// (user_management/user_management_client_impl.h): requests on the event loop, the device poll
// on loop timers, the async sessions and verifier.

#include <workos/user_management/async_user_management_client.h>

#include "async/async_mode_driver.h"
#include "user_management/user_management_client_impl.h"

namespace workos::user_management {

template class BasicUserManagementClient<AsyncMode>;

}  // namespace workos::user_management
