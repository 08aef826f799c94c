#include "ftp_errors.hpp"

namespace atsharp::reference {

using catalogue::CmeError;

namespace {

// The session opened when the server greeted with 2xx (220); no greeting, a refused one (421)
// or no connection at all is the same for the module: no FTP session.
bool greeted(const TransferConversation& conversation) {
  return replyCode(conversation.greeting()) / 100 == 2;
}

bool refused(const TransferConversation& conversation) {
  return replyCode(conversation.reply()) >= 400;
}

}  // namespace

CmeError ftpFailure(FtpDirection direction, const TransferConversation& conversation) {
  if (!greeted(conversation)) return CmeError::OpenSessionFailed;
  const std::string& command = conversation.command();
  const bool refusal = refused(conversation);
  // vsftpd (like most servers) answers any USER with 331 and refuses after PASS: an unknown
  // user then reads as a wrong password. Only a server refusing USER itself gives 38080.
  if (command == "USER" || command == "PASS") {
    // Lost while logging in, without a refusal: the session never opened.
    if (!refusal) return CmeError::OpenSessionFailed;
    return command == "USER" ? CmeError::UsernameRejected : CmeError::PasswordRejected;
  }
  if (command == "CWD" && refusal) return CmeError::ChangeDirectoryFailed;
  if (direction == FtpDirection::Get) return CmeError::DataRetrieveFailed;
  // 9.2 has no "file upload refused": 38023 ("File deletion attempt failed") is what a module
  // reports when the server will not let it replace or create the file.
  if (command == "STOR" && refusal) return CmeError::FileDeletionFailed;
  return CmeError::DataSendFailed;
}

bool ftpTransferOpened(const TransferConversation& conversation) {
  const std::string& command = conversation.command();
  if (command != "RETR" && command != "STOR") return false;
  const int code = replyCode(conversation.reply());
  return code == 125 || code == 150;
}

}  // namespace atsharp::reference
