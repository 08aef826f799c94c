#pragma once
// Classifies one complete command-mode line of the module's output into an Event.

#include <optional>
#include <string_view>

#include "atsharp/protocol/events.hpp"
#include "atsharp/protocol/response_parser.hpp"

namespace atsharp::detail {

/// The event for @p line (without its line ending) under result format @p format, or nothing
/// for a line of blanks.
std::optional<Event> classifyLine(std::string_view line, ResultFormat format);

}  // namespace atsharp::detail
