#pragma once
// The events SocketNetwork's activities reported and the module has not had yet. Delivery is
// deferred to the event loop (the port never calls the module from inside a request), and a
// close() takes back what its activity left waiting here.

#include <cstdint>
#include <deque>
#include <optional>

#include "socket_activity.hpp"

namespace atsharp::reference {

class SocketOutbox {
 public:
  struct Entry {
    ActivityId id;
    /// Which incarnation of @c id reported it (see SocketNetwork's table).
    std::uint64_t serial;
    NetworkEvent event;
    ActivitySink::Continuation then;
  };

  void push(Entry entry) { entries_.push_back(std::move(entry)); }
  std::optional<Entry> pop();
  /// Drops every waiting event of @p id.
  void drop(ActivityId id);
  bool empty() const noexcept { return entries_.empty(); }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  std::deque<Entry> entries_;
};

/// Whether @p event is the last of its activity.
bool isFinal(const NetworkEvent& event);

}  // namespace atsharp::reference
