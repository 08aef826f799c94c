#pragma once
// AT#FTPGET (4.2) and AT#FTPPUT (4.3): one file from or to FTPSERV, the host's side coded with
// DLE and ended by ETX.

#include "data_pipe.hpp"
#include "service_base.hpp"

namespace atsharp::reference {

class FtpTransfer : public ServiceBase {
 public:
  enum class Direction { Get, Put };

  FtpTransfer(ModuleCore& core, Direction direction);

  Outcome begin(ModuleCore& core);

  std::size_t onHostData(ModuleCore& core, ByteView bytes) override;
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;
  void ready(ModuleCore& core);
  void completed(ModuleCore& core);

  Direction direction_;
  FtpRequest request_;
  std::string server_;
  ActivityId transfer_ = 0;
  bool started_ = false;  // Ok_Info_DataBegin / Ok_Info_WaitingForData is out
  bool hostDone_ = false; // FTPPUT: the host's ETX came
  DataPipe pipe_{DataCoding::Dle};
};

}  // namespace atsharp::reference
