#pragma once
/// @file
/// The errors of atsharp::Module, in the SDK's one hierarchy (atsharp/error.hpp: Error,
/// TransportError, TransportClosedError, UsageError). Every call of a Module either succeeds or
/// throws an atsharp::Error, so a caller may catch them all at once or tell the module's
/// refusals (ModuleError) from the line's problems (TimeoutError, TransportClosedError,
/// ProtocolError) and from its own mistakes (IllegalValueError, UsageError).

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/results.hpp"
#include "atsharp/error.hpp"

namespace atsharp {

/// The module refused a command: `#CME ERROR: <code>` (spec 9.2) or a final result that is not a
/// success (ERROR, NO CARRIER, BUSY, NO ANSWER, PPP ERROR).
class ModuleError : public Error {
 public:
  /// A `#CME ERROR` (or `+CME ERROR`) answer to @p command.
  ModuleError(std::string command, int code);
  /// A final result other than a success, answering @p command.
  ModuleError(std::string command, catalogue::Result result);

  /// The command line it answers (credentials masked).
  const std::string& command() const noexcept { return command_; }
  /// The 9.2 code; empty when the module answered with a result such as ERROR or BUSY.
  std::optional<int> code() const noexcept { return code_; }
  /// The result message; empty for a CME error.
  std::optional<catalogue::Result> result() const noexcept { return result_; }
  /// 9.2's text for the code ("DNS error" ...), the result's description otherwise, "" for a
  /// code 9.2 does not list.
  std::string description() const;

  /// True when this is the CME error @p expected.
  bool is(catalogue::CmeError expected) const noexcept {
    return code_ == static_cast<int>(expected);
  }

 private:
  std::string command_;
  std::optional<int> code_;
  std::optional<catalogue::Result> result_;
};

/// The module did not answer in time. The line stays usable: a late answer is read and dropped
/// by the next command's synchronisation.
class TimeoutError : public Error {
 public:
  TimeoutError(std::string command, std::chrono::milliseconds waited);
  const std::string& command() const noexcept { return command_; }
  std::chrono::milliseconds waited() const noexcept { return waited_; }

 private:
  std::string command_;
  std::chrono::milliseconds waited_;
};

/// The module sent something the SDK cannot understand where it came: a line over the parser's
/// bound, an answer of the wrong shape. bytes() holds what could not be understood.
class ProtocolError : public Error {
 public:
  ProtocolError(const std::string& problem, Bytes bytes);
  const Bytes& bytes() const noexcept { return bytes_; }

 private:
  Bytes bytes_;
};

/// A value the module would refuse, caught before anything was sent: names the parameter, the
/// value and the legal values ("TCPTXDELAY 30: must be a multiple of 20 from 0 to 32760").
class IllegalValueError : public Error {
 public:
  IllegalValueError(std::string parameter, std::string value, const std::string& reason);
  const std::string& parameter() const noexcept { return parameter_; }
  const std::string& value() const noexcept { return value_; }

 private:
  std::string parameter_;
  std::string value_;
};

}  // namespace atsharp
