#!/usr/bin/env bash
# scripts/lib/consumer_check.sh <main build dir> <build root>
#
# The consumer check of scripts/test: installs the library built in
# <main build dir> into a temporary prefix, then builds and runs examples/consumer — a separate
# CMake project using find_package(workos CONFIG REQUIRED) — as C++17, as C++20 and with
# -fno-exceptions, and the same program through pkg-config (`pkg-config --static workos`); each
# time also examples/consumer/simdjson_user.cc, a program that uses simdjson itself.
# Then the same for a shared build of the library (BUILD_SHARED_LIBS=ON; compiled objects come
# from ccache, so this costs mostly a link). WORKOS_SKIP_SHARED=1 skips the shared part.
# Then the Debian packages of both trees (scripts/package), unpacked into an empty root, with
# the consumer built against them through find_package and pkg-config, and lintian over them
# (WORKOS_SKIP_PACKAGES=1 skips this part).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

main_dir="$1"
build_root="$2"
jobs="$(jobs_count)"
consumer_src="$WORKOS_ROOT/examples/consumer"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/workos-consumer.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# consumer_build <prefix> <name> <cmake args...>: configure, build and run examples/consumer.
consumer_build() {
  local prefix="$1" name="$2"
  shift 2
  local dir="$build_root/consumer-$name"
  rm -rf "$dir"
  cmake -S "$consumer_src" -B "$dir" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@" >"$dir.log" 2>&1 \
    || { cat "$dir.log"; die "consumer ($name): cmake configure against $prefix failed"; }
  cmake --build "$dir" -j "$jobs" >>"$dir.log" 2>&1 \
    || { cat "$dir.log"; die "consumer ($name): build failed"; }
  local out
  out="$("$dir/workos_consumer" 2>&1)" || { echo "$out"; die "consumer ($name): run failed"; }
  info "consumer ($name): $(echo "$out" | tail -n 1)"
  # A consumer that uses simdjson itself (examples/consumer/simdjson_user.cc): simdjson is a
  # dependency of the library, so it is always there and the program must be built.
  [[ -x "$dir/workos_consumer_simdjson" ]] \
    || die "consumer ($name): workos_consumer_simdjson was not built (find_package(simdjson)?)"
  out="$("$dir/workos_consumer_simdjson" 2>&1)" \
    || { echo "$out"; die "consumer ($name): the program that also uses simdjson failed"; }
  info "consumer ($name): $(echo "$out" | tail -n 1)"
  if [[ -x "$dir/workos_consumer_mocks" ]]; then
    out="$("$dir/workos_consumer_mocks" 2>&1)" \
      || { echo "$out"; die "consumer ($name): workos::mocks check failed"; }
    info "consumer ($name): $(echo "$out" | tail -n 1)"
  fi
}

# pkgconfig_build <prefix> <name> <extra pkg-config flags>: the same program through workos.pc.
# PC_RELOCATE=1: the .pc files name another prefix (/usr, in a package unpacked below <prefix>):
# pkg-config --define-prefix takes it from where the file is.
pkgconfig_build() {
  local prefix="$1" name="$2" flags="$3"
  local pcdir
  pcdir="$(dirname "$(find "$prefix" -name workos.pc -print -quit)")"
  [[ -f "$pcdir/workos.pc" ]] || die "consumer: workos.pc not installed below $prefix"
  local cflags libs relocate=""
  [[ "${PC_RELOCATE:-0}" == 1 ]] && relocate="--define-prefix"
  # shellcheck disable=SC2086
  cflags="$(PKG_CONFIG_PATH="$pcdir" pkg-config $relocate --cflags workos)" \
    || die "pkg-config --cflags workos failed"
  # shellcheck disable=SC2086
  libs="$(PKG_CONFIG_PATH="$pcdir" pkg-config $relocate --libs $flags workos)" \
    || die "pkg-config --libs $flags workos failed"
  local libdir
  # shellcheck disable=SC2086
  libdir="$(PKG_CONFIG_PATH="$pcdir" pkg-config $relocate --variable=libdir workos)"
  local exe="$tmp/consumer-pc-$name"
  # shellcheck disable=SC2086
  g++ -std=c++17 -Wall -Wextra -Werror $cflags "$consumer_src/main.cc" -o "$exe" $libs \
    -Wl,-rpath,"$libdir" \
    || die "consumer (pkg-config $name): compile/link with '$cflags $libs' failed"
  local out
  out="$("$exe" 2>&1)" || { echo "$out"; die "consumer (pkg-config $name): run failed"; }
  info "consumer (pkg-config $name): $(echo "$out" | tail -n 1)"
  # The program that also uses simdjson: compiled with workos' Cflags only (no -pthread, which
  # would define _REENTRANT and switch simdjson's threads on by itself), linked with -lsimdjson.
  local sj_exe="$tmp/consumer-pc-simdjson-$name"
  # shellcheck disable=SC2086
  g++ -std=c++17 -Wall -Wextra -Werror $cflags -c "$consumer_src/simdjson_user.cc" \
    -o "$sj_exe.o" || die "consumer (pkg-config $name, simdjson): compile with '$cflags' failed"
  # shellcheck disable=SC2086
  g++ "$sj_exe.o" -o "$sj_exe" $libs -lsimdjson -Wl,-rpath,"$libdir" \
    || die "consumer (pkg-config $name, simdjson): link with '$libs -lsimdjson' failed"
  out="$("$sj_exe" 2>&1)" \
    || { echo "$out"; die "consumer (pkg-config $name): the program that also uses simdjson failed"; }
  info "consumer (pkg-config $name): $(echo "$out" | tail -n 1)"
}

