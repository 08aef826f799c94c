// What TransferNetwork promises whatever the protocol: close() ends an activity at once and for
// good, an id may be reused, downloads pause with the host line, upload bytes are counted until
// libcurl takes them, transfers bind to the module's address, and ending it all is clean.

#include <doctest/doctest.h>

#include "daemon_requests.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

const bool kNotRoot = !isRoot();

TEST_CASE("close in the middle of an FTP get: no event of it follows" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "big.bin", asString(allByteValues(8 * 1024 * 1024, 4)));
  TransferRig rig;
  std::size_t eventsAtClose = 0;
  rig.onEvent([&](const NetworkEvent& event) {
    if (std::holds_alternative<Received>(event) && eventsAtClose == 0) {
      rig.network().close(1);  // from inside the delivery, as the module does
      eventsAtClose = rig.eventsOf(1).size();
    }
  });
  rig.network().ftpGet(1, ftpRequest(server, "", "big.bin"));
  REQUIRE(rig.runUntil([&] { return eventsAtClose > 0; }));
  CHECK_FALSE(rig.network().owns(1));
  rig.runFor(std::chrono::milliseconds(500));
  CHECK(rig.eventsOf(1).size() == eventsAtClose);
}

TEST_CASE("close right after the request and in the middle of an FTP put: no event follows" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "", "whatever"));
  rig.network().close(1);
  rig.network().ftpPut(2, ftpRequest(server, "", "partial"));
  rig.onEvent([&](const NetworkEvent& event) {
    if (!std::holds_alternative<Ready>(event)) return;
    rig.network().send(2, allByteValues(100000, 5));
    rig.network().close(2);
  });
  REQUIRE(rig.runUntil([&] { return rig.had<Ready>(2); }));
  rig.runFor(std::chrono::milliseconds(500));
  CHECK(rig.eventsOf(1).empty());
  CHECK(rig.eventsOf(2).size() == 1);
  CHECK(rig.network().queuedToNetwork() == 0);
}

TEST_CASE("a new request under an id still running ends the old one silently" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "old", "old content");
  writeFile(server.root() / "new", "new content");
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "", "old"));
  rig.network().ftpGet(1, ftpRequest(server, "", "new"));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  rig.runFor(std::chrono::milliseconds(300));
  CHECK(asString(rig.receivedOf(1)) == "new content");
  CHECK(rig.eventsOf(1).size() == 3);  // Ready, Received, Closed: of the new one only
}

TEST_CASE("an FTP get paused by the host line waits and then arrives whole" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const Bytes file = allByteValues(1024 * 1024, 6);
  writeFile(server.root() / "file.bin", asString(file));
  TransferRig rig;
  rig.network().pauseReading(true);
  rig.network().ftpGet(1, ftpRequest(server, "", "file.bin"));
  REQUIRE(rig.runUntil([&] { return rig.had<Ready>(1); }));
  rig.runFor(std::chrono::milliseconds(300));
  CHECK(rig.receivedOf(1).empty());
  rig.network().pauseReading(false);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(rig.receivedOf(1) == file);
}

TEST_CASE("an FTP get with one byte in flight at most still arrives byte-exact" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const Bytes file = allByteValues(300000, 7);
  writeFile(server.root() / "file.bin", asString(file));
  TransferLimits limits;
  limits.inFlight = 1;
  limits.chunkSize = 1000;
  TransferRig rig(limits);
  rig.network().ftpGet(1, ftpRequest(server, "", "file.bin"));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(rig.receivedOf(1) == file);
  for (const NetworkEvent& event : rig.eventsOf(1)) {
    if (const auto* received = std::get_if<Received>(&event)) {
      CHECK(received->data.size() <= 1000);
    }
  }
}

TEST_CASE("queuedToNetwork counts what send accepted until libcurl takes it" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.network().ftpPut(1, ftpRequest(server, "", "queued.bin"));
  rig.network().send(1, allByteValues(300000, 8));
  rig.network().send(1, Bytes(1000, 0x2E));
  CHECK(rig.network().queuedToNetwork() == 301000);
  rig.network().send(99, Bytes(10, 0));  // not an activity of this class: ignored
  CHECK(rig.network().queuedToNetwork() == 301000);
  rig.network().finish(1);
  rig.network().send(1, Bytes(10, 0));  // after finish: not upload data
  CHECK(rig.network().queuedToNetwork() == 301000);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(rig.network().queuedToNetwork() == 0);
  CHECK(std::filesystem::file_size(server.root() / "queued.bin") == 301000);
}

TEST_CASE("transfers bind to the module's address: the servers see 127.0.0.2" *
          doctest::skip(kNotRoot)) {
  VsftpdServer ftp;
  writeFile(ftp.root() / "f", "bound");
  SmtpDaemon smtp;
  TransferRig rig;
  FtpRequest get = ftpRequest(ftp, "", "f");
  get.localAddress = "127.0.0.2";
  MailRequest mail;
  mail.localAddress = "127.0.0.2";
  mail.server = referenceEndpoint(smtp.endpoint());
  mail.domain = "module.example.test";
  mail.sender = "module@example.test";
  mail.recipients = {"someone@example.test"};
  mail.header = "Subject: bound\r\n\r\n";
  mail.body = "body\r\n";
  rig.network().ftpGet(1, get);
  rig.network().sendMail(2, mail);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  REQUIRE(is<Closed>(rig.runToEnd(2)));
  CHECK(asString(rig.receivedOf(1)) == "bound");
  CHECK(ftp.log().find("CONNECT: Client \"127.0.0.2\"") != std::string::npos);
  const auto messages = smtp.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].find("X-Peer: 127.0.0.2\r\n") != std::string::npos);
}

TEST_CASE("a local address the host does not have fails the session 38016") {
  TransferRig rig;
  MailRequest mail;
  mail.localAddress = "192.0.2.1";  // TEST-NET-1: on no interface of a test machine
  mail.server = {"127.0.0.1", freePorts()};
  mail.sender = "a@example.test";
  mail.recipients = {"b@example.test"};
  mail.body = "x\r\n";
  rig.network().sendMail(1, mail);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::OpenSessionFailed));
}

TEST_CASE("destroying the network in the middle of transfers ends them cleanly" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "big.bin", asString(allByteValues(4 * 1024 * 1024, 9)));
  {
    TransferRig rig;
    rig.network().pauseReading(true);
    rig.network().ftpGet(1, ftpRequest(server, "", "big.bin"));
    rig.network().ftpPut(2, ftpRequest(server, "", "never-finished"));
    REQUIRE(rig.runUntil([&] { return rig.had<Ready>(1) && rig.had<Ready>(2); }));
  }
  // The server saw both sessions end: a new transfer works at once.
  TransferRig rig;
  rig.network().ftpGet(3, ftpRequest(server, "", "big.bin"));
  CHECK(is<Closed>(rig.runToEnd(3)));
}

}  // namespace
}  // namespace atsharp::test
