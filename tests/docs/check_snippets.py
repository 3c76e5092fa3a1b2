#!/usr/bin/python3
"""Fails when a C++ block of a guide drifts from the compiled code it shows.

A block opened with ```cpp snippet=NAME must equal, line for line (leading indentation aside),
the lines between `// [START NAME]` and `// [END NAME]` in the source files given. Usage:
check_snippets.py GUIDE.md SOURCE... ; exit 1 with the differences, 0 when all match."""

import re
import sys


def blocks(text):
    out = {}
    for m in re.finditer(r"^```cpp snippet=(\w+)\n(.*?)^```$", text, re.S | re.M):
        out[m.group(1)] = [l.strip() for l in m.group(2).splitlines()]
    return out


def regions(text):
    out = {}
    for m in re.finditer(r"// \[START (\w+)\]\n(.*?)^\s*// \[END \1\]", text, re.S | re.M):
        out[m.group(1)] = [l.strip() for l in m.group(2).splitlines()]
    return out


def main(argv):
    guide = open(argv[1], encoding="utf-8").read()
    code = {}
    for path in argv[2:]:
        code.update(regions(open(path, encoding="utf-8").read()))
    docs = blocks(guide)
    problems = []
    if not docs:
        problems.append("%s: no ```cpp snippet=NAME block" % argv[1])
    for name, lines in sorted(docs.items()):
        if name not in code:
            problems.append("snippet %s: no [START %s] region in the sources" % (name, name))
        elif code[name] != lines:
            problems.append("snippet %s differs:\n  guide:  %s\n  source: %s" % (
                name, "\n          ".join(lines), "\n          ".join(code[name])))
    for name in sorted(set(code) - set(docs)):
        problems.append("region %s is shown by no block of %s" % (name, argv[1]))
    for p in problems:
        print(p)
    print("%d snippet(s) checked, %d problem(s)" % (len(docs), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
