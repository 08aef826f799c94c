#pragma once
// What the services share: their open activities, the name lookup that starts most of them,
// and how a service ends, which depends on where the host stands: still waiting for the
// command's answer, in data mode with the service, or back in command mode.

#include <string>
#include <vector>

#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/results.hpp"
#include "service.hpp"

namespace atsharp::reference {

enum class Outcome;

class ServiceBase : public Service {
 public:
  bool owns(ActivityId id) const override;
  void abandon(NetworkPort& port) override;
  void onEvent(ModuleCore& core, const NetworkEvent& event) override;
  void onLinkLost(ModuleCore& core) override;

 protected:
  /// Where the host stands.
  enum class Phase {
    Command,     ///< the command waits for its answer: what the service writes is that answer
    Line,        ///< the service holds the line (data mode, a mail body)
    Background,  ///< the command was answered; the service runs on its own
  };

  /// @p dataCoded: the service's data mode ends with an ETX (TCP, UDP, FTP), so that a failure
  /// in data mode is preceded by one (4.2.2, 5.2.2, 6.2.2).
  explicit ServiceBase(bool dataCoded) : dataCoded_(dataCoded) {}

  /// Finds @p host's address, then calls reached(). Busy, or Answered with 38027 when there is
  /// no DNS server.
  Outcome lookUpAndReach(ModuleCore& core, const std::string& host);
  /// The server's address is known: open what the service opens.
  virtual void reached(ModuleCore& core, const std::string& address) = 0;
  /// An event of the service's own activities (all but the name lookup's).
  virtual void onActivity(ModuleCore& core, const NetworkEvent& event) = 0;

  /// A new activity of this service.
  ActivityId newActivity(ModuleCore& core);
  /// The activity's final event came: it is no longer open.
  void ended(ActivityId id);
  /// Closes every open activity.
  void closeAll(ModuleCore& core);

  /// Writes the command's final message and ends the service.
  void succeed(ModuleCore& core, catalogue::Result final);
  /// Ends the service with @p code, as the host's position requires.
  void fail(ModuleCore& core, catalogue::CmeError code);
  /// The command's answer is given and the service holds the line (after its
  /// Ok_Info_WaitingForData): the host's bytes come to onHostData.
  void holdLine(ModuleCore& core);
  /// The host ended its data and now waits for the final message: its input waits.
  void awaitFinal(ModuleCore& core);
  /// The command is answered; the service goes on in the background.
  void runInBackground(ModuleCore& core);

  Phase phase() const noexcept { return phase_; }

 private:
  void endPhase(ModuleCore& core);

  bool dataCoded_;
  Phase phase_ = Phase::Command;
  std::vector<ActivityId> open_;
  std::optional<ActivityId> query_;
};

/// Writes the unescaped ETX that ends the module's side of data mode.
void writeEtx(ModuleCore& core);

/// True when the spec's command @p command reads @p param (its "List of parameters"), or looks
/// names up with the DNS servers it reads.
bool commandReads(std::string_view command, catalogue::Param param);

}  // namespace atsharp::reference