# --- static library (the main build) -------------------------------------------------------------
static_prefix="$tmp/static"
cmake --install "$main_dir" --prefix "$static_prefix" >"$tmp/install-static.log" 2>&1 \
  || { cat "$tmp/install-static.log"; die "cmake --install $main_dir failed"; }
cfg="$(find "$static_prefix" -name workosConfig.cmake -print -quit)"
[[ -n "$cfg" ]] || die "workosConfig.cmake was not installed"
[[ -f "$(dirname "$cfg")/workosConfigVersion.cmake" ]] || die "workosConfigVersion.cmake was not installed"
[[ -f "$static_prefix/include/workos/version.h" ]] || die "public headers were not installed"
n_headers="$(find "$static_prefix/include/workos" -name '*.h' | wc -l)"
info "installed static library + $n_headers headers into a temporary prefix"

consumer_build "$static_prefix" static-cxx17 -DCMAKE_CXX_STANDARD=17
# The main build has WORKOS_ENABLE_MOCKS=ON: the installed package must offer workos::mocks.
if [[ -f "$main_dir/CMakeCache.txt" ]] && grep -q '^WORKOS_ENABLE_MOCKS:BOOL=ON' "$main_dir/CMakeCache.txt" \
   && [[ -f "$WORKOS_ROOT/mocks/CMakeLists.txt" ]]; then
  [[ -x "$build_root/consumer-static-cxx17/workos_consumer_mocks" ]] \
    || die "consumer: workos::mocks was built but find_package(workos) did not provide it"
fi
consumer_build "$static_prefix" static-cxx20 -DCMAKE_CXX_STANDARD=20
consumer_build "$static_prefix" static-noexcept -DCMAKE_CXX_STANDARD=17 \
  -DWORKOS_CONSUMER_NO_EXCEPTIONS=ON
pkgconfig_build "$static_prefix" static --static

