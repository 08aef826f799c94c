// A server or peer that drops the connection in the middle of a transfer: the host sees the
// ETX that ends data mode (where data mode had begun), then the code docs/reference-module.md's
// table gives for where the conversation stopped, and the module is back in command mode.
//
// Where the host is still sending when the drop comes, what it sends after the module left data
// mode reaches command mode: harmless text lines (no "AT" in them), which run nothing.

#include <doctest/doctest.h>

#include "atsharp/fixtures/tcp_peer.hpp"
#include "background_writer.hpp"
#include "connected_module.hpp"
#include "payloads.hpp"
#include "scripted_server.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

constexpr std::size_t kKiB = 1024;

std::string error(int code) { return "\r\n#CME ERROR: " + std::to_string(code) + "\r\n"; }

// More than the module can hold while its server is gone: the host is still sending when the
// drop comes.
constexpr std::size_t kHostStream = 4 * kMiB;

// The host stops sending, ends the line it was in the middle of (a line without AT: no
// answer), and the module answers AT, and nothing else.
void backToCommandMode(ConnectedModule& module, BackgroundWriter& writer) {
  const std::size_t sent = writer.stop();
  MESSAGE("the host had sent ", sent, " bytes");
  CHECK(sent < kHostStream);
  module.modem().write("\r");
  module.checkCommandMode();
}

void configureFtp(ModemSession& modem, const ScriptedServer& server) {
  modem.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPPORT=" + std::to_string(server.endpoint().port),
             "AT#FTPGETFILENAME=\"cut.bin\"", "AT#FTPPUTFILENAME=\"cut.bin\""});
}

void configureSmtp(ModemSession& modem, const ScriptedServer& server) {
  modem.set({"AT#SMTPSERV=\"127.0.0.1\"",
             "AT#SMTPPORT=" + std::to_string(server.endpoint().port),
             "AT#SENDERADDR=\"module@interop.test\"", "AT#REC1=\"to@interop.test\"",
             "AT#SUBJ1=\"Cut\"", "AT#BODY1=\"never whole\""});
}

}  // namespace

TEST_CASE("FTPGET - the server drops both connections after 256 KiB - the data - ETX - 38024") {
  const Bytes sent = randomPayload(256 * kKiB, 31);
  // The module first: the server waits a few seconds at most for its client.
  ConnectedModule module;
  ModemSession& modem = module.modem();
  ScriptedServer server([&sent](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes.");
    data.write(asString(sent));
    data.close();
    control.close();  // no 226: the transfer was cut
  });
  configureFtp(modem, server);
  REQUIRE(visible(modem.command("AT#FTPGET").raw) == visible("\r\nOk_Info_DataBegin\r\n"));
  CHECK(difference(sent, modem.readDataToEtx()) == "");
  CHECK(visible(modem.nextAnswer().raw) == visible(error(38024)));
  module.checkCommandMode();
}

TEST_CASE("FTPPUT - the server drops both connections while the host sends - ETX - 38017") {
  // The module first: the server waits a few seconds at most for its client.
  ConnectedModule module;
  ModemSession& modem = module.modem();
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "STOR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Ok to send data.");
    data.drain(64 * kKiB);
    data.close();  // with data unread: a reset
    control.close();
  });
  configureFtp(modem, server);
  REQUIRE(visible(modem.command("AT#FTPPUT").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  BackgroundWriter writer(modem, toBytes(harmlessLines(kHostStream)), Coding::Dle);
  CHECK(modem.readDataToEtx().empty());  // FTPPUT's data mode carries nothing to the host
  CHECK(visible(modem.nextAnswer().raw) == visible(error(38017)));
  backToCommandMode(module, writer);
}

TEST_CASE("PUTMAIL - the SMTP server drops the connection in the body - 38031 without ETX") {
  // The module first: the server waits a few seconds at most for its client.
  ConnectedModule module;
  ModemSession& modem = module.modem();
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    control.drain(16 * kKiB);
    control.close();
  });
  configureSmtp(modem, server);
  REQUIRE(visible(modem.command("AT#PUTMAIL").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  // The body is lines, not DLE data (docs/spec-decisions.md #26): no ETX before the error.
  BackgroundWriter writer(modem, toBytes(harmlessLines(kHostStream)), Coding::Raw);
  CHECK(visible(modem.nextAnswer().raw) == visible(error(38031)));
  backToCommandMode(module, writer);
}

TEST_CASE("SENDMAIL1 - the SMTP server drops the connection after DATA - 38031") {
  // The module first: the server waits a few seconds at most for its client.
  ConnectedModule module;
  ModemSession& modem = module.modem();
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (playSmtpUntilData(control)) control.close();
  });
  configureSmtp(modem, server);
  CHECK(visible(modem.command("AT#SENDMAIL1").raw) == visible(error(38031)));
  module.checkCommandMode();
}

TEST_CASE("AT#OTCP - the peer resets after 256 KiB while the host sends - ETX - 37952") {
  const Bytes lines = toBytes(harmlessLines(kHostStream));
  fixtures::TcpPeerOptions resetting;
  resetting.closeAfter = 256 * kKiB;
  resetting.closeWith = fixtures::TcpEnd::Reset;
  fixtures::TcpPeer peer = fixtures::TcpPeer::listen(resetting);
  ConnectedModule module;
  ModemSession& modem = module.modem();
  modem.set({"AT#TCPSERV=1,\"127.0.0.1\"",
             "AT#TCPPORT=1," + std::to_string(peer.endpoint().port)});
  REQUIRE(visible(modem.command("AT#OTCP=1").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  BackgroundWriter writer(modem, lines, Coding::Dle);
  CHECK(modem.readDataToEtx().empty());
  CHECK(visible(modem.nextAnswer().raw) == visible(error(37952)));
  const Bytes received = peer.received();
  CHECK(received.size() == 256 * kKiB);
  CHECK(difference(ByteView(lines).first(received.size()), received) == "");
  backToCommandMode(module, writer);
}

TEST_SUITE_END();

}  // namespace atsharp::test
