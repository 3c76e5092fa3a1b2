// Copyright workos-cpp authors. Handwritten.
// The non-blocking form of the SSO helpers (sso/sso_client_impl.h): the code exchanges on the
// event loop.

#include <workos/sso/async_sso_client.h>

#include "async/async_mode_driver.h"
#include "sso/sso_client_impl.h"

namespace workos::sso {

template class BasicSsoClient<AsyncMode>;

}  // namespace workos::sso
