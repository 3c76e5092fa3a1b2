# Warning and sanitizer flags for the project's own targets (never for consumers).
function(workos_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(WORKOS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

function(workos_target_sanitizers target)
  if(WORKOS_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${WORKOS_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${WORKOS_SANITIZE})
    # GCC's flow analysis reports -Wmaybe-uninitialized on std::optional<std::shared_ptr> moves
    # once sanitizer instrumentation is inlined (seen with GCC 12 and -fsanitize=thread -O1);
    # the same code is clean without instrumentation, where the warning stays an error.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    endif()
  endif()
endfunction()

# WORKOS_FUZZ: coverage instrumentation for libFuzzer (-fsanitize=fuzzer-no-link) on the code
# under test. The libFuzzer driver itself is linked only into the fuzz targets (tests/fuzz); the
# unit tests linked to the same instrumented library get the sanitizer runtime's default
# coverage callbacks, so one clang tree serves the sanitizer unit run and the fuzz build.
function(workos_target_fuzz_instrumentation target)
  if(WORKOS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
      message(FATAL_ERROR "WORKOS_FUZZ=ON needs clang (libFuzzer), e.g. "
                          "-DCMAKE_CXX_COMPILER=clang++-14")
    endif()
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# Release builds of the project's own targets optimise with -O2 instead of CMake's -O3 (as
# Debian builds its packages): -O3 costs a third more compile time and larger objects for calls
# that measured the same and JSON decoding about 6 % faster (docs/adr/0009). Empty keeps
# CMake's flags; -O3 gives them back explicitly.
set(WORKOS_RELEASE_OPTIMIZATION "-O2" CACHE STRING
    "Optimisation flag for the project's own targets in Release builds (empty: CMake's -O3)")
function(workos_target_optimization target)
  if(WORKOS_RELEASE_OPTIMIZATION AND NOT MSVC)
    target_compile_options(${target} PRIVATE $<$<CONFIG:Release>:${WORKOS_RELEASE_OPTIMIZATION}>)
  endif()
endfunction()

# One call for every project target: warnings + sanitizers + the Release optimisation level.
function(workos_project_target target)
  workos_target_warnings(${target})
  workos_target_sanitizers(${target})
  workos_target_optimization(${target})
endfunction()

# Test code (suites, their support library, the contract runner) is compiled without
# optimisation unless WORKOS_OPTIMIZE_TESTS is ON: the library under test keeps the build type's
# flags, while the large generated test files, mostly GoogleTest assertions, build about three
# times faster at -O0 (see docs/adr/0004).
option(WORKOS_OPTIMIZE_TESTS "Compile test code with the build type's optimisation flags" OFF)
function(workos_test_target target)
  workos_project_target(${target})
  if(NOT WORKOS_OPTIMIZE_TESTS AND NOT MSVC)
    target_compile_options(${target} PRIVATE -O0)
  endif()
endfunction()
