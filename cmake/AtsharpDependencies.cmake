# Finds every third-party dependency from Debian's packages. A missing one stops the configure
# step with the name of the Debian package that provides it, so the fix is one apt-get away.

find_package(PkgConfig QUIET)

function(atsharp_missing what debian_package)
  message(FATAL_ERROR
    "${what} was not found. Install the Debian package '${debian_package}' "
    "(apt-get install ${debian_package}), or run tools/dev, which installs what is missing.")
endfunction()

# Looks a package up with find_package(CONFIG) and fails with the Debian package name.
macro(atsharp_require_config name debian_package)
  find_package(${name} CONFIG QUIET ${ARGN})
  if(NOT ${name}_FOUND)
    atsharp_missing("${name}" "${debian_package}")
  endif()
endmacro()

# Looks a package up with pkg-config into an IMPORTED target PkgConfig::<prefix>.
macro(atsharp_require_pkgconfig prefix module debian_package)
  if(NOT PKG_CONFIG_FOUND)
    atsharp_missing("pkg-config" "pkg-config")
  endif()
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET ${module})
  if(NOT ${prefix}_FOUND)
    atsharp_missing("${module} (pkg-config)" "${debian_package}")
  endif()
endmacro()

set(Boost_NO_WARN_NEW_VERSIONS ON)
find_package(Boost 1.74 QUIET COMPONENTS program_options)
if(NOT Boost_FOUND)
  atsharp_missing("Boost (headers and program_options)" "libboost-program-options-dev")
endif()

atsharp_require_pkgconfig(LIBSERIALPORT libserialport libserialport-dev)
atsharp_require_config(yaml-cpp libyaml-cpp-dev)
atsharp_require_config(nlohmann_json nlohmann-json3-dev)
atsharp_require_pkgconfig(LIBCARES libcares libc-ares-dev)
# Line editing and history for `atsharp shell`.
atsharp_require_pkgconfig(LIBEDIT libedit libedit-dev)

find_package(CURL QUIET)
if(NOT CURL_FOUND)
  atsharp_missing("libcurl" "libcurl4-openssl-dev")
endif()

# SHA-256 of the harness's payloads and reports: libcrypto's EVP digests.
find_package(OpenSSL QUIET COMPONENTS Crypto)
if(NOT OpenSSL_FOUND)
  atsharp_missing("OpenSSL (libcrypto)" "libssl-dev")
endif()

find_package(Threads REQUIRED)

if(ATSHARP_TESTS)
  atsharp_require_config(doctest doctest-dev)
endif()

if(ATSHARP_BENCHMARKS)
  atsharp_require_config(benchmark libbenchmark-dev)
endif()
