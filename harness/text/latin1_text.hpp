#pragma once
// Suites are UTF-8 YAML, but what crosses the serial line is bytes. Text in a suite (a command,
// an expected line, a payload) stands for bytes one character each: U+0000 to U+00FF, so that
// "\xff" in a double-quoted YAML string is the byte 0xff, not its two-byte UTF-8 form.

#include <optional>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

/// The bytes @p utf8 stands for, or nothing when it holds a character above U+00FF or is not
/// valid UTF-8.
std::optional<std::string> latin1FromUtf8(std::string_view utf8);

}  // namespace atsharp::harness
