"""Emits the contract test: a program calling every operation through the real libcurl
transport against Prism (`prism mock --errors`), plus its ctest fixture and script."""

from . import emit_services as S
from . import ir
from .emit_client import left_out_headers
from .emit_tests import OpCase
from . import names as N
from .cpp import BANNER


def _case_fn(api, o, ex):
    c = OpCase(api, o, ex, hostile=False)
    fn = "op_%s_%s" % (o.module, o.name)
    L = ["Outcome %s(const workos::Client& client) {" % fn]
    L += ["  " + s for s in c.setup]
    call = "client.%s().%s(%s)" % (o.module, o.name, ", ".join(c.args))
    L.append("  auto result = %s;" % call)
    if o.url_builder:
        L.append("  if (!result) return failed(result.error());")
        L.append("  return browser_get(*result);")
    else:
        L.append("  if (!result) return failed(result.error());")
        L.append("  return Outcome{true, {}};")
    L.append("}")
    return fn, "\n".join(L) + "\n\n"


def emit_main(api, config, ex):
    known = config.get("contract_known_failures", {})
    out = [BANNER + "\n"]
    out.append("""// Contract test: calls every operation of the WorkOS spec through the real libcurl transport
// against Prism (`prism mock --errors`, request validation as errors), with arguments built from
// the spec's examples, and decodes every answer. Prints exactly one summary line:
//   contract: <passed>/<total> operations
// Failures (and the operations listed as spec contradictions in codegen/config.json) go to
// stderr. Exit status 0 when every failure is a listed spec contradiction, 77 when no Prism
// is available (skipped), 1 otherwise.

#include <workos/workos.h>
@LEFT_OUT_INCLUDES@#include <workos/json.h>
#include <workos/transport.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace {

struct Outcome {
  bool ok = false;
  std::string why;
};

Outcome failed(const workos::Error& e) {
  std::string why = e.to_string();
  if (!e.raw_body().empty()) why += " body: " + e.raw_body().substr(0, 600);
  return Outcome{false, why};
}

std::shared_ptr<workos::Transport> g_transport;
std::string g_base_url;

// A URL builder passes when Prism accepts a browser GET of the URL it built (a redirect or a
// 2xx answer; request validation errors are 4xx).
Outcome browser_get(const std::string& url) {
  workos::HttpRequest request;
  request.method = "GET";
  request.url = url;
  workos::Result<workos::HttpResponse> r = g_transport->send(request);
  if (!r) return failed(r.error());
  if (r->status >= 400) {
    return Outcome{false, "GET " + url + " -> " + std::to_string(r->status) + " " +
                              r->body.substr(0, 600)};
  }
  return Outcome{true, {}};
}

""")
    fns = []
    for o in api.ops:
        fn, body = _case_fn(api, o, ex)
        fns.append((o, fn))
        out.append(body)
    out.append("struct Case {\n  const char* operation_id;\n  const char* method;\n"
               "  Outcome (*run)(const workos::Client&);\n};\n\n")
    out.append("const Case kCases[] = {\n")
    for o, fn in fns:
        out.append("    {%s, %s, &%s},\n" % (N.cpp_string(o.op_id), N.cpp_string(
            "%s.%s" % (o.module, o.name)), fn))
    out.append("};\n\n")
    out.append("const std::map<std::string, std::string> kKnownSpecContradictions = {\n")
    for k in sorted(known):
        out.append("    {%s, %s},\n" % (N.cpp_string(k), N.cpp_string(known[k])))
    out.append("};\n\n")
    out.append("""std::string read_base_url() {
  if (const char* env = std::getenv("WORKOS_CONTRACT_BASE_URL"); env && *env) return env;
  const char* state = std::getenv("WORKOS_CONTRACT_STATE");
  if (!state) return {};
  std::ifstream in(std::string(state) + "/base_url");
  std::string url;
  std::getline(in, url);
  return url;
}

}  // namespace

int main() {
  g_base_url = read_base_url();
  if (g_base_url.empty()) {
    std::fprintf(stderr, "contract: no Prism base URL (WORKOS_CONTRACT_BASE_URL or "
                         "WORKOS_CONTRACT_STATE/base_url); skipped\\n");
    return 77;
  }
  g_transport = workos::make_curl_transport();
  std::vector<std::string> warnings;
  std::mutex warnings_mutex;
  workos::ClientOptions options;
  options.api_key = "sk_test_contract";
  options.client_id = "client_01HZBC6N1EB1ZY7KG32X";
  options.base_url = g_base_url;
  options.max_retries = 0;
  options.transport = g_transport;
  options.log_level = workos::LogLevel::kWarning;
  options.logger = [&](workos::LogLevel, std::string_view line) {
    std::lock_guard<std::mutex> lock(warnings_mutex);
    warnings.emplace_back(line);
  };
  workos::Client client(options);
  const int total = static_cast<int>(sizeof(kCases) / sizeof(kCases[0]));
  int passed = 0;
  int unexpected = 0;
  for (const Case& c : kCases) {
    Outcome r = c.run(client);
    if (r.ok) {
      ++passed;
      continue;
    }
    auto known = kKnownSpecContradictions.find(c.operation_id);
    if (known != kKnownSpecContradictions.end()) {
      std::fprintf(stderr, "not passed (spec contradiction) %s %s: %s\\n  %s\\n", c.method,
                   c.operation_id, known->second.c_str(), r.why.c_str());
    } else {
      ++unexpected;
      std::fprintf(stderr, "FAILED %s %s: %s\\n", c.method, c.operation_id, r.why.c_str());
    }
  }
  for (const auto& w : warnings) std::fprintf(stderr, "warning: %s\\n", w.c_str());
  std::printf("contract: %d/%d operations\\n", passed, total);
  return unexpected == 0 ? 0 : 1;
}
""")
    return "".join(out)


