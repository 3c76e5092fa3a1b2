// Copyright workos-cpp authors. Handwritten.
// bench/side_by_side.cc's runner over the official Node SDK (@workos-inc/node), for
// scripts/bench: the same workloads, arguments and one-line JSON result.
//
//   node side_by_side.mjs --sdk DIR --run WORKLOAD --url URL --fixtures DIR [--ops N] [--in-flight K]
//
// DIR is where scripts/bench installed the SDK (DIR/node_modules/@workos-inc/node). CPU is the
// process's (process.cpuUsage), peak RSS from process.resourceUsage, threads read from
// /proc/self/status at the end of the run (the peak of a Node process is reached early: V8 and
// libuv start their pools at start-up). Allocations are not counted ("allocs": null).

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { webcrypto } from 'node:crypto';

if (!globalThis.crypto) globalThis.crypto = webcrypto;

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const ops = Number(args.ops ?? 1000);
const inFlight = Number(args['in-flight'] ?? 256);
const fixture = (name) => readFileSync(path.join(args.fixtures, name), 'utf8');

const require = createRequire(path.join(path.resolve(args.sdk), 'package.json'));
const { WorkOS } = require('@workos-inc/node');
const url = new URL(args.url);
const workos = new WorkOS('sk_test_bench_0000000000000000', {
  clientId: 'client_01BENCH',
  apiHostname: url.hostname,
  port: Number(url.port),
  https: false,
});

function fail(what) {
  process.stderr.write(`side_by_side.mjs: ${what}\n`);
  process.exit(1);
}

async function repeat(n, call) {
  for (let i = 0; i < n; ++i) if (!(await call())) fail(`${args.run}: a call failed`);
}

async function fanout(n, k, call) {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next++ < n) if (!(await call())) ++failed;
  };
  await Promise.all(Array.from({ length: k }, worker));
  if (failed) fail(`${args.run}: ${failed} calls failed`);
}

function workload(name) {
  const organization = name === 'fanout-20ms' ? 'org_delayed' : 'org_01EHWNCE74X7JSDV0X3SZ3KJNY';
  const get = async () => (await workos.organizations.getOrganization(organization)).id !== '';
  switch (name) {
    case 'get-organization':
      return { warm: get, run: () => repeat(ops, get) };
    case 'list-users': {
      const list = async () => (await workos.userManagement.listUsers({ limit: 100 })).data.length === 100;
      return { warm: list, run: () => repeat(ops, list) };
    }
    case 'fanout':
    case 'fanout-20ms':
      return { run: () => fanout(ops, inFlight, get) };
    case 'verify-token': {
      // userManagement.verifyAccessToken: jose's jwtVerify over the cached remote JWKS and the
      // access-token claims check, as session authentication runs it.
      const token = fixture('token.txt');
      const verify = async () => (await workos.userManagement.verifyAccessToken(token)) !== null;
      return { warm: verify, run: () => repeat(ops, verify) };
    }
    case 'authenticate-cookie': {
      const sessionData = fixture('cookie.txt');
      const cookiePassword = 'bench-cookie-password-with-more-than-32-chars';
      const authenticate = async () =>
        (await workos.userManagement.loadSealedSession({ sessionData, cookiePassword }).authenticate())
          .authenticated === true;
      return { warm: authenticate, run: () => repeat(ops, authenticate) };
    }
    case 'webhook-1k':
    case 'webhook-64k': {
      const payload = fixture(`${name}.json`);
      const sigHeader = fixture(`${name}.sig`);
      const secret = fixture('webhook-secret.txt');
      // The raw body, as a server that verifies before parsing passes it.
      const verify = async () => {
        await workos.webhooks.verifyHeader({ payload, sigHeader, secret, tolerance: 86400000 });
        return true;
      };
      return { warm: verify, run: () => repeat(ops, verify) };
    }
    case 'decode-page': {
      // JSON.parse alone: the SDK's list deserialisers are not exported, so this is a lower
      // bound of what the Node SDK spends decoding a page.
      const text = fixture('users.json');
      const decode = async () => JSON.parse(text).data.length === 100;
      return { warm: decode, run: () => repeat(ops, decode) };
    }
    default:
      fail(`unknown workload ${name}`);
  }
}

function threads() {
  const m = readFileSync('/proc/self/status', 'utf8').match(/^Threads:\s+(\d+)/m);
  return m ? Number(m[1]) : 0;
}

const w = workload(args.run);
if (w.warm) await repeat(20, w.warm);
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
await w.run();
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    ops,
    wall_s: wall,
    cpu_s: (cpu.user + cpu.system) / 1e6,
    rss_kb: process.resourceUsage().maxRSS,
    threads: threads(),
    allocs: null,
  }) + '\n',
);
