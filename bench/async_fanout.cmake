# bench/async_fanout: included from bench/CMakeLists.txt. The target itself comes from
# the bench/*.cc glob there; this adds the source directory (to find
# tests/interop/node/async_fanout.js and the Node SDK in node_modules). The bench uses the public
# API only (workos::AsyncClient, workos::Client).
if(TARGET bench_async_fanout)
  target_compile_definitions(bench_async_fanout PRIVATE WORKOS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
