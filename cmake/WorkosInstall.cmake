# Install rules and the exported CMake package `workos` (find_package(workos CONFIG)), plus the
# pkg-config file workos.pc. Included by the top-level CMakeLists.txt when WORKOS_INSTALL is ON.
#
# Installed layout (GNUInstallDirs):
#   lib/libworkos.{a,so*}                         the library (static or shared: BUILD_SHARED_LIBS)
#   include/workos/...                            every public header, generated ones included
#   lib/cmake/workos/workos{Config,ConfigVersion,Targets*}.cmake
#   lib/cmake/workos/workosMocksTargets*.cmake    only when the workos::mocks target was built
#   lib/pkgconfig/workos.pc
#   lib/pkgconfig/workos-mocks.pc                 only with the mocks (Requires: workos, gmock)

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(WORKOS_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/workos"
    CACHE STRING "Where the CMake package files of workos are installed (relative to the prefix)")
set(WORKOS_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where workos.pc is installed (relative to the prefix)")
mark_as_advanced(WORKOS_INSTALL_CMAKEDIR WORKOS_INSTALL_PKGCONFIGDIR)

# --- The library -------------------------------------------------------------------------------
install(TARGETS workos
  EXPORT workosTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT workos_development
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT workos_runtime
          NAMELINK_COMPONENT workos_development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT workos_runtime
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

# Every public header below include/ (core, testing kit and the generated per-module folders).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT workos_development
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

install(EXPORT workosTargets
  NAMESPACE workos::
  FILE workosTargets.cmake
  DESTINATION "${WORKOS_INSTALL_CMAKEDIR}"
  COMPONENT workos_development)

# --- Mocks (optional; header-only or static, needs GoogleMock) ---------------------------------
# The mocks target is defined by mocks/CMakeLists.txt as `workos_mocks` (alias workos::mocks).
# It goes into its own export set so that consumers of workos::workos never need GTest.
set(WORKOS_INSTALLED_MOCKS OFF)
if(TARGET workos_mocks)
  get_target_property(_workos_mocks_export_name workos_mocks EXPORT_NAME)
  if(NOT _workos_mocks_export_name)
    set_target_properties(workos_mocks PROPERTIES EXPORT_NAME mocks)
  endif()
  install(TARGETS workos_mocks
    EXPORT workosMocksTargets
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT workos_development
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT workos_development
    INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  # Mock headers live either under mocks/include/ or directly under mocks/ (workos/mocks/*.h).
  if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/mocks/include")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/mocks/include/"
      DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT workos_development
      FILES_MATCHING PATTERN "*.h")
  elseif(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/mocks/workos")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/mocks/workos"
      DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT workos_development
      FILES_MATCHING PATTERN "*.h")
  endif()
  install(EXPORT workosMocksTargets
    NAMESPACE workos::
    FILE workosMocksTargets.cmake
    DESTINATION "${WORKOS_INSTALL_CMAKEDIR}"
    COMPONENT workos_development)
  set(WORKOS_INSTALLED_MOCKS ON)
endif()

# --- Package config + version file -------------------------------------------------------------
# A static libworkos.a carries its private dependencies ($<LINK_ONLY:...>) into the consumer's
# link line, so the config must find them; a shared library needs only Threads (public).
get_target_property(_workos_type workos TYPE)
if(_workos_type STREQUAL "STATIC_LIBRARY")
  set(WORKOS_CONFIG_STATIC ON)
else()
  set(WORKOS_CONFIG_STATIC OFF)
endif()

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/workosConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/workosConfig.cmake"
  INSTALL_DESTINATION "${WORKOS_INSTALL_CMAKEDIR}"
  NO_SET_AND_CHECK_MACRO)
# Until 1.0, a minor version may break the API: only the same major.minor is compatible.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_workos_compat SameMinorVersion)
else()
  set(_workos_compat SameMajorVersion)
endif()
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/workosConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY ${_workos_compat})
install(FILES
  "${PROJECT_BINARY_DIR}/workosConfig.cmake"
  "${PROJECT_BINARY_DIR}/workosConfigVersion.cmake"
  DESTINATION "${WORKOS_INSTALL_CMAKEDIR}"
  COMPONENT workos_development)

