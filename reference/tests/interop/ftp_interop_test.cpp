// FTP (chapter 4) through the pty against vsftpd: 1 MiB of every byte value, FTPTYPE I, down
// (AT#FTPGET) and up (AT#FTPPUT), the same bytes on the server's disk and at the host after
// DLE decoding. vsftpd needs root (it changes to a local test user); skipped otherwise.

#include <doctest/doctest.h>

#include "connected_module.hpp"
#include "daemon_requests.hpp"
#include "payloads.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const bool kNotRoot = !isRoot();
const std::string kOk = "\r\nOK\r\n";

// The FTP parameters of 4.1 for @p server, in binary mode.
void configure(ModemSession& modem, const VsftpdServer& server) {
  modem.set({"AT#FTPSERV=\"127.0.0.1\"", "AT#FTPPORT=" + std::to_string(server.endpoint().port),
             "AT#FTPUN=\"" + server.user() + "\"", "AT#FTPPW=\"" + server.password() + "\"",
             "AT#FTPTYPE=I", "AT#FTPGETPATH=\"\"", "AT#FTPPUTPATH=\"\""});
}

}  // namespace

TEST_CASE("AT#FTPGET of 1 MiB of every byte value - FTPTYPE I - byte-exact at the host" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const Bytes file = randomPayload(kMiB, 11);
  writeFile(server.root() / "random.bin", asString(file));
  ConnectedModule module;
  ModemSession& modem = module.modem();
  configure(modem, server);
  modem.set({"AT#FTPGETFILENAME=\"random.bin\""});
  // A.7.2: Ok_Info_DataBegin, the file DLE-coded, ETX, OK.
  REQUIRE(visible(modem.command("AT#FTPGET").raw) == visible("\r\nOk_Info_DataBegin\r\n"));
  CHECK(difference(file, modem.readDataToEtx()) == "");
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  // Every connection of the module leaves from its own address.
  CHECK(server.log().find("127.0.0.2") != std::string::npos);
  module.checkCommandMode();
}

TEST_CASE("AT#FTPPUT of 1 MiB of every byte value - FTPTYPE I - byte-exact on the disk" *
          doctest::skip(kNotRoot)) {
  VsftpdServer server;
  const Bytes file = randomPayload(kMiB, 12);
  ConnectedModule module;
  ModemSession& modem = module.modem();
  configure(modem, server);
  modem.set({"AT#FTPPUTFILENAME=\"upload.bin\""});
  // A.7.1: Ok_Info_WaitingForData (4.3.2's Ok_WaitingForData, docs/spec-decisions.md #3), the
  // host's data, its ETX echoed at once, OK once the server confirmed.
  REQUIRE(visible(modem.command("AT#FTPPUT").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  // One thread is enough: the module sends nothing until the echo of the ETX.
  modem.writeData(file);
  modem.endData();
  CHECK(modem.readDataToEtx().empty());
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  CHECK(difference(file, readFile(server.root() / "upload.bin")) == "");
  module.checkCommandMode();
}

TEST_SUITE_END();

}  // namespace atsharp::test
