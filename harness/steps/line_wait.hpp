#pragma once
// Waiting for a line, as every line-reading step does it: lines that match a fail_on pattern
// fail the step the moment they arrive; lines an ignore pattern lets pass (unsolicited ones)
// are read and passed over; the first other line must be the one expected, with its framing,
// or the step fails at once; nothing by the deadline is a timeout, never a pass.

#include <string>
#include <vector>

#include "steps/step.hpp"

namespace atsharp::harness {

/// What a step may take a line for.
enum class LineRole {
  Any,          ///< any line the patterns match
  FinalResult,  ///< a result code that ends the command (expect_final)
};

struct MatchedLine {
  ReceivedLine line;
  std::size_t pattern = 0;       ///< the index of the pattern it matched
  Clock::time_point arrival{};   ///< when its first byte came
};

/// Reads lines until one matches one of @p patterns. Fills the step's record (expected, and on
/// failure the diff) and throws StepFailure on a fail_on line, an unexpected line, a line
/// framed wrong, a timeout, the line's end, or data mode.
MatchedLine awaitLine(StepContext& context, const std::vector<ResolvedPattern>& patterns,
                      LineRole role = LineRole::Any, std::optional<Deadline> deadline = {});

/// Watches the lines that arrive until @p until without reading them: the first that matches
/// @p forbidden (described as @p what) or a fail_on pattern fails the step at once.
void watchLines(StepContext& context, Clock::time_point until,
                const std::vector<ResolvedPattern>& forbidden, const std::string& what);

/// The record's expected item for @p pattern where the next line stands.
ExpectedItem expectedItem(const StepContext& context, const ResolvedPattern& pattern);

/// The bytes of @p line as it came (blank lines before it, its text, its ending).
std::string receivedText(const StepContext& context, const ReceivedLine& line);

/// Fills the record's diff of its expected items against @p received and throws.
[[noreturn]] void failStep(StepContext& context, FailureClass failure, const std::string& message,
                           const std::vector<std::string>& received = {});

/// A line in a message: quoted, with control characters escaped.
std::string quotedLine(const std::string& bytes);

/// A failure for a line read that did not bring a line (timeout, the end, data mode).
[[noreturn]] void failNoLine(StepContext& context, const LineRead& read, const std::string& what);

}  // namespace atsharp::harness
