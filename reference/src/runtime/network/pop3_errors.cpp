#include "pop3_errors.hpp"

namespace atsharp::reference {

using catalogue::CmeError;

namespace {

bool positive(std::string_view reply) { return reply.starts_with("+OK"); }
bool negative(std::string_view reply) { return reply.starts_with("-ERR"); }

// Logging in: USER then PASS, or APOP, or a SASL exchange (libcurl prefers SASL when the server
// offers it; dovecot does, and logs in with AUTH PLAIN, one step for both credentials).
CmeError loginFailure(const TransferConversation& conversation) {
  if (!negative(conversation.reply())) return CmeError::OpenSessionFailed;  // lost, not refused
  const std::string& command = conversation.command();
  if (command == "USER") return CmeError::UsernameRejected;
  if (command == "AUTH" && conversation.mechanism() == "LOGIN" && conversation.saslSteps() < 2) {
    return CmeError::UsernameRejected;
  }
  return CmeError::PasswordRejected;
}

}  // namespace

CmeError pop3Failure(const TransferConversation& conversation, const Pop3Message& message) {
  if (!positive(conversation.greeting())) return CmeError::OpenSessionFailed;
  const std::string& command = conversation.command();
  if (command == "CAPA" || command == "STLS") return CmeError::OpenSessionFailed;
  if (command == "USER" || command == "PASS" || command == "APOP" || command == "AUTH") {
    return loginFailure(conversation);
  }
  // The message was on its way (RETR accepted) and stopped before its header was whole.
  if (command == "RETR" && positive(conversation.reply()) && !message.tooLarge &&
      !message.headerComplete) {
    return CmeError::EmailHeaderReceiveFailed;
  }
  return CmeError::EmailRetrieveFailed;
}

}  // namespace atsharp::reference
