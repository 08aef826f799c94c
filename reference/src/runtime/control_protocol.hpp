#pragma once
// The control channel's protocol: one JSON object a line each way. A request is a radio event
// to inject ({"event":"ring",...}) or a query ({"query":"state"}); every request is answered
// with {"ok":true,...} or {"ok":false,"error":"..."}. This file is the translation alone,
// without sockets, so that every request and every malformed one is testable as data.

#include <string>
#include <string_view>
#include <variant>

#include "atsharp/reference/flash_image.hpp"
#include "atsharp/reference/module.hpp"
#include "atsharp/reference/radio_event.hpp"

namespace atsharp::reference {

/// {"query":"state"}: what AT#VSTATE would show.
struct StateQuery {
  friend bool operator==(const StateQuery&, const StateQuery&) = default;
};
/// {"query":"parameters"}: every parameter value.
struct ParametersQuery {
  friend bool operator==(const ParametersQuery&, const ParametersQuery&) = default;
};

using ControlRequest = std::variant<RadioEvent, StateQuery, ParametersQuery>;

/// Why a request line was not taken: the text of the error reply.
struct ControlError {
  std::string message;
};

/// The request @p line holds (without its line end), or what is wrong with it: not JSON, not an
/// object, no or both of "event" and "query", an unknown event or query, a missing field, a
/// field of the wrong type or out of range, a field the request does not have. Never throws
/// for any input.
std::variant<ControlRequest, ControlError> parseControlRequest(std::string_view line);

/// The request line for @p event (what parseControlRequest reads back to an equal event).
std::string formatRadioEvent(const RadioEvent& event);

/// {"ok":true}
std::string okReply();
/// {"ok":false,"error":MESSAGE}
std::string errorReply(std::string_view message);
/// {"ok":true,"state":"IDLE"}, with the state as AT#VSTATE names it.
std::string stateReply(LinkState state);
/// {"ok":true,"parameters":{"PPPMODE":"1",...}}
std::string parametersReply(const FlashImage& parameters);

}  // namespace atsharp::reference
