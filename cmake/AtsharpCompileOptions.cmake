# Compile options shared by every target of the project (never by third-party code, whose
# headers come in as SYSTEM includes through their imported targets).

add_library(atsharp_warnings INTERFACE)
target_compile_options(atsharp_warnings INTERFACE -Wall -Wextra -Wpedantic -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12's late warnings misread the standard library once it is inlined at -O3: std::string
  # concatenation as an overlapping memcpy (-Wrestrict, GCC bug 105651) and vector inserts as
  # out-of-bounds copies (-Warray-bounds, -Wstringop-overflow, -Wstringop-overread; bug 107852). Fixed in GCC 13;
  # the optimised builds (benchmarks) switch them off, the sanitised test build keeps them.
  target_compile_options(atsharp_warnings INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-Wno-restrict;-Wno-array-bounds;-Wno-stringop-overflow;-Wno-stringop-overread>)
endif()

if(ATSHARP_SANITIZE)
  # Both sanitizers for everything, halting on the first report so that a finding fails the
  # test that produced it instead of scrolling past in a log.
  set(_atsharp_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all
                          -fno-omit-frame-pointer)
  add_compile_options(${_atsharp_sanitizers})
  add_link_options(${_atsharp_sanitizers})
  # What a program linking the installed SDK needs too (AtsharpPackage.cmake).
  set(ATSHARP_SANITIZER_FLAGS -fsanitize=address,undefined)
endif()

if(ATSHARP_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ATSHARP_FUZZERS needs clang (configure with CXX=clang++).")
  endif()
  # Everything is instrumented for coverage; only the fuzz targets link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # The fuzz targets and what they link, nothing else: `cmake --build <dir> --target fuzzers`.
  add_custom_target(fuzzers)
endif()

# Registers a doctest executable with CTest, one CTest test per doctest test case.
function(atsharp_add_doctest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} doctest::doctest atsharp_warnings)
  doctest_discover_tests(${name} ADD_LABELS 1)
  add_test(NAME ${name}-case-names-are-selectable
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:${name}>
                   -P ${PROJECT_SOURCE_DIR}/cmake/check_doctest_names.cmake)
endfunction()
