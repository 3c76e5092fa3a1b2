# Shared helpers for scripts/setup, scripts/test and scripts/demo. Source it; do not run it.
# shellcheck shell=bash

# Repository root (the parent of scripts/).
WORKOS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export WORKOS_ROOT

# Colours only on a terminal.
if [[ -t 1 ]]; then
  _c_bold=$'\e[1m'; _c_red=$'\e[31m'; _c_green=$'\e[32m'; _c_dim=$'\e[2m'; _c_off=$'\e[0m'
else
  _c_bold=''; _c_red=''; _c_green=''; _c_dim=''; _c_off=''
fi

# children_cpu_ms: CPU time (user + sys, ms) of every finished child process of this shell so
# far: cutime + cstime of /proc/<shell>/stat, read with builtins only (no fork). Sets
# _workos_cpu_ms.
_workos_clk_tck="$(getconf CLK_TCK 2>/dev/null || echo 100)"
children_cpu_ms() {
  local stat
  local -a f
  _workos_cpu_ms=0
  read -r stat <"/proc/$BASHPID/stat" 2>/dev/null || return 0
  read -r -a f <<<"${stat##*) }"  # fields from 3 (state) on: cutime is field 16, cstime 17
  _workos_cpu_ms=$(((f[13] + f[14]) * 1000 / _workos_clk_tck))
}

# step "Title": a visible section header with the elapsed time since the script started. The
# wall and CPU time of each step are kept for step_summary.
_workos_step_name=""
_workos_step_lines=()
_workos_close_step() {
  if [[ -n "$_workos_step_name" ]]; then
    children_cpu_ms
    local wall=$((SECONDS - _workos_step_start))
    local cpu=$(((_workos_cpu_ms - _workos_step_cpu) / 1000))
    _workos_step_lines+=("$(printf '%6ss wall %7ss CPU  %s' "$wall" "$cpu" "$_workos_step_name")")
    _workos_step_name=""
  fi
}
step() {
  _workos_close_step
  _workos_step_name="$*"
  _workos_step_start=$SECONDS
  children_cpu_ms
  _workos_step_cpu=$_workos_cpu_ms
  printf '\n%s==> %s%s %s(+%ss)%s\n' "$_c_bold" "$*" "$_c_off" "$_c_dim" "$SECONDS" "$_c_off"
}
# step_summary: wall and CPU time of every step so far (CPU = all processes the step ran).
step_summary() {
  _workos_close_step
  local line
  for line in "${_workos_step_lines[@]}"; do
    printf '    %s\n' "$line"
  done
}
info() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$_c_red" "$_c_off" "$*" >&2; }
# die "message": print a clear failure line and exit 1.
die() {
  printf '\n%sFAILED:%s %s\n' "$_c_red$_c_bold" "$_c_off" "$*" >&2
  exit 1
}

# run_as_root cmd...: runs as root directly, through sudo otherwise (non-interactive).
run_as_root() {
  if [[ "$(id -u)" == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@" 2>/dev/null || sudo "$@"
  else
    die "need root to run: $* (run as root or install sudo)"
  fi
}

# nproc, capped by WORKOS_JOBS when set.
jobs_count() {
  if [[ -n "${WORKOS_JOBS:-}" ]]; then
    echo "$WORKOS_JOBS"
  else
    nproc 2>/dev/null || echo 2
  fi
}

# The WorkOS spec beside the clone (../shared/openapi), or WORKOS_SPEC when set.
spec_path() {
  if [[ -n "${WORKOS_SPEC:-}" ]]; then
    echo "$WORKOS_SPEC"
  else
    echo "$(cd "$WORKOS_ROOT/.." && pwd)/shared/openapi/open-api-spec.yaml"
  fi
}

# ccache configuration shared by every build: one cache for all build directories and clones
# (CCACHE_BASEDIR + NOHASHDIR make hits independent of the checkout path).
setup_ccache() {
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.ccache}"
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$WORKOS_ROOT}"
  export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
  # The library's unity units use a precompiled header (src/CMakeLists.txt); ccache caches
  # them only with this sloppiness (the header's own time macros and defines are not hashed).
  export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
  mkdir -p "$CCACHE_DIR"
}

# human_time SECONDS -> "12m 34s"
human_time() {
  local s=$1
  printf '%dm %02ds' $((s / 60)) $((s % 60))
}

