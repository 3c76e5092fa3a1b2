# ctest bench.side_by_side_local_workloads: bench/side_by_side writes its fixtures and runs each
# workload that needs no server, through the SDK and through the floor, with a few operations;
# each run must succeed (every verification and decode checked) and print its one JSON line.
#   cmake -DRUNNER=<side_by_side> -DDIR=<scratch folder> -P side_by_side_smoke.cmake
file(REMOVE_RECURSE "${DIR}")
file(MAKE_DIRECTORY "${DIR}")
execute_process(COMMAND "${RUNNER}" --write-fixtures "${DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "--write-fixtures failed (${rc})")
endif()
foreach(workload decode-page webhook-1k webhook-64k)
  foreach(impl sdk-sync floor)
    execute_process(COMMAND "${RUNNER}" --run ${workload} --impl ${impl} --fixtures "${DIR}"
                            --url http://127.0.0.1:9 --ops 25
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT out MATCHES "^\\{\"ops\":25,\"wall_s\":[0-9.]+,\"cpu_s\":[0-9.]+,\"rss_kb\":[0-9]+,\"threads\":[0-9]+,\"allocs\":[0-9]+\\}")
      message(FATAL_ERROR "${workload} ${impl}: exit ${rc}\n${out}${err}")
    endif()
    message(STATUS "${workload} ${impl}: ${out}")
  endforeach()
endforeach()
