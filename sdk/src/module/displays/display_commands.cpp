// The display commands of Module: each sends its command and reads the answer into its struct.

#include <string>

#include "atsharp/module/module.hpp"

namespace atsharp {
namespace {

using catalogue::Display;

template <Display D>
ShownParameters<D> show(Module& module) {
  return parseDisplay<D>(module.command("AT#" + std::string(catalogue::spec(D).command)).lines);
}

}  // namespace

PhyDisplay Module::vphy() { return show<Display::Vphy>(*this); }
PppDisplay Module::vppp() { return show<Display::Vppp>(*this); }
GprsDisplay Module::vgprs() { return show<Display::Vgprs>(*this); }
SmtpDisplay Module::vsmtp() { return show<Display::Vsmtp>(*this); }
Pop3Display Module::vpop3() { return show<Display::Vpop3>(*this); }
DnsDisplay Module::vdns() { return show<Display::Vdns>(*this); }
FtpDisplay Module::vftp() { return show<Display::Vftp>(*this); }
UdpDisplay Module::vudp() { return show<Display::Vudp>(*this); }
PingDisplay Module::vping() { return show<Display::Vping>(*this); }

MailDisplay Module::vmail(MailCombination combination) {
  // AT#VMAIL1, AT#VMAIL2, AT#VMAIL3 (3.5.2).
  const std::string command =
      "AT#" + std::string(catalogue::spec(Display::Vmail).command) + std::to_string(combination.value());
  return parseMailDisplay(this->command(command).lines, combination);
}

TcpDisplay Module::vtcp(SocketId id) {
  // AT#VTCP=id (5.5.2).
  const std::string command =
      "AT#" + std::string(catalogue::spec(Display::Vtcp).command) + "=" + std::to_string(id.value());
  return parseTcpDisplay(this->command(command).lines, id);
}

AllDisplay Module::vall() { return parseAllDisplay(command("AT#VALL").lines); }

ModuleState Module::vstate() {
  const Reply reply = command("AT#VSTATE");
  // Without radio the answer is `#NO SERVICE` alone, a final message of its own (8.2.2).
  if (reply.final.result == catalogue::Result::NoService) return ModuleState::NoService;
  return parseModuleState(reply.lines);
}

VersionDisplay Module::vversion() { return parseVersionDisplay(command("AT#VVERSION").lines); }

IpDisplay Module::displayIp() { return parseIpDisplay(command("AT#DISPLAYIP").lines); }

}  // namespace atsharp
