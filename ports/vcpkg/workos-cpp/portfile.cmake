# Overlay port: builds the workos-cpp tree this port lives in (ports/vcpkg/workos-cpp -> ../../..).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DWORKOS_BUILD_TESTS=OFF
    -DWORKOS_BUILD_EXAMPLES=OFF
    -DWORKOS_BUILD_BENCH=OFF
    -DWORKOS_ENABLE_MOCKS=OFF
    -DWORKOS_WERROR=OFF
)
vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME workos CONFIG_PATH lib/cmake/workos)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
