#include "steps/line_wait.hpp"

#include <cstdio>

#include "steps/line_diff.hpp"
#include "text/byte_text.hpp"

namespace atsharp::harness {
namespace {

std::string describeAll(const std::vector<ResolvedPattern>& patterns, bool numeric) {
  if (patterns.size() == 1) return quotedLine(patterns.front().describe(numeric));
  std::string out = "any of ";
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    out += (i ? ", " : "") + quotedLine(patterns[i].describe(numeric));
  }
  return out;
}

std::string timeoutText(const StepContext& context) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s", std::chrono::duration<double>(context.timeout()).count());
  return text;
}

}  // namespace

std::string quotedLine(const std::string& bytes) { return "\"" + escapeBytes(asBytes(bytes)) + "\""; }

ExpectedItem expectedItem(const StepContext& context, const ResolvedPattern& pattern) {
  const bool numeric = !context.line.settings().verbose;
  FramingContext framing = context.line.framingContext(false);
  if (auto exact = pattern.exactText(numeric)) return {framedText(*exact, framing), true};
  return {pattern.describe(numeric), false};
}

std::string receivedText(const StepContext& context, const ReceivedLine& line) {
  return asString(context.line.bytes(line.begin, line.end));
}

void failStep(StepContext& context, FailureClass failure, const std::string& message,
              const std::vector<std::string>& received) {
  context.record.diff = diffLines(context.record.expected, received);
  throw StepFailure(failure, message);
}

void failNoLine(StepContext& context, const LineRead& read, const std::string& what) {
  std::vector<std::string> partial;
  if (read.line.end > read.line.begin) partial.push_back(receivedText(context, read.line));
  switch (read.arrival) {
    case Arrival::Timeout:
      failStep(context, FailureClass::Timeout,
               "no " + what + " came within " + timeoutText(context) +
                   (partial.empty() ? "" : " (an unfinished line came: " + quotedLine(partial[0]) + ")"),
               partial);
    case Arrival::Ended:
      // A module that floods the line is the product's failure; a line that broke is not.
      failStep(context,
               context.line.end().overflow ? FailureClass::Mismatch : FailureClass::Transport,
               context.line.endText().value_or("the line ended") + " while " + what +
                   " was expected",
               partial);
    case Arrival::DataMode:
      failStep(context, FailureClass::Mismatch,
               "the module is in data mode (a data-mode message was read): " + what +
                   " cannot come before its data and ETX (expect_data with end: true)",
               partial);
    case Arrival::Arrived:
      break;
  }
  failStep(context, FailureClass::Harness, "a line came and was not read");
}

MatchedLine awaitLine(StepContext& context, const std::vector<ResolvedPattern>& patterns,
                      LineRole role, std::optional<Deadline> until) {
  const bool numeric = !context.line.settings().verbose;
  for (const ResolvedPattern& pattern : patterns) {
    context.record.expected.push_back(expectedItem(context, pattern));
  }
  const std::vector<ResolvedPattern> ignore = context.ignorePatterns();
  const std::vector<ResolvedPattern> failOn = context.failOnPatterns();
  bool blankIsLine = false;
  for (const ResolvedPattern& pattern : patterns) blankIsLine = blankIsLine || pattern.isBlank();
  const std::string wanted = describeAll(patterns, numeric);
  const Deadline deadline = until.value_or(context.deadline());
  while (true) {
    const LineRead read = context.line.peekLine(deadline, blankIsLine);
    if (read.arrival != Arrival::Arrived) failNoLine(context, read, "line " + wanted);
    const ReceivedLine& line = read.line;
    const std::string received = receivedText(context, line);
    if (const ResolvedPattern* bad = firstMatch(failOn, line.text, numeric)) {
      context.line.consume(line, EntryKind::Line);
      failStep(context, FailureClass::Mismatch,
               quotedLine(line.text) + " came (it matches fail_on " + quotedLine(bad->describe(numeric)) +
                   ") where " + wanted + " was expected",
               {received});
    }
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (!patterns[i].matches(line.text, numeric)) continue;
      const auto problem = context.line.framingProblem(line, false);
      context.line.consume(line, EntryKind::Line);
      if (problem) {
        failStep(context, FailureClass::Mismatch,
                 quotedLine(line.text) + " came framed wrong: " + *problem, {received});
      }
      if (role == LineRole::FinalResult && !isResultCode(line.text, !numeric)) {
        failStep(context, FailureClass::Mismatch,
                 quotedLine(line.text) + " came, which is not a final result", {received});
      }
      return MatchedLine{line, i, context.line.arrivalOf(line.begin)};
    }
    if (firstMatch(ignore, line.text, numeric)) {
      const auto problem = context.line.framingProblem(line, true);
      context.line.consume(line, EntryKind::Unsolicited);
      if (problem) {
        failStep(context, FailureClass::Mismatch,
                 "the unsolicited line " + quotedLine(line.text) + " came framed wrong: " + *problem,
                 {received});
      }
      continue;
    }
    context.line.consume(line, EntryKind::Line);
    failStep(context, FailureClass::Mismatch,
             "unexpected line " + quotedLine(line.text) + " where " + wanted + " was expected",
             {received});
  }
}

}  // namespace atsharp::harness

namespace atsharp::harness {

void watchLines(StepContext& context, Clock::time_point until,
                const std::vector<ResolvedPattern>& forbidden, const std::string& what) {
  const bool numeric = !context.line.settings().verbose;
  const std::vector<ResolvedPattern> failOn = context.failOnPatterns();
  std::size_t checked = 0;
  while (true) {
    const std::vector<ReceivedLine> lines = context.line.availableLines();
    for (std::size_t i = checked; i < lines.size(); ++i) {
      const ResolvedPattern* bad = firstMatch(forbidden, lines[i].text, numeric);
      const bool isForbidden = bad != nullptr;
      if (!bad) bad = firstMatch(failOn, lines[i].text, numeric);
      if (!bad) continue;
      for (std::size_t j = 0; j <= i; ++j) context.line.consume(lines[j], EntryKind::Line);
      const double at = context.moduleSeconds(context.line.arrivalOf(lines[i].begin) -
                                              context.record.started);
      // A line that arrived before the step began was waiting unread: it is in the window all
      // the same, and said so rather than with a negative time.
      char when[64];
      if (at < 0) {
        std::snprintf(when, sizeof when, "%.3f s (module time) before the step, unread, in", -at);
      } else {
        std::snprintf(when, sizeof when, "%.3f s (module time) into", at);
      }
      context.record.expected = {ExpectedItem{"no line matching " + bad->describe(numeric), false}};
      failStep(context, FailureClass::Mismatch,
               quotedLine(lines[i].text) + " came " + when + " " + what +
                   (isForbidden ? ", which forbids " : ", and fail_on forbids ") +
                   quotedLine(bad->describe(numeric)),
               {receivedText(context, lines[i])});
    }
    checked = lines.size();
    if (Clock::now() >= until) return;
    context.line.fetch(until);
  }
}

}  // namespace atsharp::harness
