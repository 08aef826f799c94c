#pragma once
/// @file
/// The display commands' answers as structs (spec 2.3 to 8.3).
///
/// The parameter displays (AT#VPHY ... AT#VPING, AT#VMAILi, AT#VTCP=id) hold the typed value of
/// each parameter they show, the set and order the catalogue gives (catalogue/displays.hpp);
/// a value is reached by the parameter's tag, with the same type Module::get gives:
///
///     const PppDisplay ppp = module.vppp();
///     if (ppp[param::Pppmode] == PppMode::Reverse) ...
///     const auto port = module.vtcp(SocketId(2))[param::Tcpport];
///
/// A default-made display holds every parameter's default: after AT#DELFLASH and a restart,
/// `module.vphy() == PhyDisplay{}`.
///
/// Reading is liberal where the spec shows several forms (docs/spec-decisions.md #7): `#NAME:
/// value`, `#NAME = value` (`#FTPTYPE = I`), `#NAME : value` (`#UDPPORT : 0`), `#NAME:value`
/// (`#PINGDELAY:1`), `NAME=value` (`REC1=` in 3.5.2), values quoted or not, lines in any
/// order (AT#VUDP and AT#VALL order UDP differently). An answer that does not fit (a line that
/// is no parameter of the display, a parameter missing or shown twice, a value the parameter
/// cannot hold) throws ProtocolError holding the answer, credentials masked.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "atsharp/catalogue/displays.hpp"
#include "atsharp/module/errors.hpp"
#include "atsharp/module/ids.hpp"
#include "atsharp/module/ipv4_address.hpp"
#include "atsharp/module/parameters.hpp"

namespace atsharp {

namespace detail {
struct DisplayReader;
}

/// The parameters display command @p D shows, each with its typed value.
template <catalogue::Display D>
class ShownParameters {
  static constexpr std::span<const catalogue::Param> kShows = catalogue::spec(D).shows;
  static constexpr std::size_t kNone = kShows.size();

  template <std::size_t... I>
  static auto valuesOf(std::index_sequence<I...>) -> std::tuple<ValueOf<kShows[I]>...>;
  using Values = decltype(valuesOf(std::make_index_sequence<kShows.size()>()));

  // The mail displays list combination 1's parameters; a tag of any combination finds its own.
  static constexpr std::size_t indexOf(catalogue::Param parameter) noexcept {
    for (std::size_t i = 0; i < kShows.size(); ++i) {
      if (kShows[i] == detail::familyOf(parameter)) return i;
    }
    return kNone;
  }

 public:
  static constexpr catalogue::Display display = D;

  /// The parameters shown, in the order the command shows them.
  static constexpr std::span<const catalogue::Param> shows() noexcept { return kShows; }

  /// Every parameter at its default.
  ShownParameters() : values_(defaults(std::make_index_sequence<kShows.size()>())) {}

  /// The value of the parameter of @p tag.
  template <ParameterTag Tag>
  const typename Tag::Value& operator[](const Tag&) const {
    static_assert(indexOf(Tag::id) != kNone, "this display command does not show the parameter");
    return std::get<indexOf(Tag::id)>(values_);
  }
  template <ParameterTag Tag>
  typename Tag::Value& operator[](const Tag&) {
    static_assert(indexOf(Tag::id) != kNone, "this display command does not show the parameter");
    return std::get<indexOf(Tag::id)>(values_);
  }

  /// The value of @p parameter as getText() gives it. Throws UsageError for a parameter the
  /// display does not show.
  std::string text(catalogue::Param parameter) const {
    const std::size_t index = indexOf(parameter);
    if (index == kNone) {
      throw UsageError("AT#" + std::string(catalogue::spec(D).command) + " does not show " +
                       std::string(catalogue::spec(parameter).name));
    }
    return textAt(index, std::make_index_sequence<kShows.size()>());
  }

  bool operator==(const ShownParameters&) const = default;

 private:
  friend struct detail::DisplayReader;

  template <std::size_t... I>
  static Values defaults(std::index_sequence<I...>) {
    return Values{defaultOf<kShows[I]>()...};
  }

  template <std::size_t... I>
  std::string textAt(std::size_t index, std::index_sequence<I...>) const {
    std::string text;
    ((I == index
          ? void(text = ValueText<std::tuple_element_t<I, Values>>::write(std::get<I>(values_)))
          : void()),
     ...);
    return text;
  }