# free_port: an unused TCP port on 127.0.0.1 (asks the kernel for an ephemeral port).
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
  else
    /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  fi
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# has_target DIR TARGET: true when the Ninja build in DIR defines TARGET. (The target list is
# read whole before matching: `ninja ... | grep -q` under `set -o pipefail` fails whenever grep
# exits before ninja has written everything, which silently skipped steps.)
has_target() {
  local targets
  targets="$(ninja -C "$1" -t targets all 2>/dev/null)" || return 1
  grep -q "^$2:" <<<"$targets"
}

# configure_sanitizer_tree DIR: the clang tree shared by scripts/test (ASan + UBSan unit run,
# clang -Werror check, fuzz smoke) and scripts/fuzz: clang-14, Debug -O0 -g1, address and
# undefined sanitizers, the library instrumented for libFuzzer (WORKOS_FUZZ=ON). Output is
# quiet unless configuring fails.
configure_sanitizer_tree() {
  local dir=$1 log
  # A tree configured earlier with another compiler (GCC before this tree moved to clang):
  # start its cache afresh rather than let CMake switch compilers in place.
  if [[ -f "$dir/CMakeCache.txt" ]] \
      && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-14$' "$dir/CMakeCache.txt"; then
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  log="$(mktemp)"
  if ! cmake -S "$WORKOS_ROOT" -B "$dir" -G Ninja \
      -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
      -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1" \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
      -DWORKOS_SANITIZE=address,undefined -DWORKOS_FUZZ=ON -DWORKOS_WERROR=ON \
      -DWORKOS_BUILD_TESTS=ON -DWORKOS_BUILD_EXAMPLES=OFF -DWORKOS_BUILD_BENCH=OFF -DWORKOS_BUILD_CLI=OFF \
      -DWORKOS_INSTALL=OFF >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# handwritten_sources: the project's own C++ files (every .h / .cc below src, include, tests,
# examples, bench, mocks, ports and cli that codegen/MANIFEST does not list), relative to the
# repository.
handwritten_sources() {
  (cd "$WORKOS_ROOT" \
    && find src include tests examples bench mocks ports cli -type f \( -name '*.h' -o -name '*.cc' \) \
         -not -path 'tests/fuzz/corpus/*' \
    | LC_ALL=C sort | grep -vxF -f <(grep -v '^#' codegen/MANIFEST))
}

# source_checks: the house habits of the handwritten sources, each a failure when broken:
#   - formatted with the repository's .clang-format (clang-format-14 --dry-run -Werror);
#   - no work-item words in code or comments ("issue 12", "Deliver 3");
#   - clang-tidy-14 with the repository's .clang-tidy over the library's handwritten sources and
#     the headers they include (src/, include/): zero findings.
source_checks() {
  local -a files lib_sources
  mapfile -t files < <(handwritten_sources)
  ((${#files[@]} > 0)) || { echo "source checks: no handwritten sources found" >&2; return 1; }
  local out rc=0
  out="$(cd "$WORKOS_ROOT" && printf '%s\0' "${files[@]}" \
          | xargs -0 -n 64 clang-format-14 --dry-run -Werror 2>&1)" || true
  if [[ -n "$out" ]]; then
    echo "$out" | grep -E ': (error|warning):' | cut -d: -f1 | sort -u \
      | sed 's/^/    not clang-formatted: /' >&2
    echo "    fix: clang-format-14 -i <file>" >&2
    rc=1
  fi
  if (cd "$WORKOS_ROOT" && grep -nE '\b[Ii]ssue #?[0-9]+\b|\bDeliver(able)? [0-9]+\b' "${files[@]}") >&2
  then
    echo "    the code names work items (above): say what the code does instead" >&2
    rc=1
  fi
  if [[ -f "$WORKOS_ROOT/.clang-tidy" ]]; then
    mapfile -t lib_sources < <(printf '%s\n' "${files[@]}" | grep -E '^src/.*\.cc$')
    local tidy_log
    tidy_log="$(mktemp)"
    if ! (cd "$WORKOS_ROOT" && printf '%s\0' "${lib_sources[@]}" \
          | xargs -0 -P "$(jobs_count)" -I{} clang-tidy-14 --quiet {} -- -std=c++17 -Iinclude \
              -Isrc -DSIMDJSON_THREADS_ENABLED=1) >"$tidy_log" 2>&1; then
      grep -E ': (error|warning):' "$tidy_log" | sort -u >&2 || cat "$tidy_log" >&2
      echo "    clang-tidy (.clang-tidy) reported the findings above" >&2
      rc=1
    fi
    rm -f "$tidy_log"
  fi
  if ((rc == 0)); then
    info "source checks: ${#files[@]} files formatted and free of work items;" \
         "clang-tidy clean over ${#lib_sources[@]} library sources"
  fi
  return "$rc"
}
