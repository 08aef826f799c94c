#pragma once
// Lets doctest print event sequences when a check fails: one event per line.

#include <string>
#include <vector>

#include <doctest/doctest.h>

// Event sequences print one event per line when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& lines) {
    std::string text = "{";
    for (const std::string& line : lines) text += "\n  " + line;
    text += "\n}";
    return text.c_str();
  }
};
