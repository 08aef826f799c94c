#pragma once
// The control conversation of a transfer (FTP, SMTP, POP3), as libcurl's debug callback shows
// it: the command lines the client sent (CURLINFO_HEADER_OUT) and the reply lines of the
// server (CURLINFO_HEADER_IN). libcurl's error codes do not say which step failed (a 530 after
// USER and after PASS are both CURLE_LOGIN_DENIED; a refused RCPT does not say which address),
// the conversation does: the error mapping reads where it stopped.
//
// Credentials never stay here: of a command only its verb is kept (and RCPT's address), and
// the lines of a SASL exchange are only counted.

#include <cstddef>
#include <string>
#include <string_view>

namespace atsharp::reference {

class TransferConversation {
 public:
  /// Bytes the client sent on the control connection (whole or partial lines).
  void sent(std::string_view bytes);
  /// Bytes the server sent on the control connection (whole or partial lines).
  void received(std::string_view bytes);

  /// The server's first line (its greeting); "" before it came.
  const std::string& greeting() const noexcept { return greeting_; }
  /// The verb of the last command, upper case; "" before any. The lines that answer a SASL
  /// challenge (after AUTH) are no commands: the verb stays AUTH.
  const std::string& command() const noexcept { return command_; }
  /// The address of the last RCPT TO, without its angle brackets ("" for other commands).
  const std::string& recipient() const noexcept { return recipient_; }
  /// The SASL mechanism of the last AUTH, upper case ("LOGIN", "PLAIN"); "" for others.
  const std::string& mechanism() const noexcept { return mechanism_; }
  /// The lines that answered SASL challenges since the last AUTH (1: the user name was sent,
  /// 2: the password too, for AUTH LOGIN).
  std::size_t saslSteps() const noexcept { return saslSteps_; }
  /// The last line of the server since the last command (or SASL line); "" while none came.
  const std::string& reply() const noexcept { return reply_; }
  /// The server's answer to QUIT ("" when QUIT was not sent or not answered). libcurl sends
  /// QUIT when it ends a session, after a failure too: QUIT is kept apart, so that command()
  /// and reply() still say where the session failed.
  const std::string& quitReply() const noexcept { return quitReply_; }

 private:
  void commandLine(std::string_view line);
  void replyLine(std::string_view line);

  std::string outPending_;
  std::string inPending_;
  std::string greeting_;
  std::string command_;
  std::string recipient_;
  std::string mechanism_;
  std::string reply_;
  std::string quitReply_;
  std::size_t saslSteps_ = 0;
  bool answered_ = false;
  bool lastReplyWasChallenge_ = false;
  bool quitting_ = false;
};

/// The three-digit code that starts an FTP or SMTP reply line; 0 when it has none.
int replyCode(std::string_view line) noexcept;

/// Whether a reply line is a SASL challenge (SMTP "334 ...", POP3 "+ ..." or "+").
bool isSaslChallenge(std::string_view line) noexcept;

}  // namespace atsharp::reference
