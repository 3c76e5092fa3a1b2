# cmake -DCXX=<compiler> -DINCLUDE_DIR=<repo>/include [-DWORK_DIR=<scratch dir>]
#       [-DSTANDARDS=17;20] -P check_includes.cmake
#
# For each public header (C++17 and C++20), asks the preprocessor for the full list of files it
# includes (-H prints the include tree) and fails when a third-party header shows up: curl,
# OpenSSL, simdjson or any JSON library. Public headers may include only the standard library and
# other workos/ headers.
cmake_minimum_required(VERSION 3.25)
if(NOT CXX OR NOT INCLUDE_DIR)
  message(FATAL_ERROR "usage: cmake -DCXX=... -DINCLUDE_DIR=... -P check_includes.cmake")
endif()

file(GLOB_RECURSE _headers RELATIVE "${INCLUDE_DIR}" "${INCLUDE_DIR}/workos/*.h")
list(SORT _headers)
list(LENGTH _headers _count)
if(_count EQUAL 0)
  message(FATAL_ERROR "no public headers found below ${INCLUDE_DIR}/workos")
endif()

# Path fragments of forbidden headers (matched against every included file).
set(_forbidden
  "/curl/" "/openssl/" "simdjson" "/nlohmann/" "/rapidjson/" "/json/json.h" "/boost/json"
  "/yyjson" "/jsoncpp/" "/cjson/" "/glaze/" "/gtest/" "/gmock/" "/httplib.h")

if(NOT WORK_DIR)
  set(WORK_DIR "/tmp")
endif()
set(_tu_dir "${WORK_DIR}/consumer_headers_check")
file(MAKE_DIRECTORY "${_tu_dir}")
set(_failures 0)
if(NOT STANDARDS)
  set(STANDARDS 17 20)
endif()
foreach(_std IN LISTS STANDARDS)
  foreach(_header IN LISTS _headers)
    set(_tu "${_tu_dir}/tu.cc")
    file(WRITE "${_tu}" "#include <${_header}>\n")
    execute_process(
      COMMAND "${CXX}" -std=c++${_std} -E -H -fdirectives-only -I "${INCLUDE_DIR}" "${_tu}"
              -o /dev/null
      RESULT_VARIABLE _rc
      ERROR_VARIABLE _tree
      OUTPUT_QUIET)
    if(NOT _rc EQUAL 0)
      message(SEND_ERROR "C++${_std}: <${_header}> does not preprocess on its own:\n${_tree}")
      math(EXPR _failures "${_failures} + 1")
      continue()
    endif()
    # Fast path: no forbidden fragment anywhere in the include list.
    set(_suspect OFF)
    foreach(_bad IN LISTS _forbidden)
      string(FIND "${_tree}" "${_bad}" _pos)
      if(NOT _pos EQUAL -1)
        set(_suspect ON)
        break()
      endif()
    endforeach()
    if(NOT _suspect)
      continue()
    endif()
    # -H lines look like ". /usr/include/c++/12/string" (dots give the depth).
    string(REPLACE "\n" ";" _lines "${_tree}")
    set(_chain "")
    set(_violation OFF)
    foreach(_line IN LISTS _lines)
      if(NOT _line MATCHES "^(\\.+) (.*)$")
        continue()
      endif()
      string(LENGTH "${CMAKE_MATCH_1}" _depth)
      set(_file "${CMAKE_MATCH_2}")
      # Keep the chain of parents for a helpful message.
      list(LENGTH _chain _len)
      while(_len GREATER_EQUAL _depth AND _len GREATER 0)
        list(POP_BACK _chain)
        list(LENGTH _chain _len)
      endwhile()
      list(APPEND _chain "${_file}")
      foreach(_bad IN LISTS _forbidden)
        string(FIND "${_file}" "${_bad}" _pos)
        if(NOT _pos EQUAL -1)
          list(JOIN _chain "\n    -> " _pretty)
          message(SEND_ERROR
            "C++${_std}: public header <${_header}> includes a third-party header:\n"
            "    ${_pretty}")
          math(EXPR _failures "${_failures} + 1")
          set(_violation ON)
          break()
        endif()
      endforeach()
      if(_violation)
        break()  # one report per header is enough
      endif()
    endforeach()
  endforeach()
endforeach()

if(_failures GREATER 0)
  message(FATAL_ERROR "${_failures} public-header violation(s)")
endif()
list(JOIN STANDARDS "/C++" _stds)
message(STATUS "${_count} public headers checked as C++${_stds}: standard library and "
               "workos/ headers only")
