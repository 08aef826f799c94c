#include "services.hpp"

#include <algorithm>

#include "../interpreter/module_core.hpp"

namespace atsharp::reference {

using catalogue::CmeError;

bool Services::mayStart(ModuleCore& core, int socket) {
  auto refuse = [&core](CmeError code) {
    core.out.cmeError(code);
    return false;
  };
  if (!port_) return refuse(CmeError::InternalResourceUnavailable);
  if (!core.link.connected()) return refuse(CmeError::PhysicalLayerNotActive);
  dropFinished();
  // "Except when the TCP/IP stack software is already in a process using TCP resources": one
  // service at a time, but for the two TCP sockets of chapter 5, which may run together.
  const bool socketsRun = sockets_[0] || sockets_[1];
  if (exclusive_ || (socket == 0 && socketsRun) || (socket != 0 && sockets_[socket - 1])) {
    return refuse(CmeError::InternalResourceUnavailable);
  }
  return true;
}

Service& Services::start(std::unique_ptr<Service> service, int socket) {
  std::unique_ptr<Service>& slot = socket == 0 ? exclusive_ : sockets_[socket - 1];
  slot = std::move(service);
  return *slot;
}

Service* Services::socket(int socket) const { return sockets_[socket - 1].get(); }

std::vector<Service*> Services::running() const {
  std::vector<Service*> services;
  for (const std::unique_ptr<Service>* slot : {&exclusive_, &sockets_[0], &sockets_[1]}) {
    if (*slot && !(*slot)->finished()) services.push_back(slot->get());
  }
  return services;
}

void Services::onEvent(ModuleCore& core, const NetworkEvent& event) {
  const ActivityId id = activityOf(event);
  for (Service* service : running()) {
    if (service->owns(id)) {
      service->onEvent(core, event);
      break;
    }
  }
  dropFinished();
}

void Services::onTimer(ModuleCore& core, TimerId id) {
  for (Service* service : running()) service->onTimer(core, id);
  dropFinished();
}

void Services::onLinkLost(ModuleCore& core) {
  for (Service* service : running()) service->onLinkLost(core);
  dropFinished();
}

std::size_t Services::hostData(ModuleCore& core, ByteView bytes) {
  Service& holder = *holder_;
  const std::size_t used = holder.onHostData(core, bytes);
  dropFinished();
  return used;
}

void Services::releaseLine(ModuleCore& core) {
  holder_ = nullptr;
  core.lineMayBeFree();
}

void Services::waitForLine(ModuleCore& core, Service& service) {
  if (core.lineIdle()) {
    service.onLineFree(core);
    return;
  }
  waiting_.push_back(&service);
}

void Services::lineFree(ModuleCore& core) {
  dropFinished();
  if (waiting_.empty() || !core.lineIdle()) return;
  Service& next = *waiting_.front();
  waiting_.pop_front();
  next.onLineFree(core);
}

bool Services::abortListening(ModuleCore& core) {
  bool aborted = false;
  for (const std::unique_ptr<Service>& socket : sockets_) {
    if (socket && !socket->finished() && socket->abortListening(core)) aborted = true;
  }
  dropFinished();
  return aborted;
}

bool Services::reads(catalogue::Param param, int socket) const {
  return std::ranges::any_of(running(),
                             [&](const Service* service) { return service->reads(param, socket); });
}

// A finished service leaves its slot at once (another may start there) and is freed later, by
// collect().
void Services::dropFinished() {
  for (std::unique_ptr<Service>* slot : {&exclusive_, &sockets_[0], &sockets_[1]}) {
    if (!*slot || !(*slot)->finished()) continue;
    if (holder_ == slot->get()) holder_ = nullptr;
    std::erase(waiting_, slot->get());
    retired_.push_back(std::move(*slot));
  }
}

void Services::reset() {
  holder_ = nullptr;
  waiting_.clear();
  for (std::unique_ptr<Service>* slot : {&exclusive_, &sockets_[0], &sockets_[1]}) {
    // The activities of a service that vanishes are closed with it.
    if (*slot && port_) (*slot)->abandon(*port_);
    if (*slot) retired_.push_back(std::move(*slot));
  }
}

}  // namespace atsharp::reference
