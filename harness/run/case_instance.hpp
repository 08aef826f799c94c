#pragma once
// One run of a case: a case of a suite, with one set of its params. Its id names it in every
// report: "harness/basics/vversion" or, with params, "harness/parameters/redialdelay[value=5]".

#include <optional>
#include <string>
#include <vector>

#include "suite/suite.hpp"

namespace atsharp::harness {

struct CaseInstance {
  const Suite* suite = nullptr;
  const CaseSpec* spec = nullptr;
  std::optional<std::size_t> paramIndex;
  Vars params;
  std::string id;  ///< suite/case[name=value,...]
  /// The rows this run covers: the case's, with the run's variables put in (specOfRun).
  std::vector<SpecReference> rows;

  /// The suite's tags and the case's.
  std::vector<std::string> tags() const;
};

/// Every run of every case of @p suites, in order.
std::vector<CaseInstance> expandCases(const std::vector<Suite>& suites);

/// A --filter: `tag:NAME`, `id:GLOB` (against the whole id and the case's own id), or a bare
/// word that is either; `!` (or `-`) before it excludes instead.
struct CaseFilter {
  enum class Kind { Tag, Id, Either };
  Kind kind = Kind::Either;
  std::string pattern;
  bool exclude = false;
};

/// Throws UsageError for an empty filter.
CaseFilter parseFilter(const std::string& text);

/// Whether @p instance passes: at least one including filter matches (when there is one) and
/// no excluding filter does.
bool isSelected(const CaseInstance& instance, const std::vector<CaseFilter>& filters);

/// --shard K/N: the K-th of N parts (1-based); case i is in part (i mod N) + 1.
struct Shard {
  int index = 1;
  int count = 1;
};

/// Throws UsageError for anything but K/N with 1 <= K <= N.
Shard parseShard(const std::string& text);

/// The cases of @p shard, in their order.
std::vector<CaseInstance> shardOf(const std::vector<CaseInstance>& cases, const Shard& shard);

}  // namespace atsharp::harness
