// Copyright workos-cpp authors. Handwritten.
// bench/async_fanout: N GETs of one organization with K requests in flight against a
// local server that answers after D ms, through
//   - workos::AsyncClient (client.organizations().get_organization(id) on the event loop, 1 I/O
//     thread by default),
//   - workos::Client on K threads (the same call, one blocking call per thread at a time),
//   - the official Node SDK (@workos-inc/node, Promise.all with K workers),
// all in the same run against the same server; then the same with D = 0 ("zero latency").
// For each: wall time, requests/s, the client process's peak thread count and peak RSS, and the
// TCP connections the server accepted.
//
//   ./bench/async_fanout [--requests 10000] [--in-flight 256] [--delay-ms 20]
//                        [--zero-requests 20000] [--io-threads 1] [--skip-node] [--skip-sync]
//   ./bench/async_fanout --serve [--delay-ms 20]        (the server alone, for profiling)
//   ./bench/async_fanout --client async|sync --url http://127.0.0.1:PORT [--requests N] ...
//
// Process layout: the orchestrator forks the server first (one thread, epoll, a timer heap: no
// thread per request, so it cannot distort the client), then runs every client in its own
// child process so that threads and peak RSS are the client's alone.

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/options.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#ifndef WORKOS_SOURCE_DIR
#define WORKOS_SOURCE_DIR "."
#endif

namespace {

using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------------
// The server: one thread, epoll, keep-alive, responses delayed on a timer heap.

const std::string& organization_body() {
  static const std::string body =
      R"({"object":"organization","id":"org_01EHZNVPK3SFK441A1RGBFSHRT","name":"Foo Corp",)"
      R"("allow_profiles_outside_organization":false,"domains":[{"object":"organization_domain",)"
      R"("id":"org_domain_01EHZNVPK2QXHMVWCEDQEKY69A","domain":"foo-corp.com","state":"verified",)"
      R"("verification_strategy":"dns","verification_token":"m5Oztg3jdK4NJLgs8uIlIprMw"}],)"
      R"("metadata":{},"external_id":null,"created_at":"2021-06-25T19:07:33.155Z",)"
      R"("updated_at":"2021-06-25T19:07:33.155Z"})";
  return body;
}

struct Conn {
  int fd = -1;
  std::string in;
  std::string out;
  bool close_after = false;
  bool want_write = false;
};

class FanoutServer {
 public:
  int listen_fd = -1;
  int port = 0;
  int delay_ms = 20;
  long accepted = 0;
  long served = 0;
  long max_open = 0;
  long open = 0;

  bool start() {
    listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    ::setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return false;
    if (::listen(listen_fd, 4096) != 0) return false;
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return true;
  }

  void run() {
    ep_ = ::epoll_create1(0);
    add(listen_fd, EPOLLIN);
    std::vector<epoll_event> events(1024);
    for (;;) {
      int timeout = -1;
      if (!timers_.empty()) {
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(timers_.top().when - Clock::now());
        timeout = static_cast<int>(std::max<long long>(0, left.count()));
      }
      const int n = ::epoll_wait(ep_, events.data(), static_cast<int>(events.size()), timeout);
      for (int i = 0; i < n; ++i) {
        const int fd = events[static_cast<std::size_t>(i)].data.fd;
        const std::uint32_t ev = events[static_cast<std::size_t>(i)].events;
        if (fd == listen_fd) {
          accept_all();
          continue;
        }
        auto it = conns_.find(fd);
        if (it == conns_.end()) continue;
        if (ev & (EPOLLERR | EPOLLHUP)) {
          drop(fd);
          continue;
        }
        if (ev & EPOLLIN) on_readable(it->second);
        if (conns_.count(fd) && (ev & EPOLLOUT)) flush(conns_[fd]);
      }
      fire_timers();
      if (stop_) return;
    }
  }

 private:
  struct Pending {
    Clock::time_point when;
    int fd;
    std::uint64_t generation;
    std::uint64_t seq;
    bool operator>(const Pending& o) const { return when != o.when ? when > o.when : seq > o.seq; }
  };

