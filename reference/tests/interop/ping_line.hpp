#pragma once
// 7.2.2's report of an answered echo request (docs/spec-decisions.md #34), read back:
// '"<PINGREMOTE>" is alive : time =  <ms> ms', two spaces before the time. (No std::regex:
// GCC 12 warns inside it at -O1 with the sanitizers.)

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace atsharp::test {

/// The round trip in milliseconds when @p line reports @p remote alive; nothing otherwise.
inline std::optional<long> aliveTime(std::string_view line, const std::string& remote) {
  const std::string head = "\"" + remote + "\" is alive : time =  ";
  const std::string_view tail = " ms";
  if (!line.starts_with(head) || !line.ends_with(tail)) return std::nullopt;
  const std::string_view digits =
      line.substr(head.size(), line.size() - head.size() - tail.size());
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  long milliseconds = 0;
  for (const char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    milliseconds = milliseconds * 10 + (c - '0');
  }
  return milliseconds;
}

}  // namespace atsharp::test
