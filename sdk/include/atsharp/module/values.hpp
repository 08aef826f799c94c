#pragma once
/// @file
/// The value types of the parameters (spec 2.1 to 7.1), one kind of value each, bounded by the
/// catalogue. A value is checked when it is made, by the catalogue's rules (checkValue), and an
/// illegal one throws IllegalValueError naming the parameter, the value and the legal values:
///
///     ValueOf<catalogue::Param::Pingnum> n = 300;
///     // IllegalValueError: PINGNUM "300": must be an integer from 1 to 255
///
/// so a value that exists is one the module takes. A default-made value is the parameter's
/// default (the catalogue's), which is what AT#DELFLASH and a restart give.
///
/// The mail combinations (RECi, CCRECi, SUBJi, BODYi) follow the same rules for i = 1, 2, 3 and
/// share one type per family, keyed by the combination-1 parameter; their errors name the
/// family as the spec does ("RECi"). Module::setText, which knows which one it sets, names it
/// ("REC2").
///
/// Credentials (the catalogue's `secret` parameters) are masked in every error.

#include <chrono>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/choices.hpp"
#include "atsharp/module/ipv4_address.hpp"

namespace atsharp {

namespace detail {

/// The parameter of combination 1 in @p parameter's mail family (REC2 gives REC1); any other
/// parameter is its own.
constexpr catalogue::Param familyOf(catalogue::Param parameter) noexcept {
  const int combination = catalogue::spec(parameter).combination;
  if (combination == 0) return parameter;
  // The catalogue declares the combinations as blocks of the same four parameters.
  constexpr int kBlock =
      static_cast<int>(catalogue::Param::Body2) - static_cast<int>(catalogue::Param::Body1);
  return static_cast<catalogue::Param>(static_cast<int>(parameter) - (combination - 1) * kBlock);
}

/// Throws IllegalValueError unless @p text is a legal value of @p key (a family's parameters
/// are named as a family: "RECi"). Secret values are masked in the error.
void requireLegal(catalogue::Param key, std::string_view text);

/// True when @p text is a legal value of @p key.
bool isLegal(catalogue::Param key, std::string_view text) noexcept;

/// The catalogue's default of @p parameter as a number (the numeric kinds all have one).
int defaultNumber(catalogue::Param parameter) noexcept;

/// @p addresses without surrounding spaces and without empty entries (as the module reads an
/// AT#RECiADD entry, 3.1.5), checked: at most kMaxAddresses, each legal for @p key.
std::vector<std::string> checkedAddresses(catalogue::Param key,
                                          std::vector<std::string> addresses);

/// @p text split at its commas (the form the displays show a list in, docs/spec-decisions.md).
std::vector<std::string> splitAddresses(std::string_view text);

/// @p text with its line breaks (CR, LF or CR LF) as CR LF and a final one dropped, as the
/// module stores a body (3.1.7, docs/spec-decisions.md #13), checked for @p key.
std::string checkedBody(catalogue::Param key, std::string_view text);

/// The unit of each timer parameter, which the catalogue gives as a bare integer.
template <catalogue::Param P>
struct TimerUnit {};
template <> struct TimerUnit<catalogue::Param::Callbacktimer> { using type = std::chrono::seconds; };
template <> struct TimerUnit<catalogue::Param::Phytimeout> { using type = std::chrono::minutes; };
template <> struct TimerUnit<catalogue::Param::Redialdelay> { using type = std::chrono::seconds; };
template <> struct TimerUnit<catalogue::Param::Pingdelay> { using type = std::chrono::seconds; };
template <> struct TimerUnit<catalogue::Param::Tcptxdelay> { using type = std::chrono::milliseconds; };
template <> struct TimerUnit<catalogue::Param::Udptxdelay> { using type = std::chrono::milliseconds; };

/// True for an Integer parameter that counts time.
template <catalogue::Param P>
concept TimerParameter = requires { typename TimerUnit<P>::type; };

template <class S>
concept StringLike = std::convertible_to<const S&, std::string_view>;

/// A string checked against parameter @p P: the shared part of Text, PhoneNumber, Host and
/// CallScreen.
template <catalogue::Param P>
class CheckedText {
 public:
  /// The most characters a value holds.
  static constexpr std::size_t maxLength = catalogue::spec(P).maxLength;

