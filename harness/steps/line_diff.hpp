#pragma once
// The diff of what a step expected against what came, line by line with the framing, so that
// a report shows "- \r\nOK\r\n" against "+ \r\nOK\n" and a reader sees the deviation at once.

#include <string>
#include <vector>

#include "steps/step_record.hpp"

namespace atsharp::harness {

/// The lines of @p expected and @p received, in order, common ones once (a longest common
/// subsequence). An expected item that is not exact is never common.
std::vector<DiffLine> diffLines(const std::vector<ExpectedItem>& expected,
                                const std::vector<std::string>& received);

}  // namespace atsharp::harness
