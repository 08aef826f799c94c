#pragma once
// How the module must frame a line (V.250 5.7.1, as the reference module does it; see
// suites/README.md "Framing"). The harness compares every line with its framing, so that a
// module that sends "OK\n", drops the CR LF before a response or doubles a blank line fails.
//
// Verbose (ATV1): every line ends with CR LF. A response begins with CR LF: the first line
// after a command, every result code (OK, ERROR, BUSY, Ok_Info_..., #CME ERROR: n, ...) and
// every unsolicited line has exactly one blank line before it. Further lines of a multi-line
// answer may have none or one (V.250 allows a header per information line). Inside a
// retrieved mail, blank lines are content and none is taken as framing.
// Numeric (ATV0): no blank lines; result codes end with CR alone, other lines with CR LF.

#include <optional>
#include <string>
#include <vector>

namespace atsharp::harness {

/// A line as the module framed it.
struct Framing {
  std::vector<std::string> blankEndings;  ///< the endings of the blank lines before it
  std::string ending;                     ///< its own ending
};

/// Where a line stands.
struct FramingContext {
  bool verbose = true;        ///< ATV1
  bool responseStart = false; ///< the first line after a command or after a result code
  bool unsolicited = false;   ///< taken as an unsolicited line (an ignore pattern matched it)
  bool mail = false;          ///< a line of a retrieved mail (after Ok_Info_Mail, up to ".")
};

/// True for a result code: a response message of the catalogue (under ATV0 its numeric form,
/// or its text when it has none), "#CME ERROR: n", "+CME ERROR: n" (both modes), "CONNECT n".
bool isResultCode(const std::string& text, bool verbose);

/// What is wrong with the framing of @p text, or nothing.
std::optional<std::string> framingProblem(const std::string& text, const Framing& framing,
                                          const FramingContext& context);

/// The bytes a module would send for @p text in @p context (for expected values in reports):
/// "\r\nOK\r\n", "#CALLBACKTIMER: 2\r\n", "0\r".
std::string framedText(const std::string& text, const FramingContext& context);

}  // namespace atsharp::harness
