#pragma once
/// @file
/// The action commands of the AT# command set (spec sections 2 to 8), declared once, as data.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "atsharp/catalogue/displays.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {

/// The shape of a command line.
enum class CommandForm : std::uint8_t {
  Plain,     ///< AT#NAME
  SocketId,  ///< AT#NAME=id, id 1 or 2 (LTCPSTART, LTCPSTOP, OTCP, VTCP)
  Entry,     ///< AT#NAME<CR>, then lines of text until Ctrl-Z (RECiADD, CCRECiADD)
};

/// What a command does, which decides what may run beside it.
enum class CommandRole : std::uint8_t {
  Display,     ///< shows parameters or state; always allowed
  Connection,  ///< the physical and PPP/GPRS layers (ACCEPT, CONNECTIONSTART/STOP)
  Service,     ///< an IP service that uses the TCP/IP stack's resources ("except when the
               ///< TCP/IP stack software is already in a process using TCP resources")
  ServiceStop, ///< ends a listening service (LTCPSTOP, LUDPSTOP); allowed while it runs
  Setting,     ///< changes parameters (RECiADD, CCRECiADD, DELFLASH)
};

/// How the module's answer continues after the command is accepted.
enum class Flow : std::uint8_t {
  Lines,           ///< information lines and a final result
  DataMode,        ///< Ok_Info_WaitingForData / Ok_Info_DataBegin, then data until ETX
  MailBody,        ///< Ok_Info_WaitingForData, then the host's body until CR LF . CR LF
  MailRetrieval,   ///< Ok_Info_Mail, then the mail until CR LF . CR LF (or Ok_Info_NoMail)
};

/// Everything the spec says about one action command.
struct CommandSpec {
  std::string_view name;     ///< as the spec writes it: "CONNECTIONSTART", "SENDMAIL1"
  std::string_view section;
  CommandForm form;
  CommandRole role;
  Flow flow = Flow::Lines;
  std::uint8_t combination = 0;  ///< 1..3 for SENDMAILi, VMAILi, RECiADD, CCRECiADD
  std::span<const Param> reads = {};  ///< the spec's "List of parameters" (read parameters)
  bool resolvesNames = false;  ///< looks a server name up through DNSSERV1/DNSSERV2
};

namespace detail {
using enum Param;
// 2.2.1.3 names IPSPW, PPPPEER, PPPSENDPW and PPPSENDUN, which 2.1 does not define: read as
// ISPPW, PPPPEERIP, PPPSERVPW and PPPSERVUN (docs/spec-decisions.md).
inline constexpr std::array kAcceptReads{Answermode, Isppw, Ispun, Pppmode, Pppmyip, Ppppeerip,
                                         Pppservpw, Pppservun};
// 2.2.3.3 lists the GSM, PPP-server and GPRS parameters; GPRSMODE and PPPMODE choose between
// them (2.2.3.1), so they are read too.
inline constexpr std::array kConnectionStartReads{
    Gprsmode, Pppmode, Dialn1, Dialn2, Dialselect, Isppw, Ispun, Redialcount, Redialdelay,
    Pppmyip, Ppppeerip, Pppservpw, Pppservun, Apnpw, Apnserv, Apnun, Gprscid};
inline constexpr std::array kDisplayIpReads{Pppmyip, Ppppeerip};
inline constexpr std::array kGetMailReads{Pop3headermode, Pop3port, Pop3un, Pop3pw, Pop3serv};
inline constexpr std::array kSendMail1Reads{Rec1, Ccrec1, Subj1, Body1, Senderaddr, Sendername,
                                            Domain, Smtpport, Smtpserv, Smtppw, Smtpun};
inline constexpr std::array kSendMail2Reads{Rec2, Ccrec2, Subj2, Body2, Senderaddr, Sendername,
                                            Domain, Smtpport, Smtpserv, Smtppw, Smtpun};
inline constexpr std::array kSendMail3Reads{Rec3, Ccrec3, Subj3, Body3, Senderaddr, Sendername,
                                            Domain, Smtpport, Smtpserv, Smtppw, Smtpun};
inline constexpr std::array kPutMailReads{Rec1, Ccrec1, Subj1, Senderaddr, Sendername, Domain,
                                          Smtpport, Smtpserv, Smtppw, Smtpun};
inline constexpr std::array kFtpGetReads{Ftpgetfilename, Ftpgetpath, Ftpport, Ftpserv, Ftptype,
                                         Ftppw, Ftpun};
inline constexpr std::array kFtpPutReads{Ftpputfilename, Ftpputpath, Ftpport, Ftpserv, Ftptype,
                                         Ftppw, Ftpun};
inline constexpr std::array kTcpReads{Dlemode, Tcpport, Tcpserv, Tcptxdelay};
inline constexpr std::array kUdpReads{Udpport, Udpserv, Udptxdelay};
inline constexpr std::array kPingReads{Pingdelay, Pingnum, Pingremote};
inline constexpr std::array kVmail2{Rec2, Ccrec2, Subj2};
inline constexpr std::array kVmail3{Rec3, Ccrec3, Subj3};
inline constexpr std::array kRec1{Rec1};
inline constexpr std::array kRec2{Rec2};
inline constexpr std::array kRec3{Rec3};
inline constexpr std::array kCcrec1{Ccrec1};
inline constexpr std::array kCcrec2{Ccrec2};
inline constexpr std::array kCcrec3{Ccrec3};

constexpr CommandSpec plain(std::string_view name, std::string_view section, CommandRole role,
                            std::span<const Param> reads = {}) {
  return {.name = name, .section = section, .form = CommandForm::Plain, .role = role,
          .reads = reads};
}

constexpr CommandSpec service(std::string_view name, std::string_view section,
                              CommandForm form, Flow flow, std::span<const Param> reads) {
  return {.name = name, .section = section, .form = form, .role = CommandRole::Service,
          .flow = flow, .reads = reads, .resolvesNames = true};
}

constexpr CommandSpec ofCombination(CommandSpec spec, std::uint8_t combination) {
  spec.combination = combination;
  return spec;
}

constexpr CommandSpec entry(std::string_view name, std::uint8_t combination,
                            std::span<const Param> sets) {
  return {.name = name, .section = "3.1.5", .form = CommandForm::Entry,
          .role = CommandRole::Setting, .combination = combination, .reads = sets};
}
}  // namespace detail

