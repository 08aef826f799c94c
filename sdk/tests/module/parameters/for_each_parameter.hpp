#pragma once
// Calls a template lambda once per parameter of the catalogue, with the parameter as a template
// argument, so that a typed test covers all 67 without naming them:
//
//     forEachParameter([&]<catalogue::Param P>() { module.get(param::Tag<P>{}); });

#include <cstddef>
#include <utility>

#include "atsharp/catalogue/parameters.hpp"

namespace atsharp::test {

template <class F>
void forEachParameter(F&& each) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (each.template operator()<static_cast<catalogue::Param>(I)>(), ...);
  }(std::make_index_sequence<catalogue::kParameterCount>());
}

}  // namespace atsharp::test
