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

# step "Title": a visible section header with the elapsed time since the script started.
step() {
  printf '\n%s==> %s%s %s(+%ss)%s\n' "$_c_bold" "$*" "$_c_off" "$_c_dim" "$SECONDS" "$_c_off"
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
