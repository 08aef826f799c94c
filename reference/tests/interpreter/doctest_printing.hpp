#pragma once
// How failed checks print strings and string lists in this test executable: control bytes
// escaped, one list entry a line. Every test source of the executable includes this header
// first: a specialisation that only some translation units saw would break the one-definition
// rule, and the linker would keep either version.

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace atsharp::reference::test {
/// Bytes as readable text: \r, \n and other control bytes escaped.
std::string visible(std::string_view bytes);
}  // namespace atsharp::reference::test

template <>
struct doctest::StringMaker<std::string> {
  static doctest::String convert(const std::string& text) {
    return ("\"" + atsharp::reference::test::visible(text) + "\"").c_str();
  }
};

template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& lines) {
    std::string text = "{";
    for (const std::string& line : lines) text += "\n  " + line;
    return (text + "\n}").c_str();
  }
};
