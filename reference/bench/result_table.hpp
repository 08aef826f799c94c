#pragma once
// The summary the benchmark ends with: one row per measurement, with its baseline, the ratio
// to it, the goal for that ratio and whether it is met.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace atsharp::bench {

struct Row {
  std::string measurement;
  std::string value;
  std::string baseline;
  std::optional<double> ratio;
  std::optional<double> goal;  ///< the least ratio that is good
  std::string note;            ///< instead of a verdict: why there is none ("skipped: ...")
};

/// Prints @p rows as aligned columns: measurement, value, baseline, ratio, goal, verdict.
void printTable(const std::vector<Row>& rows, std::ostream& out);

/// @p value with @p decimals decimals, then @p unit: "41.20 MB/s".
std::string withUnit(double value, int decimals, const std::string& unit);

}  // namespace atsharp::bench