  void add(int fd, std::uint32_t events) {
    epoll_event e{};
    e.events = events;
    e.data.fd = fd;
    ::epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &e);
  }

  void accept_all() {
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK);
      if (fd < 0) return;
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      ++accepted;
      max_open = std::max(max_open, ++open);
      Conn& c = conns_[fd];
      c = Conn();
      c.fd = fd;
      generation_[fd] = ++next_generation_;
      add(fd, EPOLLIN);
    }
  }

  void drop(int fd) {
    ::epoll_ctl(ep_, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    conns_.erase(fd);
    generation_.erase(fd);
    --open;
  }

  void on_readable(Conn& c) {
    char buf[16384];
    for (;;) {
      const ssize_t n = ::read(c.fd, buf, sizeof buf);
      if (n > 0) {
        c.in.append(buf, static_cast<std::size_t>(n));
        continue;
      }
      if (n == 0) {
        drop(c.fd);
        return;
      }
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      drop(c.fd);
      return;
    }
    // Parse every complete request (GET without body, or with Content-Length).
    for (;;) {
      const std::size_t end = c.in.find("\r\n\r\n");
      if (end == std::string::npos) return;
      std::string head = c.in.substr(0, end);
      std::size_t body_len = 0;
      std::string lower = head;
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      if (auto p = lower.find("content-length:"); p != std::string::npos)
        body_len = std::strtoul(lower.c_str() + p + 15, nullptr, 10);
      if (c.in.size() < end + 4 + body_len) return;
      c.in.erase(0, end + 4 + body_len);
      if (lower.find("connection: close") != std::string::npos) c.close_after = true;
      const std::size_t sp1 = head.find(' ');
      const std::size_t sp2 = head.find(' ', sp1 + 1);
      const std::string target = head.substr(sp1 + 1, sp2 - sp1 - 1);
      if (target.rfind("/__", 0) == 0) {
        control(c, target);
        continue;
      }
      if (delay_ms <= 0) {
        respond(c, 200, organization_body());
      } else {
        timers_.push(Pending{Clock::now() + std::chrono::milliseconds(delay_ms), c.fd,
                             generation_[c.fd], ++seq_});
      }
    }
  }

  void control(Conn& c, const std::string& target) {
    if (target.rfind("/__config?delay_ms=", 0) == 0) {
      delay_ms = std::atoi(target.c_str() + 19);
    } else if (target == "/__reset") {
      accepted = 1;  // this control connection
      served = 0;
      max_open = open;
    } else if (target == "/__stop") {
      stop_ = true;
    }
    const std::string body = "{\"accepted\":" + std::to_string(accepted) +
                             ",\"served\":" + std::to_string(served) +
                             ",\"max_open\":" + std::to_string(max_open) + "}";
    c.close_after = true;
    write_response(c, 200, body);
  }

  void respond(Conn& c, int status, const std::string& body) {
    ++served;
    write_response(c, status, body);
  }

  void write_response(Conn& c, int status, const std::string& body) {
    c.out += "HTTP/1.1 " + std::to_string(status) +
             " OK\r\nContent-Type: application/json\r\n"
             "X-Request-ID: req_bench\r\nContent-Length: " +
             std::to_string(body.size()) + "\r\n";
    if (c.close_after) c.out += "Connection: close\r\n";
    c.out += "\r\n";
    c.out += body;
    flush(c);
  }

  void flush(Conn& c) {
    while (!c.out.empty()) {
      const ssize_t n = ::write(c.fd, c.out.data(), c.out.size());
      if (n > 0) {
        c.out.erase(0, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!c.want_write) {
          epoll_event e{};
          e.events = EPOLLIN | EPOLLOUT;
          e.data.fd = c.fd;
          ::epoll_ctl(ep_, EPOLL_CTL_MOD, c.fd, &e);
          c.want_write = true;
        }
        return;
      }
      drop(c.fd);
      return;
    }
    if (c.want_write) {
      epoll_event e{};
      e.events = EPOLLIN;
      e.data.fd = c.fd;
      ::epoll_ctl(ep_, EPOLL_CTL_MOD, c.fd, &e);
      c.want_write = false;
    }
    if (c.close_after) drop(c.fd);
  }

  void fire_timers() {
    const auto now = Clock::now();
    while (!timers_.empty() && timers_.top().when <= now) {
      const Pending p = timers_.top();
      timers_.pop();
      auto g = generation_.find(p.fd);
      if (g == generation_.end() || g->second != p.generation) continue;  // connection gone
      respond(conns_[p.fd], 200, organization_body());
    }
  }

  int ep_ = -1;
  bool stop_ = false;
  std::map<int, Conn> conns_;
  std::map<int, std::uint64_t> generation_;
  std::uint64_t next_generation_ = 0;
  std::uint64_t seq_ = 0;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<Pending>> timers_;
};