  /// The parameter's default ("" for most).
  CheckedText() : text_(catalogue::spec(P).defaultValue) {}
  /// Throws IllegalValueError when @p text is not legal for @p P.
  template <StringLike S>
  CheckedText(const S& text) : text_(std::string_view(text)) {
    requireLegal(P, text_);
  }

  const std::string& str() const noexcept { return text_; }
  bool empty() const noexcept { return text_.empty(); }
  /// The value as the module reads it.
  const std::string& text() const noexcept { return text_; }

  bool operator==(const CheckedText&) const = default;
  template <StringLike S>
  bool operator==(const S& other) const noexcept {
    return text_ == std::string_view(other);
  }

 protected:
  std::string text_;
};

}  // namespace detail

/// An integer parameter that counts something (REDIALCOUNT, RINGCOUNT, GPRSCID, PINGNUM),
/// within the catalogue's bounds.
template <catalogue::Param P>
class Number {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::Integer);

 public:
  static constexpr int min = catalogue::spec(P).min;
  static constexpr int max = catalogue::spec(P).max;

  /// The parameter's default.
  Number() : value_(detail::defaultNumber(P)) {}
  /// Throws IllegalValueError outside [min, max].
  Number(int value) : value_(value) { detail::requireLegal(P, std::to_string(value)); }

  int value() const noexcept { return value_; }
  std::string text() const { return std::to_string(value_); }
  /// The value the module shows as @p text; nothing when it is not legal.
  static std::optional<Number> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return Number(*catalogue::parseDecimal(text));
  }

  bool operator==(const Number&) const = default;
  bool operator==(int other) const noexcept { return value_ == other; }

 private:
  int value_;
};

/// A timer parameter (CALLBACKTIMER and REDIALDELAY in seconds, PHYTIMEOUT in minutes,
/// PINGDELAY in seconds, TCPTXDELAY and UDPTXDELAY in milliseconds, multiples of 20), as a
/// std::chrono duration in the parameter's unit, within the catalogue's bounds.
template <catalogue::Param P>
class Timer {
  static_assert(detail::TimerParameter<P>, "not a timer parameter");

 public:
  using Unit = typename detail::TimerUnit<P>::type;
  static constexpr Unit min{catalogue::spec(P).min};
  static constexpr Unit max{catalogue::spec(P).max};
  /// The spec's granularity (20 ms for the TX delays).
  static constexpr Unit step{catalogue::spec(P).step};

  /// The parameter's default.
  Timer() : duration_(detail::defaultNumber(P)) {}
  /// Any duration that converts to Unit without loss (90s for a timer in minutes does not).
  /// Throws IllegalValueError outside [min, max] or off the step.
  template <class Rep, class Period>
    requires std::is_convertible_v<std::chrono::duration<Rep, Period>, Unit>
  Timer(std::chrono::duration<Rep, Period> duration) : duration_(duration) {
    detail::requireLegal(P, std::to_string(duration_.count()));
  }

  Unit duration() const noexcept { return duration_; }
  typename Unit::rep count() const noexcept { return duration_.count(); }
  std::string text() const { return std::to_string(duration_.count()); }
  static std::optional<Timer> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return Timer(Unit(*catalogue::parseDecimal(text)));
  }

  bool operator==(const Timer&) const = default;
  bool operator==(Unit other) const noexcept { return duration_ == other; }

 private:
  Unit duration_;
};

