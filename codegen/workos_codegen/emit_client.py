"""Emits include/workos/client.h, src/client.cc and the umbrella include/workos/workos.h."""

from . import emit_services as S
from .cpp import BANNER


def _accessors(api, extensions):
    """[(accessor name, C++ class, header, kind)] kind: generated | extension | extra."""
    out = []
    for m in api.modules:
        ext = extensions.get(m)
        if ext and not ext.get("extra"):
            out.append((m, ext["class"], ext["header"], "extension"))
        else:
            out.append((m, "workos::%s::%s" % (m, S.service_class(m)),
                        "workos/%s/service.h" % m, "generated"))
    for name in sorted(extensions):
        ext = extensions[name]
        if name.startswith("_") or not ext.get("extra"):
            continue
        if name in api.modules:
            raise ValueError("extension %s: an extra service may not reuse a module name" % name)
        out.append((name, ext["class"], ext["header"], "local" if ext.get("local") else "extra"))
    return out


def _namespace_of(cls):
    """"workos::organizations::OrganizationsService" -> ("organizations", "OrganizationsService")."""
    parts = cls.split("::")
    assert parts[0] == "workos" and len(parts) == 3, cls
    return parts[1], parts[2]


def _connection_of(api, name, cls, kind, extensions):
    """The C++ type of the `ClientConnections` field of an accessor: the module's connection
    seam, or (an extra service with no seam) the service class itself, which is virtual."""
    if kind == "extra":
        return cls
    return "workos::%s::%s" % (name, S.connection_class(name))


def _async_connection_of(name, cls, kind):
    """The C++ type of the `AsyncClientConnections` field of an async accessor."""
    if kind == "extra":
        return cls
    return "workos::%s::Async%s" % (name, S.connection_class(name))


def _forward_declarations(types):
    by_ns = {}
    for t in types:
        ns, c = _namespace_of(t)
        by_ns.setdefault(ns, set()).add(c)
    out = []
    for ns in sorted(by_ns):
        out.append("namespace %s {\n%s}  // namespace %s\n" % (
            ns, "".join("class %s;\n" % c for c in sorted(by_ns[ns])), ns))
    return "".join(out)


