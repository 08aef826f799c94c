#pragma once
// The rows a coverage report accounts for: those of suites/coverage/spec-rows.yaml (the spec's
// table rows, 9.1, 9.2, appendix A), in the spec's order, then "param/NAME/ASPECT" for every
// parameter of the catalogue (coverage/parameter_rows.hpp). Only what the report needs is read:
// the id, the section and the `uncoverable` reason; the rest of a row is for the suites' authors.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "document/yaml_document.hpp"

namespace atsharp::harness {

/// What the report groups the parameters' rows under, beside the spec's chapters: their rows
/// are the catalogue's, not spec-rows.yaml's, and are counted apart.
inline constexpr const char* kParameterChapter = "param";

struct CoverageRow {
  std::string id;       ///< "5.4.2/otcp-dns-failure", "param/TCPTXDELAY/illegal"
  std::string section;  ///< "5.4.2"; a parameter's row: the section defining the parameter
  std::string chapter;  ///< "5", "A", or kParameterChapter
  /// Why no case can produce the row on the reference module (spec-rows.yaml's `uncoverable`).
  std::optional<std::string> uncoverable;
};

/// Every row, spec rows first in the file's order, then the parameters' in the catalogue's.
using RowCatalogue = std::vector<CoverageRow>;

/// The chapter of a section: "5.4.2" -> "5", "A.8.1" -> "A", "9" -> "9".
std::string chapterOf(const std::string& section);

/// The rows of a spec-rows document (a YAML list of mappings, each with a string `id` and
/// `section`). Throws DocumentError, with the row's location, for a row without them or an id
/// given twice.
RowCatalogue specRowsOf(const YamlDocument& document);

/// "param/NAME/ASPECT" for every parameter of the catalogue and every aspect, in the catalogue's
/// order (the order of AT#VALL) and kParameterAspects' order.
RowCatalogue parameterRows();

/// The rows of the file @p path (spec-rows.yaml) followed by the parameters' rows. Throws
/// DocumentError.
RowCatalogue loadRowCatalogue(const std::filesystem::path& path);

}  // namespace atsharp::harness
