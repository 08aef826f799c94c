// FTP downloads (4.2 FTPGET) against vsftpd, and the failures of a download with their codes.

#include <doctest/doctest.h>

#include <filesystem>

#include "daemon_requests.hpp"
#include "scripted_server.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

const bool kNotRoot = !isRoot();

TEST_CASE("FTP get of 1 MiB of all byte values arrives byte-exact in order" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const Bytes file = allByteValues(1024 * 1024);
  writeFile(server.root() / "random.bin", asString(file));
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "", "random.bin"));
  CHECK(rig.network().owns(1));

  const auto final = rig.runToEnd(1);
  REQUIRE(is<Closed>(final));
  const auto events = rig.eventsOf(1);
  REQUIRE(events.size() >= 3);
  CHECK(std::holds_alternative<Ready>(events.front()));
  for (std::size_t i = 1; i + 1 < events.size(); ++i) {
    REQUIRE(std::holds_alternative<Received>(events[i]));
    CHECK(std::get<Received>(events[i]).data.size() <= 64 * 1024);
  }
  CHECK(rig.receivedOf(1) == file);
  CHECK_FALSE(rig.network().owns(1));
  CHECK(server.log().find("RETR random.bin") != std::string::npos);
}

TEST_CASE("FTP get of an empty file gives Ready then Closed" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "empty", "");
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "", "empty"));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  const auto events = rig.eventsOf(1);
  REQUIRE(events.size() == 2);
  CHECK(std::holds_alternative<Ready>(events[0]));
}

TEST_CASE("FTP get in type A has CR LF line ends on the wire" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "text.txt", "first line\nsecond line\n");
  TransferRig rig;
  FtpRequest request = ftpRequest(server, "", "text.txt");
  request.ascii = true;
  rig.network().ftpGet(1, request);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(asString(rig.receivedOf(1)) == "first line\r\nsecond line\r\n");
  CHECK(server.log().find("\"TYPE A\"") != std::string::npos);
}

TEST_CASE("FTP get from FTPGETPATH relative to the login directory and absolute" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  std::filesystem::create_directories(server.root() / "list" / "sub dir");
  writeFile(server.root() / "list" / "sub dir" / "a file#1.txt", "deep");
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "list/sub dir", "a file#1.txt"));
  rig.network().ftpGet(2, ftpRequest(server, "/list/sub dir/", "a file#1.txt"));
  rig.network().ftpGet(3, ftpRequest(server, ".", "missing"));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  REQUIRE(is<Closed>(rig.runToEnd(2)));
  CHECK(asString(rig.receivedOf(1)) == "deep");
  CHECK(asString(rig.receivedOf(2)) == "deep");
  CHECK(server.log().find("\"CWD list/sub dir\"") != std::string::npos);
  CHECK(server.log().find("\"CWD /list/sub dir\"") != std::string::npos);
  CHECK(failureCode(rig.runToEnd(3)) == code(CmeError::DataRetrieveFailed));
}

TEST_CASE("FTP get of a missing file is 38024" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "", "no-such-file"));
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::DataRetrieveFailed));
  CHECK_FALSE(rig.had<Ready>(1));
}

TEST_CASE("FTP get from a missing directory is 38022" * doctest::skip(kNotRoot)) {
  VsftpdServer server;
  TransferRig rig;
  rig.network().ftpGet(1, ftpRequest(server, "no/such/dir", "file"));
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::ChangeDirectoryFailed));
}

TEST_CASE("FTP login refused: after PASS 38081 and after USER 38080" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  writeFile(server.root() / "f", "x");
  TransferRig rig;
  FtpRequest wrongPassword = ftpRequest(server, "", "f");
  wrongPassword.password = "not the password";
  FtpRequest unknownUser = ftpRequest(server, "", "f");
  unknownUser.user = "nobody-here";
  FtpRequest refusedUser = ftpRequest(server, "", "f");
  refusedUser.user = VsftpdServer::refusedUser();
  rig.network().ftpGet(1, wrongPassword);
  rig.network().ftpGet(2, unknownUser);
  rig.network().ftpGet(3, refusedUser);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::PasswordRejected));
  // vsftpd answers every USER with 331 and refuses after PASS: the module cannot know better.
  CHECK(failureCode(rig.runToEnd(2)) == code(CmeError::PasswordRejected));
  CHECK(failureCode(rig.runToEnd(3)) == code(CmeError::UsernameRejected));
}

TEST_CASE("FTP get with no server listening is 38016") {
  TransferRig rig;
  FtpRequest request;
  request.server = {"127.0.0.1", freePorts()};
  request.user = "someone";
  request.file = "f";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::OpenSessionFailed));
}

TEST_CASE("FTP get from a server that closes without a greeting is 38016") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) { control.close(); });
  TransferRig rig;
  FtpRequest request;
  request.server = server.endpoint();
  request.file = "f";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::OpenSessionFailed));
}

TEST_CASE("FTP get from a server that never greets is 38016 after the connect timeout") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) { control.hear(); });
  TransferLimits limits;
  limits.connectTimeout = std::chrono::milliseconds(300);
  TransferRig rig(limits);
  FtpRequest request;
  request.server = server.endpoint();
  request.file = "f";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1, std::chrono::seconds(5))) ==
        code(CmeError::OpenSessionFailed));
}

TEST_CASE("FTP get whose connection drops in the middle of the file is 38024") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes (200000 bytes).");
    data.write(std::string(100000, 'x'));
    data.close();
    control.close();  // no 226
  });
  TransferRig rig;
  FtpRequest request;
  request.server = server.endpoint();
  request.user = "user";
  request.password = "password";
  request.file = "big";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::DataRetrieveFailed));
  CHECK(rig.had<Ready>(1));
}

TEST_CASE("FTP get from a server that stops sending is 38024 after the stall timeout") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes.");
    data.write("the beginning");
    control.hear();  // until the client gives up (QUIT or its end)
  });
  TransferLimits limits;
  limits.stallTimeout = std::chrono::seconds(1);
  TransferRig rig(limits);
  FtpRequest request;
  request.server = server.endpoint();
  request.file = "stalled";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1, std::chrono::seconds(10))) ==
        code(CmeError::DataRetrieveFailed));
  CHECK(asString(rig.receivedOf(1)) == "the beginning");
}

TEST_CASE("FTP USER refused by a scripted server is 38080") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    playFtpUntilTransfer(control, self, "somebody else");
  });
  TransferRig rig;
  FtpRequest request;
  request.server = server.endpoint();
  request.user = "user";
  request.password = "password";
  request.file = "f";
  rig.network().ftpGet(1, request);
  CHECK(failureCode(rig.runToEnd(1)) == code(CmeError::UsernameRejected));
}

}  // namespace
}  // namespace atsharp::test
