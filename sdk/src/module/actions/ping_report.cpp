// Taking a ping line apart: the quoted host, and the words around it without their spaces.

#include "ping_report.hpp"

#include <string>

#include "../command_text.hpp"

namespace atsharp::detail {
namespace {

constexpr std::string_view kAlive = "isalive:time=";  // after the host, spaces removed
constexpr std::string_view kMs = "ms";
constexpr std::string_view kNoAnswer = "Noanswerfrom";  // before the host, spaces removed

std::string withoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The line cut at the host's quotes: what comes before, the host, what comes after.
struct QuotedHost {
  std::string before;
  std::string_view host;
  std::string after;
};

std::optional<QuotedHost> splitAtHost(std::string_view line) {
  const std::size_t open = line.find('"');
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t close = line.find('"', open + 1);
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view host = trimmed(line.substr(open + 1, close - open - 1));
  if (host.empty()) return std::nullopt;
  return QuotedHost{withoutSpaces(line.substr(0, open)), host,
                    withoutSpaces(line.substr(close + 1))};
}

// "isalive:time=900ms" -> 900.
std::optional<int> aliveTime(std::string_view after) {
  if (!after.starts_with(kAlive) || !after.ends_with(kMs)) return std::nullopt;
  after.remove_prefix(kAlive.size());
  after.remove_suffix(kMs.size());
  const std::optional<int> milliseconds = wholeNumber(after);
  if (!milliseconds || *milliseconds < 0) return std::nullopt;
  return milliseconds;
}

}  // namespace

std::optional<PingReport> parsePingReport(std::string_view line) {
  const std::optional<QuotedHost> parts = splitAtHost(line);
  if (!parts) return std::nullopt;
  if (parts->before.empty()) {
    const std::optional<int> time = aliveTime(parts->after);
    if (!time) return std::nullopt;
    return PingReport{std::string(parts->host), time};
  }
  if (parts->before == kNoAnswer && parts->after.empty()) {
    return PingReport{std::string(parts->host), std::nullopt};
  }
  return std::nullopt;
}

}  // namespace atsharp::detail
