# Debian packages with CPack (scripts/package builds them; docs/adr/0014-packages.md says why
# they look the way they do). Included by WorkosInstall.cmake.
#
#   libworkos<soversion>   the shared library (component workos_runtime of a shared build)
#   libworkos-dev          headers, the static library, the CMake package, pkg-config files and
#                          the mocks (component workos_development of a static build), plus the
#                          libworkos.so link to the shared library
#   workos-cli             the `workos` command-line tool, its man page and shell completions
#                          (component workos_cli of a build with WORKOS_BUILD_CLI)
#
# One package set comes from two build trees (static and shared), so scripts/package runs cpack
# with CPACK_INSTALL_CMAKE_PROJECTS naming both; a plain `cpack` in one tree packages that tree.

# The shared library's soname version (src/CMakeLists.txt: major.minor before 1.0).
get_target_property(WORKOS_SOVERSION workos SOVERSION)
if(NOT WORKOS_SOVERSION)  # a static build: the same rule
  if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(WORKOS_SOVERSION "0.${PROJECT_VERSION_MINOR}")
  else()
    set(WORKOS_SOVERSION "${PROJECT_VERSION_MAJOR}")
  endif()
endif()

# The link from libworkos.so to the shared library's soname, for linkers given -lworkos: part of
# the development files of a static build packaged beside a shared one, so only when
# scripts/package asks for it (environment WORKOS_PACKAGE_NAMELINK=1 while cpack installs);
# a plain `cmake --install` of a static build never makes a link to a library it lacks.
if(NOT BUILD_SHARED_LIBS)
  install(CODE "
    if(\"\$ENV{WORKOS_PACKAGE_NAMELINK}\" STREQUAL \"1\")
      set(_dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}\")
      file(MAKE_DIRECTORY \"\${_dir}\")
      file(CREATE_LINK \"libworkos.so.${WORKOS_SOVERSION}\" \"\${_dir}/libworkos.so\" SYMBOLIC)
    endif()
  " COMPONENT workos_development)
endif()

# The copyright file every Debian package carries (/usr/share/doc/<package>/copyright).
set(_workos_runtime_package "libworkos${WORKOS_SOVERSION}")
set(_workos_copyright "${PROJECT_BINARY_DIR}/debian-copyright")
file(READ "${PROJECT_SOURCE_DIR}/LICENSE" _workos_license)
string(REGEX REPLACE "\n$" "" _workos_license "${_workos_license}")
string(REPLACE "\n\n" "\n.\n" _workos_license_dep5 "${_workos_license}")
string(REPLACE "\n" "\n " _workos_license_dep5 "${_workos_license_dep5}")
file(WRITE "${_workos_copyright}"
  "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
  "Upstream-Name: workos-cpp\n\n"
  "Files: *\nCopyright: workos-cpp authors\nLicense: MIT\n ${_workos_license_dep5}\n")
install(FILES "${_workos_copyright}" RENAME copyright
  DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/${_workos_runtime_package}"
  COMPONENT workos_runtime)
install(FILES "${_workos_copyright}" RENAME copyright
  DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/libworkos-dev"
  COMPONENT workos_development)

# changelog.gz: a package built from the upstream tree is "native" to Debian's tools, which then
# expect a Debian-format changelog. One entry pointing at the project's CHANGELOG.md (installed
# beside it), dated by SOURCE_DATE_EPOCH when set, compressed as policy asks (gzip -9n).
string(TIMESTAMP _workos_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(_workos_changelog "${PROJECT_BINARY_DIR}/debian-changelog")
file(WRITE "${_workos_changelog}"
  "libworkos (${PROJECT_VERSION}) unstable; urgency=medium\n\n"
  "  * Upstream release ${PROJECT_VERSION}; the changes are in CHANGELOG.md.gz.\n\n"
  " -- workos-cpp authors <workos-cpp@users.noreply.github.com>  ${_workos_changelog_date}\n")
execute_process(COMMAND gzip -9nc "${_workos_changelog}"
                OUTPUT_FILE "${_workos_changelog}.gz" RESULT_VARIABLE _workos_gzip_rc1)
execute_process(COMMAND gzip -9nc "${PROJECT_SOURCE_DIR}/CHANGELOG.md"
                OUTPUT_FILE "${PROJECT_BINARY_DIR}/CHANGELOG.md.gz" RESULT_VARIABLE _workos_gzip_rc2)
if(NOT _workos_gzip_rc1 EQUAL 0 OR NOT _workos_gzip_rc2 EQUAL 0)
  message(FATAL_ERROR "gzip failed: the package changelogs cannot be made")
endif()
set(_workos_packages runtime development)
if(TARGET workos_cli)
  list(APPEND _workos_packages cli)
  install(FILES "${_workos_copyright}" RENAME copyright
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/workos-cli" COMPONENT workos_cli)
endif()
foreach(_workos_pkg IN LISTS _workos_packages)
  if(_workos_pkg STREQUAL "runtime")
    set(_workos_doc "${CMAKE_INSTALL_DATAROOTDIR}/doc/${_workos_runtime_package}")
  elseif(_workos_pkg STREQUAL "cli")
    set(_workos_doc "${CMAKE_INSTALL_DATAROOTDIR}/doc/workos-cli")
  else()
    set(_workos_doc "${CMAKE_INSTALL_DATAROOTDIR}/doc/libworkos-dev")
  endif()
  install(FILES "${_workos_changelog}.gz" RENAME changelog.gz DESTINATION "${_workos_doc}"
          COMPONENT workos_${_workos_pkg})
  install(FILES "${PROJECT_BINARY_DIR}/CHANGELOG.md.gz" DESTINATION "${_workos_doc}"
          COMPONENT workos_${_workos_pkg})
endforeach()

# The ldconfig trigger of a package with a shared library in the linker's path.
file(WRITE "${PROJECT_BINARY_DIR}/debian/triggers" "activate-noawait ldconfig\n")

set(CPACK_PACKAGE_NAME "libworkos")
set(CPACK_PACKAGE_VENDOR "workos-cpp authors")
set(CPACK_PACKAGE_CONTACT "workos-cpp authors <workos-cpp@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "C++ SDK for the WorkOS API")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_INSTALL_PREFIX "/usr")  # whatever prefix the trees were configured with
# The install scripts resolve the pkg-config prefix from CMAKE_INSTALL_PREFIX: keep it /usr and
# stage through DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL workos_runtime workos_development)
if(TARGET workos_cli)
  list(APPEND CPACK_COMPONENTS_ALL workos_cli)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(WORKOS_HOMEPAGE_URL)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${WORKOS_HOMEPAGE_URL}")
endif()

set(CPACK_DEBIAN_WORKOS_RUNTIME_PACKAGE_NAME "${_workos_runtime_package}")
set(CPACK_DEBIAN_WORKOS_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_WORKOS_RUNTIME_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps: libcurl4, libssl3, ...
# A shlibs file (so that programs built against it depend on this package) and the ldconfig
# trigger.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_DEBIAN_WORKOS_RUNTIME_PACKAGE_CONTROL_EXTRA "${PROJECT_BINARY_DIR}/debian/triggers")
set(CPACK_DEBIAN_WORKOS_RUNTIME_DESCRIPTION "C++ SDK for the WorkOS API (shared library)
The WorkOS API from C++: typed clients for every operation, sessions, token
verification, webhooks, vault, sync and async clients. This package holds the
shared library.")

set(CPACK_DEBIAN_WORKOS_DEVELOPMENT_PACKAGE_NAME "libworkos-dev")
set(CPACK_DEBIAN_WORKOS_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_WORKOS_DEVELOPMENT_PACKAGE_DEPENDS
    "${_workos_runtime_package} (= ${PROJECT_VERSION}), libcurl4-openssl-dev (>= 7.88), libssl-dev (>= 3.0), libsimdjson-dev (>= 3.1)")
set(CPACK_DEBIAN_WORKOS_DEVELOPMENT_PACKAGE_SUGGESTS "libgmock-dev")
set(CPACK_DEBIAN_WORKOS_DEVELOPMENT_DESCRIPTION "C++ SDK for the WorkOS API (development files)
Headers, the static library, the CMake package (find_package(workos)), the
pkg-config files and the GoogleMock mocks of the WorkOS C++ SDK.")

set(CPACK_DEBIAN_WORKOS_CLI_PACKAGE_NAME "workos-cli")
set(CPACK_DEBIAN_WORKOS_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_WORKOS_CLI_PACKAGE_SHLIBDEPS ON)  # libcurl4, libssl3, libsimdjson14, libstdc++6
set(CPACK_DEBIAN_WORKOS_CLI_DESCRIPTION "command-line tool for the WorkOS API
Every operation of the WorkOS API as a command (a table on a terminal, JSON
when piped), workflows (seed, setup-org, onboard-user, debug-sso, debug-sync)
and local helpers: PKCE, webhook signatures, sealed sessions, vault
encryption, access-token verification. Built with the WorkOS C++ SDK.")

include(CPack)
