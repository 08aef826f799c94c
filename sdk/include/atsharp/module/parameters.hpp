#pragma once
/// @file
/// The typed parameters: one tag per parameter of the catalogue, in namespace atsharp::param,
/// named as the catalogue names them (param::Pppmode, param::Tcptxdelay, param::Rec1). A tag
/// carries its parameter's value type, chosen from the catalogue's kind of value:
///
/// | kind        | Value                                                        |
/// |-------------|--------------------------------------------------------------|
/// | Choice      | its enumeration (AnswerMode, PppMode, FtpType, ..., choices.hpp) |
/// | Integer     | Timer<P> (a std::chrono duration) for the timers, else Number<P> |
/// | Port        | Port<P>                                                      |
/// | Text        | Text<P>                                                      |
/// | PhoneNumber | PhoneNumber<P>                                               |
/// | CallScreen  | CallScreen                                                   |
/// | Ipv4        | Ipv4Address                                                  |
/// | Host        | Host<P>                                                      |
/// | AddressList | AddressList<RECi or CCRECi of combination 1>                 |
/// | Body        | MailBody<BODY1>                                              |
///
///     module.set(param::Pppmode, PppMode::Reverse);
///     module.set(param::Tcptxdelay, SocketId(2), std::chrono::milliseconds(200));
///     module.set(param::Rec1, {"a@example.com", "b@example.com"});
///     const auto delay = module.get(param::Pingdelay).duration();  // std::chrono::seconds

#include <type_traits>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/values.hpp"

