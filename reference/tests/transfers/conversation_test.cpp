// The parts of TransferNetwork that need no server: the conversation read from libcurl's debug
// callback, the error mapping of each protocol (docs/reference-module.md, "Network services"),
// the URLs, and the upload queue.

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "runtime/network/ftp_errors.hpp"
#include "runtime/network/pop3_errors.hpp"
#include "runtime/network/smtp_errors.hpp"
#include "runtime/network/transfer_conversation.hpp"
#include "runtime/network/transfer_upload.hpp"
#include "runtime/network/transfer_url.hpp"
#include "transfer_checks.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

// A conversation from lines: "> " the client's, "< " the server's.
TransferConversation talk(std::initializer_list<std::string> lines) {
  TransferConversation conversation;
  for (const std::string& line : lines) {
    const std::string text = line.substr(2) + "\r\n";
    if (line.starts_with("> ")) conversation.sent(text);
    if (line.starts_with("< ")) conversation.received(text);
  }
  return conversation;
}

const std::initializer_list<std::string> kFtpLogin = {
    "< 220 ready", "> USER u", "< 331 password", "> PASS p", "< 230 in", "> PWD", "< 257 \"/\""};

TransferConversation ftpAfterLogin(std::initializer_list<std::string> more) {
  TransferConversation conversation = talk(kFtpLogin);
  for (const std::string& line : more) {
    const std::string text = line.substr(2) + "\r\n";
    if (line.starts_with("> ")) conversation.sent(text);
    if (line.starts_with("< ")) conversation.received(text);
  }
  return conversation;
}

TEST_CASE("conversation keeps verbs and replies and never a credential") {
  TransferConversation conversation =
      talk({"< 220 hello", "> USER someone", "< 331 go on", "> PASS secret-word"});
  CHECK(conversation.greeting() == "220 hello");
  CHECK(conversation.command() == "PASS");
  CHECK(conversation.reply().empty());
  conversation.received("530 Login incorrect.\r\n");
  CHECK(conversation.reply() == "530 Login incorrect.");
  for (const std::string* kept : {&conversation.greeting(), &conversation.command(),
                                  &conversation.recipient(), &conversation.reply()}) {
    CHECK(kept->find("secret") == std::string::npos);
    CHECK(kept->find("someone") == std::string::npos);
  }
}

TEST_CASE("conversation counts SASL answers without keeping them and sets QUIT apart") {
  TransferConversation conversation =
      talk({"< 220 hi", "> EHLO d", "< 250 ok", "> AUTH LOGIN", "< 334 VXNlcm5hbWU6",
            "> c29tZW9uZQ==", "< 334 UGFzc3dvcmQ6", "> c2VjcmV0", "< 535 no"});
  CHECK(conversation.command() == "AUTH");
  CHECK(conversation.mechanism() == "LOGIN");
  CHECK(conversation.saslSteps() == 2);
  CHECK(conversation.reply() == "535 no");
  conversation.sent("QUIT\r\n");
  conversation.received("221 bye\r\n");
  CHECK(conversation.command() == "AUTH");
  CHECK(conversation.reply() == "535 no");
  CHECK(conversation.quitReply() == "221 bye");
}

TEST_CASE("conversation joins lines that come in pieces and cuts endless ones") {
  TransferConversation conversation;
  conversation.received("22");
  conversation.received("0 split greeting\r");
  CHECK(conversation.greeting().empty());
  conversation.received("\n");
  CHECK(conversation.greeting() == "220 split greeting");
  conversation.sent("RCPT TO:<Someone@Example.test> NOTIFY=NEVER\r\n");
  CHECK(conversation.recipient() == "Someone@Example.test");
  conversation.received(std::string(100000, 'x') + "\n");
  CHECK(conversation.reply().size() <= 1024);
}

