# Installing the SDK: `cmake --install` puts the library, the public headers, a CMake package
# (find_package(atsharp), then atsharp::sdk) and a pkg-config file (atsharp.pc) under the
# prefix. Included from sdk/CMakeLists.txt, where atsharp_sdk is defined.

include(CMakePackageConfigHelpers)

set(ATSHARP_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/atsharp)

install(TARGETS atsharp_sdk EXPORT atsharpTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${ATSHARP_SDK_INCLUDE}/atsharp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT atsharpTargets NAMESPACE atsharp:: DESTINATION ${ATSHARP_CMAKE_PACKAGE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/atsharpConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/atsharpConfig.cmake
  INSTALL_DESTINATION ${ATSHARP_CMAKE_PACKAGE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/atsharpConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/atsharpConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/atsharpConfigVersion.cmake
        DESTINATION ${ATSHARP_CMAKE_PACKAGE_DIR})

# atsharp.pc finds the prefix from where it lies (${pcfiledir}), so that the tree works
# wherever `cmake --install --prefix` put it.
set(_atsharp_up "..")
string(REGEX MATCHALL "/" _atsharp_slashes "${CMAKE_INSTALL_LIBDIR}")
foreach(_slash IN LISTS _atsharp_slashes)
  string(APPEND _atsharp_up "/..")
endforeach()
set(ATSHARP_PC_PREFIX "\${pcfiledir}/${_atsharp_up}/..")
list(JOIN ATSHARP_SANITIZER_FLAGS " " ATSHARP_PC_EXTRA_LIBS)
configure_file(${PROJECT_SOURCE_DIR}/cmake/atsharp.pc.in ${CMAKE_CURRENT_BINARY_DIR}/atsharp.pc
               @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/atsharp.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
