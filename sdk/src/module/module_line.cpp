// Owned events from the transport, through the response parser.

#include "module_line.hpp"

#include <array>

#include "atsharp/module/errors.hpp"

namespace atsharp::detail {
namespace {

TransportClosedError closedLine(const Transport& transport) {
  return TransportClosedError("the line to the module is closed (" + transport.describe() + ")");
}

}  // namespace

ModuleLine::ModuleLine(Transport& transport) : transport_(transport) {}

void ModuleLine::write(ByteView bytes, std::chrono::milliseconds timeout,
                       const std::string& what) {
  const IoResult result = transport_.write(bytes, after(timeout));
  if (result.status == IoStatus::Closed) throw closedLine(transport_);
  if (result.status == IoStatus::Timeout) {
    throw TimeoutError(what + " (the line took no more bytes)", timeout);
  }
}

std::optional<LineEvent> ModuleLine::next(Deadline deadline) {
  while (queue_.empty()) {
    if (closed_) throw closedLine(transport_);
    if (!fill(deadline)) return std::nullopt;
  }
  LineEvent event = std::move(queue_.front());
  queue_.pop_front();
  return event;
}

bool ModuleLine::fill(Deadline deadline) {
  std::array<Byte, 4096> buffer;
  const IoResult result = transport_.read(buffer, deadline);
  if (result.count > 0) parse(ByteView(buffer.data(), result.count));
  if (result.status == IoStatus::Closed) closed_ = true;
  return result.status != IoStatus::Timeout || result.count > 0;
}

void ModuleLine::parse(ByteView bytes) {
    parser_.feed(bytes, [this](const Event& event) {
      std::visit(
          [this](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, DataBytes>) {
              queue_.push_back(DataChunk{Bytes(e.bytes.begin(), e.bytes.end())});
            } else {
              queue_.push_back(e);
            }
          },
          event);
    });
}

void ModuleLine::resumeLines(Bytes tail) {
  // In pass-through data mode every queued event is payload, in order.
  Bytes rest;
  for (LineEvent& event : queue_) {
    if (auto* chunk = std::get_if<DataChunk>(&event)) {
      rest.insert(rest.end(), chunk->bytes.begin(), chunk->bytes.end());
    }
  }
  queue_.clear();
  tail.insert(tail.end(), rest.begin(), rest.end());
  parser_.leaveDataMode([](const Event&) {});
  parse(tail);
}

void ModuleLine::discardPending() {
  queue_.clear();
  while (!closed_ && fill(Clock::now())) queue_.clear();
  parser_.leaveDataMode([](const Event&) {});
}

}  // namespace atsharp::detail
