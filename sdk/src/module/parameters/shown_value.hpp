#pragma once
// Reading a parameter's value off a line of the module's answer, in every form the spec shows
// (docs/spec-decisions.md #7): '#PPPMODE: 1', '#FTPTYPE = I', '#UDPPORT : 0', '#PINGDELAY:1',
// 'REC1=' (3.5.2), '#TCPPORT: 2,0' (5.5.2), values quoted or not.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::detail {

/// One parameter's value as a line shows it.
struct ShownValue {
  const catalogue::ParameterSpec* spec = nullptr;  ///< the parameter the line names
  std::optional<int> socket;  ///< the id before the value of a TCP parameter ('2,0')
  std::string text;           ///< unquoted; a body's `\n` back to CR LF
};

/// The value @p line shows; nothing for a line that names no parameter or has no value in a
/// form the spec shows (an unclosed quote, a quote inside a value, a TCP value without its id).
std::optional<ShownValue> readShownLine(std::string_view line);

/// @p line with a credential's value masked (any other line as it is).
std::string maskedLine(std::string_view line);

/// The answer @p lines as bytes, lines ended by CR LF, every credential's value masked: what a
/// ProtocolError may hold.
Bytes maskedAnswer(std::span<const std::string> lines);

}  // namespace atsharp::detail
