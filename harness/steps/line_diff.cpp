#include "steps/line_diff.hpp"

namespace atsharp::harness {

std::vector<DiffLine> diffLines(const std::vector<ExpectedItem>& expected,
                                const std::vector<std::string>& received) {
  const std::size_t n = expected.size();
  const std::size_t m = received.size();
  const auto same = [&](std::size_t i, std::size_t j) {
    return expected[i].exact && expected[i].bytes == received[j];
  };
  // common[i][j]: the longest common subsequence of expected[i..] and received[j..].
  std::vector<std::vector<std::size_t>> common(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      common[i][j] = same(i, j) ? common[i + 1][j + 1] + 1
                                : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::vector<DiffLine> out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(i, j)) {
      out.push_back({' ', received[j], true});
      ++i;
      ++j;
    } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
      out.push_back({'-', expected[i].bytes, expected[i].exact});
      ++i;
    } else {
      out.push_back({'+', received[j], true});
      ++j;
    }
  }
  return out;
}

}  // namespace atsharp::harness
