#include "steps/pattern_list_step.hpp"

#include "steps/line_wait.hpp"

namespace atsharp::harness::steps {

std::string PatternListStep::summary() const {
  std::string out(kind());
  for (const LinePattern& pattern : patterns_) {
    out += " " + (pattern.isRegex() ? "/" + pattern.text().source() + "/"
                                    : quotedLine(pattern.text().source()));
  }
  return out;
}

void PatternListStep::addVariables(std::set<std::string>& reads, std::set<std::string>&) const {
  for (const LinePattern& pattern : patterns_) {
    for (const auto& name : pattern.text().names()) reads.insert(name);
  }
}

}  // namespace atsharp::harness::steps
