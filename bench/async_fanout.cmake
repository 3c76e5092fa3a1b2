# bench/async_fanout (issue 6): included from bench/CMakeLists.txt. The target itself comes from
# the bench/*.cc glob there; this adds what it needs beyond that: the source directory (to find
# tests/interop/node/async_fanout.js and the Node SDK in node_modules) and curl for the internal
# async headers.
if(TARGET bench_async_fanout)
  target_compile_definitions(bench_async_fanout PRIVATE WORKOS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_link_libraries(bench_async_fanout PRIVATE CURL::libcurl)
endif()