TEST_CASE("FTP error mapping") {
  const auto get = [](const TransferConversation& c) {
    return code(ftpFailure(FtpDirection::Get, c));
  };
  const auto put = [](const TransferConversation& c) {
    return code(ftpFailure(FtpDirection::Put, c));
  };
  CHECK(get(talk({})) == code(CmeError::OpenSessionFailed));
  CHECK(get(talk({"< 421 too many users"})) == code(CmeError::OpenSessionFailed));
  CHECK(get(talk({"< 220 hi", "> USER u", "< 530 not you"})) == code(CmeError::UsernameRejected));
  CHECK(put(talk({"< 220 hi", "> USER u", "< 331 pw", "> PASS p", "< 530 no"})) ==
        code(CmeError::PasswordRejected));
  CHECK(get(talk({"< 220 hi", "> USER u", "< 331 pw", "> PASS p"})) ==
        code(CmeError::OpenSessionFailed));  // lost, not refused
  CHECK(get(ftpAfterLogin({"> CWD x", "< 550 no", "> QUIT", "< 221 bye"})) ==
        code(CmeError::ChangeDirectoryFailed));
  CHECK(put(ftpAfterLogin({"> CWD x", "< 550 no"})) == code(CmeError::ChangeDirectoryFailed));
  CHECK(get(ftpAfterLogin({"> RETR f", "< 550 no such file"})) ==
        code(CmeError::DataRetrieveFailed));
  CHECK(get(ftpAfterLogin({"> RETR f", "< 150 here"})) == code(CmeError::DataRetrieveFailed));
  CHECK(get(ftpAfterLogin({"> EPSV", "< 500 no"})) == code(CmeError::DataRetrieveFailed));
  CHECK(put(ftpAfterLogin({"> STOR f", "< 553 cannot create"})) ==
        code(CmeError::FileDeletionFailed));
  CHECK(put(ftpAfterLogin({"> STOR f", "< 150 go"})) == code(CmeError::DataSendFailed));
  CHECK(put(ftpAfterLogin({"> TYPE I", "< 500 no"})) == code(CmeError::DataSendFailed));
  CHECK(ftpTransferOpened(ftpAfterLogin({"> RETR f", "< 150 here"})));
  CHECK(ftpTransferOpened(ftpAfterLogin({"> STOR f", "< 125 already open"})));
  CHECK_FALSE(ftpTransferOpened(ftpAfterLogin({"> RETR f", "< 550 no"})));
}

TEST_CASE("SMTP error mapping") {
  const std::vector<std::string> to{"to@example.test"};
  const std::vector<std::string> cc{"cc@example.test"};
  const auto map = [&](const TransferConversation& c, CURLcode result = CURLE_SEND_ERROR) {
    return code(smtpFailure(c, result, to, cc));
  };
  CHECK(map(talk({})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< 554 go away"})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< 220 hi", "> EHLO d", "< 550 no"})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< 220 hi", "> EHLO d", "< 250 ok"}), CURLE_LOGIN_DENIED) ==
        code(CmeError::UsernameRejected));
  CHECK(map(talk({"< 220 hi", "> EHLO d", "< 250 ok", "> AUTH LOGIN", "< 504 no"})) ==
        code(CmeError::UsernameRejected));
  CHECK(map(talk({"< 220 hi", "> AUTH LOGIN", "< 334 VXNlcm5hbWU6", "> dQ==", "< 535 no"})) ==
        code(CmeError::UsernameRejected));
  CHECK(map(talk({"< 220 hi", "> AUTH LOGIN", "< 334 VXNlcm5hbWU6", "> dQ==",
                  "< 334 UGFzc3dvcmQ6", "> cA==", "< 535 no"})) ==
        code(CmeError::PasswordRejected));
  CHECK(map(talk({"< 220 hi", "> MAIL FROM:<a@b>", "< 550 no"})) ==
        code(CmeError::SenderRejected));
  CHECK(map(talk({"< 220 hi", "> RCPT TO:<TO@example.test>", "< 550 no"})) ==
        code(CmeError::RecipientRejected));
  CHECK(map(talk({"< 220 hi", "> RCPT TO:<cc@example.test>", "< 550 no"})) ==
        code(CmeError::CcRecipientRejected));
  CHECK(map(talk({"< 220 hi", "> RCPT TO:<other@example.test>", "< 550 no"})) ==
        code(CmeError::RecipientRejected));
  CHECK(map(talk({"< 220 hi", "> DATA", "< 554 no"})) == code(CmeError::BodyRejected));
  CHECK(map(talk({"< 220 hi", "> DATA", "< 354 go", "< 554 refused"})) ==
        code(CmeError::BodyRejected));
  CHECK(smtpWaitsForMessage(talk({"< 220 hi", "> DATA", "< 354 go"})));
  CHECK_FALSE(smtpWaitsForMessage(talk({"< 220 hi", "> RCPT TO:<a@b>", "< 354 odd"})));
}