namespace atsharp {

namespace detail {

template <catalogue::Param P>
constexpr auto valueTypeOf() {
  using catalogue::ValueKind;
  constexpr ValueKind kind = catalogue::spec(P).kind;
  constexpr catalogue::Param family = familyOf(P);
  if constexpr (kind == ValueKind::Choice) {
    return std::type_identity<ChoiceEnumOf<P>>{};
  } else if constexpr (kind == ValueKind::Integer && TimerParameter<P>) {
    return std::type_identity<Timer<P>>{};
  } else if constexpr (kind == ValueKind::Integer) {
    return std::type_identity<Number<P>>{};
  } else if constexpr (kind == ValueKind::Port) {
    return std::type_identity<Port<P>>{};
  } else if constexpr (kind == ValueKind::Text) {
    return std::type_identity<Text<family>>{};
  } else if constexpr (kind == ValueKind::PhoneNumber) {
    return std::type_identity<PhoneNumber<P>>{};
  } else if constexpr (kind == ValueKind::CallScreen) {
    return std::type_identity<CallScreen>{};
  } else if constexpr (kind == ValueKind::Ipv4) {
    return std::type_identity<Ipv4Address>{};
  } else if constexpr (kind == ValueKind::Host) {
    return std::type_identity<Host<P>>{};
  } else if constexpr (kind == ValueKind::AddressList) {
    return std::type_identity<AddressList<family>>{};
  } else {
    static_assert(kind == ValueKind::Body);
    return std::type_identity<MailBody<family>>{};
  }
}

}  // namespace detail

/// The value type of parameter @p P.
template <catalogue::Param P>
using ValueOf = typename decltype(detail::valueTypeOf<P>())::type;

/// The default of parameter @p P (the catalogue's), what AT#DELFLASH and a restart give. For
/// the class types it is also their default-made value; an enumeration's default-made value is
/// its first enumerator, not necessarily the parameter's default (GPRSMODE's is Gprs).
template <catalogue::Param P>
ValueOf<P> defaultOf() {
  return *ValueText<ValueOf<P>>::read(catalogue::spec(P).defaultValue);
}

namespace param {

/// The tag of parameter @p P: what Module::set and Module::get take to know the parameter and
/// its value type at compile time.
template <catalogue::Param P>
struct Tag {
  static constexpr catalogue::Param id = P;
  using Value = ValueOf<P>;
  /// True for the TCP parameters, which hold one value per socket (5.1) and take a SocketId.
  static constexpr bool bySocket =
      catalogue::spec(P).indexing == catalogue::Indexing::SocketId;
  static constexpr const catalogue::ParameterSpec& spec() noexcept { return catalogue::spec(P); }
  /// The parameter's default (defaultOf).
  static Value defaultValue() { return defaultOf<P>(); }
};

// Physical layer (2.1)
inline constexpr Tag<catalogue::Param::Answermode> Answermode{};
inline constexpr Tag<catalogue::Param::Callbacktimer> Callbacktimer{};
inline constexpr Tag<catalogue::Param::Callscreennum> Callscreennum{};
inline constexpr Tag<catalogue::Param::Dialn1> Dialn1{};
inline constexpr Tag<catalogue::Param::Dialn2> Dialn2{};
inline constexpr Tag<catalogue::Param::Dialselect> Dialselect{};
inline constexpr Tag<catalogue::Param::Gprsmode> Gprsmode{};
inline constexpr Tag<catalogue::Param::Phytimeout> Phytimeout{};
inline constexpr Tag<catalogue::Param::Redialcount> Redialcount{};
inline constexpr Tag<catalogue::Param::Redialdelay> Redialdelay{};
inline constexpr Tag<catalogue::Param::Ringcount> Ringcount{};
// PPP (2.1)
inline constexpr Tag<catalogue::Param::Ispun> Ispun{};
inline constexpr Tag<catalogue::Param::Isppw> Isppw{};
inline constexpr Tag<catalogue::Param::Pppmode> Pppmode{};
inline constexpr Tag<catalogue::Param::Pppmyip> Pppmyip{};
inline constexpr Tag<catalogue::Param::Ppppeerip> Ppppeerip{};
inline constexpr Tag<catalogue::Param::Pppservun> Pppservun{};
inline constexpr Tag<catalogue::Param::Pppservpw> Pppservpw{};
// GPRS (2.1)
inline constexpr Tag<catalogue::Param::Gprscid> Gprscid{};
inline constexpr Tag<catalogue::Param::Apnpw> Apnpw{};
inline constexpr Tag<catalogue::Param::Apnserv> Apnserv{};
inline constexpr Tag<catalogue::Param::Apnun> Apnun{};
// DNS (3.1.17, 3.1.18)
inline constexpr Tag<catalogue::Param::Dnsserv1> Dnsserv1{};
inline constexpr Tag<catalogue::Param::Dnsserv2> Dnsserv2{};
// FTP (4.1)
inline constexpr Tag<catalogue::Param::Ftpserv> Ftpserv{};
inline constexpr Tag<catalogue::Param::Ftpport> Ftpport{};
inline constexpr Tag<catalogue::Param::Ftpun> Ftpun{};
inline constexpr Tag<catalogue::Param::Ftppw> Ftppw{};
inline constexpr Tag<catalogue::Param::Ftptype> Ftptype{};
inline constexpr Tag<catalogue::Param::Ftpgetfilename> Ftpgetfilename{};
inline constexpr Tag<catalogue::Param::Ftpgetpath> Ftpgetpath{};
inline constexpr Tag<catalogue::Param::Ftpputfilename> Ftpputfilename{};
inline constexpr Tag<catalogue::Param::Ftpputpath> Ftpputpath{};
// POP3 (3.1)
inline constexpr Tag<catalogue::Param::Pop3headermode> Pop3headermode{};
inline constexpr Tag<catalogue::Param::Pop3port> Pop3port{};
inline constexpr Tag<catalogue::Param::Pop3pw> Pop3pw{};
inline constexpr Tag<catalogue::Param::Pop3serv> Pop3serv{};
inline constexpr Tag<catalogue::Param::Pop3un> Pop3un{};
// SMTP (3.1)
inline constexpr Tag<catalogue::Param::Domain> Domain{};
inline constexpr Tag<catalogue::Param::Senderaddr> Senderaddr{};
inline constexpr Tag<catalogue::Param::Sendername> Sendername{};
inline constexpr Tag<catalogue::Param::Smtpport> Smtpport{};
inline constexpr Tag<catalogue::Param::Smtppw> Smtppw{};
inline constexpr Tag<catalogue::Param::Smtpserv> Smtpserv{};
inline constexpr Tag<catalogue::Param::Smtpun> Smtpun{};
// Mail combinations (3.1.3 to 3.1.7)
inline constexpr Tag<catalogue::Param::Body1> Body1{};
inline constexpr Tag<catalogue::Param::Ccrec1> Ccrec1{};
inline constexpr Tag<catalogue::Param::Rec1> Rec1{};
inline constexpr Tag<catalogue::Param::Subj1> Subj1{};
inline constexpr Tag<catalogue::Param::Body2> Body2{};
inline constexpr Tag<catalogue::Param::Ccrec2> Ccrec2{};
inline constexpr Tag<catalogue::Param::Rec2> Rec2{};
inline constexpr Tag<catalogue::Param::Subj2> Subj2{};
inline constexpr Tag<catalogue::Param::Body3> Body3{};
inline constexpr Tag<catalogue::Param::Ccrec3> Ccrec3{};
inline constexpr Tag<catalogue::Param::Rec3> Rec3{};
inline constexpr Tag<catalogue::Param::Subj3> Subj3{};
// TCP sockets (5.1), one value per socket
inline constexpr Tag<catalogue::Param::Dlemode> Dlemode{};
inline constexpr Tag<catalogue::Param::Tcpserv> Tcpserv{};
inline constexpr Tag<catalogue::Param::Tcpport> Tcpport{};
inline constexpr Tag<catalogue::Param::Tcptxdelay> Tcptxdelay{};
// UDP (6.1)
inline constexpr Tag<catalogue::Param::Udpserv> Udpserv{};
inline constexpr Tag<catalogue::Param::Udpport> Udpport{};
inline constexpr Tag<catalogue::Param::Udptxdelay> Udptxdelay{};
// Ping (7.1)
inline constexpr Tag<catalogue::Param::Pingdelay> Pingdelay{};
inline constexpr Tag<catalogue::Param::Pingnum> Pingnum{};
inline constexpr Tag<catalogue::Param::Pingremote> Pingremote{};

}  // namespace param

/// True for a tag of namespace param.
template <class T>
concept ParameterTag = requires {
  { T::id } -> std::convertible_to<catalogue::Param>;
  typename T::Value;
} && std::is_same_v<T, param::Tag<T::id>>;

}  // namespace atsharp
