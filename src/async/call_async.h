// Copyright workos-cpp authors. Handwritten.
#pragma once

// Internal request API of the async client, the counterpart of core/call.h. The generated async
// services (src/<module>/async_service.cc) and the SDK's handwritten helpers build the same
// detail::ApiRequest as their sync twins and hand it here:
//
//   Future<Organization> AsyncOrganizationsConnectionImpl::get_organization(
//       std::string_view id, const RequestOptions& options) {
//     detail::ApiRequest req;
//     req.method = "GET";
//     req.path = "/organizations/" + detail::encode_path_segment(id);
//     return detail::call_async<Organization>(core_, req, options, "Organization");
//   }
//
// The call runs the one request pipeline (detail::CallPlan) on the event loop; the 2xx body is
// decoded on the loop thread by detail::decode_response, the step detail::call<T> uses.

#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/result.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "async/async_core.h"
#include "core/call.h"
#include "core/json.h"

namespace workos::detail {

/// Starts `request` on the event loop; the future completes with `finish(answer)` (a
/// `Result<T>`), run on the loop thread. Cancelling the future cancels the call (between
/// attempts, during backoff, and mid-transfer). The plumbing under every `call_async*`.
template <class T, class Finish>
Future<T> start_call(const std::shared_ptr<AsyncCore>& core, const ApiRequest& request,
                     const RequestOptions& options, Finish finish) {
  auto promise = std::make_shared<Promise<T>>(core->fallback(), core->executor());
  Future<T> future = promise->get_future();
  std::function<void()> canceller = core->start(
      request, options, [promise, finish = std::move(finish)](CallPlan::Answer answer) mutable {
        promise->set_result(finish(std::move(answer)));
      });
  if (canceller) promise->set_canceller(std::move(canceller));
  return future;
}

/// Starts `request` on the event loop; the future completes with the decoded `T` or the error.
/// `model` names the model in decode errors.
template <class T>
Future<T> call_async(const std::shared_ptr<AsyncCore>& core, const ApiRequest& request,
                     const RequestOptions& options, std::string_view model) {
  const ClientCore* client = &core->client();  // kept alive by the op that runs `finish`
  return start_call<T>(core, request, options,
                       [client, model = std::string(model)](CallPlan::Answer answer) {
                         return decode_response<T>(*client, std::move(answer), model);
                       });
}

/// `call_async` of a request that could not be built: a future of `core` (a plain one without a
/// core) that already holds the builder's error.
template <class T>
Future<T> call_async(const std::shared_ptr<AsyncCore>& core, const Result<ApiRequest>& request,
                     const RequestOptions& options, std::string_view model) {
  if (request) return call_async<T>(core, *request, options, model);
  return ready_async<T>(core, request.error());
}

/// `call_async` for operations some of whose 2xx answers have no body: an empty body is an
/// empty optional, anything else is decoded into `T`.
template <class T>
Future<std::optional<T>> call_async_optional(const std::shared_ptr<AsyncCore>& core,
                                             const ApiRequest& request,
                                             const RequestOptions& options,
                                             std::string_view model) {
  const ClientCore* client = &core->client();  // kept alive by the op that runs `finish`
  return start_call<std::optional<T>>(
      core, request, options, [client, model = std::string(model)](CallPlan::Answer answer) {
        return decode_optional_response<T>(*client, std::move(answer), model);
      });
}

/// `call_async` for answers whose body the caller does not need (204 or ignored).
Future<void> call_async_void(const std::shared_ptr<AsyncCore>& core, const ApiRequest& request,
                             const RequestOptions& options);

/// The raw 2xx answer (status, headers, body) without decoding; for helpers that parse it
/// themselves (JWKS, ...).
Future<std::shared_ptr<const ResponseInfo>> call_async_raw(const std::shared_ptr<AsyncCore>& core,
                                                           const ApiRequest& request,
                                                           const RequestOptions& options);

}  // namespace workos::detail
