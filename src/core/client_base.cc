// Copyright workos-cpp authors. Handwritten.

#include <workos/client_base.h>

#include "core/call.h"

namespace workos {

ClientBase::ClientBase(ClientOptions options) {
  Result<std::shared_ptr<detail::ClientCore>> core = make_core(std::move(options));
  if (!core) detail::fail_value(core.error());
  core_ = std::move(*core);
}

ClientBase::ClientBase(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

Result<std::shared_ptr<detail::ClientCore>> ClientBase::make_core(ClientOptions options) {
  return detail::ClientCore::create(std::move(options));
}

const ClientOptions& ClientBase::options() const noexcept {
  return core_->options();
}
const std::string& ClientBase::client_id() const noexcept {
  return core_->client_id();
}
const std::string& ClientBase::base_url() const noexcept {
  return core_->base_url();
}
bool ClientBase::is_public_client() const noexcept {
  return core_->is_public_client();
}

}  // namespace workos
