// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Version of workos-cpp. CMake reads the version from here (single source of truth).

/// Major version (see docs/adr/0013-versioning.md).
#define WORKOS_VERSION_MAJOR 0
/// Minor version.
#define WORKOS_VERSION_MINOR 1
/// Patch version.
#define WORKOS_VERSION_PATCH 0
/// `"major.minor.patch"`.
#define WORKOS_VERSION_STRING "0.1.0"

namespace workos {
/// The library's version as compiled into the binary (may differ from the header's macros when
/// headers and library are mismatched).
const char* version() noexcept;
}  // namespace workos
