// The display calls of Module against a module played by the test: the command each sends, and
// an answer that does not fit, after which the Module goes on.

#include <doctest/doctest.h>

#include <future>
#include <string>

#include "scripted_module.hpp"

namespace atsharp::test {
namespace {

template <class Call>
auto inBackground(Call call) {
  return std::async(std::launch::async, std::move(call));
}

}  // namespace

TEST_CASE("each display call sends its command and reads its answer") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto mail = inBackground([&] { return module.vmail(MailCombination(2)); });
  CHECK(scripted.expectCommand() == "AT#VMAIL2\r");
  scripted.answer("\r\n#REC2: \"a@b.c\"\r\n#CCREC2: \"\"\r\n#SUBJ2: \"s\"\r\n\r\nOK\r\n");
  CHECK(mail.get()[param::Subj2] == "s");
  auto tcp = inBackground([&] { return module.vtcp(SocketId(2)); });
  CHECK(scripted.expectCommand() == "AT#VTCP=2\r");
  scripted.answer("\r\n#DLEMODE: 2,0\r\n#TCPSERV: 2,\"h\"\r\n#TCPPORT: 2,7\r\n#TCPTXDELAY: 2,0\r\n\r\nOK\r\n");
  CHECK(tcp.get()[param::Dlemode] == DleMode::Off);
  // `#NO SERVICE` is a final answer of its own (8.2.2), without OK.
  auto state = inBackground([&] { return module.vstate(); });
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  scripted.answer("\r\n#NO SERVICE\r\n");
  CHECK(state.get() == ModuleState::NoService);
  auto ip = inBackground([&] { return module.displayIp(); });
  CHECK(scripted.expectCommand() == "AT#DISPLAYIP\r");
  scripted.answer("\r\nMY IP: 1.2.3.4\r\nPEER IP: 1.0.3.5\r\n\r\nOK\r\n");
  CHECK(ip.get().peerLabel == IpDisplay::PeerLabel::Peer);
}

TEST_CASE("a display answer that does not fit throws ProtocolError and the Module goes on") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto garbled = inBackground([&] { return module.vping(); });
  CHECK(scripted.expectCommand() == "AT#VPING\r");
  scripted.answer("\r\n#PINGDELAY: 1\r\n#PINGNUM: four\r\n#PINGREMOTE: \"\"\r\n\r\nOK\r\n");
  try {
    garbled.get();
    FAIL("no ProtocolError");
  } catch (const ProtocolError& error) {
    CHECK(std::string(error.what()) ==
          "AT#VPING: PINGNUM shows \"four\", which it cannot hold: must be an integer from 1 to 255");
    CHECK(asString(error.bytes()) == "#PINGDELAY: 1\r\n#PINGNUM: four\r\n#PINGREMOTE: \"\"\r\n");
  }
  auto next = inBackground([&] { return module.vping(); });
  CHECK(scripted.expectCommand() == "AT#VPING\r");
  scripted.answer("\r\n#PINGDELAY: 1\r\n#PINGNUM: 4\r\n#PINGREMOTE: \"\"\r\n\r\nOK\r\n");
  CHECK(next.get() == PingDisplay{});
}

}  // namespace atsharp::test
