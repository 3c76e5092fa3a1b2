// examples/consumer/simdjson_user.cc — a program that uses simdjson itself AND links workos-cpp
// (built as scripts/lib/consumer_check.sh does: against the installed static library, taking
// its compile flags only from the installed package).
//
// libworkos is compiled with simdjson's own definitions (Debian: SIMDJSON_THREADS_ENABLED=1),
// which change the layout of simdjson's inline classes (dom::parser gains a member). Compiled
// without them, this program's copies of those inline functions would differ from the
// library's, the linker keeps one copy of each, and the SDK's JSON code could crash. The
// installed package must therefore hand the same definitions to every consumer: this program
// builds and runs correctly only when it does.
#include <simdjson.h>
#include <workos/client.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>
#include <workos/version.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace {

int check(bool ok, const char* what) {
  if (!ok) std::fprintf(stderr, "simdjson consumer check failed: %s\n", what);
  return ok ? 0 : 1;
}

// The program's own simdjson use, before and after the SDK's: the sum of an array.
std::int64_t own_sum(simdjson::dom::parser& parser) {
  simdjson::dom::element doc;
  if (parser.parse(simdjson::padded_string(std::string(R"({"values":[1,2,3,4]})"))).get(doc) !=
      simdjson::SUCCESS) {
    return -1;
  }
  simdjson::dom::array values;
  if (doc["values"].get_array().get(values) != simdjson::SUCCESS) return -1;
  std::int64_t sum = 0;
  for (simdjson::dom::element v : values) {
    std::int64_t n = 0;
    if (v.get_int64().get(n) != simdjson::SUCCESS) return -1;
    sum += n;
  }
  return sum;
}

}  // namespace

int main() {
  int failures = 0;
#ifdef SIMDJSON_THREADS_ENABLED
  const char* threads = "SIMDJSON_THREADS_ENABLED";
#else
  const char* threads = "no SIMDJSON_THREADS_ENABLED";
#endif
  simdjson::dom::parser parser;
  failures += check(own_sum(parser) == 10, "own simdjson parse before the SDK");

  auto fake = std::make_shared<workos::testing::FakeTransport>();
  for (int i = 0; i < 3; ++i) {
    fake->enqueue_json(200, R"({"object":"organization","id":"org_123","name":"Acme",)"
                            R"("domains":[],"metadata":{"tier":"gold"},"external_id":null,)"
                            R"("created_at":"2026-01-15T12:00:00.000Z",)"
                            R"("updated_at":"2026-01-15T12:00:00.000Z"})");
  }
  workos::ClientOptions options;
  options.api_key = "sk_test_consumer";
  options.base_url = "https://api.workos.com";
  options.transport = fake;
  auto created = workos::Client::create(options);
  failures += check(created.has_value(), "client created");
  if (!created) return 1;
  for (int i = 0; i < 3; ++i) {
    auto org = created->organizations().get_organization("org_123");
    failures += check(org.has_value() && org->name == "Acme" && org->metadata.count("tier") == 1 &&
                          org->metadata.at("tier") == "gold",
                      "organization decoded by the SDK");
  }

  simdjson::dom::parser second;
  failures +=
      check(own_sum(second) == 10 && own_sum(parser) == 10, "own simdjson parse after the SDK");
  if (failures) return 1;
  std::printf("workos-cpp %s: simdjson consumer OK (%s)\n", workos::version(), threads);
  return 0;
}