/// A port (FTPPORT, POP3PORT, SMTPPORT, TCPPORT, UDPPORT): 1 to 65535. TCPPORT and UDPPORT
/// start at 0, "not set" (docs/spec-decisions.md #21): such a value can be read, not sent.
template <catalogue::Param P>
class Port {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::Port);

 public:
  /// True when the parameter's default is 0, "not set".
  static constexpr bool hasNotSet = catalogue::spec(P).defaultValue == "0";

  /// The parameter's default (not set, for TCPPORT and UDPPORT).
  Port() : number_(detail::defaultNumber(P)) {}
  /// Throws IllegalValueError outside 1..65535.
  Port(int number) : number_(number) { detail::requireLegal(P, std::to_string(number)); }
  /// The value of a port never set (0).
  static Port notSet()
    requires hasNotSet
  {
    return Port();
  }

  bool isSet() const noexcept { return number_ != 0; }
  /// The port number; 0 when not set.
  int number() const noexcept { return number_; }
  std::string text() const { return std::to_string(number_); }
  static std::optional<Port> fromText(std::string_view text) {
    if (hasNotSet && text == "0") return Port();
    if (!detail::isLegal(P, text)) return std::nullopt;
    return Port(*catalogue::parseDecimal(text));
  }

  bool operator==(const Port&) const = default;
  bool operator==(int other) const noexcept { return number_ == other; }

 private:
  int number_;
};

/// ASCII text of at most maxLength characters, without '"' (user names, passwords, APN, file
/// names, paths, DOMAIN, SENDERADDR, SUBJi ...). "" clears the parameter.
template <catalogue::Param P>
class Text : public detail::CheckedText<P> {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::Text);

 public:
  using detail::CheckedText<P>::CheckedText;
  static std::optional<Text> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return Text(text);
  }
};

/// DIALN1, DIALN2 (2.1.8, 2.1.9): decimal digits with an optional leading '+'; "" for none.
template <catalogue::Param P>
class PhoneNumber : public detail::CheckedText<P> {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::PhoneNumber);

 public:
  using detail::CheckedText<P>::CheckedText;
  static std::optional<PhoneNumber> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return PhoneNumber(text);
  }
};

/// A server: a dotted-decimal address or a host name that the module looks up through
/// DNSSERV1/DNSSERV2 (FTPSERV, POP3SERV, SMTPSERV, TCPSERV, UDPSERV, PINGREMOTE). "" for none.
template <catalogue::Param P>
class Host : public detail::CheckedText<P> {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::Host);

 public:
  using detail::CheckedText<P>::CheckedText;
  Host(const Ipv4Address& address) : detail::CheckedText<P>(address.toString()) {}

  /// The address, when the value is one; nothing for a name (or none).
  std::optional<Ipv4Address> address() const { return Ipv4Address::parse(this->text_); }
  /// True for a name the module resolves.
  bool isName() const { return !this->text_.empty() && !address(); }

  static std::optional<Host> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return Host(text);
  }
};

/// CALLSCREENNUM (2.1.3): which callers the automatic answer modes let in: nobody ("0"),
/// everybody ("*"), or the one caller given (a number, or a name as a caller-id service may
/// give it, docs/spec-decisions.md #17).
class CallScreen : public detail::CheckedText<catalogue::Param::Callscreennum> {
 public:
  using CheckedText::CheckedText;
  /// "0": no remote caller authorised (the default).
  static CallScreen nobody() { return CallScreen("0"); }
  /// "*": no filtering.
  static CallScreen everybody() { return CallScreen("*"); }

  bool letsNobodyIn() const noexcept { return text_ == "0"; }
  bool letsEverybodyIn() const noexcept { return text_ == "*"; }
  /// The one caller let in; nothing for nobody or everybody.
  std::optional<std::string> caller() const {
    if (letsNobodyIn() || letsEverybodyIn()) return std::nullopt;
    return text_;
  }

  static std::optional<CallScreen> fromText(std::string_view text) {
    if (!detail::isLegal(catalogue::Param::Callscreennum, text)) return std::nullopt;
    return CallScreen(text);
  }
};

