#pragma once
// AT#PING (7.2): PINGNUM echo requests to PINGREMOTE, PINGDELAY seconds apart, each waiting at
// most PINGDELAY for its reply, a line each, then OK.

#include "service_base.hpp"

namespace atsharp::reference {

class PingRun : public ServiceBase {
 public:
  explicit PingRun(ModuleCore& core);

  Outcome begin(ModuleCore& core);
  void onTimer(ModuleCore& core, TimerId id) override;
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;
  void sendRequest(ModuleCore& core);

  std::string remote_;   // PINGREMOTE as the host wrote it: the lines name it so
  std::string address_;
  int count_;
  ModuleTime delay_;
  int sent_ = 0;
  ModuleTime nextAt_{0};
  ActivityId request_ = 0;
};

}  // namespace atsharp::reference