// A blocking one-shot GET for the orchestrator's control requests.
std::string control_get(int port, const std::string& target) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  const std::string req =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)!::write(fd, req.data(), req.size());
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  const std::size_t body = out.find("\r\n\r\n");
  return body == std::string::npos ? std::string() : out.substr(body + 4);
}

long json_number(const std::string& json, const std::string& key) {
  const std::size_t p = json.find("\"" + key + "\":");
  if (p == std::string::npos) return -1;
  return std::strtol(json.c_str() + p + key.size() + 3, nullptr, 10);
}
double json_double(const std::string& json, const std::string& key) {
  const std::size_t p = json.find("\"" + key + "\":");
  if (p == std::string::npos) return -1;
  return std::strtod(json.c_str() + p + key.size() + 3, nullptr);
}

// ---------------------------------------------------------------------------------------------
// Client measurements (run in a child process).

int thread_count() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Threads:", 0) == 0) return std::atoi(line.c_str() + 8);
  return -1;
}

long peak_rss_kb() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double cpu_ms() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

std::string org_id(long i) {
  return "org_" + std::to_string(i);
}

workos::ClientOptions client_options(const std::string& url) {
  workos::ClientOptions o;
  o.api_key = "sk_test_bench_0000000000000000";
  o.base_url = url;
  o.max_retries = 0;
  return o;
}

struct Outcome {
  double wall_ms = 0;
  long ok = 0;
  long errors = 0;
  int peak_threads = 0;
};

// Samples the thread count on the calling thread until `done`.
template <class Done>
int sample_threads_until(Done done) {
  int peak = thread_count();
  while (!done()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    peak = std::max(peak, thread_count());
  }
  return std::max(peak, thread_count());
}

Outcome run_async(const std::string& url, long n, int in_flight, int io_threads) {
  workos::AsyncClientOptions ao;
  ao.io_threads = io_threads;
  workos::AsyncClient client(client_options(url), ao);
  const workos::organizations::AsyncOrganizationsService& orgs = client.organizations();

  struct Shared {
    std::atomic<long> next{0};
    std::atomic<long> ok{0}, errors{0}, finished{0};
    long n = 0;
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
  };
  auto s = std::make_shared<Shared>();
  s->n = n;
  // Each worker chain starts the next request from the continuation of the previous one (on
  // the loop thread), keeping `in_flight` requests in flight.
  std::function<void()> launch;
  std::vector<double> latency_ms(static_cast<std::size_t>(n));
  launch = [s, &orgs, &launch, &latency_ms] {
    const long i = s->next.fetch_add(1);
    if (i >= s->n) return;
    const auto started = Clock::now();
    (void)orgs.get_organization(org_id(i)).then(
        [s, &launch, &latency_ms, i, started](workos::Result<workos::Organization> r) {
          latency_ms[static_cast<std::size_t>(i)] =
              std::chrono::duration<double, std::milli>(Clock::now() - started).count();
          if (r && !r->id.empty())
            ++s->ok;
          else
            ++s->errors;
          if (++s->finished == s->n) {
            std::lock_guard<std::mutex> lock(s->mutex);
            s->done = true;
            s->cv.notify_all();
            return;
          }
          launch();
        });
  };
  const auto t0 = Clock::now();
  for (int k = 0; k < in_flight; ++k) launch();
  Outcome out;
  out.peak_threads = sample_threads_until([&] {
    std::lock_guard<std::mutex> lock(s->mutex);
    return s->done;
  });
  out.wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  out.ok = s->ok;
  out.errors = s->errors;
  std::sort(latency_ms.begin(), latency_ms.end());
  if (std::getenv("ASYNC_FANOUT_LATENCY")) {
    std::fprintf(stderr, "latency ms: p50 %.2f p90 %.2f p99 %.2f max %.2f\n",
                 latency_ms[latency_ms.size() / 2], latency_ms[latency_ms.size() * 9 / 10],
                 latency_ms[latency_ms.size() * 99 / 100], latency_ms.back());
  }
  return out;
}

