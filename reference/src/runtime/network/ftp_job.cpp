#include "ftp_job.hpp"

#include <utility>

#include "transfer_url.hpp"

namespace atsharp::reference {

FtpJob::FtpJob(ActivityId id, Sink sink, const TransferLimits& limits, FtpRequest request,
               FtpDirection direction)
    : TransferJob(id, std::move(sink), limits),
      request_(std::move(request)),
      direction_(direction) {}

bool FtpJob::configure() {
  if (request_.file.empty()) {
    // ftp://host/dir/ would list the directory: the module always names a file.
    reportFailure(ftpFailure(direction_, conversation()));
    return false;
  }
  setShared(ftpUrl(request_.server, request_.path, request_.file), "ftp",
            request_.localAddress);
  setLogin();
  setTransferMode();
  if (direction_ == FtpDirection::Put) {
    curl().set(CURLOPT_UPLOAD, 1L);
    announceReadyOnUpload();
  }
  return true;
}

// No user: libcurl logs in as "anonymous", as FTP clients do.
void FtpJob::setLogin() {
  if (request_.user.empty()) return;
  curl().set(CURLOPT_USERNAME, request_.user);
  curl().set(CURLOPT_PASSWORD, request_.password);
}

void FtpJob::setTransferMode() {
  CurlEasy& easy = curl();
  easy.set(CURLOPT_FTP_FILEMETHOD, static_cast<long>(CURLFTPMETHOD_SINGLECWD));
  // The path goes to the server as the module gave it ("..", too).
  easy.set(CURLOPT_PATH_AS_IS, 1L);
  // Passive mode (EPSV, then PASV when refused), the data connection to the control
  // connection's address whatever PASV says.
  easy.set(CURLOPT_FTP_SKIP_PASV_IP, 1L);
  // No SIZE, and no trust in the size of the 150 reply: the data connection's end, then 226,
  // end the file (a TYPE A file's size on the wire differs from the one on disk).
  easy.set(CURLOPT_IGNORE_CONTENT_LENGTH, 1L);
  // TYPE A goes after libcurl's TYPE I (CURLOPT_PREQUOTE, sent right before RETR or STOR):
  // with CURLOPT_TRANSFERTEXT libcurl would convert line ends for the local platform (CR LF
  // to LF down, LF to CR LF up, even after a CR). The module passes the data connection's
  // bytes through untouched: network ASCII, CR LF, is what the host gets and gives.
  if (request_.ascii) {
    prequote_.append("TYPE A");
    easy.set(CURLOPT_PREQUOTE, prequote_.get());
  }
  // The module's FTP session ends with its transfer (4.2.1): no connection is kept.
  easy.set(CURLOPT_FORBID_REUSE, 1L);
}

void FtpJob::replied() {
  if (ftpTransferOpened(conversation())) announceReady();
}

TransferJob::Next FtpJob::finished(CURLcode result) {
  if (result == CURLE_OK) {
    // libcurl returns OK only after the server's 226 (or 250).
    announceReady();  // an empty file: 150 then 226 still make Ready then Closed
    report(Closed{id()});
  } else {
    reportFailure(ftpFailure(direction_, conversation()));
  }
  return Next::Over;
}

}  // namespace atsharp::reference
