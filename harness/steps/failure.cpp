#include "steps/failure.hpp"

namespace atsharp::harness {

std::string_view failureClassName(FailureClass failure) noexcept {
  switch (failure) {
    case FailureClass::Mismatch: return "mismatch";
    case FailureClass::Timeout: return "timeout";
    case FailureClass::Transport: return "transport";
    case FailureClass::Setup: return "setup";
    case FailureClass::Harness: return "harness";
  }
  return "harness";
}

}  // namespace atsharp::harness
