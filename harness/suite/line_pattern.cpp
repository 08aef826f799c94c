#include "suite/line_pattern.hpp"

#include "atsharp/catalogue/results.hpp"
#include "atsharp/error.hpp"
#include "text/latin1_text.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

std::shared_ptr<const Regex> compile(const std::string& expression) {
  return std::make_shared<const Regex>(expression);
}

TemplateText latin1Template(const std::string& utf8) {
  auto bytes = latin1FromUtf8(utf8);
  if (!bytes) {
    throw UsageError("\"" + utf8 + "\" holds a character above U+00FF (lines are bytes, one a "
                     "character)");
  }
  return TemplateText(*bytes);
}

// The ATV0 form of a response message written in its verbose form ("OK" -> "0").
std::optional<std::string> numericForm(const std::string& verbose) {
  const auto result = catalogue::findVerboseResult(verbose);
  if (!result) return std::nullopt;
  const int code = catalogue::spec(*result).numeric;
  if (code < 0) return std::nullopt;
  return std::to_string(code);
}

}  // namespace

ResolvedPattern::ResolvedPattern(bool regex, std::string text,
                                 std::shared_ptr<const Regex> compiled)
    : regex_(regex), text_(std::move(text)), compiled_(std::move(compiled)) {}

std::optional<std::string> ResolvedPattern::exactText(bool numeric) const {
  if (regex_) return std::nullopt;
  if (numeric) {
    if (auto code = numericForm(text_)) return code;
  }
  return text_;
}

bool ResolvedPattern::matches(const std::string& line, bool numeric) const {
  if (!regex_) return line == *exactText(numeric);
  return compiled_->matches(line);
}

std::optional<std::vector<std::string>> ResolvedPattern::groups(const std::string& line) const {
  if (!regex_) return std::nullopt;
  return compiled_->groups(line);
}

std::string ResolvedPattern::describe(bool numeric) const {
  if (regex_) return "/" + text_ + "/";
  return *exactText(numeric);
}

LinePattern LinePattern::parse(const Json& value) {
  LinePattern pattern;
  if (value.is_string()) {
    pattern.text_ = latin1Template(value.get<std::string>());
  } else if (value.is_number_integer()) {
    pattern.text_ = TemplateText(std::to_string(value.get<std::int64_t>()));
  } else if (value.is_object() && value.size() == 1 && value.contains("line") &&
             value["line"].is_string()) {
    pattern.text_ = latin1Template(value["line"].get<std::string>());
  } else if (value.is_object() && value.size() == 1 && value.contains("regex") &&
             value["regex"].is_string()) {
    pattern.regex_ = true;
    pattern.text_ = latin1Template(value["regex"].get<std::string>());
    // Compiled now when it can be, so that a bad expression is a suite error, not a run error.
    if (!pattern.text_.hasReferences()) pattern.compiled_ = compile(pattern.text_.source());
  } else {
    throw UsageError("a line is a string, {line: text} or {regex: expression}");
  }
  return pattern;
}

ResolvedPattern LinePattern::resolve(const Vars& vars) const {
  if (!regex_) return ResolvedPattern(false, text_.render(vars), nullptr);
  if (compiled_) return ResolvedPattern(true, text_.source(), compiled_);
  const std::string expression = text_.render(vars, Insert::RegexLiteral);
  return ResolvedPattern(true, expression, compile(expression));
}

LineChoice LineChoice::parse(const Json& value) {
  LineChoice choice;
  if (value.is_object() && value.contains("any_of")) {
    if (value.size() != 1 || !value["any_of"].is_array() || value["any_of"].empty()) {
      throw UsageError("any_of is a list of one or more lines, alone in its mapping");
    }
    for (const Json& item : value["any_of"]) choice.patterns.push_back(LinePattern::parse(item));
  } else {
    choice.patterns.push_back(LinePattern::parse(value));
  }
  return choice;
}

std::vector<ResolvedPattern> LineChoice::resolve(const Vars& vars) const {
  return resolveAll(patterns, vars);
}

std::vector<LinePattern> parsePatternList(const Json& value) {
  std::vector<LinePattern> out;
  if (value.is_array()) {
    for (const Json& item : value) out.push_back(LinePattern::parse(item));
  } else {
    out.push_back(LinePattern::parse(value));
  }
  return out;
}

std::vector<ResolvedPattern> resolveAll(const std::vector<LinePattern>& patterns,
                                        const Vars& vars) {
  std::vector<ResolvedPattern> out;
  out.reserve(patterns.size());
  for (const LinePattern& pattern : patterns) out.push_back(pattern.resolve(vars));
  return out;
}

const ResolvedPattern* firstMatch(const std::vector<ResolvedPattern>& patterns,
                                  const std::string& line, bool numeric) {
  for (const ResolvedPattern& pattern : patterns) {
    if (pattern.matches(line, numeric)) return &pattern;
  }
  return nullptr;
}

}  // namespace atsharp::harness
