#pragma once
// Reading AT#PING's lines (7.2.2): `"<host>" is alive : time = <n> ms` and
// `No answer from "<host>"`. The spec's own example spaces them in several ways
// (`" wavecom.com " is alive : time =  900 ms`, `"wavecom.com" is alive`): spaces outside the
// host's quotes, and around the host inside them, do not matter.

#include <optional>
#include <string_view>

#include "atsharp/module/actions.hpp"

namespace atsharp::detail {

/// The report @p line holds; nothing for a line of another form.
std::optional<PingReport> parsePingReport(std::string_view line);

}  // namespace atsharp::detail
