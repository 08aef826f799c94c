#pragma once
// The coverage sections of a sharded run's reports joined into the coverage of the whole run
// (`atsharp report merge`). Each shard lists every case of the suites against every row it
// names, with "not-run" for the cases another shard ran: the merged row takes each case from
// the shard that ran it, and its state and the counts follow again (settleCoverage).

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

#include "report/report_merge.hpp"

namespace atsharp::harness {

/// The merged coverage section; nothing when no part has one. Throws ReportMergeError when only
/// some parts have one, or when their rows or basis differ.
std::optional<nlohmann::json> mergeCoverage(const std::vector<NamedReport>& parts);

}  // namespace atsharp::harness
