#include "result_table.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ostream>

namespace atsharp::bench {
namespace {

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string verdict(const Row& row) {
  if (!row.note.empty()) return row.note;
  if (!row.ratio || !row.goal) return "-";
  return *row.ratio >= *row.goal ? "meets" : "BELOW";
}

}  // namespace

std::string withUnit(double value, int decimals, const std::string& unit) {
  return fixed(value, decimals) + " " + unit;
}

void printTable(const std::vector<Row>& rows, std::ostream& out) {
  using Cells = std::array<std::string, 6>;
  std::vector<Cells> lines{{"measurement", "value", "baseline", "ratio", "goal", "verdict"}};
  for (const Row& row : rows) {
    lines.push_back({row.measurement, row.value, row.baseline,
                     row.ratio ? fixed(*row.ratio, 3) : "-",
                     row.goal ? ">= " + fixed(*row.goal, 2) : "-", verdict(row)});
  }
  std::array<std::size_t, 6> width{};
  for (const Cells& cells : lines) {
    for (std::size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  }
  for (const Cells& cells : lines) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // Text columns to the left, numbers to the right; the last column unpadded.
      const std::string pad(width[i] - cells[i].size(), ' ');
      const bool number = i == 1 || i == 3;
      line += i + 1 == cells.size() ? cells[i] : number ? pad + cells[i] : cells[i] + pad;
      if (i + 1 < cells.size()) line += "  ";
    }
    out << line << "\n";
  }
}

}  // namespace atsharp::bench
