#pragma once
// `atsharp report html`: a report as one self-contained HTML page that a person opens in a
// browser: the run, a table of the cases with their status, and each case's steps and
// transcript with TX and RX coloured, timestamps, failing steps highlighted, expected against
// received. Nothing outside the page is referred to (inline CSS, no script, no links but to
// the page's own anchors), and every text of the report is escaped: a payload may hold any
// byte, '<' included.

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace atsharp::harness {

/// The page of @p report (checked by parseReport()).
std::string reportHtml(const nlohmann::json& report);

/// @p text escaped for HTML text and attribute values (& < > " '), its control characters
/// (but LF and TAB) as `\xNN`.
std::string htmlEscaped(std::string_view text);

}  // namespace atsharp::harness
