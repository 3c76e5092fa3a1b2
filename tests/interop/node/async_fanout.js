// Copyright workos-cpp authors. Handwritten.
// The Node side of bench/async_fanout: N getOrganization calls through the official
// Node SDK (@workos-inc/node) with K in flight (K async workers under Promise.all), against the
// bench's local server. Prints one JSON line: wall time, successes, errors, the process's peak
// thread count (sampled) and peak RSS.
//
//   node async_fanout.js <base_url> <requests> <in_flight>
'use strict';

const fs = require('fs');
const { WorkOS } = require('@workos-inc/node');

function threads() {
  try {
    const m = /^Threads:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : -1;
  } catch (e) {
    return -1;
  }
}

async function main() {
  const [baseUrl, nText, kText] = process.argv.slice(2);
  const url = new URL(baseUrl);
  const n = Number(nText);
  const k = Number(kText);
  const workos = new WorkOS('sk_test_bench_0000000000000000', {
    apiHostname: url.hostname,
    port: Number(url.port),
    https: false,
  });
  let next = 0;
  let ok = 0;
  let errors = 0;
  let peakThreads = threads();
  const sampler = setInterval(() => { peakThreads = Math.max(peakThreads, threads()); }, 5);
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      try {
        const org = await workos.organizations.getOrganization(`org_${i}`);
        if (org && org.id) ok++; else errors++;
      } catch (e) {
        errors++;
        if (errors === 1) process.stderr.write(`first error: ${e && e.message}\n`);
      }
    }
  }
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: k }, worker));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(sampler);
  peakThreads = Math.max(peakThreads, threads());
  process.stdout.write(JSON.stringify({
    wall_ms: Number(wallMs.toFixed(1)),
    ok,
    errors,
    threads: peakThreads,
    peak_rss_kb: process.resourceUsage().maxRSS,
    cpu_ms: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000),
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
