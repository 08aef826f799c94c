#pragma once
// What one step did, for the report: where it is written, what it expected, what came, how
// long it took, what it captured, and why it failed.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"
#include "document/source_location.hpp"
#include "steps/failure.hpp"

namespace atsharp::harness {

/// One thing a step expected to receive.
struct ExpectedItem {
  std::string bytes;   ///< the exact bytes, framing included; or the description of a pattern
  bool exact = true;   ///< false: a regular expression or a description, not bytes
};

/// One line of a diff of expected against received lines.
struct DiffLine {
  char op;            ///< '-' expected only, '+' received only, ' ' both
  std::string bytes;  ///< the line with its framing (or a pattern's description)
  bool exact = true;  ///< false for a pattern's description
};

enum class StepStatus { Passed, Failed, NotRun };

struct StepRecord {
  int index = 0;
  std::string phase;  ///< setup, case, teardown, end
  std::string kind;   ///< send, expect, ...
  SourceLocation source;
  std::vector<SourceLocation> calledFrom;  ///< the call steps that led here, outermost first
  std::string note;
  std::string summary;  ///< what the step does, in a few words: "send AT#VVERSION"
  StepStatus status = StepStatus::NotRun;
  std::optional<FailureClass> failure;
  std::string message;
  std::vector<ExpectedItem> expected;
  std::vector<DiffLine> diff;
  Bytes received;  ///< what the step read (its transcript entries), in order
  Bytes pending;   ///< what had come but no step had read when it failed
  Clock::time_point started{};
  Clock::time_point ended{};
  std::map<std::string, std::string> captured;
};

}  // namespace atsharp::harness
