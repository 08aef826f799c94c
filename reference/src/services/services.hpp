#pragma once
// The module's IP services (chapters 3 to 7) and the rules they share: an IP link first (35867),
// one service at a time except the two TCP sockets (36872), one of them at most holding the
// serial line in data mode, and their parameters fixed while they run (37123).

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atsharp/reference/network.hpp"
#include "service.hpp"

namespace atsharp::reference {

class Services {
 public:
  /// The port the services use; none: the module has no network (every service answers 36872).
  void attach(NetworkPort* port) noexcept { port_ = port; }
  NetworkPort* port() const noexcept { return port_; }

  /// A new activity id.
  ActivityId newActivity() noexcept { return nextActivity_++; }

  /// Refuses a service the rules do not allow now (answering the error) and returns false.
  /// @p socket: the TCP socket the service is (1 or 2), or 0 for every other service.
  bool mayStart(ModuleCore& core, int socket);

  /// Starts @p service: it is the one service, or TCP socket @p socket (1 or 2).
  Service& start(std::unique_ptr<Service> service, int socket = 0);

  /// The TCP socket @p socket's service, if it runs.
  Service* socket(int socket) const;
  /// The one service that is not a TCP socket, if it runs.
  Service* exclusive() const noexcept { return exclusive_.get(); }

  /// Routes a network event to the service it belongs to; events of services that are gone
  /// are dropped.
  void onEvent(ModuleCore& core, const NetworkEvent& event);
  void onTimer(ModuleCore& core, TimerId id);
  /// The IP link went down: every service ends.
  void onLinkLost(ModuleCore& core);

  /// Data mode: the service that holds the line takes the host's bytes.
  bool holdsLine() const noexcept { return holder_ != nullptr; }
  std::size_t hostData(ModuleCore& core, ByteView bytes);
  /// @p service takes the line (after its Ok_Info_WaitingForData or Ok_Info_DataBegin).
  void takeLine(Service& service) noexcept { holder_ = &service; }
  /// The service that held the line gave it back.
  void releaseLine(ModuleCore& core);
  /// @p service wants the line as soon as no command runs (a peer arrived meanwhile).
  void waitForLine(ModuleCore& core, Service& service);
  /// The line became free: a service waiting for it gets it.
  void lineFree(ModuleCore& core);

  /// An ETX typed in command mode aborts TCP listening that has no peer yet (5.2.1); true
  /// when it did.
  bool abortListening(ModuleCore& core);

  /// True while a running service reads @p param (of socket @p socket).
  bool reads(catalogue::Param param, int socket) const;

  /// Everything ends without a word (AT+CFUN=1).
  void reset();

  /// Frees the services that finished. Only at the top of a call into the module: a service
  /// finishes inside its own calls, with its frames still on the stack.
  void collect() noexcept { retired_.clear(); }

 private:
  void dropFinished();
  std::vector<Service*> running() const;

  NetworkPort* port_ = nullptr;
  ActivityId nextActivity_ = 1;
  std::unique_ptr<Service> exclusive_;
  std::array<std::unique_ptr<Service>, 2> sockets_;
  Service* holder_ = nullptr;
  std::deque<Service*> waiting_;
  std::vector<std::unique_ptr<Service>> retired_;  // finished, freed by collect()
};

}  // namespace atsharp::reference