def emit_client_header(api, extensions):
    acc = _accessors(api, extensions)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// `workos::Client`: the entry point of the SDK, one accessor per "
               "WorkOS service. The services\n/// are only declared here: include the header of "
               "the module you call\n/// (`<workos/organizations/service.h>`, ...) or "
               "`<workos/workos.h>` for all of them.\n\n")
    out.append("#include <workos/client_base.h>\n#include <workos/options.h>\n"
               "#include <workos/result.h>\n")
    out.append("\n#include <memory>\n\nnamespace workos {\n\n")
    types = [cls for _, cls, _, _ in acc]
    types += [_connection_of(api, n, c, k, extensions) for n, c, _, k in acc if k != "local"]
    out.append(_forward_declarations(set(types)))
    out.append("""
/// What the services of a `Client` call through: one connection per service. A service whose
/// connection is empty calls the WorkOS API over HTTP; one that is set (a gMock mock from the
/// `workos::mocks` target, a fake) receives every call of that service, so code that takes a
/// `workos::Client&` can be tested without a network.
///
/// @code
/// auto orgs = std::make_shared<workos::mocks::MockOrganizationsConnection>();
/// workos::ClientConnections connections;
/// connections.organizations = orgs;
/// workos::ClientOptions options;
/// options.api_key = "sk_test";
/// workos::Client client(options, connections);
/// @endcode
struct ClientConnections {
""")
    for name, cls, _, kind in acc:
        if kind == "local":
            continue
        ct = _connection_of(api, name, cls, kind, extensions)
        if kind == "extra":
            out.append("  /// `%s()` is this service when set (its methods are virtual).\n" % name)
        else:
            out.append("  /// `%s()` calls go through this connection when set.\n" % name)
        out.append("  std::shared_ptr<%s> %s;\n" % (ct, name))
    out.append("};\n\n")
    out.append("""/// The WorkOS client: configuration plus one service per WorkOS module, named as in the
/// official SDKs (`client.organizations().get_organization("org_123")`). Each service is built
/// on first use, and a program links only the modules it calls.
///
/// Copies are cheap and share everything (configuration, connections, services). Thread-safe:
/// one client may be used from many threads at once.
///
/// @code
/// #include <workos/client.h>
/// #include <workos/organizations/service.h>
///
/// workos::Client client;  // WORKOS_API_KEY, WORKOS_CLIENT_ID from the environment
/// auto org = client.organizations().get_organization("org_123");
/// if (!org) std::cerr << org.error().message() << "\\n";
/// @endcode
class Client : public ClientBase {
 public:
  /// Configured from the environment (`WORKOS_API_KEY`, `WORKOS_CLIENT_ID`, ...). Throws
  /// `ConfigurationError` (aborts without exceptions) when the configuration is invalid.
  Client();
  /// Configured from `options` (environment as fallback). Throws `ConfigurationError` (aborts
  /// without exceptions) when the configuration is invalid; see `create` for a `Result`.
  explicit Client(ClientOptions options);
  /// Like `Client(options)`, with the services whose connection `connections` sets calling
  /// through it (mocks and fakes in tests) instead of HTTP.
  Client(ClientOptions options, ClientConnections connections);
  /// Like the constructor, but returns a configuration error instead of throwing.
  static Result<Client> create(ClientOptions options, ClientConnections connections = {});

""")
    for name, cls, _, kind in acc:
        if kind == "local":
            out.append("  /// The `%s` helpers: local work, no request (not in the OpenAPI spec)."
                       "\n" % name)
        elif kind == "extra":
            out.append("  /// The `%s` helpers (not in the OpenAPI spec).\n" % name)
        else:
            out.append("  /// The `%s` service.\n" % name)
        out.append("  const %s& %s() const noexcept;\n" % (cls, name))
    if "multi_factor_auth" in api.modules:
        cls = [c for n, c, _, _ in acc if n == "multi_factor_auth"][0]
        out.append("  /// Alias of `multi_factor_auth()`.\n  const %s& mfa() const noexcept { "
                   "return multi_factor_auth(); }\n" % cls)
    out.append("""
 private:
  Client(std::shared_ptr<detail::ClientCore> core, ClientConnections connections);
  struct Services;
  std::shared_ptr<Services> services_;
};

}  // namespace workos
""")
    return "".join(out)


def emit_client_source(api, extensions):
    acc = _accessors(api, extensions)
    out = [BANNER + "\n", "// `workos::Client`: configuration and the slots its services are "
           "built in on first use\n// (each accessor lives with its module, so a program links "
           "only the modules it calls).\n\n"]
    extra_headers = sorted(set(h for _, _, h, k in acc if k in ("extra", "local")))
    out.append("#include <workos/client.h>\n")
    out.append("".join("#include <%s>\n" % h for h in extra_headers))
    out.append('\n#include "client_services.h"\n\n#include <memory>\n#include <utility>\n\n')
    out.append("namespace workos {\n\n")
    out.append("""Client::Client() : Client(ClientOptions{}) {}

Client::Client(ClientOptions options) : Client(std::move(options), ClientConnections{}) {}

Client::Client(ClientOptions options, ClientConnections connections)
    : ClientBase(std::move(options)),
      services_(std::make_shared<Services>(std::move(connections))) {}

Client::Client(std::shared_ptr<detail::ClientCore> core, ClientConnections connections)
    : ClientBase(std::move(core)), services_(std::make_shared<Services>(std::move(connections))) {}

Result<Client> Client::create(ClientOptions options, ClientConnections connections) {
  Result<std::shared_ptr<detail::ClientCore>> core = ClientBase::make_core(std::move(options));
  if (!core) return core.error();
  return Client(std::move(*core), std::move(connections));
}

""")
    for name, cls, _, kind in acc:
        if kind == "extra":
            out.append(client_accessor(api, extensions, name) + "\n")
        elif kind == "local":
            out.append(_local_accessor("Client", cls, name))
    out.append("}  // namespace workos\n")
    return "".join(out)


def _local_accessor(client, cls, name):
    """A stateless helper class: one shared instance, no connection, nothing built per client."""
    return ("const %s& %s::%s() const noexcept {\n  static const %s helpers;\n  return helpers;\n"
            "}\n\n" % (cls, client, name, cls))


