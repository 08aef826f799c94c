#pragma once
// A command's answer as the module wrote it, for `atsharp at` and `atsharp shell`: progress
// lines, information lines, then the final result, credentials masked.

#include <string>
#include <vector>

#include "atsharp/module/reply.hpp"
#include "json_output.hpp"

namespace atsharp::cli::lab {

/// The lines of @p reply in the order the module sends them, masked.
std::vector<std::string> answerLines(const Reply& reply);

/// @p reply as JSON: {"command", "lines", "result", "code" (a CME error only)}.
Json answerJson(const std::string& commandLine, const Reply& reply);

/// The exit status an answer means: 0 for a success, 1 for an error result.
int answerStatus(const Reply& reply);

}  // namespace atsharp::cli::lab
