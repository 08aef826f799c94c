#pragma once
/// @file
/// The display commands (AT#VPHY ... AT#VALL) and the order in which each shows its parameters.

#include <array>
#include <span>
#include <string_view>

#include "atsharp/catalogue/indexed_table.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::catalogue {

/// One display command and the parameters it shows, in the order it shows them.
struct DisplaySpec {
  Display id;
  std::string_view command;  ///< "VPHY"; VMAIL takes the combination, VTCP the socket id
  std::string_view section;
  std::span<const Param> shows;
};

namespace detail {
using enum Param;
inline constexpr std::array kVphy{Answermode, Callbacktimer, Callscreennum, Dialn1, Dialn2,
                                  Dialselect, Gprsmode, Phytimeout, Redialcount, Redialdelay,
                                  Ringcount};
inline constexpr std::array kVppp{Ispun, Isppw, Pppmode, Pppmyip, Ppppeerip, Pppservun, Pppservpw};
inline constexpr std::array kVgprs{Gprscid, Apnpw, Apnserv, Apnun};
inline constexpr std::array kVdns{Dnsserv1, Dnsserv2};
inline constexpr std::array kVftp{Ftpserv, Ftpport, Ftpun, Ftppw, Ftptype, Ftpgetfilename,
                                  Ftpgetpath, Ftpputfilename, Ftpputpath};
inline constexpr std::array kVpop3{Pop3headermode, Pop3port, Pop3pw, Pop3serv, Pop3un};
inline constexpr std::array kVsmtp{Domain, Senderaddr, Sendername, Smtpport, Smtppw, Smtpserv,
                                   Smtpun};
// AT#VMAILi (3.5.2) shows RECi, CCRECi, SUBJi of combination i; listed here for combination 1.
inline constexpr std::array kVmail{Rec1, Ccrec1, Subj1};
inline constexpr std::array kVtcp{Dlemode, Tcpserv, Tcpport, Tcptxdelay};
inline constexpr std::array kVudp{Udpserv, Udpport, Udptxdelay};
inline constexpr std::array kVping{Pingdelay, Pingnum, Pingremote};
}  // namespace detail

/// The display commands, indexed by Display.
inline constexpr std::array<DisplaySpec, 11> kDisplays{{
    {Display::Vphy, "VPHY", "2.6", detail::kVphy},
    {Display::Vppp, "VPPP", "2.4", detail::kVppp},
    {Display::Vgprs, "VGPRS", "2.5", detail::kVgprs},
    {Display::Vdns, "VDNS", "3.8", detail::kVdns},
    {Display::Vftp, "VFTP", "4.4", detail::kVftp},
    {Display::Vpop3, "VPOP3", "3.6", detail::kVpop3},
    {Display::Vsmtp, "VSMTP", "3.7", detail::kVsmtp},
    {Display::Vmail, "VMAIL", "3.5", detail::kVmail},
    {Display::Vtcp, "VTCP", "5.5", detail::kVtcp},
    {Display::Vudp, "VUDP", "6.5", detail::kVudp},
    {Display::Vping, "VPING", "7.3", detail::kVping},
}};

/// The spec of display command @p id (not Display::OnlyVall, which names no command).
constexpr const DisplaySpec& spec(Display id) noexcept {
  return kDisplays[static_cast<std::size_t>(id)];
}

/// AT#VALL (8.3.2) shows the software version line, then every parameter in Param order, in
/// blocks: a block ends where the next parameter belongs to another display command, or to
/// another mail combination, or (TCP) after both sockets. kParameters is declared in that order.

}  // namespace atsharp::catalogue

static_assert(atsharp::catalogue::detail::isIndexedById(atsharp::catalogue::kDisplays),
              "kDisplays must list the display commands in Display order");
