#pragma once
// A suite, bench or block that cannot be used as written: what `atsharp conform --check`
// reports, with the file and line of the mistake.

#include <string>

#include "atsharp/error.hpp"
#include "document/source_location.hpp"

namespace atsharp::harness {

class SuiteError : public Error {
 public:
  SuiteError(SourceLocation where, const std::string& what)
      : Error(where.text() + ": " + what), where_(std::move(where)), what_(what) {}
  const SourceLocation& where() const noexcept { return where_; }
  /// The message without the location.
  const std::string& problem() const noexcept { return what_; }

 private:
  SourceLocation where_;
  std::string what_;
};

}  // namespace atsharp::harness
