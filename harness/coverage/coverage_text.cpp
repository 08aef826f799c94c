#include "coverage/coverage_text.hpp"

#include <cstdio>
#include <map>
#include <sstream>

#include "text/byte_text.hpp"

namespace atsharp::harness {
namespace {

class TextWriter {
 public:
  TextWriter(const Coverage& coverage, const CredentialMask* mask)
      : coverage_(coverage), mask_(mask) {}

  std::string summary() {
    heading();
    counts();
    listCases(RowState::NotCovered, "Not covered: named only by cases that did not pass");
    listUncovered();
    listExplained();
    listCoveredDespiteReason();
    listUnknown();
    return out_.str();
  }

  std::string full() {
    heading();
    counts();
    std::string chapter;
    for (const RowCoverage& row : coverage_.rows) {
      if (row.row.chapter != chapter) {
        chapter = row.row.chapter;
        out_ << "\n" << chapterTitle(chapter) << "\n";
      }
      char state[16];
      std::snprintf(state, sizeof state, "%-12s", std::string(rowStateName(row.state)).c_str());
      out_ << "  " << state << row.row.id;
      if (row.state == RowState::Explained) {
        out_ << ": " << *row.row.uncoverable;
      } else if (!row.cases.empty()) {
        out_ << ": " << casesText(row);
      }
      out_ << "\n";
    }
    listUnknown();
    return out_.str();
  }

 private:
  std::string text(const std::string& raw) const {
    return readableText(mask_ ? mask_->mask(raw) : raw);
  }

  static std::string chapterTitle(const std::string& chapter) {
    if (chapter == kParameterChapter) return "Parameters (param/NAME/ASPECT, from the catalogue)";
    if (chapter == "A") return "Appendix A";
    return "Chapter " + chapter;
  }

  void heading() {
    if (coverage_.basis == CoverageBasis::Run) {
      out_ << "Coverage of the spec's rows by this run (covered: a case naming the row passed)\n";
    } else {
      out_ << "Coverage the suites claim, nothing run (covered: a case not marked xfail names "
              "the row)\n";
    }
  }

  void countsLine(const std::string& name, const CoverageCounts& counts) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-8s %6d %8d %12d %10d %10d\n", name.c_str(), counts.rows,
                  counts.covered, counts.notCovered, counts.uncovered, counts.explained);
    out_ << line;
  }

  void counts() {
    out_ << "  chapter    rows  covered  not covered  uncovered  explained\n";
    for (const ChapterCoverage& chapter : coverage_.chapters) {
      countsLine(chapter.chapter, chapter.counts);
    }
    countsLine("all", coverage_.total);
  }

  std::string casesText(const RowCoverage& row) const {
    std::string out;
    for (const RowCase& one : row.cases) {
      if (!out.empty()) out += ", ";
      out += text(one.caseId) + " (" + one.status;
      if (!one.reason.empty()) out += ": " + text(one.reason);
      out += ")";
    }
    return out;
  }

  std::vector<const RowCoverage*> rowsIn(RowState state) const {
    std::vector<const RowCoverage*> rows;
    for (const RowCoverage& row : coverage_.rows) {
      if (row.state == state) rows.push_back(&row);
    }
    return rows;
  }

  void listCases(RowState state, const char* title) {
    const auto rows = rowsIn(state);
    if (rows.empty()) return;
    out_ << "\n" << title << " (" << rows.size() << "):\n";
    for (const RowCoverage* row : rows) {
      out_ << "  " << row->row.id << ": " << casesText(*row) << "\n";
    }
  }

  // The parameters' rows, 469 of them, read better one parameter a line.
  void listUncovered() {
    const auto rows = rowsIn(RowState::Uncovered);
    if (rows.empty()) return;
    out_ << "\nUncovered: named by no case (" << rows.size() << "):\n";
    std::string parameter;
    for (const RowCoverage* row : rows) {
      if (row->row.chapter != kParameterChapter) {
        if (!parameter.empty()) out_ << "\n";
        parameter.clear();
        out_ << "  " << row->row.id << "\n";
        continue;
      }
      const std::string& id = row->row.id;
      const std::size_t slash = id.rfind('/');
      const std::string name = id.substr(0, slash);
      if (name != parameter) {
        out_ << (parameter.empty() ? "" : "\n") << "  " << name << ": " << id.substr(slash + 1);
        parameter = name;
      } else {
        out_ << ", " << id.substr(slash + 1);
      }
    }
    if (!parameter.empty()) out_ << "\n";
  }

  void listExplained() {
    const auto rows = rowsIn(RowState::Explained);
    if (rows.empty()) return;
    out_ << "\nExplained: uncoverable on the reference module (" << rows.size() << "):\n";
    for (const RowCoverage* row : rows) {
      out_ << "  " << row->row.id << ": " << *row->row.uncoverable << "\n";
      if (!row->cases.empty()) out_ << "    named by " << casesText(*row) << "\n";
    }
  }

  void listCoveredDespiteReason() {
    std::vector<const RowCoverage*> rows;
    for (const RowCoverage& row : coverage_.rows) {
      if (row.coveredDespiteReason()) rows.push_back(&row);
    }
    if (rows.empty()) return;
    out_ << "\nCovered although marked uncoverable (on the reference module the reason is stale) ("
         << rows.size() << "):\n";
    for (const RowCoverage* row : rows) {
      out_ << "  " << row->row.id << ": " << casesText(*row) << "\n";
    }
  }

  void listUnknown() {
    if (coverage_.unknownRows.empty()) return;
    out_ << "\nRow ids the cases name that the catalogue does not hold ("
         << coverage_.unknownRows.size() << "):\n";
    for (const std::string& id : coverage_.unknownRows) out_ << "  " << text(id) << "\n";
  }

  const Coverage& coverage_;
  const CredentialMask* mask_;
  std::ostringstream out_;
};

}  // namespace

std::string coverageText(const Coverage& coverage, CoverageListing listing,
                         const CredentialMask* mask) {
  TextWriter writer(coverage, mask);
  return listing == CoverageListing::Full ? writer.full() : writer.summary();
}

}  // namespace atsharp::harness
