#pragma once
/// @file
/// The parameters with a fixed set of legal values, as enumerations: ANSWERMODE, DIALSELECT,
/// GPRSMODE, PPPMODE, POP3HEADERMODE, FTPTYPE and DLEMODE. Each enumerator stands for the
/// catalogue's choice at its position (catalogue::spec(P).choices), which gives its token
/// ("9" for PppMode::Specific, "I" for FtpType::Binary): the tokens are not written twice.

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "atsharp/catalogue/parameters.hpp"

namespace atsharp {

/// ANSWERMODE (2.1.1): what the module does with an incoming call.
enum class AnswerMode {
  Ignore,           ///< 0: the host answers with AT#ACCEPT
  AutomaticAnswer,  ///< 1: off hook at the RINGCOUNT-th ring
  StaticCallback,   ///< 2: ends the call, then dials DIALN1 or DIALN2
  DynamicCallback,  ///< 3: ends the call, then dials the caller back
};

/// DIALSELECT (2.1.10): which number AT#CONNECTIONSTART dials.
enum class DialSelect {
  Primary,    ///< 1: DIALN1
  Secondary,  ///< 2: DIALN2
};

/// GPRSMODE (2.1.22).
enum class GprsMode {
  Gsm,   ///< 0
  Gprs,  ///< 1
};

/// PPPMODE (2.1.13): the PPP role for outgoing and incoming calls.
enum class PppMode {
  Standard,    ///< 1: client for outgoing calls, server for incoming calls
  Reverse,     ///< 2: server for outgoing calls, client for incoming calls
  ClientOnly,  ///< 3
  ServerOnly,  ///< 4
  Specific,    ///< 9: reserved for a specific behaviour
};

/// POP3HEADERMODE (3.1.8): whether AT#GETMAIL sends the mail's header.
enum class Pop3HeaderMode {
  HeaderNotSent,  ///< 0
  HeaderSent,     ///< 1
};

/// FTPTYPE (4.1.2).
enum class FtpType {
  Ascii,   ///< A: 7-bit NVT-ASCII (binary data is corrupted)
  Binary,  ///< I
};

/// DLEMODE (5.1.1): how a TCP socket's data mode treats ETX.
enum class DleMode {
  Off,  ///< 0: ETX is payload; neither side can signal the end of the connection
  On,   ///< 1: ETX ends the connection; payload DLE and ETX are escaped with DLE
};

/// The parameter whose values enumeration @p E lists.
template <class E>
struct ChoiceOf;
template <> struct ChoiceOf<AnswerMode> { static constexpr auto param = catalogue::Param::Answermode; };
template <> struct ChoiceOf<DialSelect> { static constexpr auto param = catalogue::Param::Dialselect; };
template <> struct ChoiceOf<GprsMode> { static constexpr auto param = catalogue::Param::Gprsmode; };
template <> struct ChoiceOf<PppMode> { static constexpr auto param = catalogue::Param::Pppmode; };
template <> struct ChoiceOf<Pop3HeaderMode> { static constexpr auto param = catalogue::Param::Pop3headermode; };
template <> struct ChoiceOf<FtpType> { static constexpr auto param = catalogue::Param::Ftptype; };
template <> struct ChoiceOf<DleMode> { static constexpr auto param = catalogue::Param::Dlemode; };

/// True for the enumerations above.
template <class E>
concept ChoiceEnum = std::is_enum_v<E> && requires { ChoiceOf<E>::param; };

namespace detail {

template <class E>
constexpr std::size_t choiceIndex(E value) noexcept {
  return static_cast<std::size_t>(value);
}

// Finds the enumeration of the Choice parameter P among those above.
template <catalogue::Param P, class... Enums>
struct FindChoice;
template <catalogue::Param P, class First, class... Rest>
struct FindChoice<P, First, Rest...>
    : std::conditional_t<ChoiceOf<First>::param == P, std::type_identity<First>,
                         FindChoice<P, Rest...>> {};

}  // namespace detail

/// The enumeration of Choice parameter @p P: ChoiceEnumOf<Param::Pppmode> is PppMode.
template <catalogue::Param P>
using ChoiceEnumOf = typename detail::FindChoice<P, AnswerMode, DialSelect, GprsMode, PppMode,
                                                 Pop3HeaderMode, FtpType, DleMode>::type;

/// The token the module reads and shows for @p value: "9" for PppMode::Specific.
template <ChoiceEnum E>
constexpr std::string_view token(E value) noexcept {
  return catalogue::spec(ChoiceOf<E>::param).choices[detail::choiceIndex(value)].token;
}

/// What @p value means, in the spec's words (catalogue::Choice::meaning).
template <ChoiceEnum E>
constexpr std::string_view meaning(E value) noexcept {
  return catalogue::spec(ChoiceOf<E>::param).choices[detail::choiceIndex(value)].meaning;
}

/// The value whose token is @p text; nothing for another text.
template <ChoiceEnum E>
constexpr std::optional<E> fromToken(std::string_view text) noexcept {
  const auto& choices = catalogue::spec(ChoiceOf<E>::param).choices;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (choices[i].token == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

namespace detail {
// Each enumeration has as many enumerators as its parameter has choices, in the same order.
template <ChoiceEnum E, E last>
constexpr bool coversChoices() {
  return choiceIndex(last) + 1 == catalogue::spec(ChoiceOf<E>::param).choices.size();
}
static_assert(coversChoices<AnswerMode, AnswerMode::DynamicCallback>());
static_assert(coversChoices<DialSelect, DialSelect::Secondary>());
static_assert(coversChoices<GprsMode, GprsMode::Gprs>());
static_assert(coversChoices<PppMode, PppMode::Specific>());
static_assert(coversChoices<Pop3HeaderMode, Pop3HeaderMode::HeaderSent>());
static_assert(coversChoices<FtpType, FtpType::Binary>());
static_assert(coversChoices<DleMode, DleMode::On>());
}  // namespace detail

}  // namespace atsharp