def _find(acc, name):
    for a in acc:
        if a[0] == name:
            return a
    raise KeyError(name)


def client_accessor(api, extensions, name):
    """The definition of `Client::<name>()`: the service built on first use, on the connection
    of `ClientConnections` when one is set."""
    _, cls, _, kind = _find(_accessors(api, extensions), name)
    ext = extensions.get(name) or {}
    if kind == "extra":
        make = ("connection ? std::shared_ptr<const %s>(connection)\n"
                "                      : detail::CoreAccess::make_shared<%s>(core());" % (cls, cls))
    else:
        with_core = kind == "extension" and ext.get("connection_with_core", False)
        conn_args = "connection, core()" if with_core else "connection"
        default = "%s::make_%s_connection(core())" % (name, name)
        if with_core:
            default += ", core()"
        # Helper classes over a core keep their constructors private (CoreAccess).
        maker = "detail::CoreAccess::make_shared<%s>" if with_core else "std::make_shared<const %s>"
        make = (("connection ? " + maker + "(%s)\n"
                 "                      : " + maker + "(%s);") % (cls, conn_args, cls, default))
    return ("const %s& Client::%s() const noexcept {\n"
            "  return services_->%s.get<%s>([this] {\n"
            "    const auto& connection = services_->connections.%s;\n"
            "    return %s\n  });\n}\n" % (cls, name, name, cls, name, make))


def client_accessor_parts(api, extensions, name):
    """(headers, code) of the sync accessor, for the module's service.cc. A helper class
    over the client's core defines its constructors with its helpers (handwritten)."""
    _, cls, header, kind = _find(_accessors(api, extensions), name)
    headers = ["workos/client.h"]
    code = client_accessor(api, extensions, name)
    if kind == "extension":
        headers.append(header)
    return sorted(set(headers)), code


def async_client_accessor_parts(api, extensions, name):
    """(headers, code) of the async accessor, for the module's async_service.cc."""
    _, cls, header, kind = _find(_async_accessors(api, extensions), name)
    headers = ["workos/async_client.h"]
    if kind == "extension":
        headers.append(header)
    with_core = kind == "extra" or (kind == "extension" and (extensions.get(name) or {}).get(
        "async_connection_with_core", False))
    default = "%s::make_async_%s_connection(async_core())" % (name, name)
    if kind == "extra":
        default = "async_core()"
    elif with_core:
        default += ", async_core()"
    # Helper classes over a core keep their constructors private (CoreAccess).
    maker = "std::make_shared<const %s>" % cls
    if kind == "extra":
        set_ = "std::shared_ptr<const %s>(connection)" % cls
        maker = "detail::CoreAccess::make_shared<%s>" % cls
    elif with_core:
        maker = "detail::CoreAccess::make_shared<%s>" % cls
        set_ = "%s(connection, async_core())" % maker
    else:
        set_ = "std::make_shared<const %s>(connection)" % cls
    code = ("const %s& AsyncClient::%s() const noexcept {\n"
            "  return services_->%s.get<%s>([this] {\n"
            "    const auto& connection = services_->connections.%s;\n"
            "    return connection ? %s\n"
            "                      : %s(%s);\n  });\n}\n" % (
                cls, name, name, cls, name, set_, maker, default))
    return sorted(set(headers)), code


def emit_client_services(api, extensions):
    """src/client_services.h: the lazily built services of `Client` and `AsyncClient`."""
    acc = _accessors(api, extensions)
    aacc = _async_accessors(api, extensions)
    out = [BANNER + "\n", "#pragma once\n\n",
           "// The services of `workos::Client` and `workos::AsyncClient`, each built on first use "
           "by its\n// accessor (defined with its module).\n\n"]
    out.append("#include <workos/async_client.h>\n#include <workos/client.h>\n\n"
               '#include "core/core_access.h"\n#include "core/lazy_service.h"\n\n#include <utility>\n\n')
    out.append("namespace workos {\n\nstruct Client::Services {\n"
               "  explicit Services(ClientConnections c) : connections(std::move(c)) {}\n\n"
               "  const ClientConnections connections;\n")
    for name, _, _, kind in acc:
        if kind != "local":
            out.append("  detail::LazyService %s;\n" % name)
    out.append("};\n\nstruct AsyncClient::Services {\n"
               "  explicit Services(AsyncClientConnections c) : connections(std::move(c)) {}\n\n"
               "  const AsyncClientConnections connections;\n")
    for name, _, _, kind in aacc:
        if kind != "local":
            out.append("  detail::LazyService %s;\n" % name)
    out.append("};\n\n}  // namespace workos\n")
    return "".join(out)


