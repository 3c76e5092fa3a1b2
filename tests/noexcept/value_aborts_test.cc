// Copyright workos-cpp authors. Handwritten.
// Compiled with -fno-exceptions (cmake/WorkosNoExceptionsTest.cmake; ctest label unit): a
// consumer without exceptions builds against the public headers, and `Result<T>::value()` /
// `Result<void>::value()` on an error abort (SIGABRT) after printing the error's message to
// stderr (DESIGN §2). Each case runs in a forked child whose stderr is captured; the parent
// checks the signal and the text. Exit status 0 when every case behaves; 1 otherwise.

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "this check must be compiled with -fno-exceptions"
#endif

#include <workos/client.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Outcome {
  bool aborted = false;
  int exit_code = -1;
  std::string stderr_text;
};

// Runs `body` in a child process with stderr on a pipe.
Outcome run_child(const std::function<void()>& body) {
  Outcome out;
  int fds[2];
  if (pipe(fds) != 0) return out;
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return out;
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    body();
    std::fflush(nullptr);
    _exit(0);  // reached only when value() did not abort
  }
  close(fds[1]);
  char buf[512];
  ssize_t n = 0;
  while ((n = read(fds[0], buf, sizeof buf)) > 0)
    out.stderr_text.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  out.aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
  if (WIFEXITED(status)) out.exit_code = WEXITSTATUS(status);
  return out;
}

int expect(const char* name, const Outcome& o, const std::vector<std::string>& parts) {
  int failures = 0;
  if (!o.aborted) {
    std::printf("FAIL %s: expected SIGABRT, got exit code %d\n", name, o.exit_code);
    ++failures;
  }
  for (const auto& p : parts) {
    if (o.stderr_text.find(p) == std::string::npos) {
      std::printf("FAIL %s: stderr lacks \"%s\"; it was: %s\n", name, p.c_str(),
                  o.stderr_text.c_str());
      ++failures;
    }
  }
  if (failures == 0) std::printf("ok   %s\n", name);
  return failures;
}

constexpr const char* kApiKey = "sk_test_noexcept_0123456789secret";

workos::Client make_client(const std::shared_ptr<workos::testing::FakeTransport>& fake) {
  workos::ClientOptions options;
  options.api_key = kApiKey;
  options.base_url = "https://api.workos.com";
  options.max_retries = 0;
  options.transport = fake;
  return workos::Client::create(options).value();
}

}  // namespace

int main() {
  int failures = 0;

  // A value works as usual without exceptions.
  {
    auto fake = std::make_shared<workos::testing::FakeTransport>();
    fake->enqueue_json(200, R"({"object":"organization","id":"org_1","name":"Acme",)"
                            R"("domains":[],"metadata":{},"external_id":null,)"
                            R"("created_at":"2026-01-15T12:00:00.000Z",)"
                            R"("updated_at":"2026-01-15T12:00:00.000Z"})");
    auto org = make_client(fake).organizations().get_organization("org_1");
    if (!org || org.value().name != "Acme") {
      std::printf("FAIL value() on a success did not return the organization\n");
      ++failures;
    } else {
      std::printf("ok   value() on a success returns the value\n");
    }
  }

  // Result<T>::value() on an API error: the message (and the request id) reach stderr; the API
  // key does not.
  failures +=
      expect("Result<T>::value() on a 404 aborts with the message", run_child([] {
               auto fake = std::make_shared<workos::testing::FakeTransport>();
               fake->enqueue_json(404, R"({"message":"Organization not found: org_missing"})",
                                  {{"X-Request-ID", "req_noexcept_1"}});
               auto r = make_client(fake).organizations().get_organization("org_missing");
               (void)r.value();
             }),
             {"Result::value() on an error", "Organization not found: org_missing", "404"});

  // Result<void>::value() on a local error.
  failures += expect("Result<void>::value() aborts with the message", run_child([] {
                       workos::Result<void> r = workos::Error(workos::ErrorKind::kInvalidArgument,
                                                              "the widget id must not be empty");
                       r.value();
                     }),
                     {"Result::value() on an error", "the widget id must not be empty"});

  // value_or never aborts.
  {
    workos::Result<int> r = workos::Error(workos::ErrorKind::kTimeout, "too slow");
    if (r.value_or(7) != 7) {
      std::printf("FAIL value_or on an error\n");
      ++failures;
    }
  }

  // The API key never appears in the abort message.
  {
    Outcome o = run_child([] {
      auto fake = std::make_shared<workos::testing::FakeTransport>();
      fake->enqueue_json(401, std::string(R"({"message":"Invalid API key )") + kApiKey + "\"}");
      (void)make_client(fake).organizations().get_organization("org_1").value();
    });
    failures += expect("401 aborts", o, {"401"});
    if (o.stderr_text.find(kApiKey) != std::string::npos) {
      std::printf("FAIL the API key appears in the abort message\n");
      ++failures;
    }
  }

  std::printf("%s\n", failures == 0 ? "all no-exceptions checks passed" : "FAILED");
  return failures == 0 ? 0 : 1;
}
