# Async test targets, included from tests/CMakeLists.txt. The async tests are also
# part of workos_unit_tests (every tests/unit/*.cc is); these extra targets exist for:
#
#   workos_async_tests        tests/unit/async_*_test.cc alone (async_helpers_*_test.cc
#                             included), for the ThreadSanitizer step of scripts/test (build dir
#                             configured with -DWORKOS_SANITIZE=thread; the binary is run
#                             directly). Not built by `all`, not in ctest.
#   workos_async_cxx20_tests  tests/unit/async_coroutine_test.cc compiled as C++20 (co_await on
#                             workos::Future); label unit.
# The glob also takes the async_helpers_*_test.cc files: the async twins of the handwritten
# helpers (device poll timers, JWKS fetch, session refresh single flight, vault / SSO /
# passwordless on the loop) run on the loop threads too.
file(GLOB _workos_async_sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/unit/async_*_test.cc")
if(_workos_async_sources)
  add_executable(workos_async_tests EXCLUDE_FROM_ALL ${_workos_async_sources})
  target_link_libraries(workos_async_tests PRIVATE workos_test_support GTest::gtest_main)
  workos_test_target(workos_async_tests)
endif()

if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/unit/async_coroutine_test.cc")
  add_executable(workos_async_cxx20_tests "${CMAKE_CURRENT_SOURCE_DIR}/unit/async_coroutine_test.cc")
  set_target_properties(workos_async_cxx20_tests PROPERTIES CXX_STANDARD 20 CXX_STANDARD_REQUIRED ON)
  target_link_libraries(workos_async_cxx20_tests PRIVATE workos_test_support GTest::gtest_main)
  workos_test_target(workos_async_cxx20_tests)
  gtest_discover_tests(workos_async_cxx20_tests
    PROPERTIES LABELS unit
               ENVIRONMENT "WORKOS_SOURCE_DIR=${PROJECT_SOURCE_DIR};WORKOS_BINARY_DIR=${PROJECT_BINARY_DIR}"
    DISCOVERY_TIMEOUT 60)
endif()
