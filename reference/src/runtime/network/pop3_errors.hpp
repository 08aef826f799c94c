#pragma once
// Which of the spec's codes (9.2) a POP3 retrieval that failed ends with, read from where its
// conversation stopped (docs/reference-module.md, "Network services", has the table).

#include "atsharp/catalogue/errors.hpp"
#include "transfer_conversation.hpp"

namespace atsharp::reference {

/// How far the message itself came.
struct Pop3Message {
  bool headerComplete = false;  ///< its empty line (the end of the header) arrived
  bool tooLarge = false;        ///< it outgrew TransferLimits::maxMessage
};

/// The code of a failed retrieval whose conversation was @p conversation.
catalogue::CmeError pop3Failure(const TransferConversation& conversation,
                                const Pop3Message& message);

}  // namespace atsharp::reference
