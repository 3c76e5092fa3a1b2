// Copyright workos-cpp authors. Handwritten.
// The non-blocking form of vault encrypt / decrypt (vault/vault_client_impl.h): the one request
// of each side on the event loop.

#include <workos/vault/async_vault_client.h>

#include "async/async_mode_driver.h"
#include "vault/vault_client_impl.h"

namespace workos::vault {

template class BasicVaultClient<AsyncMode>;

}  // namespace workos::vault
