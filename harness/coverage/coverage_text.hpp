#pragma once
// The coverage as `atsharp conform --coverage` prints it: a table of counts per chapter, then
// the rows that need attention (not covered, uncovered, explained, and uncoverable rows that a
// case covered all the same), or, in the full listing, every row with its cases.

#include <string>

#include "coverage/coverage.hpp"
#include "report/credential_mask.hpp"

namespace atsharp::harness {

enum class CoverageListing {
  Summary,  ///< the counts, and the rows that are not covered, with their cases or reasons
  Full,     ///< the counts, and every row, chapter by chapter, with its cases
};

/// The coverage as text, each case id and reason masked by @p mask when given. Uncovered
/// parameter rows are shown one line per parameter in the summary ("param/PINGNUM: default,
/// set").
std::string coverageText(const Coverage& coverage, CoverageListing listing,
                         const CredentialMask* mask = nullptr);

}  // namespace atsharp::harness
