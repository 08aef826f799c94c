#pragma once
/// @file
/// The 67 parameters of the AT# command set (spec sections 2.1 to 7.1), declared once, as data.
///
/// The SDK's typed API, the reference module's parameter store and validation, the harness's
/// coverage report and the docs all read this table; nothing else lists the parameters.
/// Where the spec contradicts itself the table follows docs/spec-decisions.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "atsharp/catalogue/indexed_table.hpp"

namespace atsharp::catalogue {

/// Every parameter, in the order AT#VALL shows them (spec 8.3.2). The enumerator is the spec's
/// name with only its first letter capitalised, so that code reads like the spec.
enum class Param : std::uint8_t {
  // Physical layer (2.1, shown by AT#VPHY)
  Answermode, Callbacktimer, Callscreennum, Dialn1, Dialn2, Dialselect, Gprsmode, Phytimeout,
  Redialcount, Redialdelay, Ringcount,
  // PPP (2.1, AT#VPPP)
  Ispun, Isppw, Pppmode, Pppmyip, Ppppeerip, Pppservun, Pppservpw,
  // GPRS (2.1, AT#VGPRS)
  Gprscid, Apnpw, Apnserv, Apnun,
  // DNS (3.1.17-18, AT#VDNS)
  Dnsserv1, Dnsserv2,
  // FTP (4.1, AT#VFTP)
  Ftpserv, Ftpport, Ftpun, Ftppw, Ftptype, Ftpgetfilename, Ftpgetpath, Ftpputfilename, Ftpputpath,
  // POP3 (3.1, AT#VPOP3)
  Pop3headermode, Pop3port, Pop3pw, Pop3serv, Pop3un,
  // SMTP (3.1, AT#VSMTP)
  Domain, Senderaddr, Sendername, Smtpport, Smtppw, Smtpserv, Smtpun,
  // Mail combinations (3.1.3-3.1.7, AT#VMAILi)
  Body1, Ccrec1, Rec1, Subj1,
  Body2, Ccrec2, Rec2, Subj2,
  Body3, Ccrec3, Rec3, Subj3,
  // TCP sockets (5.1, AT#VTCP=id), one value per socket id
  Dlemode, Tcpserv, Tcpport, Tcptxdelay,
  // UDP (6.1, AT#VUDP)
  Udpserv, Udpport, Udptxdelay,
  // Ping (7.1, AT#VPING)
  Pingdelay, Pingnum, Pingremote,
};

inline constexpr std::size_t kParameterCount = 67;

/// The kind of value a parameter holds, which decides its legal values.
enum class ValueKind : std::uint8_t {
  Integer,      ///< decimal in [min, max], a multiple of step
  Choice,       ///< one of the listed tokens
  Port,         ///< 1 to 5 digits, 1..65535 (a default of 0 means "not set")
  Text,         ///< ASCII text of at most maxLength characters
  PhoneNumber,  ///< decimal digits, an optional leading '+', at most maxLength
  CallScreen,   ///< "0" (nobody), "*" (everybody), or a number / text of at most maxLength
  Ipv4,         ///< dotted decimal xxx.xxx.xxx.xxx
  Host,         ///< dotted decimal, or a name of at most maxLength resolved through DNS
  AddressList,  ///< up to kMaxAddresses e-mail addresses of at most maxLength each (RECiADD)
  Body,         ///< text of at most maxLength, entered after AT#BODYi<CR> and ended by Ctrl-Z
};

/// What a parameter's value is indexed by.
enum class Indexing : std::uint8_t {
  None,
  SocketId,  ///< TCP parameters: one value for socket 1 and one for socket 2 (spec 5.1)
};

/// How the value is shown by a read (AT#NAME?) and by the display commands.
enum class Shown : std::uint8_t {
  Bare,    ///< #NAME: 5
  Quoted,  ///< #NAME: "text"
  Equals,  ///< #FTPTYPE = I (spec 4.4.2 and 8.3.2 both show this form)
};

/// The display command that shows a parameter (besides AT#VALL, which shows them all).
enum class Display : std::uint8_t {
  Vphy, Vppp, Vgprs, Vdns, Vftp, Vpop3, Vsmtp, Vmail, Vtcp, Vudp, Vping,
  OnlyVall,  ///< no display command but AT#VALL (BODYi: 3.5.1 says AT#VMAILi does not show it)
};

/// One legal value of a Choice parameter and what it means.
struct Choice {
  std::string_view token;
  std::string_view meaning;
};

/// Everything the spec says about one parameter.
struct ParameterSpec {
  Param id;
  std::string_view name;     ///< as the spec writes it: "TCPTXDELAY", "REC1"
  std::string_view section;  ///< where the spec defines it: "5.1.4"
  ValueKind kind;
  Display display;
  Shown shown = Shown::Bare;
  Indexing indexing = Indexing::None;
  std::uint8_t combination = 0;      ///< mail combination 1..3 for REC/CCREC/SUBJ/BODY, else 0
  std::int32_t min = 0;              ///< Integer and Port kinds
  std::int32_t max = 0;
  std::int32_t step = 1;
  std::uint16_t maxLength = 0;       ///< text kinds: characters per value (per address)
  std::span<const Choice> choices = {};
  std::string_view defaultValue = {};  ///< the value after AT#DELFLASH and a reset; "" = none
  bool secret = false;               ///< a credential: masked in logs and reports
};

/// RECi and CCRECi hold at most this many addresses (spec 3.1.5).
inline constexpr std::size_t kMaxAddresses = 10;

/// The legal socket ids of the TCP parameters and commands (spec 5.1).
inline constexpr int kFirstSocketId = 1;
inline constexpr int kLastSocketId = 2;

/// The mail combinations (spec 3.1.3 to 3.1.7, 3.3).
inline constexpr int kFirstCombination = 1;
inline constexpr int kLastCombination = 3;

// The legal values of the Choice parameters.
inline constexpr std::array kAnswermodeChoices{
    Choice{"0", "ignore: the host answers with AT#ACCEPT"},
    Choice{"1", "automatic answer"},
    Choice{"2", "static callback (DIALN1 or DIALN2)"},
    Choice{"3", "dynamic callback (the calling number)"},
};
inline constexpr std::array kDialselectChoices{
    Choice{"1", "primary dial-up number (DIALN1)"},
    Choice{"2", "secondary dial-up number (DIALN2)"},
};
inline constexpr std::array kGprsmodeChoices{
    Choice{"0", "GSM"},
    Choice{"1", "GPRS"},
};
inline constexpr std::array kPppmodeChoices{
    Choice{"1", "standard PPP: client for outgoing calls, server for incoming calls"},
    Choice{"2", "reverse PPP: server for outgoing calls, client for incoming calls"},
    Choice{"3", "PPP client only"},
    Choice{"4", "PPP server only"},
    Choice{"9", "specific behaviour"},
};
inline constexpr std::array kPop3headermodeChoices{
    Choice{"0", "the e-mail header is not sent over the serial port"},
    Choice{"1", "the e-mail header is sent over the serial port"},
};
inline constexpr std::array kFtptypeChoices{
    Choice{"A", "ASCII"},
    Choice{"I", "binary"},
};
inline constexpr std::array kDlemodeChoices{
    Choice{"0", "no ETX processing: the host cannot close, nor see a clear close"},
    Choice{"1", "ETX closes; payload DLE and ETX are escaped with DLE"},
};

namespace detail {

// Spec lengths: most strings are "up to 120 characters", credentials "up to 64".
inline constexpr std::uint16_t kLong = 120;
inline constexpr std::uint16_t kShort = 64;

constexpr ParameterSpec integer(Param id, std::string_view name, std::string_view section,
                                Display display, std::int32_t min, std::int32_t max,
                                std::string_view def, std::int32_t step = 1) {
  return {.id = id, .name = name, .section = section, .kind = ValueKind::Integer,
          .display = display, .min = min, .max = max, .step = step, .defaultValue = def};
}

constexpr ParameterSpec choice(Param id, std::string_view name, std::string_view section,
                               Display display, std::span<const Choice> choices,
                               std::string_view def, Shown shown = Shown::Bare) {
  return {.id = id, .name = name, .section = section, .kind = ValueKind::Choice,
          .display = display, .shown = shown, .choices = choices, .defaultValue = def};
}

constexpr ParameterSpec port(Param id, std::string_view name, std::string_view section,
                             Display display, std::string_view def) {
  return {.id = id, .name = name, .section = section, .kind = ValueKind::Port,
          .display = display, .min = 1, .max = 65535, .defaultValue = def};
}

constexpr ParameterSpec text(Param id, std::string_view name, std::string_view section,
                             Display display, ValueKind kind, std::uint16_t maxLength,
                             std::string_view def = {}, bool secret = false) {
  return {.id = id, .name = name, .section = section, .kind = kind, .display = display,
          .shown = Shown::Quoted, .maxLength = maxLength, .defaultValue = def,
          .secret = secret};
}

constexpr ParameterSpec secretText(Param id, std::string_view name, std::string_view section,
                                   Display display, std::uint16_t maxLength) {
  return text(id, name, section, display, ValueKind::Text, maxLength, {}, true);
}

constexpr ParameterSpec mail(Param id, std::string_view name, std::string_view section,
                             ValueKind kind, std::uint8_t combination) {
  const Display display = kind == ValueKind::Body ? Display::OnlyVall : Display::Vmail;
  ParameterSpec spec = text(id, name, section, display, kind, kLong);
  spec.combination = combination;
  return spec;
}

constexpr ParameterSpec socket(ParameterSpec spec) {
  spec.indexing = Indexing::SocketId;
  return spec;
}

}  // namespace detail

/// All parameters, indexed by Param.
inline constexpr std::array<ParameterSpec, kParameterCount> kParameters = [] {
  using namespace detail;
  using enum Param;
  using enum Display;
  using K = ValueKind;
  return std::array<ParameterSpec, kParameterCount>{
      choice(Answermode, "ANSWERMODE", "2.1.1", Vphy, kAnswermodeChoices, "0"),
      integer(Callbacktimer, "CALLBACKTIMER", "2.1.2", Vphy, 2, 255, "2"),
      text(Callscreennum, "CALLSCREENNUM", "2.1.3", Vphy, K::CallScreen, kShort, "0"),
      text(Dialn1, "DIALN1", "2.1.8", Vphy, K::PhoneNumber, kShort),
      text(Dialn2, "DIALN2", "2.1.9", Vphy, K::PhoneNumber, kShort),
      choice(Dialselect, "DIALSELECT", "2.1.10", Vphy, kDialselectChoices, "1"),
      choice(Gprsmode, "GPRSMODE", "2.1.22", Vphy, kGprsmodeChoices, "1"),
      integer(Phytimeout, "PHYTIMEOUT", "2.1.6", Vphy, 1, 255, "15"),
      integer(Redialcount, "REDIALCOUNT", "2.1.4", Vphy, 0, 14, "5"),
      integer(Redialdelay, "REDIALDELAY", "2.1.5", Vphy, 5, 14, "5"),
      integer(Ringcount, "RINGCOUNT", "2.1.7", Vphy, 0, 15, "0"),

      text(Ispun, "ISPUN", "2.1.12", Vppp, K::Text, kShort),
      secretText(Isppw, "ISPPW", "2.1.11", Vppp, kShort),
      choice(Pppmode, "PPPMODE", "2.1.13", Vppp, kPppmodeChoices, "1"),
      text(Pppmyip, "PPPMYIP", "2.1.14", Vppp, K::Ipv4, 15, "0.0.0.0"),
      text(Ppppeerip, "PPPPEERIP", "2.1.15", Vppp, K::Ipv4, 15, "0.0.0.0"),
      text(Pppservun, "PPPSERVUN", "2.1.16", Vppp, K::Text, kShort),
      secretText(Pppservpw, "PPPSERVPW", "2.1.17", Vppp, kShort),

      integer(Gprscid, "GPRSCID", "2.1.21", Vgprs, 1, 4, "1"),
      secretText(Apnpw, "APNPW", "2.1.18", Vgprs, kLong),
      text(Apnserv, "APNSERV", "2.1.19", Vgprs, K::Text, kLong),
      text(Apnun, "APNUN", "2.1.20", Vgprs, K::Text, kLong),

      text(Dnsserv1, "DNSSERV1", "3.1.17", Vdns, K::Ipv4, 15, "0.0.0.0"),
      text(Dnsserv2, "DNSSERV2", "3.1.18", Vdns, K::Ipv4, 15, "0.0.0.0"),

      text(Ftpserv, "FTPSERV", "4.1.3", Vftp, K::Host, kLong),
      port(Ftpport, "FTPPORT", "4.1.1", Vftp, "21"),
      text(Ftpun, "FTPUN", "4.1.4", Vftp, K::Text, kShort),
      secretText(Ftppw, "FTPPW", "4.1.5", Vftp, kShort),
      choice(Ftptype, "FTPTYPE", "4.1.2", Vftp, kFtptypeChoices, "I", Shown::Equals),
      text(Ftpgetfilename, "FTPGETFILENAME", "4.1.6", Vftp, K::Text, kLong),
      text(Ftpgetpath, "FTPGETPATH", "4.1.7", Vftp, K::Text, kLong),
      text(Ftpputfilename, "FTPPUTFILENAME", "4.1.8", Vftp, K::Text, kLong),
      text(Ftpputpath, "FTPPUTPATH", "4.1.9", Vftp, K::Text, kLong),

      choice(Pop3headermode, "POP3HEADERMODE", "3.1.8", Vpop3, kPop3headermodeChoices, "1"),
      port(Pop3port, "POP3PORT", "3.1.9", Vpop3, "110"),
      secretText(Pop3pw, "POP3PW", "3.1.10", Vpop3, kShort),
      text(Pop3serv, "POP3SERV", "3.1.11", Vpop3, K::Host, kLong),
      text(Pop3un, "POP3UN", "3.1.12", Vpop3, K::Text, kShort),

      text(Domain, "DOMAIN", "3.1.4", Vsmtp, K::Text, kLong),
      text(Senderaddr, "SENDERADDR", "3.1.2", Vsmtp, K::Text, kLong),
      text(Sendername, "SENDERNAME", "3.1.1", Vsmtp, K::Text, kLong),
      port(Smtpport, "SMTPPORT", "3.1.13", Vsmtp, "25"),
      secretText(Smtppw, "SMTPPW", "3.1.14", Vsmtp, kShort),
      text(Smtpserv, "SMTPSERV", "3.1.15", Vsmtp, K::Host, kLong),
      text(Smtpun, "SMTPUN", "3.1.16", Vsmtp, K::Text, kShort),

      mail(Body1, "BODY1", "3.1.7", K::Body, 1),
      mail(Ccrec1, "CCREC1", "3.1.3", K::AddressList, 1),
      mail(Rec1, "REC1", "3.1.5", K::AddressList, 1),
      mail(Subj1, "SUBJ1", "3.1.6", K::Text, 1),
      mail(Body2, "BODY2", "3.1.7", K::Body, 2),
      mail(Ccrec2, "CCREC2", "3.1.3", K::AddressList, 2),
      mail(Rec2, "REC2", "3.1.5", K::AddressList, 2),
      mail(Subj2, "SUBJ2", "3.1.6", K::Text, 2),
      mail(Body3, "BODY3", "3.1.7", K::Body, 3),
      mail(Ccrec3, "CCREC3", "3.1.3", K::AddressList, 3),
      mail(Rec3, "REC3", "3.1.5", K::AddressList, 3),
      mail(Subj3, "SUBJ3", "3.1.6", K::Text, 3),

      socket(choice(Dlemode, "DLEMODE", "5.1.1", Vtcp, kDlemodeChoices, "1")),
      socket(text(Tcpserv, "TCPSERV", "5.1.3", Vtcp, K::Host, kLong)),
      socket(port(Tcpport, "TCPPORT", "5.1.2", Vtcp, "0")),
      socket(integer(Tcptxdelay, "TCPTXDELAY", "5.1.4", Vtcp, 0, 32760, "100", 20)),

      text(Udpserv, "UDPSERV", "6.1.2", Vudp, K::Host, kLong),
      port(Udpport, "UDPPORT", "6.1.1", Vudp, "0"),
      integer(Udptxdelay, "UDPTXDELAY", "6.1.3", Vudp, 0, 32760, "100", 20),

      integer(Pingdelay, "PINGDELAY", "7.1.1", Vping, 1, 255, "1"),
      integer(Pingnum, "PINGNUM", "7.1.2", Vping, 1, 255, "4"),
      text(Pingremote, "PINGREMOTE", "7.1.3", Vping, K::Host, kLong),
  };
}();

/// The spec of @p id.
constexpr const ParameterSpec& spec(Param id) noexcept {
  return kParameters[static_cast<std::size_t>(id)];
}

/// The parameter called @p name, compared case-insensitively ("pppmode" finds PPPMODE).
const ParameterSpec* findParameter(std::string_view name) noexcept;

/// The parameter of mail combination @p combination (1..3) in the family of @p anyMember,
/// e.g. (Rec1, 2) gives REC2. Empty for a parameter outside the mail combinations.
std::optional<Param> inCombination(Param anyMember, int combination) noexcept;

}  // namespace atsharp::catalogue

static_assert(atsharp::catalogue::detail::isIndexedById(atsharp::catalogue::kParameters),
              "kParameters must list the parameters in Param order");

namespace atsharp::catalogue::detail {
static_assert(static_cast<int>(Param::Body2) - static_cast<int>(Param::Body1) == 4 &&
                  static_cast<int>(Param::Subj3) - static_cast<int>(Param::Subj1) == 8,
              "each mail combination is a block of BODY, CCREC, REC, SUBJ");
}  // namespace atsharp::catalogue::detail
