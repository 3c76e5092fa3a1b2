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
// decoded on the loop thread with json::decode_document, exactly as detail::call<T> does.

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

/// Decodes a 2xx answer into `T` (warnings logged, DecodeError with the response metadata), or
/// passes the error on. The same steps as detail::call<T>.
template <class T>
Result<T> decode_answer(const ClientCore& core, CallPlan::Answer answer, std::string_view model) {
  if (!answer) return answer.error();
  T out;
  std::function<void(const std::string&)> warn = [&core](const std::string& w) {
    core.log(LogLevel::kWarning, w);
  };
  Result<void> decoded = json::decode_document((*answer)->body, model, out, &warn);
  if (!decoded) return core.decode_error(decoded.error(), **answer);
  return Result<T>(std::move(out), std::move(*answer));
}

/// Starts `request` on the event loop; the future completes with the decoded `T` or the error.
/// `model` names the model in decode errors. Cancelling the future cancels the call (between
/// attempts, during backoff, and mid-transfer).
template <class T>
Future<T> call_async(const std::shared_ptr<AsyncCore>& core, const ApiRequest& request,
                     const RequestOptions& options, std::string_view model) {
  auto promise = std::make_shared<Promise<T>>(core->fallback(), core->executor());
  Future<T> future = promise->get_future();
  const ClientCore* client = &core->client();  // kept alive by the op that runs `done`
  std::function<void()> canceller = core->start(
      request, options, [promise, client, model = std::string(model)](CallPlan::Answer answer) {
        promise->set_result(decode_answer<T>(*client, std::move(answer), model));
      });
  if (canceller) promise->set_canceller(std::move(canceller));
  return future;
}

/// `call_async` for operations some of whose 2xx answers have no body: an empty body is an
/// empty optional, anything else is decoded into `T`.
template <class T>
Future<std::optional<T>> call_async_optional(const std::shared_ptr<AsyncCore>& core,
                                             const ApiRequest& request,
                                             const RequestOptions& options,
                                             std::string_view model) {
  auto promise = std::make_shared<Promise<std::optional<T>>>(core->fallback(), core->executor());
  Future<std::optional<T>> future = promise->get_future();
  const ClientCore* client = &core->client();  // kept alive by the op that runs `done`
  std::function<void()> canceller = core->start(
      request, options, [promise, client, model = std::string(model)](CallPlan::Answer answer) {
        if (answer && (*answer)->body.empty()) {
          promise->set_result(Result<std::optional<T>>(std::optional<T>(), std::move(*answer)));
          return;
        }
        Result<T> decoded = decode_answer<T>(*client, std::move(answer), model);
        if (!decoded) {
          promise->set_result(decoded.error());
          return;
        }
        std::shared_ptr<const ResponseInfo> info = decoded.response_ptr();
        std::optional<T> value(std::move(*decoded));
        promise->set_result(info ? Result<std::optional<T>>(std::move(value), std::move(info))
                                 : Result<std::optional<T>>(std::move(value)));
      });
  if (canceller) promise->set_canceller(std::move(canceller));
  return future;
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
