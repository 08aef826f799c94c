#pragma once
// Which of the spec's codes (9.2) an FTP transfer that failed ends with, read from where its
// conversation stopped (docs/reference-module.md, "Network services", has the table).

#include "atsharp/catalogue/errors.hpp"
#include "transfer_conversation.hpp"

namespace atsharp::reference {

enum class FtpDirection { Get, Put };

/// The code of a failed FTPGET (Get) or FTPPUT (Put) whose control conversation was
/// @p conversation.
catalogue::CmeError ftpFailure(FtpDirection direction, const TransferConversation& conversation);

/// Whether the server just accepted RETR or STOR (125 or 150): the data flows now.
bool ftpTransferOpened(const TransferConversation& conversation);

}  // namespace atsharp::reference
