#pragma once
/// @file
/// The response messages of the AT# command set (spec 9.1), and the few messages the command
/// tables use that 9.1 does not list, declared once, as data.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "atsharp/catalogue/indexed_table.hpp"

namespace atsharp::catalogue {

/// Every response message, in the order of 9.1, then the ones only the tables use.
enum class Result : std::uint8_t {
  // Standard AT messages (9.1)
  Ok, NoCarrier, Busy, NoAnswer, Error, Ring,
  Connect300, Connect1200, Connect1200_75, Connect2400, Connect4800, Connect9600, Connect14400,
  // Information messages (9.1)
  DataBegin, WaitingForData, SocketClosed, NoMail, Mail, Ppp, GprsActivation,
  // Used by the tables, absent from 9.1 (no numeric form)
  Dialing, PppOk, PppError, Timeout, NoService,
};

/// How a message relates to the command it answers. The SDK decides per command; this is the
/// message's usual part.
enum class ResultRole : std::uint8_t {
  Final,         ///< ends the command (OK, ERROR, Ok_Info_NoMail, Ok_Info_Ppp, ...)
  Intermediate,  ///< more follows for the same command (Ok_Info_SocketClosed, Ok_Info_Mail)
  CallProgress,  ///< a step of a call attempt (DIALING, CONNECT, BUSY, NO CARRIER, PPP OK)
  Unsolicited,   ///< not an answer to a command (RING, TIMEOUT)
};

/// What the host must do with the bytes that follow the message.
enum class ResultEffect : std::uint8_t {
  None,
  EntersDataMode,  ///< data mode follows (Ok_Info_DataBegin, Ok_Info_WaitingForData)
  EntersMail,      ///< the mail's lines follow, up to CR LF . CR LF (Ok_Info_Mail)
};

/// Everything the spec says about one response message.
struct ResultSpec {
  Result id;
  std::string_view verbose;    ///< the ATV1 form: "OK", "CONNECT 1200/75", "Ok_Info_Mail"
  int numeric;                 ///< the ATV0 form (9.1), or -1 when the spec gives none
  ResultRole role;
  ResultEffect effect;
  std::string_view section;    ///< where the spec defines it
  std::string_view description;
};

/// All response messages, indexed by Result.
inline constexpr auto kResults = [] {
  using enum Result;
  using enum ResultRole;
  using enum ResultEffect;
  return std::array{
      ResultSpec{Ok, "OK", 0, Final, None, "9.1", "Operation or command success"},
      ResultSpec{NoCarrier, "NO CARRIER", 3, CallProgress, None, "9.1", "No physical layer connection"},
      ResultSpec{Busy, "BUSY", 7, CallProgress, None, "9.1", "Destination busy"},
      ResultSpec{NoAnswer, "NO ANSWER", 8, CallProgress, None, "9.1", "No answer from destination"},
      ResultSpec{Error, "ERROR", 4, Final, None, "9.1", "Operation or command unsuccessful"},
      ResultSpec{Ring, "RING", 2, Unsolicited, None, "9.1", "Incoming call indication"},
      ResultSpec{Connect300, "CONNECT 300", 10, CallProgress, None, "9.1", "Physical layer connected at 300 baud"},
      ResultSpec{Connect1200, "CONNECT 1200", 11, CallProgress, None, "9.1", "Physical layer connected at 1200 baud"},
      ResultSpec{Connect1200_75, "CONNECT 1200/75", 12, CallProgress, None, "9.1", "Physical layer connected at 1200/75 baud"},
      ResultSpec{Connect2400, "CONNECT 2400", 13, CallProgress, None, "9.1", "Physical layer connected at 2400 baud"},
      ResultSpec{Connect4800, "CONNECT 4800", 14, CallProgress, None, "9.1", "Physical layer connected at 4800 baud"},
      ResultSpec{Connect9600, "CONNECT 9600", 15, CallProgress, None, "9.1", "Physical layer connected at 9600 baud"},
      ResultSpec{Connect14400, "CONNECT 14400", 16, CallProgress, None, "9.1", "Physical layer connected at 14400 baud"},
      ResultSpec{DataBegin, "Ok_Info_DataBegin", 1025, Intermediate, EntersDataMode, "9.1", "Start of data"},
      ResultSpec{WaitingForData, "Ok_Info_WaitingForData", 1028, Intermediate, EntersDataMode, "9.1", "Send data"},
      ResultSpec{SocketClosed, "Ok_Info_SocketClosed", 3074, Intermediate, None, "9.1", "Socket connection closed successfully"},
      ResultSpec{NoMail, "Ok_Info_NoMail", 3072, Final, None, "9.1", "No mail to retrieve on server"},
      ResultSpec{Mail, "Ok_Info_Mail", 3073, Intermediate, EntersMail, "9.1", "Mail ready to be retrieved on server"},
      ResultSpec{Ppp, "Ok_Info_Ppp", 3077, Final, None, "9.1", "PPP connection successful"},
      ResultSpec{GprsActivation, "Ok_Info_GprsActivation", 3086, Final, None, "9.1", "GPRS connection successful"},
      ResultSpec{Dialing, "DIALING", -1, CallProgress, None, "2.2.3.2", "The phone line is available, dialing"},
      ResultSpec{PppOk, "PPP OK", -1, CallProgress, None, "2.2.1.2", "PPP negotiated after AT#ACCEPT"},
      ResultSpec{PppError, "PPP ERROR", -1, Final, None, "2.2.1.2", "PPP negotiation failed after AT#ACCEPT"},
      ResultSpec{Timeout, "TIMEOUT", -1, Unsolicited, None, "2.1.6", "PHYTIMEOUT reached, the communication ended"},
      ResultSpec{NoService, "#NO SERVICE", -1, Final, None, "8.2.2", "No radio connection (AT#VSTATE)"},
  };
}();

/// The spec of @p id.
constexpr const ResultSpec& spec(Result id) noexcept {
  return kResults[static_cast<std::size_t>(id)];
}

/// The message whose verbose form is exactly @p line. Also accepts the spec's variant spellings
/// ("Ok_WaitingForData", 4.3.2, reads as Ok_Info_WaitingForData).
std::optional<Result> findVerboseResult(std::string_view line) noexcept;

/// The message whose numeric (ATV0) form is @p code.
std::optional<Result> findNumericResult(int code) noexcept;

}  // namespace atsharp::catalogue

static_assert(atsharp::catalogue::detail::isIndexedById(atsharp::catalogue::kResults),
              "kResults must list the messages in Result order");
