# Copyright workos-cpp authors. Handwritten.
"""The side-by-side benchmark run by scripts/bench.

Starts one nginx on loopback (static answers, a 20 ms answer through the echo module, the
accepted-connection counter through stub_status), then runs every workload for every
implementation in rounds, interleaved (round 1: each workload, each implementation; round 2:
again ...), each run in a process of its own, and prints one Markdown table of medians with
min-max and the ratios to the Node SDK and to the floor.

Implementations: bench/side_by_side.cc (--impl sdk-sync, sdk-async, floor) and
bench/node/side_by_side.mjs (the official Node SDK). Only the standard library is used.
"""

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# name, what, ops, in flight, implementations (the floor's label)
WORKLOADS = [
    ("get-organization", "sequential GET of one organization (662 B)", 2000, 1,
     ["sdk-sync", "sdk-async", "node", "floor"], "libcurl + simdjson"),
    ("list-users", "sequential list of 100 users (37 KB)", 1000, 1,
     ["sdk-sync", "sdk-async", "node", "floor"], "libcurl + simdjson"),
    ("fanout", "20,000 GETs, 256 in flight", 20000, 256,
     ["sdk-sync", "sdk-async", "node", "floor"], "libcurl multi + simdjson"),
    ("fanout-20ms", "10,000 GETs, 256 in flight, 20 ms server (latency floor 0.78 s)", 10000,
     256, ["sdk-sync", "sdk-async", "node", "floor"], "libcurl multi + simdjson"),
    ("verify-token", "access-token verification, warm JWKS", 20000, 1,
     ["sdk-sync", "sdk-async", "node", "floor"], "OpenSSL RS256"),
    ("authenticate-cookie", "sealed-cookie authentication (iron)", 5000, 1,
     ["sdk-sync", "node", "floor"], "OpenSSL: PBKDF2, HMAC, AES-CBC, RS256"),
    ("webhook-1k", "webhook verification, 1 KB", 100000, 1, ["sdk-sync", "node", "floor"],
     "OpenSSL HMAC()"),
    ("webhook-64k", "webhook verification, 64 KB", 10000, 1, ["sdk-sync", "node", "floor"],
     "OpenSSL HMAC()"),
    ("decode-page", "JSON decode of the 37 KB page", 10000, 1, ["sdk-sync", "node", "floor"],
     "simdjson parse"),
]
REST = {"get-organization", "list-users", "fanout", "fanout-20ms"}
LABEL = {"sdk-sync": "workos-cpp `Client`", "sdk-async": "workos-cpp `AsyncClient`"}

NGINX_CONF = """
load_module {echo_module};
worker_processes 1;
error_log {dir}/error.log warn;
pid {dir}/nginx.pid;
{user}
events {{ worker_connections 8192; }}
http {{
  access_log off;
  client_body_temp_path {dir}/tmp;
  proxy_temp_path {dir}/tmp;
  fastcgi_temp_path {dir}/tmp;
  uwsgi_temp_path {dir}/tmp;
  scgi_temp_path {dir}/tmp;
  keepalive_requests 100000000;
  keepalive_timeout 300s;
  tcp_nodelay on;
  etag off;
  server {{
    listen 127.0.0.1:{port} backlog=8192;
    default_type application/json;
    location = /__status {{ stub_status; }}
    location = /static/organization.json {{ alias {fixtures}/organization.json; }}
    location = /organizations/org_01EHWNCE74X7JSDV0X3SZ3KJNY {{
      alias {fixtures}/organization.json;
    }}
    location = /organizations/org_delayed {{
      echo_sleep 0.02;
      echo_location /static/organization.json;
    }}
    location = /user_management/users {{ alias {fixtures}/users.json; }}
    location = /sso/jwks/client_01BENCH {{ alias {fixtures}/jwks.json; }}
  }}
}}
"""


def accepted(url):
    """nginx's count of accepted connections (the status request itself is one)."""
    with urllib.request.urlopen(url + "/__status", timeout=10) as r:
        lines = r.read().decode().splitlines()
    return int(lines[2].split()[0])


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_nginx(work, fixtures):
    port = free_port()
    os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(
            echo_module="/usr/lib/nginx/modules/ngx_http_echo_module.so", dir=work, port=port,
            fixtures=fixtures, user="user root;" if os.geteuid() == 0 else ""))
    subprocess.run(["nginx", "-p", work, "-c", conf], check=True)
    url = "http://127.0.0.1:%d" % port
    for _ in range(100):
        try:
            accepted(url)
            break
        except OSError:
            time.sleep(0.05)
    with open(os.path.join(work, "nginx.pid")) as f:
        pid = int(f.read().strip())
    return url, pid


def run_one(args, url, fixtures, name, impl, ops, in_flight):
    if impl == "node":
        cmd = ["node", os.path.join(HERE, "node", "side_by_side.mjs"), "--sdk", args.node_sdk]
    else:
        cmd = [args.runner, "--impl", impl]
    cmd += ["--run", name, "--url", url, "--fixtures", fixtures, "--ops", str(ops),
            "--in-flight", str(in_flight)]
    before = accepted(url)
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    after = accepted(url)
    if p.returncode != 0:
        sys.stderr.write("run failed: %s\n%s%s" % (" ".join(cmd), p.stdout, p.stderr))
        return None
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["connections"] = after - before - 1  # the status request after the run
    return out


