#include "socket_outbox.hpp"

#include <algorithm>

namespace atsharp::reference {

std::optional<SocketOutbox::Entry> SocketOutbox::pop() {
  if (entries_.empty()) return std::nullopt;
  Entry entry = std::move(entries_.front());
  entries_.pop_front();
  return entry;
}

void SocketOutbox::drop(ActivityId id) {
  std::erase_if(entries_, [id](const Entry& entry) { return entry.id == id; });
}

bool isFinal(const NetworkEvent& event) {
  return std::holds_alternative<Closed>(event) || std::holds_alternative<Failed>(event) ||
         std::holds_alternative<Resolved>(event) || std::holds_alternative<PingAnswer>(event) ||
         std::holds_alternative<MailRetrieved>(event);
}

}  // namespace atsharp::reference
