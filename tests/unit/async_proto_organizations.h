// Copyright workos-cpp authors. Handwritten.
#pragma once

// PROTOTYPE, test-only: a hand-written async service for three operations of the
// organizations module (list / get / create), in exactly the shape the generator must emit for
// every module (see the comment block in include/workos/async/async_client_base.h), over the
// generated sync models, parameter structs and JSON code of that module. It proves the design
// end to end against the loopback server until codegen/ emits the real
// `workos::organizations::AsyncOrganizationsService`.

#include <workos/async/async_client_base.h>
#include <workos/async/async_page.h>
#include <workos/async/future.h>
#include <workos/client.h>
#include <workos/options.h>
#include <workos/organizations/service.h>
#include <workos/page.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "async/call_async.h"
#include "core/call.h"
#include "core/json.h"
#include "organizations/models_json.h"

namespace async_proto {

namespace json = workos::detail::json;

// The real generated models (workos::Organization, ...) and parameter structs
// (workos::organizations::ListOrganizationsParams, ...) and their JSON code are used as is.
using workos::Organization;
using workos::organizations::CreateOrganizationParams;
using workos::organizations::ListOrganizationsParams;

// ---- the seam: one HTTP call each, no pagination ----------------------------------------------

class AsyncOrganizationsConnection {
 public:
  virtual ~AsyncOrganizationsConnection() = default;
  virtual workos::Future<workos::Page<Organization>> list_organizations(
      const ListOrganizationsParams& params, const workos::RequestOptions& options) {
    (void)params, (void)options;
    return not_implemented<workos::Page<Organization>>("list_organizations");
  }
  virtual workos::Future<Organization> get_organization(std::string_view id,
                                                        const workos::RequestOptions& options) {
    (void)id, (void)options;
    return not_implemented<Organization>("get_organization");
  }
  virtual workos::Future<Organization> create_organization(const CreateOrganizationParams& params,
                                                           const workos::RequestOptions& options) {
    (void)params, (void)options;
    return not_implemented<Organization>("create_organization");
  }

 private:
  template <class T>
  static workos::Future<T> not_implemented(const char* what) {
    return workos::make_ready_future(workos::Result<T>(workos::Error(
        workos::ErrorKind::kConfiguration, std::string("AsyncOrganizationsConnection::") + what +
                                               " is not implemented by this connection")));
  }
};

// ---- the default connection (what src/organizations/async_service.cc will contain) ------------

class AsyncOrganizationsConnectionImpl final : public AsyncOrganizationsConnection {
 public:
  explicit AsyncOrganizationsConnectionImpl(std::shared_ptr<workos::detail::AsyncCore> core)
      : core_(std::move(core)) {}

  workos::Future<workos::Page<Organization>> list_organizations(
      const ListOrganizationsParams& params, const workos::RequestOptions& options) override {
    workos::detail::ApiRequest req;
    req.method = "GET";
    req.path = "/organizations";
    workos::detail::QueryBuilder q;
    q.add("before", params.before);
    q.add("after", params.after);
    q.add("limit", params.limit);
    if (params.order) q.add("order", (*params.order).wire());
    q.add("domains", params.domains);
    q.add("search", params.search);
    req.query = q.str();
    return workos::detail::call_async<workos::Page<Organization>>(core_, req, options,
                                                                  "OrganizationList");
  }

  workos::Future<Organization> get_organization(std::string_view id,
                                                const workos::RequestOptions& options) override {
    workos::detail::ApiRequest req;
    req.method = "GET";
    req.path = "/organizations/" + workos::detail::encode_path_segment(id);
    return workos::detail::call_async<Organization>(core_, req, options, "Organization");
  }

  workos::Future<Organization> create_organization(const CreateOrganizationParams& params,
                                                   const workos::RequestOptions& options) override {
    workos::detail::ApiRequest req;
    req.method = "POST";
    req.path = "/organizations";
    req.body = json::encode_document(static_cast<const workos::OrganizationDto&>(params));
    return workos::detail::call_async<Organization>(core_, req, options, "Organization");
  }

 private:
  std::shared_ptr<workos::detail::AsyncCore> core_;
};

// ---- the service: same names/parameters as the sync service, Future<...> results ---------------

class AsyncOrganizationsService {
 public:
  explicit AsyncOrganizationsService(std::shared_ptr<AsyncOrganizationsConnection> connection)
      : connection_(std::move(connection)) {}
  explicit AsyncOrganizationsService(std::shared_ptr<workos::detail::AsyncCore> core)
      : connection_(std::make_shared<AsyncOrganizationsConnectionImpl>(std::move(core))) {}

  workos::Future<workos::AsyncPage<Organization>> list_organizations(
      const ListOrganizationsParams& params = {},
      const workos::RequestOptions& options = {}) const {
    return workos::detail::to_async_page<Organization>(
        connection_->list_organizations(params, options),
        [connection = connection_, params, options](const std::string& cursor) {
          ListOrganizationsParams next = params;
          next.after = cursor;
          next.before.reset();
          return AsyncOrganizationsService(connection).list_organizations(next, options);
        });
  }

  workos::Future<Organization> get_organization(std::string_view id,
                                                const workos::RequestOptions& options = {}) const {
    return connection_->get_organization(id, options);
  }

  workos::Future<Organization> create_organization(
      const CreateOrganizationParams& params, const workos::RequestOptions& options = {}) const {
    return connection_->create_organization(params, options);
  }

  const std::shared_ptr<AsyncOrganizationsConnection>& connection() const noexcept {
    return connection_;
  }

 private:
  std::shared_ptr<AsyncOrganizationsConnection> connection_;
};

// ---- the generated AsyncClient, reduced to this one service -------------------------------------

class AsyncClient : public workos::AsyncClientBase {
 public:
  explicit AsyncClient(const workos::Client& client, workos::AsyncClientOptions options = {})
      : AsyncClientBase(client, std::move(options)), organizations_(async_core()) {}
  explicit AsyncClient(workos::ClientOptions options, workos::AsyncClientOptions async_options = {})
      : AsyncClientBase(std::move(options), std::move(async_options)),
        organizations_(async_core()) {}
  const AsyncOrganizationsService& organizations() const noexcept { return organizations_; }

 private:
  AsyncOrganizationsService organizations_;
};

}  // namespace async_proto
