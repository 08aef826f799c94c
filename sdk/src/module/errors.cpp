// The texts of the SDK's errors: each says what was asked, what came back, and what it means.

#include "atsharp/module/errors.hpp"

#include <utility>

namespace atsharp {
namespace {

std::string codeMessage(const std::string& command, int code) {
  std::string message = command + ": #CME ERROR: " + std::to_string(code);
  if (const catalogue::ErrorSpec* spec = catalogue::findError(code)) {
    message += " (" + std::string(spec->description) + ")";
  }
  return message;
}

std::string resultMessage(const std::string& command, catalogue::Result result) {
  const catalogue::ResultSpec& spec = catalogue::spec(result);
  return command + ": " + std::string(spec.verbose) + " (" + std::string(spec.description) + ")";
}

std::string waitedText(std::chrono::milliseconds waited) {
  if (waited.count() % 1000 == 0) return std::to_string(waited.count() / 1000) + " s";
  return std::to_string(waited.count()) + " ms";
}

}  // namespace

ModuleError::ModuleError(std::string command, int code)
    : Error(codeMessage(command, code)), command_(std::move(command)), code_(code) {}

ModuleError::ModuleError(std::string command, catalogue::Result result)
    : Error(resultMessage(command, result)), command_(std::move(command)), result_(result) {}

std::string ModuleError::description() const {
  if (code_) {
    const catalogue::ErrorSpec* spec = catalogue::findError(*code_);
    return spec != nullptr ? std::string(spec->description) : std::string();
  }
  return std::string(catalogue::spec(*result_).description);
}

TimeoutError::TimeoutError(std::string command, std::chrono::milliseconds waited)
    : Error(command + ": no answer within " + waitedText(waited)),
      command_(std::move(command)),
      waited_(waited) {}

ProtocolError::ProtocolError(const std::string& problem, Bytes bytes)
    : Error(problem), bytes_(std::move(bytes)) {}

IllegalValueError::IllegalValueError(std::string parameter, std::string value,
                                     const std::string& reason)
    : Error(reason), parameter_(std::move(parameter)), value_(std::move(value)) {}

}  // namespace atsharp