CMAKE = """\
# Generated by workos-cpp codegen from the WorkOS OpenAPI spec. DO NOT EDIT.
# Contract test (label `contract`): every operation against Prism serving the WorkOS spec with
# request validation as errors. Prism is started and stopped by ctest fixtures.
set(WORKOS_CONTRACT_SPEC "${PROJECT_SOURCE_DIR}/../shared/openapi/open-api-spec.yaml"
    CACHE FILEPATH "OpenAPI spec Prism serves for the contract test")
set(WORKOS_PRISM "${PROJECT_SOURCE_DIR}/node_modules/.bin/prism"
    CACHE FILEPATH "Prism CLI (npm ci installs it from the repo's lockfile)")

add_executable(workos_contract_tests contract_main.cc)
target_link_libraries(workos_contract_tests PRIVATE workos::workos)
workos_test_target(workos_contract_tests)

set(_state "${CMAKE_CURRENT_BINARY_DIR}/prism")
set(_script "${CMAKE_CURRENT_SOURCE_DIR}/prism_fixture.sh")
add_test(NAME contract.prism_start
         COMMAND sh "${_script}" start "${_state}" "${WORKOS_PRISM}" "${WORKOS_CONTRACT_SPEC}")
set_tests_properties(contract.prism_start PROPERTIES
  FIXTURES_SETUP workos_prism LABELS contract SKIP_RETURN_CODE 77 TIMEOUT 120)
add_test(NAME contract.operations COMMAND workos_contract_tests)
set_tests_properties(contract.operations PROPERTIES
  FIXTURES_REQUIRED workos_prism LABELS contract SKIP_RETURN_CODE 77 TIMEOUT 600
  ENVIRONMENT "WORKOS_CONTRACT_STATE=${_state}")
add_test(NAME contract.prism_stop COMMAND sh "${_script}" stop "${_state}")
set_tests_properties(contract.prism_stop PROPERTIES
  FIXTURES_CLEANUP workos_prism LABELS contract TIMEOUT 60)
"""

SCRIPT = """\
# Generated by workos-cpp codegen from the WorkOS OpenAPI spec. DO NOT EDIT.
# Starts / stops Prism for the contract test (ctest fixtures).
#   prism_fixture.sh start STATE_DIR PRISM SPEC   -> STATE_DIR/base_url, STATE_DIR/prism.pid
#   prism_fixture.sh stop STATE_DIR               -> kills the recorded PID
# Exit 77 (skip) when Prism or the spec is missing.
set -u
cmd=$1
state=$2

stop() {
  if [ -f "$state/prism.pid" ]; then
    pid=$(cat "$state/prism.pid")
    kill "$pid" 2>/dev/null || true
    # Wait (bounded) for it to exit so the port is free for the next run.
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    rm -f "$state/prism.pid"
  fi
  rm -f "$state/base_url"
}

case "$cmd" in
  start)
    prism=$3
    spec=$4
    if [ ! -x "$prism" ]; then
      echo "prism not found at $prism (run: npm ci)"
      exit 77
    fi
    if [ ! -f "$spec" ]; then
      echo "spec not found: $spec"
      exit 77
    fi
    mkdir -p "$state"
    stop
    attempt=0
    while [ $attempt -lt 5 ]; do
      # A port derived from the PID, so parallel runs on one machine rarely collide.
      port=$((20000 + ($$ * 7 + attempt * 7919) % 30000))
      # Truncate the log here, not in the child: the readiness check must never see the
      # output of an earlier run.
      : >"$state/prism.log"
      "$prism" mock --errors -h 127.0.0.1 -p "$port" "$spec" >>"$state/prism.log" 2>&1 &
      echo $! >"$state/prism.pid"
      i=0
      while [ $i -lt 1200 ]; do
        if grep -q "listening on http://127.0.0.1:$port" "$state/prism.log" 2>/dev/null; then
          echo "http://127.0.0.1:$port" >"$state/base_url"
          echo "prism listening on 127.0.0.1:$port (pid $(cat "$state/prism.pid"))"
          exit 0
        fi
        if ! kill -0 "$(cat "$state/prism.pid")" 2>/dev/null; then
          break
        fi
        sleep 0.1
        i=$((i + 1))
      done
      cat "$state/prism.log"
      stop
      attempt=$((attempt + 1))
    done
    echo "prism did not start"
    exit 1
    ;;
  stop)
    stop
    exit 0
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR [PRISM SPEC]"
    exit 2
    ;;
esac
"""


def emit_all(api, config, ex):
    return {
        "tests/contract/contract_main.cc": emit_main(api, config, ex).replace(
            "@LEFT_OUT_INCLUDES@",
            "".join("#include <%s>\n" % h for h in left_out_headers(config))),
        "tests/contract/CMakeLists.txt": CMAKE,
        "tests/contract/prism_fixture.sh": SCRIPT,
    }