def med(values):
    return statistics.median(values)


def fmt_time(seconds):
    if seconds >= 1:
        return "%.2f s" % seconds
    if seconds >= 1e-3:
        return "%.1f ms" % (seconds * 1e3)
    if seconds >= 1e-6:
        return "%.1f µs" % (seconds * 1e6)
    return "%.0f ns" % (seconds * 1e9)


def spread(values, f):
    return "%s (%s–%s)" % (f(med(values)), f(min(values)), f(max(values)))


def table(results, workloads, node_version):
    rows = []
    rows.append("| workload | implementation | CPU per op | wall (run) | ops/s | peak RSS | "
                "TCP conns | threads | allocs per op | Node's CPU ÷ this | this ops/s ÷ Node's | "
                "this CPU ÷ floor's |")
    rows.append("| --- " * 12 + "|")
    for name, what, ops, in_flight, impls, floor in workloads:
        stats = {}
        for impl in impls:
            runs = [r for r in results.get((name, impl), []) if r]
            if not runs:
                continue
            stats[impl] = {
                "cpu": [r["cpu_s"] / r["ops"] for r in runs],
                "wall": [r["wall_s"] for r in runs],
                "rate": [r["ops"] / r["wall_s"] for r in runs],
                "rss": [r["rss_kb"] / 1024 for r in runs],
                "conns": [r["connections"] for r in runs],
                "threads": [r["threads"] for r in runs],
                "allocs": [r["allocs"] / r["ops"] for r in runs if r["allocs"] is not None],
            }
        for impl in impls:
            if impl not in stats:
                rows.append("| %s | %s | failed | | | | | | | | | |" % (what, impl))
                continue
            s = stats[impl]
            label = {"node": "Node SDK %s" % node_version, "floor": "floor: " + floor}.get(
                impl, LABEL.get(impl, impl))

            def ratio(other, key, invert=False):
                if other not in stats or other == impl:
                    return ""
                a, b = med(s[key]), med(stats[other][key])
                return "%.2f×" % ((b / a) if invert else (a / b))

            rows.append("| %s | %s | %s | %s | %s | %.0f MB | %d | %d | %s | %s | %s | %s |" % (
                what, label, spread(s["cpu"], fmt_time), spread(s["wall"], fmt_time),
                "{:,.0f}".format(med(s["rate"])), max(s["rss"]), med(s["conns"]),
                max(s["threads"]),
                ("%.1f" % med(s["allocs"])) if s["allocs"] else "–",
                ratio("node", "cpu", invert=True), ratio("node", "rate"),
                ratio("floor", "cpu") if impl != "floor" else ""))
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runner", required=True, help="bench/side_by_side built (Release)")
    ap.add_argument("--node-sdk", required=True, help="folder with node_modules/@workos-inc/node")
    ap.add_argument("--work", required=True, help="scratch folder (fixtures, nginx)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every workload's ops")
    ap.add_argument("--only", default="", help="comma-separated workloads")
    ap.add_argument("--out", default="", help="also write the table (Markdown) here")
    args = ap.parse_args()

    fixtures = os.path.join(os.path.abspath(args.work), "fixtures")
    os.makedirs(fixtures, exist_ok=True)
    subprocess.run([args.runner, "--write-fixtures", fixtures], check=True)
    with open(os.path.join(args.node_sdk, "node_modules", "@workos-inc", "node",
                           "package.json")) as f:
        node_version = json.load(f)["version"]
    only = set(filter(None, args.only.split(",")))
    workloads = [w for w in WORKLOADS if not only or w[0] in only]

    url, pid = start_nginx(os.path.abspath(args.work), fixtures)
    results = {}
    started = time.time()
    try:
        for r in range(args.rounds):
            for name, _, ops, in_flight, impls, _ in workloads:
                for impl in impls:
                    n = max(1, int(ops * args.scale))
                    out = run_one(args, url, fixtures, name, impl, n, in_flight)
                    results.setdefault((name, impl), []).append(out)
            sys.stderr.write("round %d/%d done (%.0f s)\n" % (r + 1, args.rounds,
                                                              time.time() - started))
    finally:
        os.kill(pid, signal.SIGQUIT)

    failed = [k for k, v in results.items() if not all(v)]
    text = table(results, workloads, node_version)
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    header = ("Medians of %d interleaved rounds (min–max), %s, %d cores, %s; server: nginx %s "
              "(1 worker) on loopback; Node %s, @workos-inc/node %s. CPU is the client "
              "process's (all its threads) per operation.\n" % (
                  args.rounds, cpu, os.cpu_count(), platform.platform(terse=True),
                  subprocess.run(["nginx", "-v"], capture_output=True,
                                 text=True).stderr.strip().split("/")[-1],
                  subprocess.run(["node", "--version"], capture_output=True,
                                 text=True).stdout.strip(), node_version))
    print(header)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(header + "\n" + text + "\n")
    if failed:
        sys.stderr.write("failed runs: %s\n" % ", ".join("%s/%s" % k for k in failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