# --- pkg-config -------------------------------------------------------------------------------
# Requires.private / Libs.private only matter for `pkg-config --static` (static libworkos.a).
# OpenSSL (>= 3) and simdjson go into Requires.private (their own private flags are plain system
# libraries). libcurl goes into Libs.private as -lcurl instead: libcurl.pc's Libs.private names
# every optional curl dependency (nghttp2, ssh2, rtmp, ldap, ...) whose static archives Debian
# does not install, which would break `pkg-config --static workos` on a stock machine while the
# shared libcurl links fine. Threads becomes -pthread.
find_package(PkgConfig QUIET)
set(WORKOS_PC_REQUIRES_PRIVATE "")
set(WORKOS_PC_LIBS_PRIVATE -lcurl)
foreach(_mod "openssl >= 3" simdjson)
  string(REGEX REPLACE " .*" "" _name "${_mod}")
  set(_found OFF)
  if(PKG_CONFIG_FOUND)
    execute_process(COMMAND "${PKG_CONFIG_EXECUTABLE}" --exists ${_name} RESULT_VARIABLE _rc)
    if(_rc EQUAL 0)
      set(_found ON)
    endif()
  endif()
  if(_found)
    list(APPEND WORKOS_PC_REQUIRES_PRIVATE "${_mod}")
  elseif(_name STREQUAL "openssl")
    list(APPEND WORKOS_PC_LIBS_PRIVATE -lssl -lcrypto)
  else()
    list(APPEND WORKOS_PC_LIBS_PRIVATE -lsimdjson)
  endif()
endforeach()
list(APPEND WORKOS_PC_LIBS_PRIVATE -pthread)
list(JOIN WORKOS_PC_REQUIRES_PRIVATE ", " WORKOS_PC_REQUIRES_PRIVATE)
list(JOIN WORKOS_PC_LIBS_PRIVATE " " WORKOS_PC_LIBS_PRIVATE)
# Compile definitions every consumer needs (src/CMakeLists.txt: simdjson's own, which must match
# between the library and a program that also uses simdjson) go into Cflags, static or shared.
set(WORKOS_PC_CFLAGS "")
foreach(_def IN LISTS WORKOS_SIMDJSON_DEFINITIONS)
  string(APPEND WORKOS_PC_CFLAGS " -D${_def}")
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(WORKOS_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(WORKOS_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(WORKOS_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(WORKOS_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
# The project's home page in the pkg-config files: only when one is configured (no URL is
# better than a wrong one).
if(WORKOS_HOMEPAGE_URL)
  set(WORKOS_PC_URL_LINE "URL: ${WORKOS_HOMEPAGE_URL}")
else()
  set(WORKOS_PC_URL_LINE "")
endif()
# Keep the prefix placeholder for the install step below.
set(WORKOS_PC_PREFIX "@WORKOS_PC_PREFIX@")
configure_file("${CMAKE_CURRENT_LIST_DIR}/workos.pc.in" "${PROJECT_BINARY_DIR}/workos.pc.in.cmake"
               @ONLY)
# The prefix is only known at install time (cmake --install --prefix ...): resolve it then.
install(CODE "
  set(_workos_prefix \"\${CMAKE_INSTALL_PREFIX}\")
  file(READ \"${PROJECT_BINARY_DIR}/workos.pc.in.cmake\" _workos_pc)
  string(REPLACE \"@WORKOS_PC_PREFIX@\" \"\${_workos_prefix}\" _workos_pc \"\${_workos_pc}\")
  file(WRITE \"${PROJECT_BINARY_DIR}/workos.pc\" \"\${_workos_pc}\")
" COMPONENT workos_development)
install(FILES "${PROJECT_BINARY_DIR}/workos.pc"
  DESTINATION "${WORKOS_INSTALL_PKGCONFIGDIR}"
  COMPONENT workos_development)

# workos-mocks.pc for pkg-config users of the mocks (header-only; GoogleMock through its own
# gmock.pc): `pkg-config --cflags --libs workos-mocks`. Only when the mocks are installed.
if(WORKOS_INSTALLED_MOCKS)
  configure_file("${CMAKE_CURRENT_LIST_DIR}/workos-mocks.pc.in"
                 "${PROJECT_BINARY_DIR}/workos-mocks.pc.in.cmake" @ONLY)
  install(CODE "
    file(READ \"${PROJECT_BINARY_DIR}/workos-mocks.pc.in.cmake\" _workos_mocks_pc)
    string(REPLACE \"@WORKOS_PC_PREFIX@\" \"\${CMAKE_INSTALL_PREFIX}\" _workos_mocks_pc
           \"\${_workos_mocks_pc}\")
    file(WRITE \"${PROJECT_BINARY_DIR}/workos-mocks.pc\" \"\${_workos_mocks_pc}\")
  " COMPONENT workos_development)
  install(FILES "${PROJECT_BINARY_DIR}/workos-mocks.pc"
    DESTINATION "${WORKOS_INSTALL_PKGCONFIGDIR}"
    COMPONENT workos_development)
endif()
include("${CMAKE_CURRENT_LIST_DIR}/WorkosPackage.cmake")