  Values values_;
};

/// AT#VPHY (2.6): ANSWERMODE ... RINGCOUNT, GPRSMODE included (docs/spec-decisions.md #6).
using PhyDisplay = ShownParameters<catalogue::Display::Vphy>;
/// AT#VPPP (2.4).
using PppDisplay = ShownParameters<catalogue::Display::Vppp>;
/// AT#VGPRS (2.5).
using GprsDisplay = ShownParameters<catalogue::Display::Vgprs>;
/// AT#VSMTP (3.7).
using SmtpDisplay = ShownParameters<catalogue::Display::Vsmtp>;
/// AT#VPOP3 (3.6).
using Pop3Display = ShownParameters<catalogue::Display::Vpop3>;
/// AT#VDNS (3.8).
using DnsDisplay = ShownParameters<catalogue::Display::Vdns>;
/// AT#VFTP (4.4).
using FtpDisplay = ShownParameters<catalogue::Display::Vftp>;
/// AT#VUDP (6.5).
using UdpDisplay = ShownParameters<catalogue::Display::Vudp>;
/// AT#VPING (7.3).
using PingDisplay = ShownParameters<catalogue::Display::Vping>;

/// AT#VMAILi (3.5): RECi, CCRECi and SUBJi of one mail combination (not BODYi, 3.5.1).
struct MailDisplay : ShownParameters<catalogue::Display::Vmail> {
  MailCombination combination{1};

  /// The value of the parameter of @p tag, which must belong to this combination (UsageError
  /// otherwise: REC2 is not shown by AT#VMAIL1).
  template <ParameterTag Tag>
  const typename Tag::Value& operator[](const Tag& tag) const {
    requireCombination(Tag::id);
    return ShownParameters::operator[](tag);
  }
  template <ParameterTag Tag>
  typename Tag::Value& operator[](const Tag& tag) {
    requireCombination(Tag::id);
    return ShownParameters::operator[](tag);
  }
  std::string text(catalogue::Param parameter) const {
    requireCombination(parameter);
    return ShownParameters::text(parameter);
  }

  bool operator==(const MailDisplay&) const = default;

 private:
  void requireCombination(catalogue::Param parameter) const;
};

/// AT#VTCP=id (5.5): DLEMODE, TCPSERV, TCPPORT and TCPTXDELAY of one socket.
struct TcpDisplay : ShownParameters<catalogue::Display::Vtcp> {
  SocketId id{1};
  bool operator==(const TcpDisplay&) const = default;
};

/// AT#VALL (8.3): the software's name (its first line), then every parameter, grouped as the
/// display commands show them. Each member equals what its own display command shows.
struct AllDisplay {
  std::string software;  ///< "eDsoft-W302_V03.00"
  PhyDisplay phy;
  PppDisplay ppp;
  GprsDisplay gprs;
  DnsDisplay dns;
  FtpDisplay ftp;
  Pop3Display pop3;
  SmtpDisplay smtp;
  std::array<MailDisplay, 3> mail{MailDisplay{{}, MailCombination(1)},
                                  MailDisplay{{}, MailCombination(2)},
                                  MailDisplay{{}, MailCombination(3)}};
  /// BODY1 to BODY3, which AT#VALL alone shows (3.5.1, 8.3.2).
  std::array<ValueOf<catalogue::Param::Body1>, 3> body;
  std::array<TcpDisplay, 2> tcp{TcpDisplay{{}, SocketId(1)}, TcpDisplay{{}, SocketId(2)}};
  UdpDisplay udp;
  PingDisplay ping;

  /// The value of any parameter but the TCP ones.
  template <ParameterTag Tag>
  const typename Tag::Value& operator[](const Tag& tag) const;
  /// The value of a TCP parameter of socket @p id.
  template <ParameterTag Tag>
  const typename Tag::Value& get(const Tag& tag, SocketId id) const {
    static_assert(Tag::bySocket, "only the TCP parameters take a SocketId");
    return tcp[static_cast<std::size_t>(id.value() - 1)][tag];
  }
  /// The value of @p parameter as getText() gives it (@p id for the TCP parameters only).
  std::string text(catalogue::Param parameter, std::optional<SocketId> id = {}) const;