Outcome run_sync(const std::string& url, long n, int threads) {
  workos::ClientOptions o = client_options(url);
  o.curl.max_idle_connections = threads;
  workos::Client client(o);
  const workos::organizations::OrganizationsService& orgs = client.organizations();
  std::atomic<long> next{0}, ok{0}, errors{0};
  std::atomic<int> running{threads};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (;;) {
        const long i = next.fetch_add(1);
        if (i >= n) break;
        auto r = orgs.get_organization(org_id(i));
        if (r && !r->id.empty())
          ++ok;
        else
          ++errors;
      }
      --running;
    });
  }
  Outcome out;
  out.peak_threads = sample_threads_until([&] { return running.load() == 0; });
  for (auto& t : pool) t.join();
  out.wall_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  out.ok = ok;
  out.errors = errors;
  return out;
}

int client_main(const std::string& mode, const std::string& url, long n, int in_flight,
                int io_threads) {
  Outcome o =
      mode == "async" ? run_async(url, n, in_flight, io_threads) : run_sync(url, n, in_flight);
  std::printf(
      "{\"wall_ms\":%.1f,\"ok\":%ld,\"errors\":%ld,\"threads\":%d,\"peak_rss_kb\":%ld,"
      "\"cpu_ms\":%.0f}\n",
      o.wall_ms, o.ok, o.errors, o.peak_threads, peak_rss_kb(), cpu_ms());
  std::fflush(stdout);
  return o.errors == 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// Orchestrator.

std::string self_exe() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "async_fanout";
  buf[n] = '\0';
  return buf;
}

// Runs argv, returns its stdout (last line).
std::string run_child(const std::vector<std::string>& argv) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    std::perror("exec");
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  const std::size_t nl = out.rfind('\n');
  return nl == std::string::npos ? out : out.substr(nl + 1);
}

struct Row {
  std::string name;
  long requests = 0;
  int in_flight = 0;
  int delay_ms = 0;
  double wall_ms = -1;
  long errors = 0;
  int threads = 0;
  long rss_kb = 0;
  long accepted = 0;
  long served = 0;
  double cpu_ms = -1;
};

void print_row(const Row& r) {
  if (r.wall_ms < 0) {
    std::printf("%-28s %7ld %5d %5d   (failed to run)\n", r.name.c_str(), r.requests, r.in_flight,
                r.delay_ms);
    return;
  }
  std::printf("%-28s %7ld %5d %5d %9.0f %9.0f %8.0f %8d %8.1f %8ld %7ld\n", r.name.c_str(),
              r.requests, r.in_flight, r.delay_ms, r.wall_ms, r.requests / (r.wall_ms / 1000.0),
              r.cpu_ms, r.threads, r.rss_kb / 1024.0, r.accepted, r.errors);
}

