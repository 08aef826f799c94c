// CR, AT#VVERSION, and everything before its `#VERSION` line dropped.

#include "command_mode_recovery.hpp"

#include "../exchange.hpp"

namespace atsharp::detail {
namespace {

// The command whose answer marks the point: its `#VERSION` line cannot come from stray data,
// which would have to hold the whole command line to produce it.
constexpr std::string_view kMarkCommand = "AT#VVERSION";
constexpr std::string_view kMarkLine = "#VERSION";

}  // namespace

void recoverCommandMode(Module& module) {
  Exchange exchange(module, std::string(kMarkCommand) + " (back in step after a transfer)",
                    module.options().commandTimeout, /*sendNothing=*/true);
  // The CR first: it ends whatever partial line the stray data left in the module.
  const std::string bytes = "\r" + std::string(kMarkCommand) + "\r";
  exchange.line().write(asBytes(bytes), module.options().commandTimeout, exchange.label());
  bool marked = false;
  for (;;) {
    const LineEvent event = exchange.next();
    if (const auto* line = std::get_if<InformationLine>(&event)) {
      if (line->text.starts_with(kMarkLine)) marked = true;
    } else if (marked && plainFinal(event)) {
      return;
    }
  }
}

}  // namespace atsharp::detail
