#include "text/regex.hpp"

#include <regex>

#include "atsharp/error.hpp"

namespace atsharp::harness {

struct Regex::Compiled {
  std::regex regex;
};

Regex::Regex(const std::string& pattern) : pattern_(pattern) {
  try {
    compiled_ = std::make_shared<const Compiled>(Compiled{std::regex(pattern, std::regex::ECMAScript)});
  } catch (const std::regex_error& bad) {
    throw UsageError("regex \"" + pattern + "\" does not compile: " + bad.what());
  }
}

bool Regex::matches(std::string_view text) const {
  return std::regex_match(text.begin(), text.end(), compiled_->regex);
}

bool Regex::search(std::string_view text) const {
  return std::regex_search(text.begin(), text.end(), compiled_->regex);
}

std::optional<std::vector<std::string>> Regex::groups(std::string_view text) const {
  std::match_results<std::string_view::const_iterator> found;
  if (!std::regex_match(text.begin(), text.end(), found, compiled_->regex)) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size(); ++i) out.push_back(found[i].matched ? found[i].str() : "");
  return out;
}

std::size_t Regex::groupCount() const { return compiled_->regex.mark_count(); }

}  // namespace atsharp::harness
