#pragma once
// The module's timers: each activity arms its own, by name; the runtime learns the earliest
// deadline and calls back when it is due. Times are module time (the runtime scales them).

#include <array>
#include <cstddef>
#include <optional>

#include "atsharp/reference/module_time.hpp"

namespace atsharp::reference {

enum class TimerId : std::size_t {
  Registration,  ///< the network registers the module after the SIM became ready
  Attach,        ///< the GPRS attachment completes (AT+CGATT=1)
  LinkStep,      ///< the next step of a connection: dial, PPP, activation, disconnection
  RedialWait,    ///< REDIALDELAY between two call attempts
  Ring,          ///< the next RING of an incoming call
  Callback,      ///< CALLBACKTIMER after the ringing ended (ANSWERMODE 2 and 3)
  Inactivity,    ///< PHYTIMEOUT without activity on a connection
  TcpTxDelay1,   ///< TCPTXDELAY of socket 1: the waiting bytes leave
  TcpTxDelay2,   ///< TCPTXDELAY of socket 2
  UdpTxDelay,    ///< UDPTXDELAY
  MailInactivity,  ///< 50 s without the host's body during AT#PUTMAIL (3.4.2)
  PingNext,      ///< PINGDELAY: the next echo request of AT#PING
  Count,
};

class Timers {
 public:
  void arm(TimerId id, ModuleTime due) { due_[index(id)] = due; }
  void cancel(TimerId id) { due_[index(id)].reset(); }
  bool armed(TimerId id) const { return due_[index(id)].has_value(); }

  std::optional<ModuleTime> earliest() const {
    std::optional<ModuleTime> first;
    for (const auto& due : due_) {
      if (due && (!first || *due < *first)) first = due;
    }
    return first;
  }

  /// The earliest timer due at @p now, disarmed; nothing when none is due.
  std::optional<TimerId> popDue(ModuleTime now) {
    std::optional<TimerId> first;
    for (std::size_t i = 0; i < due_.size(); ++i) {
      if (due_[i] && *due_[i] <= now && (!first || *due_[i] < *due_[index(*first)])) {
        first = static_cast<TimerId>(i);
      }
    }
    if (first) cancel(*first);
    return first;
  }

  void cancelAll() { due_ = {}; }

 private:
  static constexpr std::size_t index(TimerId id) { return static_cast<std::size_t>(id); }
  std::array<std::optional<ModuleTime>, static_cast<std::size_t>(TimerId::Count)> due_{};
};

}  // namespace atsharp::reference
