"""Identifier helpers: C++ keywords, field names, PascalCase / snake_case, enumerators."""

import re

CPP_KEYWORDS = frozenset("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq
nullptr operator or or_eq private protected public register reinterpret_cast requires return
short signed sizeof static static_assert static_cast struct switch template this thread_local
throw true try typedef typeid typename union unsigned using virtual void volatile wchar_t while
xor xor_eq final override import module
""".split())

# Names that would be awkward or shadowing as struct members / identifiers in generated code.
RESERVED_MEMBER_NAMES = frozenset(["errno", "assert", "NULL", "EOF", "stdin", "stdout", "stderr",
                                   "major", "minor", "unix", "linux"])

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def is_identifier(s):
    return bool(_IDENT.match(s))


def split_words(s):
    """Splits a wire string into words: separators, camelCase humps and digit runs."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", s)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", s)
    return [w for w in re.split(r"[^A-Za-z0-9]+", s) if w]


def pascal(s):
    """`dsync.user.created` -> `DsyncUserCreated`, `organization_id` -> `OrganizationId`."""
    out = "".join(w[:1].upper() + w[1:] for w in split_words(s))
    if not out:
        return "X"
    if out[0].isdigit():
        out = "V" + out
    return out


def snake(s):
    """`dsync.user.created` -> `dsync_user_created`, `x5t#S256` -> `x5t_s256`."""
    out = "_".join(w.lower() for w in split_words(s))
    if not out:
        out = "x"
    if out[0].isdigit():
        out = "v" + out
    return out


def field_identifier(wire):
    """C++ member name for a JSON field: the wire name when it is a valid identifier, else its
    snake_case form; C++ keywords get a trailing underscore (`default` -> `default_`)."""
    name = wire if is_identifier(wire) else snake(wire)
    if name in CPP_KEYWORDS or name in RESERVED_MEMBER_NAMES:
        name += "_"
    if name.startswith("__") or re.match(r"_[A-Z]", name):
        name = "f" + name
    return name


def unique_field_names(wires):
    """Maps each wire name to a distinct identifier. Wire names that already are valid
    identifiers claim their name first; derived names that collide get `_` suffixes, in order."""
    result = {}
    taken = set()
    for w in wires:
        ident = field_identifier(w)
        if ident == w:
            result[w] = ident
            taken.add(ident)
    for w in wires:
        if w in result:
            continue
        ident = field_identifier(w)
        while ident in taken:
            ident += "_"
        result[w] = ident
        taken.add(ident)
    return result


_SEPARATOR_NAMES = {"_": "_", "-": "Dash", " ": "Space", ".": "Dot", ":": "Colon", "/": "Slash",
                    "+": "Plus", "#": "Hash", "@": "At", "*": "Star"}


def _enumerator_exact(value):
    """An enumerator name that keeps every separator distinguishable (`sign-up` -> `SignDashUp`)."""
    out = []
    upper_next = True
    for ch in value:
        if ch.isalnum():
            out.append(ch.upper() if upper_next else ch)
            upper_next = False
        else:
            sep = _SEPARATOR_NAMES.get(ch, "X%02X" % ord(ch) if ord(ch) < 256 else "U%04X" % ord(ch))
            out.append(sep)
            upper_next = sep != "_"
    s = "".join(out)
    if s[:1].isdigit():
        s = "V" + s
    return s


def enumerator_names(values):
    """`k`-prefixed enumerator names for enum wire values, all distinct and never `kUnknown`.

    The plain PascalCase form is used when it is unique within the enum; values whose PascalCase
    forms collide (`sign-up`, `sign_up`, `sign up`) spell their separators out instead
    (`kSign_up`, `kSignDashUp`, `kSignSpaceUp`); any remaining clash gets a numeric suffix."""
    base = {v: "k" + pascal(v) for v in values}
    counts = {}
    for v in values:
        counts[base[v]] = counts.get(base[v], 0) + 1
    names = {}
    used = {"kUnknown"}
    for v in values:
        n = base[v]
        if counts[n] > 1 or n in used:
            n = "k" + _enumerator_exact(v)
        cand = n
        i = 2
        while cand in used:
            cand = "%s%d" % (n, i)
            i += 1
        names[v] = cand
        used.add(cand)
    return names


def singular(word):
    """A cheap English singular for synthesized item names (`domains` -> `domain`)."""
    w = word
    lw = w.lower()
    if lw.endswith("data") or lw.endswith("metadata") or lw.endswith("ss") or lw.endswith("us"):
        return w
    if lw.endswith("uses"):
        return w[:-2]
    if lw.endswith("ies") and len(w) > 3:
        return w[:-3] + "y"
    for suffix in ("sses", "xes", "ches", "shes"):
        if lw.endswith(suffix):
            return w[:-2]
    if lw.endswith("s") and len(w) > 1:
        return w[:-1]
    return w


def cpp_string(s):
    """A C++ string literal (UTF-8 kept, control characters and quotes escaped)."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x\"\"" % o)
        elif ch == "?":
            out.append("?")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def raw_string(s):
    """A C++ raw string literal holding `s` (delimiter chosen so it cannot end early)."""
    delim = "json"
    i = 0
    while (")" + delim + '"') in s:
        i += 1
        delim = "json%d" % i
    return 'R"%s(%s)%s"' % (delim, s, delim)


def doc_lines(text):
    """Spec description text -> list of Doxygen comment lines (without the `/// ` prefix)."""
    if not text:
        return []
    lines = []
    for line in str(text).strip().splitlines():
        line = line.rstrip()
        while line.endswith("\\"):
            line = line[:-1].rstrip()
        line = line.replace("*/", "* /")
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines
