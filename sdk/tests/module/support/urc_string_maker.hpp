#pragma once
// Lets doctest print URCs (and lists of them) in a failed check, as the lines the module sent.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "atsharp/module/urc.hpp"

namespace doctest {

template <>
struct StringMaker<atsharp::Urc> {
  static String convert(const atsharp::Urc& urc) { return atsharp::describe(urc).c_str(); }
};

template <>
struct StringMaker<std::vector<atsharp::Urc>> {
  static String convert(const std::vector<atsharp::Urc>& urcs) {
    std::string text = "{";
    for (const atsharp::Urc& urc : urcs) text += (text.size() > 1 ? ", " : "") + atsharp::describe(urc);
    return (text + "}").c_str();
  }
};

}  // namespace doctest
