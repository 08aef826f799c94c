#include "smtp_errors.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace atsharp::reference {

using catalogue::CmeError;

namespace {

// Addresses compare without their angle brackets and surrounding blanks, ignoring case (the
// server's refusal is about the mailbox, however the module spelt it).
std::string normalized(std::string_view address) {
  while (!address.empty() && (address.front() == ' ' || address.front() == '<')) {
    address.remove_prefix(1);
  }
  while (!address.empty() && (address.back() == ' ' || address.back() == '>')) {
    address.remove_suffix(1);
  }
  std::string result(address);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool listed(const std::vector<std::string>& addresses, const std::string& address) {
  return std::any_of(addresses.begin(), addresses.end(), [&](const std::string& candidate) {
    return normalized(candidate) == address;
  });
}

// AUTH LOGIN sends the user name, then the password, each answering a challenge: a refusal
// before the second answer is the user name's.
CmeError authFailure(const TransferConversation& conversation) {
  if (replyCode(conversation.reply()) < 400) return CmeError::OpenSessionFailed;  // lost
  const bool passwordSent =
      conversation.mechanism() != "LOGIN" || conversation.saslSteps() >= 2;
  return passwordSent ? CmeError::PasswordRejected : CmeError::UsernameRejected;
}

}  // namespace

CmeError smtpFailure(const TransferConversation& conversation, CURLcode result,
                     const std::vector<std::string>& recipients,
                     const std::vector<std::string>& copies) {
  if (replyCode(conversation.greeting()) / 100 != 2) return CmeError::OpenSessionFailed;
  const std::string& command = conversation.command();
  if (command == "EHLO" || command == "HELO") {
    // libcurl gives up before AUTH when the server offers no mechanism it may use (AUTH LOGIN):
    // the user name cannot be given.
    return result == CURLE_LOGIN_DENIED ? CmeError::UsernameRejected
                                        : CmeError::OpenSessionFailed;
  }
  if (command == "AUTH") return authFailure(conversation);
  if (command == "MAIL") return CmeError::SenderRejected;
  if (command == "RCPT") {
    const std::string address = normalized(conversation.recipient());
    if (!listed(recipients, address) && listed(copies, address)) {
      return CmeError::CcRecipientRejected;
    }
    return CmeError::RecipientRejected;
  }
  // DATA refused, the message refused after its data, or the connection lost in between.
  return CmeError::BodyRejected;
}

bool smtpWaitsForMessage(const TransferConversation& conversation) {
  return conversation.command() == "DATA" && replyCode(conversation.reply()) == 354;
}

}  // namespace atsharp::reference
