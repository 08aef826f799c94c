#pragma once
// An FTP transfer (4.2 FTPGET, 4.3 FTPPUT) with libcurl: passive mode, one CWD to the path,
// then RETR or STOR of the file in TYPE I (TYPE A for FTPTYPE A). Ready once the server
// accepted RETR or STOR (125 or 150), so that the module switches to data mode only when the
// data can flow; Closed once the server confirmed the transfer (226); else Failed with the
// code ftpFailure() reads from the conversation. The connection is not kept: the module's FTP
// session ends with the transfer (4.2.1).

#include "atsharp/reference/network.hpp"
#include "curl_easy.hpp"
#include "ftp_errors.hpp"
#include "transfer_job.hpp"

namespace atsharp::reference {

class FtpJob : public TransferJob {
 public:
  FtpJob(ActivityId id, Sink sink, const TransferLimits& limits, FtpRequest request,
         FtpDirection direction);

  Next finished(CURLcode result) override;

 protected:
  bool configure() override;
  void replied() override;

 private:
  void setLogin();
  void setTransferMode();

  FtpRequest request_;
  FtpDirection direction_;
  CurlStringList prequote_;  ///< libcurl keeps a pointer: it lives as long as the transfer
};

}  // namespace atsharp::reference
