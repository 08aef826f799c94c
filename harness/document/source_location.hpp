#pragma once
// Where something was written: a suite's step, a bench's key. Travels with every step into the
// reports, so that a failure points at the line of the suite that expected what did not come.

#include <string>

namespace atsharp::harness {

struct SourceLocation {
  std::string file;  ///< as the user named it, or relative to the project
  int line = 0;      ///< 1-based; 0 when unknown
  int column = 0;    ///< 1-based; 0 when unknown

  /// "suites/harness/basics.yaml:12:7" (without the parts that are unknown).
  std::string text() const;
};

}  // namespace atsharp::harness
