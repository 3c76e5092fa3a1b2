// Copyright workos-cpp authors. Handwritten.
// ClientCore: option resolution (DESIGN §2), the synchronous driver of the request pipeline,
// logging and URL building.

#include <workos/version.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include "core/call.h"
#include "core/client_core_impl.h"
#include "core/redact.h"
#include "core/request_pipeline.h"

namespace workos {

const char* version() noexcept {
  return WORKOS_VERSION_STRING;
}

namespace detail {

namespace {

constexpr const char* kDefaultBaseUrl = "https://api.workos.com";
constexpr std::chrono::milliseconds kSleepSlice{20};
constexpr std::size_t kMaxDecodeErrorBody = std::size_t{64} * 1024;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

Error config_error(std::string message) {
  return Error(ErrorKind::kConfiguration, std::move(message));
}

// Validates and normalises a base URL: scheme required (http or https), host required,
// trailing slashes removed.
std::optional<Error> normalise_base_url(std::string& url, const char* origin) {
  while (!url.empty() && (url.back() == ' ' || url.back() == '\n' || url.back() == '\r'))
    url.pop_back();
  while (!url.empty() && url.front() == ' ') url.erase(url.begin());
  while (!url.empty() && url.back() == '/') url.pop_back();
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos || scheme_end == 0) {
    return config_error(std::string("invalid base URL from ") + origin + ": '" + redact_url(url) +
                        "' has no scheme (expected https://host)");
  }
  std::string scheme = url.substr(0, scheme_end);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "https" && scheme != "http") {
    return config_error(std::string("invalid base URL from ") + origin + ": scheme '" + scheme +
                        "' is not http or https");
  }
  if (url.size() == scheme_end + 3 || url[scheme_end + 3] == '/') {
    return config_error(std::string("invalid base URL from ") + origin + ": no host");
  }
  if (url.find_first_of(" \r\n\t?#") != std::string::npos) {
    return config_error(std::string("invalid base URL from ") + origin +
                        ": it may not contain spaces, a query or a fragment");
  }
  return std::nullopt;
}

std::optional<std::chrono::milliseconds> parse_timeout_seconds(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double secs = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == text.c_str() || *end != '\0' || !std::isfinite(secs) || secs <= 0 ||
      secs > 86400.0 * 365) {
    return std::nullopt;
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(secs * 1000.0)));
}

struct SharedRng {
  std::mutex mutex;
  std::mt19937_64 engine{std::random_device{}()};
  double next() {
    std::lock_guard<std::mutex> lock(mutex);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
  }
};

}  // namespace

