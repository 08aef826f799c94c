#pragma once
// Catching the ModuleError an action throws, to look at its code or result.

#include <optional>

#include "atsharp/module/errors.hpp"

namespace atsharp::test {

/// The ModuleError @p call throws; nothing when it returns. Other exceptions pass through.
template <class Call>
std::optional<ModuleError> moduleErrorOf(Call&& call) {
  try {
    call();
  } catch (const ModuleError& error) {
    return error;
  }
  return std::nullopt;
}

}  // namespace atsharp::test
