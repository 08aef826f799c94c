#pragma once
// Compares what the spec lists with what the catalogue holds, member by member, and says what
// differs: every test of "the catalogue has exactly the spec's X" is this comparison.

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace atsharp::catalogue::test {

template <class T>
struct MemberDifferences {
  std::vector<T> missing;     ///< in the spec, not in the catalogue
  std::vector<T> extra;       ///< in the catalogue, not in the spec
  std::vector<T> duplicated;  ///< more than once in the catalogue

  bool none() const { return missing.empty() && extra.empty() && duplicated.empty(); }

  std::string describe() const {
    std::ostringstream text;
    text << "in the spec, not in the catalogue: " << joined(missing)
         << "\nin the catalogue, not in the spec: " << joined(extra)
         << "\nlisted more than once in the catalogue: " << joined(duplicated);
    return text.str();
  }

  static std::string joined(const std::vector<T>& members) {
    if (members.empty()) return "(none)";
    std::ostringstream text;
    for (std::size_t i = 0; i < members.size(); ++i) text << (i > 0 ? ", " : "") << members[i];
    return text.str();
  }
};

/// The differences between @p spec (what the spec lists) and @p catalogue.
template <class T>
MemberDifferences<T> compareMembers(const std::vector<T>& spec, const std::vector<T>& catalogue) {
  std::map<T, int> inSpec;
  std::map<T, int> inCatalogue;
  for (const T& member : spec) ++inSpec[member];
  for (const T& member : catalogue) ++inCatalogue[member];
  MemberDifferences<T> differences;
  for (const auto& [member, count] : inSpec) {
    if (!inCatalogue.contains(member)) differences.missing.push_back(member);
  }
  for (const auto& [member, count] : inCatalogue) {
    if (!inSpec.contains(member)) differences.extra.push_back(member);
    if (count > 1) differences.duplicated.push_back(member);
  }
  return differences;
}

}  // namespace atsharp::catalogue::test
