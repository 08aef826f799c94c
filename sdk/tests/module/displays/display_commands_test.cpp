// Every display command against the reference module through a real pty: the defaults, the
// values set, AT#VALL against the individual displays, the state across a GPRS and a GSM
// connection, the version, and DISPLAYIP.

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "module_rig.hpp"
#include "sample_values.hpp"

namespace atsharp::test {
namespace {

using catalogue::Display;
using catalogue::Param;
using namespace std::chrono_literals;

void setEverySample(Module& module) {
  for (const auto& [parameter, id] : everyValue()) {
    module.setText(parameter, sampleFor(parameter, id), id);
  }
}

// What @p display shows of @p parameter, as text.
std::string shownBy(Module& module, Param parameter, std::optional<SocketId> id) {
  const catalogue::ParameterSpec& spec = catalogue::spec(parameter);
  switch (spec.display) {
    case Display::Vphy: return module.vphy().text(parameter);
    case Display::Vppp: return module.vppp().text(parameter);
    case Display::Vgprs: return module.vgprs().text(parameter);
    case Display::Vdns: return module.vdns().text(parameter);
    case Display::Vftp: return module.vftp().text(parameter);
    case Display::Vpop3: return module.vpop3().text(parameter);
    case Display::Vsmtp: return module.vsmtp().text(parameter);
    case Display::Vmail: return module.vmail(MailCombination(spec.combination)).text(parameter);
    case Display::Vtcp: return module.vtcp(*id).text(parameter);
    case Display::Vudp: return module.vudp().text(parameter);
    case Display::Vping: return module.vping().text(parameter);
    case Display::OnlyVall: return module.vall().text(parameter);
  }
  return {};
}

// Every display command's struct equals the part of AT#VALL's that holds the same parameters.
void checkVallMatchesDisplays(Module& module) {
  const AllDisplay all = module.vall();
  CHECK(all.phy == module.vphy());
  CHECK(all.ppp == module.vppp());
  CHECK(all.gprs == module.vgprs());
  CHECK(all.dns == module.vdns());
  CHECK(all.ftp == module.vftp());
  CHECK(all.pop3 == module.vpop3());
  CHECK(all.smtp == module.vsmtp());
  for (int i = 1; i <= 3; ++i) CHECK(all.mail[static_cast<std::size_t>(i - 1)] == module.vmail(MailCombination(i)));
  CHECK(all.tcp[0] == module.vtcp(SocketId(1)));
  CHECK(all.tcp[1] == module.vtcp(SocketId(2)));
  CHECK(all.udp == module.vudp());
  CHECK(all.ping == module.vping());
  CHECK(all[param::Body1] == module.get(param::Body1));
  CHECK(all[param::Body2] == module.get(param::Body2));
  CHECK(all[param::Body3] == module.get(param::Body3));
}

RigOptions withScenario(const std::function<void(reference::Scenario&)>& change) {
  RigOptions options;
  change(options.scenario);
  return options;
}

}  // namespace

TEST_CASE("every display shows the defaults on an erased flash") {
  ModuleRig rig;
  Module& module = rig.module();
  CHECK(module.vphy() == PhyDisplay{});
  CHECK(module.vppp() == PppDisplay{});
  CHECK(module.vgprs() == GprsDisplay{});
  CHECK(module.vdns() == DnsDisplay{});
  CHECK(module.vftp() == FtpDisplay{});
  CHECK(module.vpop3() == Pop3Display{});
  CHECK(module.vsmtp() == SmtpDisplay{});
  CHECK(module.vmail(MailCombination(3)) == MailDisplay{{}, MailCombination(3)});
  CHECK(module.vtcp(SocketId(2)) == TcpDisplay{{}, SocketId(2)});
  CHECK(module.vudp() == UdpDisplay{});
  CHECK(module.vping() == PingDisplay{});
  AllDisplay defaults;
  defaults.software = "eDsoft-W302_V03.00";
  CHECK(module.vall() == defaults);
  CHECK(module.vphy()[param::Gprsmode] == GprsMode::Gprs);  // docs/spec-decisions.md #6
  CHECK(module.vftp()[param::Ftptype] == FtpType::Binary);
}

TEST_CASE("every parameter's display shows the value set - and AT#VALL shows it too") {
  ModuleRig rig;
  Module& module = rig.module();
  setEverySample(module);
  const AllDisplay all = module.vall();
  for (const auto& [parameter, id] : everyValue()) {
    CAPTURE(catalogue::spec(parameter).name);
    CHECK(shownBy(module, parameter, id) == sampleFor(parameter, id));
    CHECK(all.text(parameter, id) == sampleFor(parameter, id));
  }
  checkVallMatchesDisplays(module);
}

TEST_CASE("typed values in the displays") {
  ModuleRig rig;
  Module& module = rig.module();
  module.set(param::Pppmode, PppMode::Reverse);
  module.set(param::Ppppeerip, Ipv4Address(10, 0, 0, 2));
  module.set(param::Tcptxdelay, SocketId(2), 40ms);
  module.set(param::Rec3, {"a@example.com", "b@example.com"});
  module.set(param::Subj3, "Alarm");
  module.set(param::Udpport, 5000);
  module.set(param::Pingremote, Ipv4Address(127, 0, 0, 1));
  module.set(param::Body1, "one\ntwo");
  CHECK(module.vppp()[param::Pppmode] == PppMode::Reverse);
  CHECK(module.vppp()[param::Ppppeerip] == Ipv4Address(10, 0, 0, 2));
  CHECK(module.vtcp(SocketId(2))[param::Tcptxdelay] == 40ms);
  CHECK(module.vtcp(SocketId(1))[param::Tcptxdelay] == 100ms);
  const MailDisplay mail = module.vmail(MailCombination(3));
  CHECK(mail[param::Rec3].size() == 2);
  CHECK(mail[param::Subj3] == "Alarm");
  CHECK(mail[param::Ccrec3].empty());
  CHECK(module.vudp()[param::Udpport] == 5000);
  CHECK(module.vping()[param::Pingremote].address() == Ipv4Address(127, 0, 0, 1));
  const AllDisplay all = module.vall();
  CHECK(all[param::Pppmode] == PppMode::Reverse);
  CHECK(all.get(param::Tcptxdelay, SocketId(2)) == 40ms);
  CHECK(all[param::Body1] == "one\r\ntwo");
  CHECK(all[param::Rec3] == mail[param::Rec3]);
  checkVallMatchesDisplays(module);
}

TEST_CASE("AT#VVERSION gives the scenario's file name - size and date (8.1.2)") {
  ModuleRig rig;
  CHECK(rig.module().vversion() ==
        VersionDisplay{"eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00", "eDsoft-W302_V03.00",
                       67826, "Jan 14 2005 12:00:00"});
  ModuleRig other(withScenario([](reference::Scenario& scenario) {
    scenario.software = {"eDsoft-W302_V01.00", "68262", "Apr 09 2003 19:19:49"};
  }));
  const VersionDisplay version = other.module().vversion();
  CHECK(version.fileName == "eDsoft-W302_V01.00");
  CHECK(version.fileSize == 68262);
  CHECK(version.generated == "Apr 09 2003 19:19:49");
  CHECK(other.module().vall().software == "eDsoft-W302_V01.00");
}

TEST_CASE("AT#VSTATE and AT#DISPLAYIP across a GPRS connection") {
  ModuleRig rig;
  Module& module = rig.module();
  CHECK(module.vstate() == ModuleState::Idle);
  try {
    module.displayIp();
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.is(catalogue::CmeError::PhysicalLayerNotActive));  // 35867: no link
  }
  rig.connectGprs();
  CHECK(module.vstate() == ModuleState::Connected);
  CHECK(module.displayIp() ==
        IpDisplay{Ipv4Address(127, 0, 0, 2), Ipv4Address(127, 0, 0, 1), IpDisplay::PeerLabel::Gateway});
  module.command("AT#CONNECTIONSTOP", Milliseconds{10000});
  CHECK(module.vstate() == ModuleState::Idle);
  CHECK_THROWS_AS(module.displayIp(), ModuleError);
}

TEST_CASE("AT#DISPLAYIP over a GSM connection says PEER IP") {
  ModuleRig rig;
  Module& module = rig.module();
  module.set(param::Gprsmode, GprsMode::Gsm);
  module.set(param::Dialn1, "0612345678");
  module.command("AT#CONNECTIONSTART", Milliseconds{10000});
  CHECK(module.vstate() == ModuleState::Connected);
  CHECK(module.displayIp() ==
        IpDisplay{Ipv4Address(127, 0, 0, 3), Ipv4Address(127, 0, 0, 1), IpDisplay::PeerLabel::Peer});
  module.command("AT#CONNECTIONSTOP", Milliseconds{10000});
  CHECK(module.vstate() == ModuleState::Idle);
}

TEST_CASE("AT#VSTATE says NO SERVICE without a network") {
  ModuleRig rig(withScenario([](reference::Scenario& scenario) { scenario.network.registration = 0; }));
  CHECK(rig.module().vstate() == ModuleState::NoService);
}

}  // namespace atsharp::test
