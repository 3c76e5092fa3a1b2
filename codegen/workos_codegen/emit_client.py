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
        out.append((name, ext["class"], ext["header"], "extra"))
    return out


def emit_client_header(api, extensions):
    acc = _accessors(api, extensions)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// `workos::Client`: the entry point of the SDK, one accessor per "
               "WorkOS service.\n\n")
    headers = sorted(set(["workos/client_base.h", "workos/options.h", "workos/result.h"] +
                         [h for _, _, h, _ in acc]))
    out.append("".join("#include <%s>\n" % h for h in headers))
    out.append("\n#include <memory>\n\nnamespace workos {\n\n")
    out.append("""/// The WorkOS client: configuration plus one service per WorkOS module, named as in the
/// official SDKs (`client.organizations().get_organization("org_123")`).
///
/// Copies are cheap and share everything (configuration, connections, services). Thread-safe:
/// one client may be used from many threads at once.
///
/// @code
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
  /// Like the constructor, but returns a configuration error instead of throwing.
  static Result<Client> create(ClientOptions options);

""")
    for name, cls, _, kind in acc:
        if kind == "extra":
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
  explicit Client(std::shared_ptr<detail::ClientCore> core);
  struct Services;
  std::shared_ptr<const Services> services_;
};

}  // namespace workos
""")
    return "".join(out)


def emit_client_source(api, extensions):
    acc = _accessors(api, extensions)
    out = [BANNER + "\n", "// `workos::Client`: builds every service once per client.\n\n"]
    out.append("#include <workos/client.h>\n\n#include <memory>\n#include <utility>\n\n")
    out.append("namespace workos {\n\nstruct Client::Services {\n")
    out.append("  explicit Services(const std::shared_ptr<detail::ClientCore>& core)\n      : ")
    out.append(",\n        ".join("%s(core)" % name for name, _, _, _ in acc))
    out.append(" {}\n\n")
    for name, cls, _, _ in acc:
        out.append("  %s %s;\n" % (cls, name))
    out.append("};\n\n")
    out.append("""Client::Client() : Client(ClientOptions{}) {}

Client::Client(ClientOptions options)
    : ClientBase(std::move(options)), services_(std::make_shared<const Services>(core())) {}

Client::Client(std::shared_ptr<detail::ClientCore> core)
    : ClientBase(std::move(core)), services_(std::make_shared<const Services>(this->core())) {}

Result<Client> Client::create(ClientOptions options) {
  Result<std::shared_ptr<detail::ClientCore>> core = ClientBase::make_core(std::move(options));
  if (!core) return core.error();
  return Client(std::move(*core));
}

""")
    for name, cls, _, _ in acc:
        out.append("const %s& Client::%s() const noexcept { return services_->%s; }\n\n" % (
            cls, name, name))
    out.append("}  // namespace workos\n")
    return "".join(out)


def emit_umbrella(api, extensions):
    acc = _accessors(api, extensions)
    headers = ["workos/client.h", "workos/error.h", "workos/json.h", "workos/options.h",
               "workos/page.h", "workos/result.h", "workos/transport.h", "workos/types.h",
               "workos/version.h"]
    headers += [h for _, _, h, _ in acc]
    headers += ["workos/%s/service.h" % m for m in api.modules]
    headers += ["workos/async_client.h"]
    headers += list(extensions.get("_umbrella", []))
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// Everything of workos-cpp in one include: the client, every service "
               "and model, the\n/// helpers. Include narrower headers (`workos/client.h`, "
               "`workos/<module>/service.h`) to\n/// compile faster.\n\n")
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
        if name.startswith("_") or not ext.get("extra") or not ext.get("async_class"):
            continue
        out.append((name, ext["async_class"], ext["async_header"], "extra"))
    return out


def emit_async_client_header(api, extensions):
    acc = _async_accessors(api, extensions)
    out = [BANNER + "\n", "#pragma once\n\n"]
    out.append("/// @file\n/// `workos::AsyncClient`: the asynchronous twin of `workos::Client`, "
               "one accessor per WorkOS\n/// service, every call on an event loop.\n\n")
    headers = sorted(set(["workos/async/async_client_base.h", "workos/client.h",
                          "workos/options.h"] + [h for _, _, h, _ in acc]))
    out.append("".join("#include <%s>\n" % h for h in headers))
    out.append("\n#include <memory>\n\nnamespace workos {\n\n")
    out.append("""/// The asynchronous WorkOS client: the services of `workos::Client` with the same method
/// names and parameters, returning `workos::Future<T>` instead of `Result<T>` (list operations:
/// `Future<AsyncPage<T>>`). Calls run on an event loop over libcurl's multi interface (one I/O
/// thread by default), with the retry policy, error mapping and decoding of the sync client.
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
  /// without exceptions) when the configuration is invalid.
  explicit AsyncClient(ClientOptions options, AsyncClientOptions async_options = {});
  /// Shares the configuration, connection settings and JWKS cache of `client`.
  explicit AsyncClient(const Client& client, AsyncClientOptions async_options = {});

""")
    for name, cls, _, kind in acc:
        if kind == "extra":
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
  std::shared_ptr<const Services> services_;
};

}  // namespace workos
""")
    return "".join(out)


def emit_async_client_source(api, extensions):
    acc = _async_accessors(api, extensions)
    out = [BANNER + "\n", "// `workos::AsyncClient`: builds every async service once per client."
           "\n\n"]
    out.append("#include <workos/async_client.h>\n\n#include <memory>\n#include <utility>\n\n")
    out.append("namespace workos {\n\nstruct AsyncClient::Services {\n")
    out.append("  explicit Services(const std::shared_ptr<detail::AsyncCore>& core)\n      : ")
    out.append(",\n        ".join("%s(core)" % name for name, _, _, _ in acc))
    out.append(" {}\n\n")
    for name, cls, _, _ in acc:
        out.append("  %s %s;\n" % (cls, name))
    out.append("};\n\n")
    out.append("""AsyncClient::AsyncClient() : AsyncClient(ClientOptions{}) {}

AsyncClient::AsyncClient(ClientOptions options, AsyncClientOptions async_options)
    : AsyncClientBase(std::move(options), std::move(async_options)),
      services_(std::make_shared<const Services>(async_core())) {}

AsyncClient::AsyncClient(const Client& client, AsyncClientOptions async_options)
    : AsyncClientBase(client, std::move(async_options)),
      services_(std::make_shared<const Services>(async_core())) {}

""")
    for name, cls, _, _ in acc:
        out.append("const %s& AsyncClient::%s() const noexcept { return services_->%s; }\n\n" % (
            cls, name, name))
    out.append("}  // namespace workos\n")
    return "".join(out)