Row measure(const std::string& name, int port, int delay_ms, long n, int in_flight,
            const std::vector<std::string>& argv) {
  control_get(port, "/__config?delay_ms=" + std::to_string(delay_ms));
  control_get(port, "/__reset");
  const std::string out = run_child(argv);
  const std::string stats = control_get(port, "/__config?delay_ms=" + std::to_string(delay_ms));
  Row r;
  r.name = name;
  r.requests = n;
  r.in_flight = in_flight;
  r.delay_ms = delay_ms;
  if (out.find("wall_ms") != std::string::npos) {
    r.wall_ms = json_double(out, "wall_ms");
    r.errors = json_number(out, "errors");
    r.threads = static_cast<int>(json_number(out, "threads"));
    r.rss_kb = json_number(out, "peak_rss_kb");
    r.cpu_ms = json_double(out, "cpu_ms");
  } else {
    std::fprintf(stderr, "%s: no result (output: %s)\n", name.c_str(), out.c_str());
  }
  // Connections the client opened (the control connections of this measurement excluded).
  r.accepted = json_number(stats, "accepted") - 2;
  r.served = json_number(stats, "served");
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode, url;
  long requests = 10000, zero_requests = 20000;
  int in_flight = 256, delay_ms = 20, io_threads = 1;
  bool skip_node = false, skip_sync = false, serve_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--client")
      mode = next();
    else if (a == "--url")
      url = next();
    else if (a == "--requests")
      requests = std::atol(next().c_str());
    else if (a == "--zero-requests")
      zero_requests = std::atol(next().c_str());
    else if (a == "--in-flight")
      in_flight = std::atoi(next().c_str());
    else if (a == "--delay-ms")
      delay_ms = std::atoi(next().c_str());
    else if (a == "--io-threads")
      io_threads = std::atoi(next().c_str());
    else if (a == "--skip-node")
      skip_node = true;
    else if (a == "--skip-sync")
      skip_sync = true;
    else if (a == "--serve")
      serve_only = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (!mode.empty()) return client_main(mode, url, requests, in_flight, io_threads);

  // Orchestrator: fork the server while this process has a single thread.
  ::signal(SIGPIPE, SIG_IGN);
  FanoutServer server;
  if (!server.start()) {
    std::perror("server");
    return 1;
  }
  if (serve_only) {
    // Just the server, in the foreground (for profiling a client run by hand).
    std::printf("listening on http://127.0.0.1:%d\n", server.port);
    std::fflush(stdout);
    server.delay_ms = delay_ms;
    server.run();
    return 0;
  }
  const pid_t server_pid = ::fork();
  if (server_pid == 0) {
    server.run();
    ::_exit(0);
  }
  ::close(server.listen_fd);
  const int port = server.port;
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::string exe = self_exe();
  const std::string node_script =
      std::string(WORKOS_SOURCE_DIR) + "/tests/interop/node/async_fanout.js";

  std::printf(
      "async_fanout: server pid %d on %s (1 thread, epoll; delayed answers on a timer heap)\n",
      server_pid, base.c_str());
  std::printf("%-28s %7s %5s %5s %9s %9s %8s %8s %8s %8s %7s\n", "client", "reqs", "infl", "delay",
              "wall_ms", "req/s", "cpu_ms", "threads", "rss_MB", "conns", "errors");
  std::vector<Row> rows;
  for (int pass = 0; pass < 2; ++pass) {
    const int d = pass == 0 ? delay_ms : 0;
    const long n = pass == 0 ? requests : zero_requests;
    const std::string ns = std::to_string(n), ks = std::to_string(in_flight);
    rows.push_back(measure("AsyncClient (" + std::to_string(io_threads) + " I/O thread)", port, d,
                           n, in_flight,
                           {exe, "--client", "async", "--url", base, "--requests", ns,
                            "--in-flight", ks, "--io-threads", std::to_string(io_threads)}));
    print_row(rows.back());
    if (!skip_sync) {
      rows.push_back(
          measure("sync Client, " + ks + " threads", port, d, n, in_flight,
                  {exe, "--client", "sync", "--url", base, "--requests", ns, "--in-flight", ks}));
      print_row(rows.back());
    }
    if (!skip_node) {
      rows.push_back(measure("Node SDK 11, Promise.all", port, d, n, in_flight,
                             {"node", node_script, base, ns, ks}));
      print_row(rows.back());
    }
  }
  control_get(port, "/__stop");
  ::waitpid(server_pid, nullptr, 0);
  if (delay_ms > 0) {
    const double floor_ms = static_cast<double>(requests) / in_flight * delay_ms;
    std::printf("floor (requests / in-flight x delay): %.0f ms; AsyncClient at %.2fx the floor\n",
                floor_ms, rows.front().wall_ms / floor_ms);
  }
  for (const auto& r : rows)
    if (r.wall_ms < 0 || r.errors != 0) return 1;
  return 0;
}
