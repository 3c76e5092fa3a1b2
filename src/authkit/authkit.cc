// Copyright workos-cpp authors. Handwritten.
// Route protection over the blocking client (authkit/authkit_impl.h): each wait a call.

#include <workos/authkit/authkit.h>
#include <workos/user_management/user_management_client.h>

#include "authkit/authkit_impl.h"

namespace workos::authkit {

template class BasicAuthKit<SyncMode>;

}  // namespace workos::authkit
