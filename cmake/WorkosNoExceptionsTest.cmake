# A consumer built with -fno-exceptions (such consumers build and get an
# abort with the message from value()): tests/noexcept/value_aborts_test.cc is compiled with
# -fno-exceptions against the public headers, linked to the library (built with exceptions, as
# shipped), and run by ctest with label `unit`. Included by the top-level CMakeLists.txt when
# WORKOS_BUILD_TESTS is ON.
set(_workos_noexcept_src "${PROJECT_SOURCE_DIR}/tests/noexcept/value_aborts_test.cc")
if(EXISTS "${_workos_noexcept_src}")
  add_executable(workos_noexcept_check "${_workos_noexcept_src}")
  target_link_libraries(workos_noexcept_check PRIVATE workos::workos)
  workos_test_target(workos_noexcept_check)
  target_compile_options(workos_noexcept_check PRIVATE -fno-exceptions)
  add_test(NAME noexcept_value_aborts_with_message COMMAND workos_noexcept_check)
  set_tests_properties(noexcept_value_aborts_with_message PROPERTIES LABELS unit)
endif()
unset(_workos_noexcept_src)
