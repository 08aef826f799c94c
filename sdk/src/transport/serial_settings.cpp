#include "atsharp/transport/serial_settings.hpp"

#include <array>
#include <utility>

namespace atsharp {
namespace {

constexpr std::array<std::pair<FlowControl, std::string_view>, 3> kFlowNames{{
    {FlowControl::None, "none"},
    {FlowControl::RtsCts, "rtscts"},
    {FlowControl::XonXoff, "xonxoff"},
}};

}  // namespace

std::string_view flowControlName(FlowControl flow) noexcept {
  for (const auto& [value, name] : kFlowNames) {
    if (value == flow) {
      return name;
    }
  }
  return "none";
}

std::optional<FlowControl> flowControlFromName(std::string_view name) noexcept {
  for (const auto& [value, known] : kFlowNames) {
    if (known == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace atsharp
