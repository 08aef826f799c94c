#pragma once
// Why a step failed. Product failures (the module did something else, or nothing) are kept
// apart from infrastructure failures (the line, the setup, the harness itself), because CI must
// not report a broken cable as a broken module, nor the other way round.

#include <stdexcept>
#include <string>
#include <string_view>

namespace atsharp::harness {

enum class FailureClass {
  Mismatch,   ///< the module sent something other than what the suite expects
  Timeout,    ///< what the suite expects did not come in time (never a pass)
  Transport,  ///< the line closed, failed or could not be opened
  Setup,      ///< the module or its surroundings could not be prepared (setup, teardown, reset)
  Harness,    ///< the suite or the harness cannot do what it asks (an unknown variable, ...)
};

std::string_view failureClassName(FailureClass failure) noexcept;

/// A product failure makes a case "failed", the others make it "error".
constexpr bool isProductFailure(FailureClass failure) noexcept {
  return failure == FailureClass::Mismatch || failure == FailureClass::Timeout;
}

/// Thrown by a step that fails; the step has filled its record (expected, diff) first.
class StepFailure : public std::runtime_error {
 public:
  StepFailure(FailureClass failure, const std::string& message)
      : std::runtime_error(message), failure_(failure) {}
  FailureClass failure() const noexcept { return failure_; }

 private:
  FailureClass failure_;
};

}  // namespace atsharp::harness
