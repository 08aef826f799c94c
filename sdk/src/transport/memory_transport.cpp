#include "atsharp/transport/memory_transport.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "atsharp/error.hpp"

namespace atsharp {
namespace detail {

/// What the two ends of a pair share. Direction i carries the bytes end i reads.
struct MemoryLink {
  explicit MemoryLink(const MemoryTransportOptions& options) : options(options) {}

  const MemoryTransportOptions options;
  std::mutex mutex;
  // One condition for every change (bytes in, bytes out, an end closed): with at most four
  // threads on a pair, waking them all is cheaper than telling the changes apart.
  std::condition_variable changed;
  std::deque<Byte> toward[2];
  bool closed[2] = {false, false};
};

}  // namespace detail

std::pair<std::unique_ptr<MemoryTransport>, std::unique_ptr<MemoryTransport>> MemoryTransport::pair(
    const MemoryTransportOptions& options) {
  if (options.capacity == 0 || options.maxReadChunk == 0) {
    throw UsageError("MemoryTransport: capacity and maxReadChunk must be at least 1");
  }
  auto link = std::make_shared<detail::MemoryLink>(options);
  return {std::unique_ptr<MemoryTransport>(new MemoryTransport(link, 0)),
          std::unique_ptr<MemoryTransport>(new MemoryTransport(link, 1))};
}

MemoryTransport::MemoryTransport(std::shared_ptr<detail::MemoryLink> link, int side)
    : link_(std::move(link)), side_(side) {}

MemoryTransport::~MemoryTransport() { close(); }

IoResult MemoryTransport::read(std::span<Byte> buffer, Deadline deadline) {
  detail::MemoryLink& link = *link_;
  std::deque<Byte>& incoming = link.toward[side_];
  std::unique_lock lock(link.mutex);
  if (buffer.empty()) {
    return {link.closed[side_] ? IoStatus::Closed : IoStatus::Ok};
  }
  // Buffered bytes outlive the peer's close, not our own.
  const auto ready = [&] {
    return link.closed[side_] || !incoming.empty() || link.closed[1 - side_];
  };
  if (!link.changed.wait_until(lock, deadline, ready)) {
    return {IoStatus::Timeout};
  }
  if (link.closed[side_] || incoming.empty()) {
    return {IoStatus::Closed};
  }
  const std::size_t count = std::min({buffer.size(), incoming.size(), link.options.maxReadChunk});
  std::copy_n(incoming.begin(), count, buffer.begin());
  incoming.erase(incoming.begin(), incoming.begin() + static_cast<std::ptrdiff_t>(count));
  link.changed.notify_all();
  return {IoStatus::Ok, count};
}

IoResult MemoryTransport::write(ByteView bytes, Deadline deadline) {
  detail::MemoryLink& link = *link_;
  std::deque<Byte>& outgoing = link.toward[1 - side_];
  std::unique_lock lock(link.mutex);
  const auto closed = [&] { return link.closed[0] || link.closed[1]; };
  const auto ready = [&] { return closed() || outgoing.size() < link.options.capacity; };
  std::size_t done = 0;
  while (done < bytes.size()) {
    if (!link.changed.wait_until(lock, deadline, ready)) {
      return {IoStatus::Timeout, done};
    }
    if (closed()) {
      return {IoStatus::Closed, done};
    }
    const std::size_t count =
        std::min(bytes.size() - done, link.options.capacity - outgoing.size());
    outgoing.insert(outgoing.end(), bytes.begin() + static_cast<std::ptrdiff_t>(done),
                    bytes.begin() + static_cast<std::ptrdiff_t>(done + count));
    done += count;
    link.changed.notify_all();
  }
  return {closed() ? IoStatus::Closed : IoStatus::Ok, done};
}

void MemoryTransport::close() {
  const std::lock_guard lock(link_->mutex);
  link_->closed[side_] = true;
  link_->toward[side_].clear();  // nobody will read them
  link_->changed.notify_all();
}

std::string MemoryTransport::describe() const { return side_ == 0 ? "memory:a" : "memory:b"; }

}  // namespace atsharp
