#pragma once
// `atsharp report merge OUT IN...`: the reports of a sharded run (`atsharp conform --shard K/N
// --run-id ID` on several machines) joined into the report of the whole run. The parts must
// belong together: one run id, one target, the same filters, every shard once (unless a
// partial merge is asked for), no case twice. The summary and exit code are counted again from
// the cases, the cases put back in the order they had in the whole run; the coverage sections,
// when the parts have them, are joined (coverage_merge.hpp).

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "atsharp/error.hpp"

namespace atsharp::harness {

/// Reports that do not belong together; the message names the files and what differs.
class ReportMergeError : public Error {
 public:
  using Error::Error;
};

/// A report and the name of its file, for messages.
struct NamedReport {
  std::string name;
  nlohmann::json report;  ///< checked by parseReport()
};

struct MergeOptions {
  bool partial = false;  ///< some shards may be missing
};

/// The report of the whole run. Throws ReportMergeError.
nlohmann::json mergeReports(const std::vector<NamedReport>& parts, const MergeOptions& options = {});

}  // namespace atsharp::harness