/// Every action command of the spec. (Setting and reading parameters, AT#NAME=value and
/// AT#NAME?, and the BODYi entry, are described by kParameters.)
inline constexpr auto kCommands = [] {
  using namespace detail;
  using enum CommandRole;
  using enum CommandForm;
  using enum Flow;
  return std::array{
      plain("ACCEPT", "2.2.1", Connection, kAcceptReads),
      plain("CONNECTIONSTOP", "2.2.2", Connection),
      plain("CONNECTIONSTART", "2.2.3", Connection, kConnectionStartReads),
      plain("DISPLAYIP", "2.3", Display, kDisplayIpReads),
      plain("VPPP", "2.4", Display, kVppp),
      plain("VGPRS", "2.5", Display, kVgprs),
      plain("VPHY", "2.6", Display, kVphy),
      service("GETMAIL", "3.2", Plain, MailRetrieval, kGetMailReads),
      ofCombination(service("SENDMAIL1", "3.3", Plain, Lines, kSendMail1Reads), 1),
      ofCombination(service("SENDMAIL2", "3.3", Plain, Lines, kSendMail2Reads), 2),
      ofCombination(service("SENDMAIL3", "3.3", Plain, Lines, kSendMail3Reads), 3),
      service("PUTMAIL", "3.4", Plain, MailBody, kPutMailReads),
      ofCombination(plain("VMAIL1", "3.5", Display, kVmail), 1),
      ofCombination(plain("VMAIL2", "3.5", Display, kVmail2), 2),
      ofCombination(plain("VMAIL3", "3.5", Display, kVmail3), 3),
      plain("VPOP3", "3.6", Display, kVpop3),
      plain("VSMTP", "3.7", Display, kVsmtp),
      plain("VDNS", "3.8", Display, kVdns),
      service("FTPGET", "4.2", Plain, DataMode, kFtpGetReads),
      service("FTPPUT", "4.3", Plain, DataMode, kFtpPutReads),
      plain("VFTP", "4.4", Display, kVftp),
      service("LTCPSTART", "5.2", SocketId, DataMode, kTcpReads),
      CommandSpec{.name = "LTCPSTOP", .section = "5.3", .form = SocketId, .role = ServiceStop,
                  .reads = kTcpReads},
      service("OTCP", "5.4", SocketId, DataMode, kTcpReads),
      CommandSpec{.name = "VTCP", .section = "5.5", .form = SocketId, .role = Display, .reads = kTcpReads},
      service("LUDPSTART", "6.2", Plain, DataMode, kUdpReads),
      CommandSpec{.name = "LUDPSTOP", .section = "6.3", .form = Plain, .role = ServiceStop,
                  .reads = kUdpReads},
      service("OUDP", "6.4", Plain, DataMode, kUdpReads),
      plain("VUDP", "6.5", Display, kVudp),
      service("PING", "7.2", Plain, Lines, kPingReads),
      plain("VPING", "7.3", Display, kVping),
      plain("VVERSION", "8.1", Display),
      plain("VSTATE", "8.2", Display),
      plain("VALL", "8.3", Display),  // reads every parameter
      plain("DELFLASH", "8.4", Setting),
      entry("REC1ADD", 1, kRec1),
      entry("REC2ADD", 2, kRec2),
      entry("REC3ADD", 3, kRec3),
      // 3.1.3 defines no AT#CCRECiADD, but the document history (rev 003) says it was added
      // beside AT#RECiADD; it works like AT#RECiADD (docs/spec-decisions.md).
      entry("CCREC1ADD", 1, kCcrec1),
      entry("CCREC2ADD", 2, kCcrec2),
      entry("CCREC3ADD", 3, kCcrec3),
  };
}();

/// The command called @p name, compared case-insensitively ("otcp" finds OTCP).
const CommandSpec* findCommand(std::string_view name) noexcept;

}  // namespace atsharp::catalogue
