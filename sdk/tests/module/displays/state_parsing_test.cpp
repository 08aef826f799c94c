// Reading the state displays: AT#VSTATE (8.2.2), AT#VVERSION (8.1.2, A.1) and AT#DISPLAYIP
// (2.3.2), in every form the spec prints them, and answers that do not fit.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "atsharp/module/module.hpp"

namespace atsharp::test {
namespace {

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("every state of 8.2.2 - quoted or not - with or without a space") {
  CHECK(parseModuleState(Lines{"#STATE: \"IDLE\""}) == ModuleState::Idle);
  CHECK(parseModuleState(Lines{"#STATE: \"DIALING\""}) == ModuleState::Dialing);
  CHECK(parseModuleState(Lines{"#STATE: \"AUTHENTICATING\""}) == ModuleState::Authenticating);
  CHECK(parseModuleState(Lines{"#STATE: \"CONNECTED\""}) == ModuleState::Connected);
  CHECK(parseModuleState(Lines{"#STATE: \"DISCONNECTING\""}) == ModuleState::Disconnecting);
  CHECK(parseModuleState(Lines{"#STATE:\"CHECKING\""}) == ModuleState::Checking);
  CHECK(parseModuleState(Lines{"#STATE: IDLE"}) == ModuleState::Idle);
  CHECK(parseModuleState(Lines{"#NO SERVICE"}) == ModuleState::NoService);
  CHECK(stateName(ModuleState::NoService) == "NO SERVICE");
  CHECK(stateName(ModuleState::Checking) == "CHECKING");
  for (const Lines& bad : {Lines{}, Lines{"#STATE: \"ASLEEP\""}, Lines{"#STATE \"IDLE\""},
                           Lines{"#STATE: \"IDLE\"", "#STATE: \"IDLE\""}, Lines{"IDLE"},
                           Lines{"#STATE: \"IDLE"}}) {
    CAPTURE(bad.size());
    CHECK_THROWS_AS(parseModuleState(bad), ProtocolError);
  }
}

TEST_CASE("the version in the forms of 8.1.2 and A.1") {
  // 8.1.2's table, printed over two lines.
  const VersionDisplay table =
      parseVersionDisplay(Lines{"#VERSION: \"eDsoft-W302_V01.00 67826", "Mar 18 2003 18:42:19\""});
  CHECK(table == VersionDisplay{"eDsoft-W302_V01.00 67826 Mar 18 2003 18:42:19",
                                "eDsoft-W302_V01.00", 67826, "Mar 18 2003 18:42:19"});
  // A.1 writes "#VERSION =".
  const VersionDisplay appendix =
      parseVersionDisplay(Lines{"#VERSION = \"eDsoft-W302_V01.00 68262 Apr 09", "2003 19:19:49\""});
  CHECK(appendix.fileName == "eDsoft-W302_V01.00");
  CHECK(appendix.fileSize == 68262);
  CHECK(appendix.generated == "Apr 09 2003 19:19:49");
  // 8.1.2's syntax separates the parts with a glyph the text lost: any byte outside printable
  // ASCII separates them too.
  const VersionDisplay glyphs =
      parseVersionDisplay(Lines{"#VERSION: \"eDsoft-W302_V03.00\xB7" "67826\xB7Jan 14 2005 12:00:00\""});
  CHECK(glyphs.fileName == "eDsoft-W302_V03.00");
  CHECK(glyphs.fileSize == 67826);
  CHECK(glyphs.generated == "Jan 14 2005 12:00:00");
  for (const Lines& bad :
       {Lines{}, Lines{"#VERSION: \"eDsoft-W302_V03.00\""}, Lines{"#VERSION: \"a b c\""},
        Lines{"#VERSIONS: \"a 1 c\""}, Lines{"eDsoft-W302_V03.00 67826 Jan 14 2005"},
        Lines{"#VERSION: \"a 1 c"}, Lines{"#VERSION: \"a 9999999999 c\""}}) {
    CAPTURE(bad.size());
    CHECK_THROWS_AS(parseVersionDisplay(bad), ProtocolError);
  }
}

TEST_CASE("DISPLAYIP says PEER IP over GSM and Gateway IP over GPRS (2.3.2)") {
  CHECK(parseIpDisplay(Lines{"MY IP: 1.2.3.4", "PEER IP: 1.0.3.5"}) ==
        IpDisplay{Ipv4Address(1, 2, 3, 4), Ipv4Address(1, 0, 3, 5), IpDisplay::PeerLabel::Peer});
  CHECK(parseIpDisplay(Lines{"MY IP: 1.2.3.4", "Gateway IP: 1.0.3.5"}) ==
        IpDisplay{Ipv4Address(1, 2, 3, 4), Ipv4Address(1, 0, 3, 5), IpDisplay::PeerLabel::Gateway});
  CHECK(parseIpDisplay(Lines{"Gateway IP:1.0.3.5", "MY IP : \"1.2.3.4\""}).myIp ==
        Ipv4Address(1, 2, 3, 4));
  for (const Lines& bad :
       {Lines{}, Lines{"MY IP: 1.2.3.4"}, Lines{"MY IP: 1.2.3.4", "MY IP: 1.2.3.4"},
        Lines{"MY IP: 1.2.3.4", "PEER IP: 1.2.3"}, Lines{"MY IP: 1.2.3.4", "YOUR IP: 1.0.3.5"},
        Lines{"MY IP: 1.2.3.4", "PEER IP: 1.0.3.5", "Gateway IP: 1.0.3.5"},
        Lines{"PEER IP: 1.0.3.5", "Gateway IP: 1.0.3.5"}}) {
    CAPTURE(bad.size());
    CHECK_THROWS_AS(parseIpDisplay(bad), ProtocolError);
  }
}

}  // namespace atsharp::test
