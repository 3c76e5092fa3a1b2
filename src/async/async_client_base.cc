// Copyright workos-cpp authors. Handwritten.
// AsyncClientBase (the handwritten base of the generated AsyncClient) and the non-template
// entry points of the async request API.

#include <workos/async/async_client_base.h>

#include "async/async_core.h"
#include "async/call_async.h"
#include "core/call.h"
#include "core/core_access.h"

namespace workos {

namespace {

std::shared_ptr<detail::ClientCore> resolve(ClientOptions options) {
  Result<std::shared_ptr<detail::ClientCore>> core = detail::ClientCore::create(std::move(options));
  if (!core) detail::fail_value(core.error());
  return std::move(*core);
}

}  // namespace

AsyncClientBase::AsyncClientBase(const ClientBase& client, AsyncClientOptions options)
    : AsyncClientBase(detail::CoreAccess::core(client), std::move(options)) {}

AsyncClientBase::AsyncClientBase(ClientOptions options, AsyncClientOptions async_options)
    : AsyncClientBase(resolve(std::move(options)), std::move(async_options)) {}

AsyncClientBase::AsyncClientBase(std::shared_ptr<detail::ClientCore> core,
                                 AsyncClientOptions options)
    : async_core_(detail::AsyncCore::create(std::move(core), options)) {
  // The owner handle: when the last copy of this client goes, the deleter closes the core
  // (cancelling its calls and stopping its own loop). Services keep `async_core_` alive but
  // not the owner.
  owner_ = std::shared_ptr<detail::AsyncCore>(
      async_core_.get(), [keep = async_core_](detail::AsyncCore* c) { c->close(); });
}

AsyncClientBase::~AsyncClientBase() = default;

const ClientOptions& AsyncClientBase::options() const noexcept {
  return async_core_->client().options();
}
const std::string& AsyncClientBase::client_id() const noexcept {
  return async_core_->client().client_id();
}
const std::string& AsyncClientBase::base_url() const noexcept {
  return async_core_->client().base_url();
}
void AsyncClientBase::shutdown() {
  async_core_->close();
}
std::size_t AsyncClientBase::in_flight() const {
  return async_core_->in_flight();
}
const std::shared_ptr<EventLoop>& AsyncClientBase::loop() const noexcept {
  return async_core_->loop();
}
const std::shared_ptr<detail::ClientCore>& AsyncClientBase::core() const noexcept {
  return async_core_->client_ptr();
}

namespace detail {

Future<void> call_async_void(const std::shared_ptr<AsyncCore>& core, const ApiRequest& request,
                             const RequestOptions& options) {
  return start_call<void>(core, request, options, [](CallPlan::Answer answer) -> Result<void> {
    if (!answer) return answer.error();
    return Result<void>(std::move(*answer));
  });
}

Future<std::shared_ptr<const ResponseInfo>> call_async_raw(const std::shared_ptr<AsyncCore>& core,
                                                           const ApiRequest& request,
                                                           const RequestOptions& options) {
  return start_call<std::shared_ptr<const ResponseInfo>>(
      core, request, options, [](CallPlan::Answer answer) { return answer; });
}

}  // namespace detail
}  // namespace workos
