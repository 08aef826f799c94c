// Reading the parameter displays: AT#VPHY ... AT#VPING, AT#VMAILi, AT#VTCP=id and AT#VALL.

#include <string>

#include "shown_answer.hpp"

namespace atsharp {
namespace {

using catalogue::Display;

std::string commandOf(Display display) {
  return "AT#" + std::string(catalogue::spec(display).command);
}

}  // namespace

template <Display D>
ShownParameters<D> parseDisplay(std::span<const std::string> lines) {
  detail::ShownAnswer answer(lines, commandOf(D));
  ShownParameters<D> display;
  detail::DisplayReader::fill(display, answer);
  answer.requireAllTaken();
  return display;
}

template PhyDisplay parseDisplay<Display::Vphy>(std::span<const std::string>);
template PppDisplay parseDisplay<Display::Vppp>(std::span<const std::string>);
template GprsDisplay parseDisplay<Display::Vgprs>(std::span<const std::string>);
template DnsDisplay parseDisplay<Display::Vdns>(std::span<const std::string>);
template FtpDisplay parseDisplay<Display::Vftp>(std::span<const std::string>);
template Pop3Display parseDisplay<Display::Vpop3>(std::span<const std::string>);
template SmtpDisplay parseDisplay<Display::Vsmtp>(std::span<const std::string>);
template UdpDisplay parseDisplay<Display::Vudp>(std::span<const std::string>);
template PingDisplay parseDisplay<Display::Vping>(std::span<const std::string>);

MailDisplay parseMailDisplay(std::span<const std::string> lines, MailCombination combination) {
  detail::ShownAnswer answer(lines, commandOf(Display::Vmail) + std::to_string(combination.value()));
  MailDisplay display{{}, combination};
  detail::DisplayReader::fill(display, answer, combination.value());
  answer.requireAllTaken();
  return display;
}

TcpDisplay parseTcpDisplay(std::span<const std::string> lines, SocketId id) {
  detail::ShownAnswer answer(lines, commandOf(Display::Vtcp) + "=" + std::to_string(id.value()));
  TcpDisplay display{{}, id};
  detail::DisplayReader::fill(display, answer, 1, id.value());
  answer.requireAllTaken();
  return display;
}

AllDisplay parseAllDisplay(std::span<const std::string> lines) {
  // 8.3.2: the software's name, then every parameter, in blocks the parser need not see.
  detail::ShownAnswer answer(lines, "AT#VALL", true);
  AllDisplay all;
  all.software = answer.leadingLine();
  using detail::DisplayReader;
  DisplayReader::fill(all.phy, answer);
  DisplayReader::fill(all.ppp, answer);
  DisplayReader::fill(all.gprs, answer);
  DisplayReader::fill(all.dns, answer);
  DisplayReader::fill(all.ftp, answer);
  DisplayReader::fill(all.pop3, answer);
  DisplayReader::fill(all.smtp, answer);
  for (int combination = catalogue::kFirstCombination; combination <= catalogue::kLastCombination;
       ++combination) {
    const auto index = static_cast<std::size_t>(combination - 1);
    DisplayReader::fill(all.mail[index], answer, combination);
    DisplayReader::read(all.body[index], *catalogue::inCombination(catalogue::Param::Body1, combination),
                        0, answer);
  }
  for (int socket = catalogue::kFirstSocketId; socket <= catalogue::kLastSocketId; ++socket) {
    DisplayReader::fill(all.tcp[static_cast<std::size_t>(socket - 1)], answer, 1, socket);
  }
  DisplayReader::fill(all.udp, answer);
  DisplayReader::fill(all.ping, answer);
  answer.requireAllTaken();
  return all;
}

void MailDisplay::requireCombination(catalogue::Param parameter) const {
  if (catalogue::spec(parameter).combination == combination.value()) return;
  throw UsageError(commandOf(Display::Vmail) + std::to_string(combination.value()) +
                   " does not show " + std::string(catalogue::spec(parameter).name));
}

std::string AllDisplay::text(catalogue::Param parameter, std::optional<SocketId> id) const {
  const catalogue::ParameterSpec& spec = catalogue::spec(parameter);
  const bool bySocket = spec.indexing == catalogue::Indexing::SocketId;
  if (bySocket != id.has_value()) {
    throw UsageError(std::string(spec.name) +
                     (bySocket ? " holds one value per socket: give the socket id"
                               : " takes no socket id"));
  }
  const auto combination = static_cast<std::size_t>(spec.combination == 0 ? 0 : spec.combination - 1);
  switch (spec.display) {
    case Display::Vphy: return phy.text(parameter);
    case Display::Vppp: return ppp.text(parameter);
    case Display::Vgprs: return gprs.text(parameter);
    case Display::Vdns: return dns.text(parameter);
    case Display::Vftp: return ftp.text(parameter);
    case Display::Vpop3: return pop3.text(parameter);
    case Display::Vsmtp: return smtp.text(parameter);
    case Display::Vmail: return mail[combination].text(parameter);
    case Display::OnlyVall: return body[combination].text();
    case Display::Vtcp: return tcp[static_cast<std::size_t>(id->value() - 1)].text(parameter);
    case Display::Vudp: return udp.text(parameter);
    case Display::Vping: return ping.text(parameter);
  }
  throw UsageError("no display shows " + std::string(spec.name));
}

}  // namespace atsharp