std::string base_user_agent() {
  std::string ua = "workos-cpp/";
  ua += WORKOS_VERSION_STRING;
  ua += " (";
#if defined(__clang__)
  ua += "clang " + std::to_string(__clang_major__) + "." + std::to_string(__clang_minor__) + "." +
        std::to_string(__clang_patchlevel__);
#elif defined(__GNUC__)
  ua += "gcc " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
        std::to_string(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
  ua += "msvc " + std::to_string(_MSC_VER);
#else
  ua += "unknown-compiler";
#endif
  ua += "; ";
#if defined(__linux__)
  ua += "linux";
#elif defined(__APPLE__)
  ua += "darwin";
#elif defined(_WIN32)
  ua += "windows";
#elif defined(__FreeBSD__)
  ua += "freebsd";
#else
  ua += "unknown-os";
#endif
  ua += ")";
  return ua;
}

Result<std::shared_ptr<ClientCore>> ClientCore::create(ClientOptions o) {
  // Precedence: ClientOptions > environment > defaults (DESIGN §2).
  if (o.public_client) {
    // A public client runs where a secret must not live: it never picks up WORKOS_API_KEY.
    if (!o.api_key.empty()) {
      return config_error(
          "a public client must not be given an API key (remove api_key or public_client)");
    }
  } else if (o.api_key.empty()) {
    o.api_key = env("WORKOS_API_KEY");
  }
  if (o.client_id.empty()) o.client_id = env("WORKOS_CLIENT_ID");
  if (o.public_client && o.client_id.empty())
    return config_error("a public client needs a client id (client_id or WORKOS_CLIENT_ID)");
  if (!o.public_client && o.api_key.empty()) {
    // Reported when the client is built, not at its first call (as the official SDKs do).
    return config_error(
        "no API key: set ClientOptions::api_key (or WORKOS_API_KEY); a client that runs where "
        "no secret may live sets ClientOptions::public_client and a client id instead");
  }
  if (o.api_key.find_first_of("\r\n \t") != std::string::npos)
    return config_error("the API key contains whitespace or a line break");

  const char* base_origin = "ClientOptions::base_url";
  if (o.base_url.empty()) {
    o.base_url = env("WORKOS_BASE_URL");
    base_origin = "WORKOS_BASE_URL";
  }
  if (o.base_url.empty()) {
    o.base_url = kDefaultBaseUrl;
    base_origin = "default";
  }
  if (auto e = normalise_base_url(o.base_url, base_origin)) return *e;

  if (!o.timeout) {
    const std::string t = env("WORKOS_REQUEST_TIMEOUT");
    if (!t.empty()) {
      o.timeout = parse_timeout_seconds(t);
      if (!o.timeout)
        return config_error("WORKOS_REQUEST_TIMEOUT must be a positive number of seconds");
    } else {
      o.timeout = std::chrono::seconds(60);
    }
  }
  if (*o.timeout <= std::chrono::milliseconds::zero())
    return config_error("ClientOptions::timeout must be positive");
  if (o.max_retries < 0) return config_error("max_retries must not be negative");
  if (o.deadline && *o.deadline <= std::chrono::milliseconds::zero())
    return config_error("ClientOptions::deadline must be positive");

  return std::shared_ptr<ClientCore>(new ClientCore(std::move(o)));
}

ClientCore::ClientCore(ClientOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {
  Clock& clock = options_.clock;
  impl_->custom_sleep = static_cast<bool>(clock.sleep);
  if (!clock.now) clock.now = [] { return std::chrono::steady_clock::now(); };
  if (!clock.sleep)
    clock.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  if (!clock.uniform) {
    auto rng = std::make_shared<SharedRng>();
    clock.uniform = [rng] { return rng->next(); };
  }
  if (!clock.wall_now) clock.wall_now = [] { return std::chrono::system_clock::now(); };
  impl_->custom_transport = static_cast<bool>(options_.transport);
  impl_->transport = options_.transport ? options_.transport : make_curl_transport(options_.curl);
  options_.transport = impl_->transport;
  impl_->user_agent = base_user_agent();
  if (!options_.user_agent_suffix.empty()) {
    std::string suffix = options_.user_agent_suffix;
    suffix.erase(
        std::remove_if(suffix.begin(), suffix.end(), [](char c) { return c == '\r' || c == '\n'; }),
        suffix.end());
    impl_->user_agent += " " + suffix;
  }
}

ClientCore::~ClientCore() = default;

std::string ClientCore::url_for(const ApiRequest& request, const RequestOptions& options) const {
  std::string url;
  if (!options.base_url.empty()) {
    url = options.base_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
  } else if (request.server_override && options_.base_url == kDefaultBaseUrl) {
    url = request.server_override;
  } else {
    url = options_.base_url;
  }
  url.reserve(url.size() + request.path.size() + request.query.size() + 1);
  url += request.path;
  if (!request.query.empty()) {
    url += '?';
    url += request.query;
  }
  return url;
}

void ClientCore::log(LogLevel level, std::string_view message) const {
  if (!log_enabled(level)) return;
  const std::string line = redact(message, options_.api_key);
  try {
    options_.logger(level, line);
  } catch (...) {
    // A throwing log sink must not break the call; there is nowhere left to report it.
  }
}

Error ClientCore::decode_error(const Error& error, const ResponseInfo& response) const {
  ErrorInfo info = error.info();
  info.status = response.status;
  info.request_id = std::string(response.request_id());
  // A 2xx body: its `code` is a secret (a Magic Auth code), not an error code, so it goes too.
  info.raw_body = redact(response.body.size() > kMaxDecodeErrorBody
                             ? response.body.substr(0, kMaxDecodeErrorBody)
                             : response.body,
                         options_.api_key);
  info.message = redact(info.message, options_.api_key);
  return Error(std::move(info));
}

std::function<void(const std::string&)> ClientCore::warning_sink(
    std::vector<std::string>& warnings) const {
  return [this, &warnings](const std::string& w) {
    log(LogLevel::kWarning, w);
    warnings.push_back(w);
  };
}

Result<std::shared_ptr<const ResponseInfo>> ClientCore::decode_body(
    std::shared_ptr<const ResponseInfo> response, std::string_view model, void* out,
    json::ReadInto read_into_out) const {
  std::vector<std::string> warnings;
  const std::function<void(const std::string&)> warn = warning_sink(warnings);
  Result<void> decoded = json::decode_document(response->body, model, out, read_into_out, &warn);
  if (!decoded) return decode_error(decoded.error(), *response);
  return with_decode_warnings(std::move(warnings), std::move(response));
}

Result<std::shared_ptr<const ResponseInfo>> ClientCore::with_decode_warnings(
    std::vector<std::string> warnings, std::shared_ptr<const ResponseInfo> response) const {
  if (warnings.empty()) return response;
  if (options_.strict_decoding) {
    std::string message = "strict decoding: " + warnings.front();
    if (warnings.size() > 1) message += " (and " + std::to_string(warnings.size() - 1) + " more)";
    ErrorInfo info = Error(ErrorKind::kDecode, std::move(message)).info();
    info.code = "missing_required_field";
    return decode_error(Error(std::move(info)), *response);
  }
  auto copy = std::make_shared<ResponseInfo>(*response);
  copy->decode_warnings = std::move(warnings);
  return std::shared_ptr<const ResponseInfo>(std::move(copy));
}

Result<std::shared_ptr<const ResponseInfo>> ClientCore::execute(
    const ApiRequest& request, const RequestOptions& options) const {
  CallPlan plan(*this, request, options);
  if (auto e = plan.prepare()) return *e;
  for (;;) {
    if (auto e = plan.before_attempt()) return *e;
    Result<HttpResponse> answer = Error(ErrorKind::kConnection, "no answer");
    try {
      answer = impl_->transport->send(plan.request());
    } catch (const std::exception& ex) {
      answer = Error(ErrorKind::kConnection, std::string("the transport threw: ") + ex.what());
    }
    CallPlan::Step step = plan.after_attempt(std::move(answer));
    if (step.done()) return std::move(*step.result);
    // The backoff: a cancellation is noticed within ~20 ms.
    sleep_on_clock(this, step.delay, plan.cancellation().get(), kSleepSlice);
  }
}

void sleep_on_clock(const ClientCore* core, std::chrono::milliseconds delay,
                    const CancellationToken* cancel, std::chrono::milliseconds slice) {
  const auto sleep = [core](std::chrono::milliseconds d) {
    if (core)
      core->options().clock.sleep(d);
    else
      std::this_thread::sleep_for(d);
  };
  if (!cancel || (core && core->impl().custom_sleep)) {
    sleep(delay);
    return;
  }
  while (delay.count() > 0 && !cancel->cancelled()) {
    const auto step = std::min(delay, slice);
    sleep(step);
    delay -= step;
  }
}

Result<void> call_void(const ClientCore& core, const ApiRequest& request,
                       const RequestOptions& options) {
  Result<std::shared_ptr<const ResponseInfo>> response = core.execute(request, options);
  if (!response) return response.error();
  return Result<void>(std::move(*response));
}

}  // namespace detail
}  // namespace workos
