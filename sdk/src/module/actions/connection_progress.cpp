// Collecting a connection's progress lines.

#include "connection_progress.hpp"

#include "../command_text.hpp"

namespace atsharp::detail {
namespace {

// "CONNECT 9600" -> 9600; "CONNECT 1200/75" -> 1200 (the speed towards the module).
std::optional<int> connectSpeed(const std::string& text) {
  constexpr std::string_view kPrefix = "CONNECT ";
  if (!text.starts_with(kPrefix)) return std::nullopt;
  std::string_view speed = std::string_view(text).substr(kPrefix.size());
  speed = speed.substr(0, speed.find('/'));
  return wholeNumber(speed);
}

}  // namespace

void ConnectionProgress::take(ProgressLine line) {
  if (line.kind == Progress::Connect) connection_.speed = connectSpeed(line.text);
  if (line.kind == Progress::IpAddress) connection_.address = line.text;
  guard_.call(handler_, line);
  if (connection_.progress.size() < kMaxKept) connection_.progress.push_back(std::move(line));
}

}  // namespace atsharp::detail