TEST_CASE("POP3 error mapping") {
  const auto map = [](const TransferConversation& c, Pop3Message message = {}) {
    return code(pop3Failure(c, message));
  };
  CHECK(map(talk({})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< -ERR busy"})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< +OK hi", "> CAPA"})) == code(CmeError::OpenSessionFailed));
  CHECK(map(talk({"< +OK hi", "> USER u", "< -ERR who"})) == code(CmeError::UsernameRejected));
  CHECK(map(talk({"< +OK hi", "> USER u", "< +OK", "> PASS p", "< -ERR no"})) ==
        code(CmeError::PasswordRejected));
  CHECK(map(talk({"< +OK hi", "> AUTH PLAIN", "< + ", "> AHUAcA==", "< -ERR no"})) ==
        code(CmeError::PasswordRejected));
  CHECK(map(talk({"< +OK hi", "> AUTH LOGIN", "< + VXNlcm5hbWU6", "> dQ==", "< -ERR no"})) ==
        code(CmeError::UsernameRejected));
  CHECK(map(talk({"< +OK hi", "> LIST", "< -ERR no"})) == code(CmeError::EmailRetrieveFailed));
  CHECK(map(talk({"< +OK hi", "> RETR 1", "< -ERR gone"})) ==
        code(CmeError::EmailRetrieveFailed));
  CHECK(map(talk({"< +OK hi", "> RETR 1", "< +OK 100 octets"})) ==
        code(CmeError::EmailHeaderReceiveFailed));
  CHECK(map(talk({"< +OK hi", "> RETR 1", "< +OK 100 octets"}), {.headerComplete = true}) ==
        code(CmeError::EmailRetrieveFailed));
  CHECK(map(talk({"< +OK hi", "> RETR 1", "< +OK 100 octets"}), {.tooLarge = true}) ==
        code(CmeError::EmailRetrieveFailed));
  CHECK(map(talk({"< +OK hi", "> DELE 1", "< -ERR no"})) == code(CmeError::EmailRetrieveFailed));
}

TEST_CASE("URLs encode every part the module gives") {
  const Endpoint server{"10.0.0.1", 2121};
  CHECK(percentEncoded("a b/c?d#e@f;g%h~i.j-k_l") == "a%20b%2Fc%3Fd%23e%40f%3Bg%25h~i.j-k_l");
  CHECK(ftpUrl(server, "", "file.txt") == "ftp://10.0.0.1:2121/file.txt");
  CHECK(ftpUrl(server, ".", "f") == "ftp://10.0.0.1:2121/f");
  CHECK(ftpUrl(server, "list", "f") == "ftp://10.0.0.1:2121/list/f");
  CHECK(ftpUrl(server, "/list", "f") == "ftp://10.0.0.1:2121/%2Flist/f");
  CHECK(ftpUrl(server, "/", "f") == "ftp://10.0.0.1:2121/%2Ff");
  CHECK(ftpUrl(server, "a//b/./c/", "x y") == "ftp://10.0.0.1:2121/a/b/c/x%20y");
  CHECK(ftpUrl(server, "../up", "f") == "ftp://10.0.0.1:2121/../up/f");
  CHECK(ftpUrl(server, "dir", "sub/f") == "ftp://10.0.0.1:2121/dir/sub/f");
  CHECK(smtpUrl(server, "module.example") == "smtp://10.0.0.1:2121/module.example");
  CHECK(pop3Url(server) == "pop3://10.0.0.1:2121/");
  CHECK(pop3Url(server, "1") == "pop3://10.0.0.1:2121/1");
}

TEST_CASE("upload queue gives the prefix then the streamed data and counts it until read") {
  TransferUpload upload;
  upload.setPrefix("HEAD");
  upload.push(toBytes("abc"));
  upload.push(toBytes("defgh"));
  CHECK(upload.queued() == 8);
  char buffer[6];
  TransferUpload::Read read = upload.read(buffer, sizeof buffer);
  CHECK(read.bytes == 6);
  CHECK(read.streamed == 2);
  CHECK(std::string(buffer, 6) == "HEADab");
  CHECK(upload.queued() == 6);
  read = upload.read(buffer, sizeof buffer);
  CHECK(std::string(buffer, read.bytes) == "cdefgh");
  CHECK_FALSE(upload.complete());
  CHECK(upload.read(buffer, sizeof buffer).bytes == 0);
  upload.finish();
  CHECK(upload.complete());
  upload.push(toBytes("late"));  // after the end: not upload data
  CHECK(upload.complete());
  CHECK(upload.queued() == 0);
}

}  // namespace
}  // namespace atsharp::test
