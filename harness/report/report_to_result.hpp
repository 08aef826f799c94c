#pragma once
// A JSON report back in the in-memory form the writers take (run_result.hpp), so that a report
// made by the viewers (a merge of shards) gets its JUnit XML from the one JUnit writer. What
// the JSON keeps is what comes back: masked texts stay masked, a long transcript entry keeps
// its head and tail only, times are the report's (rounded to the microsecond).

#include <nlohmann/json.hpp>

#include "report/run_result.hpp"

namespace atsharp::harness {

/// The run of @p report (checked by parseReport()).
RunResult runResultFromReport(const nlohmann::json& report);

}  // namespace atsharp::harness