  bool operator==(const AllDisplay&) const = default;
};

template <ParameterTag Tag>
const typename Tag::Value& AllDisplay::operator[](const Tag& tag) const {
  using catalogue::Display;
  constexpr const catalogue::ParameterSpec& spec = catalogue::spec(Tag::id);
  static_assert(!Tag::bySocket, "a TCP parameter holds one value per socket: get(tag, id)");
  if constexpr (spec.display == Display::Vphy) return phy[tag];
  else if constexpr (spec.display == Display::Vppp) return ppp[tag];
  else if constexpr (spec.display == Display::Vgprs) return gprs[tag];
  else if constexpr (spec.display == Display::Vdns) return dns[tag];
  else if constexpr (spec.display == Display::Vftp) return ftp[tag];
  else if constexpr (spec.display == Display::Vpop3) return pop3[tag];
  else if constexpr (spec.display == Display::Vsmtp) return smtp[tag];
  else if constexpr (spec.display == Display::Vmail) return mail[spec.combination - 1][tag];
  else if constexpr (spec.display == Display::OnlyVall) return body[spec.combination - 1];
  else if constexpr (spec.display == Display::Vudp) return udp[tag];
  else {
    static_assert(spec.display == Display::Vping);
    return ping[tag];
  }
}

/// AT#VSTATE (8.2): the module's state.
enum class ModuleState {
  Idle,            ///< "IDLE"
  Checking,        ///< "CHECKING": setting up a connection, or answering a call
  Dialing,         ///< "DIALING": dialing the ISP, not yet connected
  Authenticating,  ///< "AUTHENTICATING": connected, PPP not yet negotiated
  Connected,       ///< "CONNECTED": an IP address has been attributed
  Disconnecting,   ///< "DISCONNECTING"
  NoService,       ///< `#NO SERVICE`: no radio connection
};

/// The state as AT#VSTATE writes it: "IDLE" ... "DISCONNECTING", and "NO SERVICE".
std::string_view stateName(ModuleState state) noexcept;

/// AT#VVERSION (8.1): `#VERSION: "<file name> <file size> <date and time of generation>"`.
struct VersionDisplay {
  std::string text;       ///< the whole value: "eDsoft-W302_V03.00 67826 Jan 14 2005 12:00:00"
  std::string fileName;   ///< "eDsoft-W302_V03.00"
  std::uint32_t fileSize = 0;  ///< 67826
  std::string generated;  ///< "Jan 14 2005 12:00:00"
  bool operator==(const VersionDisplay&) const = default;
};

/// AT#DISPLAYIP (2.3): the addresses of the IP link.
struct IpDisplay {
  /// Which label the module gave the second address: `PEER IP:` over GSM, `Gateway IP:` over
  /// GPRS (2.3.2, docs/spec-decisions.md #11).
  enum class PeerLabel { Peer, Gateway };

  Ipv4Address myIp;    ///< MY IP: the module's address
  Ipv4Address peerIp;  ///< PEER IP or Gateway IP
  PeerLabel peerLabel = PeerLabel::Peer;
  bool operator==(const IpDisplay&) const = default;
};

// Reading answers the caller got itself (Module::raw): the information lines of the answer
// (Reply::lines). Each throws ProtocolError when they do not fit.

/// The answer of a parameter display command: D one of Vphy, Vppp, Vgprs, Vdns, Vftp, Vpop3,
/// Vsmtp, Vudp, Vping.
template <catalogue::Display D>
ShownParameters<D> parseDisplay(std::span<const std::string> lines);
/// The answer of AT#VMAILi.
MailDisplay parseMailDisplay(std::span<const std::string> lines, MailCombination combination);
/// The answer of AT#VTCP=id.
TcpDisplay parseTcpDisplay(std::span<const std::string> lines, SocketId id);
/// The answer of AT#VALL.
AllDisplay parseAllDisplay(std::span<const std::string> lines);
/// The answer of AT#VSTATE: one `#STATE: "..."` line, or `#NO SERVICE`.
ModuleState parseModuleState(std::span<const std::string> lines);
/// The answer of AT#VVERSION, `#VERSION: "..."` or `#VERSION = "..."` (A.1), possibly broken
/// over two lines as the spec prints it.
VersionDisplay parseVersionDisplay(std::span<const std::string> lines);
/// The answer of AT#DISPLAYIP.
IpDisplay parseIpDisplay(std::span<const std::string> lines);

}  // namespace atsharp
