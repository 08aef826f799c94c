#pragma once
// Which of the spec's codes (9.2) a mail that could not be sent ends with, read from where
// its SMTP conversation stopped (docs/reference-module.md, "Network services", has the table).

#include <curl/curl.h>

#include <string>
#include <vector>

#include "atsharp/catalogue/errors.hpp"
#include "transfer_conversation.hpp"

namespace atsharp::reference {

/// The code of a failed mail whose conversation was @p conversation and libcurl's result
/// @p result; @p recipients and @p copies tell a refused To (38029) from a refused Cc (38030).
catalogue::CmeError smtpFailure(const TransferConversation& conversation, CURLcode result,
                                const std::vector<std::string>& recipients,
                                const std::vector<std::string>& copies);

/// Whether the server just accepted DATA (354): it waits for the message.
bool smtpWaitsForMessage(const TransferConversation& conversation);

}  // namespace atsharp::reference