/// RECi and CCRECi (3.1.3, 3.1.5): up to ten e-mail addresses. The module is given an empty
/// list as `AT#RECi=""`, one address as `AT#RECi="a@b.c"` and several through the
/// AT#RECiADD entry (AT#CCRECiADD for CCRECi), which replaces the whole list.
template <catalogue::Param P>
class AddressList {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::AddressList);

 public:
  static constexpr std::size_t maxAddresses = catalogue::kMaxAddresses;
  /// The most characters of one address.
  static constexpr std::size_t maxLength = catalogue::spec(P).maxLength;

  /// No address (the default).
  AddressList() = default;
  /// Spaces around an address and empty entries are dropped (as the module reads an entry).
  /// Throws IllegalValueError for more than maxAddresses or an illegal address.
  AddressList(std::initializer_list<std::string_view> addresses)
      : addresses_(detail::checkedAddresses(P, {addresses.begin(), addresses.end()})) {}
  /// One address.
  template <detail::StringLike S>
  AddressList(const S& address)
      : addresses_(detail::checkedAddresses(P, {std::string(std::string_view(address))})) {}
  explicit AddressList(std::vector<std::string> addresses)
      : addresses_(detail::checkedAddresses(P, std::move(addresses))) {}

  const std::vector<std::string>& addresses() const noexcept { return addresses_; }
  std::size_t size() const noexcept { return addresses_.size(); }
  bool empty() const noexcept { return addresses_.empty(); }
  auto begin() const noexcept { return addresses_.begin(); }
  auto end() const noexcept { return addresses_.end(); }

  /// The addresses joined with ",", as the displays show them.
  std::string text() const {
    std::string joined;
    for (const std::string& address : addresses_) {
      if (!joined.empty()) joined += ',';
      joined += address;
    }
    return joined;
  }
  /// The list a display shows as @p text ("a@b.c,d@e.f"); nothing when it is not legal.
  static std::optional<AddressList> fromText(std::string_view text) {
    std::vector<std::string> addresses = detail::splitAddresses(text);
    if (addresses.size() > maxAddresses) return std::nullopt;
    for (const std::string& address : addresses) {
      if (!detail::isLegal(P, address)) return std::nullopt;
    }
    return AddressList(std::move(addresses));
  }

  bool operator==(const AddressList&) const = default;

 private:
  std::vector<std::string> addresses_;
};

/// BODYi (3.1.7): a predefined mail body of at most maxLength characters, over lines. Its line
/// breaks are kept as CR LF (a CR, an LF or both become CR LF; a final one is dropped: the
/// module does the same with what is typed), and count two characters each. The module is
/// given it as AT#BODYi<CR>, the text, Ctrl-Z.
///
/// A body holding the two characters `\n` reads back as a line break: the module shows line
/// breaks that way (docs/spec-decisions.md #13).
template <catalogue::Param P>
class MailBody {
  static_assert(catalogue::spec(P).kind == catalogue::ValueKind::Body);

 public:
  static constexpr std::size_t maxLength = catalogue::spec(P).maxLength;

  /// No body (the default).
  MailBody() = default;
  /// Throws IllegalValueError when the text is too long or holds a character not allowed.
  template <detail::StringLike S>
  MailBody(const S& text) : text_(detail::checkedBody(P, std::string_view(text))) {}

  /// The body, line breaks as CR LF.
  const std::string& str() const noexcept { return text_; }
  const std::string& text() const noexcept { return text_; }
  bool empty() const noexcept { return text_.empty(); }
  static std::optional<MailBody> fromText(std::string_view text) {
    if (!detail::isLegal(P, text)) return std::nullopt;
    return MailBody(text);
  }

  bool operator==(const MailBody&) const = default;
  template <detail::StringLike S>
  bool operator==(const S& other) const noexcept {
    return text_ == std::string_view(other);
  }

 private:
  std::string text_;
};

/// How a value is written for the module and read back from its answers: write() gives the
/// text the module takes (without quotes), read() the value a shown text stands for, or
/// nothing when the text is not a legal value.
template <class V>
struct ValueText {
  static std::string write(const V& value) { return std::string(value.text()); }
  static std::optional<V> read(std::string_view text) { return V::fromText(text); }
};

template <ChoiceEnum E>
struct ValueText<E> {
  static std::string write(E value) { return std::string(token(value)); }
  static std::optional<E> read(std::string_view text) { return fromToken<E>(text); }
};

template <>
struct ValueText<Ipv4Address> {
  static std::string write(const Ipv4Address& value) { return value.toString(); }
  static std::optional<Ipv4Address> read(std::string_view text) {
    return Ipv4Address::parse(text);
  }
};

}  // namespace atsharp
