#include "session/framing.hpp"


#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/results.hpp"
#include "text/byte_text.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {
namespace {

constexpr const char* kCrLf = "\r\n";

bool isNumericCode(const std::string& text) {
  if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  return catalogue::findNumericResult(std::stoi(text)).has_value();
}

std::string shown(const std::string& bytes) { return "\"" + escapeBytes(asBytes(bytes)) + "\""; }

// How many blank lines the line must have before it: exactly one, none, or (-1) none or one.
int blanksRequired(const std::string& text, const FramingContext& context) {
  if (!context.verbose || context.mail) return 0;
  if (context.responseStart || context.unsolicited || isResultCode(text, true)) return 1;
  return -1;
}

}  // namespace

bool isResultCode(const std::string& text, bool verbose) {
  if (!verbose && isNumericCode(text)) return true;
  // Under ATV0 a message without a numeric form keeps its text (spec-decisions 39).
  if (const auto result = catalogue::findVerboseResult(text)) {
    return verbose || catalogue::spec(*result).numeric < 0;
  }
  static const Regex error(R"((#|\+)CME ERROR: ?[0-9]+)");
  static const Regex connect(R"(CONNECT [0-9]+(/[0-9]+)?)");
  return error.matches(text) || (verbose && connect.matches(text));
}

std::optional<std::string> framingProblem(const std::string& text, const Framing& framing,
                                          const FramingContext& context) {
  for (const std::string& blank : framing.blankEndings) {
    if (blank != kCrLf) {
      return "a blank line before it ends with " + shown(blank) + ", not \"\\r\\n\"";
    }
  }
  const bool crOnly = !context.verbose && isNumericCode(text);
  const std::string ending = crOnly ? "\r" : kCrLf;
  if (framing.ending != ending) {
    return "it ends with " + shown(framing.ending) + ", not " + shown(ending) +
           (crOnly ? " (a numeric result code ends with CR alone)" : "");
  }
  const int blanks = static_cast<int>(framing.blankEndings.size());
  const int required = blanksRequired(text, context);
  if (required == 1 && blanks == 0) {
    return "no \"\\r\\n\" before it: a response and every result code start with CR LF";
  }
  if (required == 0 && blanks > 0) {
    return std::to_string(blanks) + " blank line(s) before it, where " +
           (context.verbose ? "none belongs" : "ATV0 sends none");
  }
  if (blanks > 1) return std::to_string(blanks) + " blank lines before it, where one belongs";
  return std::nullopt;
}

std::string framedText(const std::string& text, const FramingContext& context) {
  if (!context.verbose) return text + (isNumericCode(text) ? "\r" : kCrLf);
  return (blanksRequired(text, context) == 1 ? kCrLf : "") + text + kCrLf;
}

}  // namespace atsharp::harness