def left_out_headers(config):
    """The headers of the modules `<workos/workos.h>` leaves out (config `umbrella_leaves_out`),
    for generated code that calls every module."""
    return ["workos/%s/%s.h" % (m, k) for m in sorted(config.get("umbrella_leaves_out", {}))
            for k in ("service", "async_service")]


def emit_umbrella(api, extensions, config=None):
    acc = _accessors(api, extensions)
    left_out = (config or {}).get("umbrella_leaves_out", {})
    headers = ["workos/client.h", "workos/error.h", "workos/json.h", "workos/options.h",
               "workos/page.h", "workos/result.h", "workos/transport.h", "workos/types.h",
               "workos/version.h"]
    headers += [h for n, _, h, _ in acc if n not in left_out]
    headers += ["workos/%s/service.h" % m for m in api.modules if m not in left_out]
    headers += ["workos/async_client.h"]
    headers += [h for n, _, h, _ in _async_accessors(api, extensions) if n not in left_out]
    headers += list(extensions.get("_umbrella", []))
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// The client, every service and model, the helpers, in one include. "
               "Include narrower\n/// headers (`workos/client.h`, `workos/<module>/service.h`) "
               "to compile faster.\n")
    for m in sorted(left_out):
        out.append("///\n/// Not included: `%s` (%s); include `<workos/%s/service.h>` (and "
                   "`<workos/%s/async_service.h>`)\n/// where you use it.\n" % (
                       m, left_out[m], m, m))
    out.append("\n")
    out.append("".join("#include <%s>\n" % h for h in sorted(set(headers))))
    return "".join(out)


def _async_accessors(api, extensions):
    """[(accessor name, C++ class, header, kind)] of `AsyncClient`: the generated async service
    of each module, or the extension's `async_class` when it names one."""
    out = []
    for m in api.modules:
        ext = extensions.get(m)
        if ext and not ext.get("extra") and ext.get("async_class"):
            out.append((m, ext["async_class"], ext["async_header"], "extension"))
        else:
            out.append((m, "workos::%s::%s" % (m, S.async_service_class(m)),
                        "workos/%s/async_service.h" % m, "generated"))
    for name in sorted(extensions):
        ext = extensions[name]
        if name.startswith("_") or not ext.get("extra"):
            continue
        if ext.get("local"):
            out.append((name, ext["class"], ext["header"], "local"))
        elif ext.get("async_class"):
            out.append((name, ext["async_class"], ext["async_header"], "extra"))
    return out


