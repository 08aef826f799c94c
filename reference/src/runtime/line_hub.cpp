#include "line_hub.hpp"

#include <algorithm>

namespace atsharp::reference {

void LineHub::add(std::shared_ptr<HostLine> line) {
  line->pauseInput(inputPaused_);
  lines_.push_back(std::move(line));
}

void LineHub::remove(const HostLine& line) {
  std::erase_if(lines_, [&line](const auto& each) { return each.get() == &line; });
}

void LineHub::input(ByteView bytes) {
  if (input_) input_(bytes);
}

void LineHub::broadcast(ByteView bytes) {
  for (const auto& line : lines_) line->deliver(bytes);
}

std::size_t LineHub::backlog() const {
  std::size_t most = 0;
  for (const auto& line : lines_) {
    if (line->talking()) most = std::max(most, line->queued());
  }
  return most;
}

void LineHub::pauseInput(bool paused) {
  if (paused == inputPaused_) return;
  inputPaused_ = paused;
  for (const auto& line : lines_) line->pauseInput(paused);
}

void LineHub::closeAll() {
  // Closing removes the tap from lines_: work on a copy.
  const std::vector<std::shared_ptr<HostLine>> lines = lines_;
  for (const auto& line : lines) line->close();
  lines_.clear();
}

}  // namespace atsharp::reference
