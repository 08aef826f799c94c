#pragma once
// An e-mail sent with libcurl over SMTP (3.3 SENDMAILi, 3.4 PUTMAIL): EHLO with DOMAIN, AUTH
// LOGIN when the module has a login, MAIL FROM, RCPT TO the recipients then the copies, DATA,
// the module's header then the body. libcurl dot-stuffs the message on the wire and ends it
// (CR LF . CR LF). A body given in the request is sent whole; otherwise Ready comes when the
// server waits for the message (354) and the body follows through send() and finish().
// Closed once the server took the message (250 after its end); else Failed with the code
// smtpFailure() reads from the conversation.

#include "atsharp/reference/network.hpp"
#include "curl_easy.hpp"
#include "transfer_job.hpp"

namespace atsharp::reference {

class SmtpJob : public TransferJob {
 public:
  SmtpJob(ActivityId id, Sink sink, const TransferLimits& limits, MailRequest request);

  Next finished(CURLcode result) override;

 protected:
  bool configure() override;
  void replied() override;

 private:
  MailRequest request_;
  CurlStringList rcpt_;  ///< libcurl keeps a pointer: it lives as long as the transfer
};

}  // namespace atsharp::reference