def emit_async_client_header(api, extensions):
    acc = _async_accessors(api, extensions)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// `workos::AsyncClient`: the asynchronous twin of `workos::Client`, "
               "one accessor per WorkOS\n/// service, every call on an event loop. The services "
               "are only declared here: include the\n/// header of the module you call "
               "(`<workos/organizations/async_service.h>`, ...).\n\n")
    out.append("#include <workos/async/async_client_base.h>\n#include <workos/client.h>\n"
               "#include <workos/options.h>\n")
    out.append("\n#include <memory>\n\nnamespace workos {\n\n")
    types = [cls for _, cls, _, _ in acc]
    types += [_async_connection_of(n, c, k) for n, c, _, k in acc if k != "local"]
    out.append(_forward_declarations(set(types)))
    out.append("""
/// What the services of an `AsyncClient` call through, as `ClientConnections` does for
/// `Client`: a service whose connection is set (a fake deriving from the module's
/// `Async<Module>Connection`, returning ready futures) receives every call of that service
/// instead of HTTP. `workos::mocks` holds gMock mocks of the blocking connections only.
struct AsyncClientConnections {
""")
    for name, cls, _, kind in acc:
        if kind == "local":
            continue
        if kind == "extra":
            out.append("  /// `%s()` is this service when set (its methods are virtual).\n" % name)
        else:
            out.append("  /// `%s()` calls go through this connection when set.\n" % name)
        out.append("  std::shared_ptr<%s> %s;\n" % (_async_connection_of(name, cls, kind), name))
    out.append("};\n")
    out.append("""
/// The asynchronous WorkOS client: the services of `workos::Client` with the same method
/// names and parameters, returning `workos::Future<T>` instead of `Result<T>` (list operations:
/// `Future<AsyncPage<T>>`). Calls run on an event loop over libcurl's multi interface (one I/O
/// thread by default), with the retry policy, error mapping and decoding of the sync client.
/// Each service is built on first use.
///
/// Copies are cheap and share everything. Thread-safe. Destroying the last copy (or
/// `shutdown()`) completes the calls still in flight with `ErrorKind::kCancelled`.
///
/// @code
/// workos::AsyncClient client;  // WORKOS_API_KEY, ... from the environment
/// auto org = client.organizations().get_organization("org_123").get();  // or then / co_await
/// if (!org) std::cerr << org.error().message() << "\\n";
/// @endcode
class AsyncClient : public AsyncClientBase {
 public:
  /// Configured from the environment, like `workos::Client()`; one I/O thread.
  AsyncClient();
  /// Configured from `options` (environment as fallback). Throws `ConfigurationError` (aborts
  /// without exceptions) when the configuration is invalid. The services whose connection
  /// `connections` sets call through it (fakes and mocks in tests) instead of HTTP.
  explicit AsyncClient(ClientOptions options, AsyncClientOptions async_options = {},
                       AsyncClientConnections connections = {});
  /// Shares the configuration, connection settings and JWKS cache of `client`.
  explicit AsyncClient(const Client& client, AsyncClientOptions async_options = {},
                       AsyncClientConnections connections = {});

""")
    for name, cls, _, kind in acc:
        if kind == "local":
            out.append("  /// The `%s` helpers: local work, no request, so the same helpers as "
                       "`Client::%s()`.\n" % (name, name))
        elif kind == "extra":
            out.append("  /// The async `%s` helpers (not in the OpenAPI spec).\n" % name)
        else:
            out.append("  /// The async `%s` service.\n" % name)
        out.append("  const %s& %s() const noexcept;\n" % (cls, name))
    if "multi_factor_auth" in api.modules:
        cls = [c for n, c, _, _ in acc if n == "multi_factor_auth"][0]
        out.append("  /// Alias of `multi_factor_auth()`.\n  const %s& mfa() const noexcept { "
                   "return multi_factor_auth(); }\n" % cls)
    out.append("""
 private:
  struct Services;
  std::shared_ptr<Services> services_;
};

}  // namespace workos
""")
    return "".join(out)


def emit_async_client_source(api, extensions):
    acc = _async_accessors(api, extensions)
    out = [BANNER + "\n", "// `workos::AsyncClient`: the slots its services are built in on "
           "first use (each accessor\n// lives with its module).\n\n"]
    extra_headers = sorted(set(h for _, _, h, k in acc if k in ("extra", "local")))
    out.append("#include <workos/async_client.h>\n")
    out.append("".join("#include <%s>\n" % h for h in extra_headers))
    out.append('\n#include "client_services.h"\n\n#include <memory>\n#include <utility>\n\n')
    out.append("namespace workos {\n\n")
    out.append("""AsyncClient::AsyncClient() : AsyncClient(ClientOptions{}) {}

AsyncClient::AsyncClient(ClientOptions options, AsyncClientOptions async_options,
                         AsyncClientConnections connections)
    : AsyncClientBase(std::move(options), std::move(async_options)),
      services_(std::make_shared<Services>(std::move(connections))) {}

AsyncClient::AsyncClient(const Client& client, AsyncClientOptions async_options,
                         AsyncClientConnections connections)
    : AsyncClientBase(client, std::move(async_options)),
      services_(std::make_shared<Services>(std::move(connections))) {}

""")
    for name, cls, _, kind in acc:
        if kind == "extra":
            out.append(async_client_accessor_parts(api, extensions, name)[1] + "\n")
        elif kind == "local":
            out.append(_local_accessor("AsyncClient", cls, name))
    out.append("}  // namespace workos\n")
    return "".join(out)
