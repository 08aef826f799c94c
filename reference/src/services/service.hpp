#pragma once
// One running IP service of the module (a TCP socket, a UDP session, an FTP transfer, a mail,
// a ping run): what the service manager needs from each.

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/reference/network.hpp"
#include "../interpreter/timers.hpp"

namespace atsharp::reference {

class ModuleCore;

class Service {
 public:
  virtual ~Service() = default;

  /// An event of one of this service's activities.
  virtual void onEvent(ModuleCore& core, const NetworkEvent& event) = 0;

  /// Bytes from the host while this service holds the line in data mode (or body entry).
  /// Returns how many it took: all of them, or up to and including the byte that ended it.
  virtual std::size_t onHostData(ModuleCore&, ByteView bytes) { return bytes.size(); }

  /// The line is free and this service asked for it (a peer arrived while a command ran).
  virtual void onLineFree(ModuleCore&) {}

  /// One of the service's timers is due.
  virtual void onTimer(ModuleCore&, TimerId) {}

  /// An ETX typed in command mode: a TCP socket that listens without a peer yet stops (5.2.1).
  /// True when it did.
  virtual bool abortListening(ModuleCore&) { return false; }

  /// The IP link went down: the service ends now, saying so to the host.
  virtual void onLinkLost(ModuleCore& core) = 0;

  /// True while the service reads @p param (of socket @p socket): it cannot change (37123).
  virtual bool reads(catalogue::Param param, int socket) const = 0;

  /// True when @p id is one of this service's activities.
  virtual bool owns(ActivityId id) const = 0;

  /// Closes the service's open activities without a word (the module restarts).
  virtual void abandon(NetworkPort& port) = 0;

  /// The service is over and may be dropped.
  bool finished() const noexcept { return finished_; }

 protected:
  void finish() noexcept { finished_ = true; }

 private:
  bool finished_ = false;
};

}  // namespace atsharp::reference