# --- shared library --------------------------------------------------------------------------
if [[ "${WORKOS_SKIP_SHARED:-0}" != 1 ]]; then
  shared_dir="$build_root/shared"
  shared_prefix="$tmp/shared"
  cmake -S "$WORKOS_ROOT" -B "$shared_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=${WORKOS_TEST_RELWITHDEBINFO_FLAGS:--O2 -g -DNDEBUG}" \
    -DBUILD_SHARED_LIBS=ON \
    -DWORKOS_BUILD_TESTS=OFF -DWORKOS_BUILD_EXAMPLES=OFF -DWORKOS_BUILD_BENCH=OFF \
    -DWORKOS_BUILD_CLI=OFF -DWORKOS_ENABLE_MOCKS=OFF >"$tmp/shared-configure.log" 2>&1 \
    || { cat "$tmp/shared-configure.log"; die "configure of the shared library failed"; }
  cmake --build "$shared_dir" -j "$jobs" >"$tmp/shared-build.log" 2>&1 \
    || { tail -n 50 "$tmp/shared-build.log"; die "build of the shared library failed"; }
  cmake --install "$shared_dir" --prefix "$shared_prefix" >"$tmp/install-shared.log" 2>&1 \
    || { cat "$tmp/install-shared.log"; die "cmake --install $shared_dir failed"; }
  info "installed shared library into a temporary prefix"
  # The soname follows docs/adr/0013-versioning.md: major.minor before 1.0, the major after.
  so="$(find "$shared_prefix" -name 'libworkos.so' | head -n 1)"
  [[ -n "$so" ]] || die "libworkos.so was not installed"
  soname="$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')"
  read -r major minor < <(sed -n 's/^#define WORKOS_VERSION_STRING "\([0-9]*\)\.\([0-9]*\)\..*/\1 \2/p' \
    "$WORKOS_ROOT/include/workos/version.h")
  if [[ "$major" == 0 ]]; then want="libworkos.so.0.$minor"; else want="libworkos.so.$major"; fi
  [[ "$soname" == "$want" ]] || die "soname is '$soname', the versioning policy says '$want'"
  grep -q '^URL: https://github.com/workos/workos-cpp' "$shared_prefix"/lib*/pkgconfig/workos.pc \
    "$shared_prefix"/lib/*/pkgconfig/workos.pc 2>/dev/null \
    && die "workos.pc names a repository URL that does not exist"
  info "soname $soname"
  consumer_build "$shared_prefix" shared-cxx17 -DCMAKE_CXX_STANDARD=17
  pkgconfig_build "$shared_prefix" shared ""

  # --- Debian packages of the two trees above (scripts/package), unpacked into an empty root --
  if [[ "${WORKOS_SKIP_PACKAGES:-0}" != 1 ]]; then
    bash "$WORKOS_ROOT/scripts/package" --static "$main_dir" --shared "$shared_dir" \
      --out "$build_root/packages"
    root="$tmp/debroot"
    mkdir -p "$root"
    for deb in "$build_root"/packages/*.deb; do
      dpkg-deb -x "$deb" "$root" || die "dpkg-deb -x $(basename "$deb") failed"
    done
    [[ -L "$(find "$root" -name libworkos.so -print -quit)" ]] \
      || die "libworkos-dev has no libworkos.so link"
    info "unpacked $(ls "$build_root"/packages/*.deb | wc -l) packages into an empty root"
    if [[ -x "$main_dir/cli/workos" ]]; then
      "$root/usr/bin/workos" pkce generate >/dev/null || die "the packaged workos tool does not run"
      for f in share/man/man1/workos.1.gz share/bash-completion/completions/workos \
               share/zsh/vendor-completions/_workos; do
        [[ -f "$root/usr/$f" ]] || die "workos-cli lacks /usr/$f"
      done
      info "workos-cli: /usr/bin/workos runs; its man page and completions are in place"
    fi
    consumer_build "$root/usr" deb-cxx17 -DCMAKE_CXX_STANDARD=17
    PC_RELOCATE=1 pkgconfig_build "$root/usr" deb ""
    # The test program of the vcpkg port and the Conan recipe (ports/), built the same way.
    pcdir="$(dirname "$(find "$root" -name workos.pc -print -quit)")"
    # shellcheck disable=SC2046
    g++ -std=c++17 -Wall -Wextra -Werror "$WORKOS_ROOT/ports/conan/test_package/main.cc" \
      -o "$tmp/ports-test" $(PKG_CONFIG_PATH="$pcdir" pkg-config --define-prefix --cflags --libs workos) \
      -Wl,-rpath,"$(PKG_CONFIG_PATH="$pcdir" pkg-config --define-prefix --variable=libdir workos)" \
      || die "ports/conan/test_package/main.cc does not build against the packages"
    out="$("$tmp/ports-test" 2>&1)" || { echo "$out"; die "the ports' test program failed"; }
    info "ports test program: $out"
    # lintian: errors fail the check; warnings are listed (docs/adr/0014-packages.md explains
    # the ones left).
    if command -v lintian >/dev/null 2>&1; then
      lint="$(lintian --tag-display-limit 0 "$build_root"/packages/*.deb 2>&1 || true)"
      lint="$(grep -v "root privileges" <<<"$lint" || true)"
      [[ -n "$lint" ]] && printf '%s\n' "$lint" | sed 's/^/    lintian: /'
      grep -q '^E: ' <<<"$lint" && die "lintian reports errors in the packages"
      info "lintian: $(grep -c '^W: ' <<<"$lint" || true) warning(s), no error"
    else
      die "lintian not found (Debian package lintian; scripts/setup installs it)"
    fi
  fi
fi
