import os

from conan import ConanFile
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy


class WorkosCppConan(ConanFile):
    name = "workos-cpp"
    version = "0.1.0"
    license = "MIT"
    description = "C++ SDK for the WorkOS API"
    topics = ("workos", "sso", "authentication", "sdk")
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}

    def export_sources(self):
        # The recipe lives in ports/conan of the source tree: export that tree.
        root = os.path.join(self.recipe_folder, "..", "..")
        for pattern in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*"):
            copy(self, pattern, root, self.export_sources_folder)

    def requirements(self):
        self.requires("libcurl/[>=7.88 <9]")
        self.requires("openssl/[>=3 <4]")
        self.requires("simdjson/[>=3.1 <4]")

    def layout(self):
        cmake_layout(self)

    def generate(self):
        CMakeDeps(self).generate()
        tc = CMakeToolchain(self)
        for option in ("WORKOS_BUILD_TESTS", "WORKOS_BUILD_EXAMPLES", "WORKOS_BUILD_BENCH",
                       "WORKOS_ENABLE_MOCKS", "WORKOS_WERROR"):
            tc.variables[option] = False
        tc.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        CMake(self).install()
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))

    def package_info(self):
        # Consumers use the CMake package the library installs (find_package(workos)).
        self.cpp_info.set_property("cmake_find_mode", "none")
        self.cpp_info.builddirs = [os.path.join("lib", "cmake", "workos")]
        self.cpp_info.libs = ["workos"]
