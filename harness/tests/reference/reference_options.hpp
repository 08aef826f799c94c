#pragma once
// Reference modules for tests that may run at the same time as others (ctest -j): each test
// process takes module addresses of its own, so that listening sockets never collide.

#include <unistd.h>

#include "targets/reference_target.hpp"

namespace atsharp::harness::test {

inline ReferenceTargetOptions referenceOptions(std::chrono::milliseconds margin = std::chrono::milliseconds(3000)) {
  ReferenceTargetOptions options;
  options.addressBase = 20 + 2 * static_cast<int>(::getpid() % 80);
  options.margin = margin;
  return options;
}

}  // namespace atsharp::harness::test
