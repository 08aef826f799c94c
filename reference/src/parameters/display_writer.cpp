#include "display_writer.hpp"

#include <utility>

#include "atsharp/catalogue/displays.hpp"

namespace atsharp::reference {
namespace {

using catalogue::Display;
using catalogue::Param;
using catalogue::ParameterSpec;

// Bodies are entered over lines (3.1.7); a display shows each line break as \n.
std::string shownText(std::string_view value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
      text += "\\n";
      ++i;
    } else {
      text += value[i];
    }
  }
  return text;
}

bool isSocketIndexed(const ParameterSpec& spec) {
  return spec.indexing == catalogue::Indexing::SocketId;
}

void appendParameter(std::vector<std::string>& lines, const ParameterStore& store,
                     const ParameterSpec& spec, int socket) {
  lines.push_back(displayLine(spec, store.value(spec.id, socket),
                              isSocketIndexed(spec) ? std::optional<int>(socket) : std::nullopt));
}

// AT#VALL starts a block at each display command and mail combination; its mail blocks hold
// BODYi, which belongs to no display command of its own.
Display blockOf(const ParameterSpec& spec) {
  return spec.display == Display::OnlyVall ? Display::Vmail : spec.display;
}

}  // namespace

std::string displayLine(const ParameterSpec& spec, std::string_view value,
                        std::optional<int> socket) {
  std::string line = "#" + std::string{spec.name};
  line += spec.shown == catalogue::Shown::Equals ? " = " : ": ";
  if (socket) line += std::to_string(*socket) + ",";
  if (spec.shown == catalogue::Shown::Quoted) {
    line += "\"" + shownText(value) + "\"";
  } else {
    line += value;
  }
  return line;
}

std::vector<std::string> displayLines(const ParameterStore& store, Display display, int index) {
  std::vector<std::string> lines;
  for (Param param : catalogue::spec(display).shows) {
    // The table lists AT#VMAIL1's parameters; AT#VMAILi shows those of combination i.
    const Param shown =
        display == Display::Vmail ? *catalogue::inCombination(param, index) : param;
    appendParameter(lines, store, catalogue::spec(shown), index);
  }
  return lines;
}

std::vector<std::string> allParameterLines(const ParameterStore& store,
                                           std::string_view softwareName) {
  std::vector<std::string> lines{std::string{softwareName}};
  std::optional<std::pair<Display, int>> block;
  for (const ParameterSpec& spec : catalogue::kParameters) {
    const std::pair<Display, int> key{blockOf(spec), spec.combination};
    if (key != block) {
      lines.emplace_back();
      block = key;
      // The TCP block shows socket 1's four parameters, then socket 2's (8.3.2).
      if (isSocketIndexed(spec)) {
        for (int socket = catalogue::kFirstSocketId; socket <= catalogue::kLastSocketId; ++socket) {
          const std::vector<std::string> socketLines = displayLines(store, Display::Vtcp, socket);
          lines.insert(lines.end(), socketLines.begin(), socketLines.end());
        }
      }
    }
    if (!isSocketIndexed(spec)) appendParameter(lines, store, spec, 1);
  }
  return lines;
}

}  // namespace atsharp::reference
