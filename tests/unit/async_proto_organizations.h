// Copyright workos-cpp authors. Handwritten.
#pragma once

// PROTOTYPE (issue 6), test-only: a hand-written async service for three operations of the
// organizations module (list / get / create), in exactly the shape the generator must emit for
// every module (see the comment block in include/workos/async/async_client_base.h). It proves
// the design end to end against the loopback server until codegen/ emits the real
// `workos::organizations::AsyncOrganizationsService`. The models here are minimal stand-ins for
// the generated ones.

#include <workos/async/async_client_base.h>
#include <workos/async/async_page.h>
#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/page.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "async/call_async.h"
#include "core/call.h"
#include "core/json.h"

namespace async_proto {

namespace json = workos::detail::json;

// ---- models (stand-ins for the generated ones) ------------------------------------------------

struct Organization {
  std::string object;
  std::string id;
  std::string name;
  std::optional<std::string> external_id;
};

inline void read(json::Value v, Organization& o, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  bool seen_id = false;
  for (auto f : r.fields()) {
    if (f.key == "object") json::field(c, "Organization", "object", f.value, o.object, false);
    else if (f.key == "id") seen_id = json::field(c, "Organization", "id", f.value, o.id, true);
    else if (f.key == "name") json::field(c, "Organization", "name", f.value, o.name, true);
    else if (f.key == "external_id")
      json::field(c, "Organization", "external_id", f.value, o.external_id, false);
  }
  if (!seen_id) c.missing_required("Organization", "id");
}

struct ListOrganizationsParams {
  std::optional<std::int64_t> limit;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

struct CreateOrganizationParams {
  std::string name;
  std::optional<std::string> external_id;
};

inline void write(json::Writer& w, const CreateOrganizationParams& p) {
  w.begin_object();
  json::member(w, "name", p.name);
  json::member(w, "external_id", p.external_id);
  w.end_object();
}

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
  virtual workos::Future<Organization> create_organization(
      const CreateOrganizationParams& params, const workos::RequestOptions& options) {
    (void)params, (void)options;
    return not_implemented<Organization>("create_organization");
  }

 private:
  template <class T>
  static workos::Future<T> not_implemented(const char* what) {
    return workos::make_ready_future(workos::Result<T>(workos::Error(
        workos::ErrorKind::kConfiguration,
        std::string("AsyncOrganizationsConnection::") + what + " is not implemented by this connection")));
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
    q.add("limit", params.limit);
    q.add("before", params.before);
    q.add("after", params.after);
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

  workos::Future<Organization> create_organization(
      const CreateOrganizationParams& params, const workos::RequestOptions& options) override {
    workos::detail::ApiRequest req;
    req.method = "POST";
    req.path = "/organizations";
    req.body = json::encode_document(params);
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
      const ListOrganizationsParams& params = {}, const workos::RequestOptions& options = {}) const {
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
  explicit AsyncClient(workos::ClientOptions options, workos::AsyncClientOptions async_options = {})
      : AsyncClientBase(std::move(options), std::move(async_options)),
        organizations_(async_core()) {}
  const AsyncOrganizationsService& organizations() const noexcept { return organizations_; }

 private:
  AsyncOrganizationsService organizations_;
};

}  // namespace async_proto
