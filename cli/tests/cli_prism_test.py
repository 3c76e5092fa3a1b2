#!/usr/bin/python3
"""Runs every operation of the spec through the `workos` binary against Prism (the contract
test's fixture: `prism mock --errors`, request validation as errors), with the example values of
cli/tests/operations.py, and checks each answer: exit 0 and JSON on standard output (a URL for
the URL builders, every item for --all on a list).

    cli_prism_test.py WORKOS_BINARY PRISM_STATE_DIR
"""

import concurrent.futures
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from operations import OPERATIONS  # noqa: E402  (generated)

API_KEY = "sk_test_cli_prism_0123456789"


def run(binary, base_url, case):
    argv = [binary] + case["argv"] + ["--base-url", base_url, "--json"]
    env = dict(os.environ, WORKOS_API_KEY=API_KEY, WORKOS_CLIENT_ID="client_01CLIPRISM")
    env.pop("WORKOS_CONFIG", None)
    env["HOME"] = "/nonexistent"
    p = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    why = None
    if p.returncode != 0:
        why = "exit %d: %s" % (p.returncode, p.stderr.strip()[:800])
    else:
        try:
            out = json.loads(p.stdout)
        except ValueError:
            out = None
            why = "stdout is not JSON: %r" % p.stdout[:300]
        if why is None and case["url"] and not (isinstance(out, dict) and "url" in out):
            why = "no url in %r" % p.stdout[:300]
    if API_KEY in p.stdout or API_KEY in p.stderr:
        why = "the API key was printed"
    return case, why


def main():
    binary, state = sys.argv[1], sys.argv[2]
    try:
        with open(os.path.join(state, "base_url")) as f:
            base_url = f.read().strip()
    except OSError as e:
        print("FAILED: Prism is not running (contract.prism_start): %s" % e, file=sys.stderr)
        return 1
    failures, known, passed = [], [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for case, why in pool.map(lambda c: run(binary, base_url, c), OPERATIONS):
            if why is None:
                passed += 1
            elif case["known_failure"]:
                known.append((case, why))
            else:
                failures.append((case, why))
    for case, why in known:
        print("known deviation %s: %s (%s)" % (case["op"], case["known_failure"], why[:200]),
              file=sys.stderr)
    for case, why in failures:
        print("FAILED %s: workos %s\n  %s" % (case["op"], " ".join(case["argv"]), why),
              file=sys.stderr)
    print("cli prism: %d/%d operations passed, %d known deviations, %d failed" % (
        passed, len(OPERATIONS), len(known), len(failures)))
    return 1 if failures or passed + len(known) != len(OPERATIONS) else 0


if __name__ == "__main__":
    sys.exit(main())
