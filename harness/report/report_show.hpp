#pragma once
// `atsharp report show`: a report as text for a terminal. The run (its id, the target's
// identity, the counts, how long it took), then each failing or erroring case with its failure
// class and message, its failing step (where it is written, what it expected, what came, the
// diff) and the transcript around it, every byte visible.

#include <nlohmann/json.hpp>

#include <ostream>

namespace atsharp::harness {

struct ShowOptions {
  bool all = false;         ///< every case, not only those that failed or had an error
  bool transcripts = false; ///< whole transcripts, every byte, not only around the failure
  bool colour = false;      ///< ANSI colours (for a terminal)
};

/// Writes @p report (checked by parseReport()) to @p out.
void showReport(std::ostream& out, const nlohmann::json& report, const ShowOptions& options);

}  // namespace atsharp::harness
