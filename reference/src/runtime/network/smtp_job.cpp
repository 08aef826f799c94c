#include "smtp_job.hpp"

#include <utility>

#include "smtp_errors.hpp"
#include "transfer_url.hpp"

namespace atsharp::reference {

SmtpJob::SmtpJob(ActivityId id, Sink sink, const TransferLimits& limits, MailRequest request)
    : TransferJob(id, std::move(sink), limits), request_(std::move(request)) {}

bool SmtpJob::configure() {
  setShared(smtpUrl(request_.server, request_.domain), "smtp", request_.localAddress);
  CurlEasy& easy = curl();
  easy.set(CURLOPT_MAIL_FROM, request_.sender);
  for (const std::string& address : request_.recipients) rcpt_.append(address);
  for (const std::string& address : request_.copies) rcpt_.append(address);
  easy.set(CURLOPT_MAIL_RCPT, rcpt_.get());
  if (request_.login) {
    easy.set(CURLOPT_USERNAME, request_.login->first);
    easy.set(CURLOPT_PASSWORD, request_.login->second);
    easy.set(CURLOPT_LOGIN_OPTIONS, "AUTH=LOGIN");  // 3.1.14: AUTH LOGIN, no other mechanism
  }
  easy.set(CURLOPT_UPLOAD, 1L);
  easy.set(CURLOPT_FORBID_REUSE, 1L);
  if (request_.body) {
    upload().setPrefix(request_.header + *request_.body);
    upload().finish();
  } else {
    upload().setPrefix(request_.header);
    announceReadyOnUpload();
  }
  return true;
}

void SmtpJob::replied() {
  if (!request_.body && smtpWaitsForMessage(conversation())) announceReady();
}

TransferJob::Next SmtpJob::finished(CURLcode result) {
  if (result == CURLE_OK) {
    report(Closed{id()});
  } else {
    reportFailure(smtpFailure(conversation(), result, request_.recipients, request_.copies));
  }
  return Next::Over;
}

}  // namespace atsharp::reference
