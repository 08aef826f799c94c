#pragma once
// How a bench command reports a failure: a line on stderr ("atsharp ftp get: ..."), and with
// --json also a JSON document on stdout ({"error": {...}}), and which exit status it means.

#include <exception>
#include <string>

#include "json_output.hpp"

namespace atsharp::cli::lab {

/// What went wrong, sorted by who can fix it.
struct Failure {
  int status;           ///< 1 the module reported an error; 2 usage or transport
  /// "module", "usage", "timeout", "transport", "protocol", "file", "error", "internal"
  std::string kind;
  std::string message;  ///< credentials masked
  Json details;         ///< the module's code or result, the command ... (an object)
};

/// The failure @p error stands for (call inside a catch block, or with a caught exception).
Failure describeFailure(const std::exception_ptr& error);

/// Prints @p failure: "atsharp NAME: MESSAGE" on stderr (a hint at --help for usage errors),
/// and with @p json the error document on stdout.
void reportFailure(const std::string& command, const Failure& failure, bool json);

}  // namespace atsharp::cli::lab
