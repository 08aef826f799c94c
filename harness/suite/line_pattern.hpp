#pragma once
// What a suite expects of one line the module sends: the exact text, or a regular expression
// that must match the whole line. Both may use {{vars}}. The line's framing (the CR LF around
// it) is not part of the pattern: the module line checks it for every line (session/framing).

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "suite/template_text.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {

/// A pattern with its variables filled in.
class ResolvedPattern {
 public:
  ResolvedPattern(bool regex, std::string text, std::shared_ptr<const Regex> compiled);

  /// Whether @p line (without its line ending) matches. Under ATV0 (@p numeric) an exact
  /// pattern that names a response message of the catalogue with a numeric form ("OK")
  /// matches that form ("0") instead, so that a suite's lines read the same under both.
  bool matches(const std::string& line, bool numeric) const;
  /// The groups of a regex match of @p line ([0] the whole line), or nothing.
  std::optional<std::vector<std::string>> groups(const std::string& line) const;
  /// The exact text a line must have (under @p numeric), or nothing for a regex.
  std::optional<std::string> exactText(bool numeric) const;
  /// For messages and reports: the text, or /regex/.
  std::string describe(bool numeric) const;
  bool isRegex() const noexcept { return regex_; }
  /// True when the pattern stands for an empty (blank) line.
  bool isBlank() const noexcept { return !regex_ && text_.empty(); }

 private:
  bool regex_;
  std::string text_;
  std::shared_ptr<const Regex> compiled_;
};

class LinePattern {
 public:
  /// Reads a string or integer (the exact text), {line: text} or {regex: expression}.
  /// Throws UsageError for anything else, a text above U+00FF or a regex that does not compile.
  static LinePattern parse(const nlohmann::json& value);

  /// Fills in the variables (escaped in a regex, so that a value matches literally). Throws
  /// UnknownVariable, and UsageError when the filled-in regex does not compile.
  ResolvedPattern resolve(const Vars& vars) const;
  const TemplateText& text() const noexcept { return text_; }
  bool isRegex() const noexcept { return regex_; }

 private:
  bool regex_ = false;
  TemplateText text_;
  std::shared_ptr<const Regex> compiled_;  // when the text has no variable
};

/// One line that may be any of several patterns (`expect: {any_of: [...]}`), or one.
struct LineChoice {
  std::vector<LinePattern> patterns;

  /// Reads a pattern, or {any_of: [pattern, ...]}.
  static LineChoice parse(const nlohmann::json& value);
  std::vector<ResolvedPattern> resolve(const Vars& vars) const;
};

/// A list of patterns (ignore, fail_on, forbid): one pattern or a list of them.
std::vector<LinePattern> parsePatternList(const nlohmann::json& value);
std::vector<ResolvedPattern> resolveAll(const std::vector<LinePattern>& patterns, const Vars& vars);

/// The first of @p patterns that @p line matches, or null.
const ResolvedPattern* firstMatch(const std::vector<ResolvedPattern>& patterns,
                                  const std::string& line, bool numeric);

}  // namespace atsharp::harness
