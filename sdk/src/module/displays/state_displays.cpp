// Reading the state displays: AT#VSTATE (8.2), AT#VVERSION (8.1) and AT#DISPLAYIP (2.3).

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/displays.hpp"
#include "../parameters/shown_value.hpp"

namespace atsharp {
namespace {

// The states as 8.2.2 writes them, in ModuleState order.
constexpr std::array<std::string_view, 7> kStateNames{
    "IDLE", "CHECKING", "DIALING", "AUTHENTICATING", "CONNECTED", "DISCONNECTING", "NO SERVICE"};

bool isSpace(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) noexcept {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string upperCase(std::string_view text) {
  std::string upper(text);
  std::ranges::transform(upper, upper.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

std::vector<std::string> nonBlank(std::span<const std::string> lines) {
  std::vector<std::string> kept;
  for (const std::string& line : lines) {
    if (!trimmed(line).empty()) kept.emplace_back(trimmed(line));
  }
  return kept;
}

[[noreturn]] void fail(std::string_view command, const std::string& problem,
                       std::span<const std::string> lines) {
  throw ProtocolError(std::string(command) + ": " + problem, detail::maskedAnswer(lines));
}

// The value of `<label>: value`, `<label> = value`, `<label>:value` (label compared without
// case), quotes removed; nothing when @p line has another label or a value in no such form.
std::optional<std::string> labelledValue(std::string_view line, std::string_view label) {
  if (upperCase(line.substr(0, label.size())) != label) return std::nullopt;
  std::string_view rest = trimmed(line.substr(label.size()));
  if (rest.empty() || (rest.front() != ':' && rest.front() != '=')) return std::nullopt;
  rest = trimmed(rest.substr(1));
  if (rest.starts_with('"')) {
    if (rest.size() < 2 || !rest.ends_with('"')) return std::nullopt;
    rest = rest.substr(1, rest.size() - 2);
  }
  if (rest.find('"') != std::string_view::npos) return std::nullopt;
  return std::string(rest);
}

// 8.1.2's separator between the three parts is a glyph the text extraction lost: any run of
// spaces or of bytes outside printable ASCII separates them.
bool separatesVersionParts(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte >= 0x7F;
}

std::vector<std::string> versionParts(std::string_view value) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : value) {
    if (!separatesVersionParts(c)) {
      part += c;
    } else if (!part.empty()) {
      parts.push_back(std::move(part));
      part.clear();
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

}  // namespace

std::string_view stateName(ModuleState state) noexcept {
  return kStateNames[static_cast<std::size_t>(state)];
}

ModuleState parseModuleState(std::span<const std::string> lines) {
  const std::vector<std::string> kept = nonBlank(lines);
  if (kept.size() != 1) fail("AT#VSTATE", "expected one line, got " + std::to_string(kept.size()), lines);
  // 8.2.2 answers `#NO SERVICE` alone, without the #STATE: prefix.
  if (upperCase(kept.front()) == "#NO SERVICE") return ModuleState::NoService;
  const std::optional<std::string> value = labelledValue(kept.front(), "#STATE");
  if (value) {
    const auto found = std::ranges::find(kStateNames, upperCase(trimmed(*value)));
    if (found != kStateNames.end()) {
      return static_cast<ModuleState>(found - kStateNames.begin());
    }
  }
  fail("AT#VSTATE", "no state of 8.2.2 in \"" + kept.front() + "\"", lines);
}

VersionDisplay parseVersionDisplay(std::span<const std::string> lines) {
  // 8.1.2 and A.1 print the value over two lines; joined, it reads the same either way.
  std::string joined;
  for (const std::string& line : nonBlank(lines)) joined += (joined.empty() ? "" : " ") + line;
  const std::optional<std::string> value = labelledValue(joined, "#VERSION");
  if (!value) fail("AT#VVERSION", "no #VERSION line", lines);
  const std::vector<std::string> parts = versionParts(*value);
  const std::optional<int> size =
      parts.size() >= 3 ? catalogue::parseDecimal(parts[1]) : std::nullopt;
  if (!size) {
    fail("AT#VVERSION", "not \"<file name> <file size> <date and time of generation>\"", lines);
  }
  VersionDisplay version{*value, parts[0], static_cast<std::uint32_t>(*size), {}};
  for (std::size_t i = 2; i < parts.size(); ++i) {
    version.generated += (i > 2 ? " " : "") + parts[i];
  }
  return version;
}

IpDisplay parseIpDisplay(std::span<const std::string> lines) {
  const std::vector<std::string> kept = nonBlank(lines);
  if (kept.size() != 2) fail("AT#DISPLAYIP", "expected two lines, got " + std::to_string(kept.size()), lines);
  IpDisplay display;
  std::optional<Ipv4Address> mine;
  std::optional<Ipv4Address> peer;
  for (const std::string& line : kept) {
    const auto address = [&](std::string_view label) -> std::optional<Ipv4Address> {
      const std::optional<std::string> value = labelledValue(line, label);
      if (!value) return std::nullopt;
      const std::optional<Ipv4Address> parsed = Ipv4Address::parse(*value);
      if (!parsed) fail("AT#DISPLAYIP", "not an IPv4 address: \"" + line + "\"", lines);
      return parsed;
    };
    // 2.3.2: PEER IP over GSM, Gateway IP over GPRS.
    if (auto found = address("MY IP"); found && !mine) {
      mine = found;
    } else if (auto peerFound = address("PEER IP"); peerFound && !peer) {
      peer = peerFound;
      display.peerLabel = IpDisplay::PeerLabel::Peer;
    } else if (auto gateway = address("GATEWAY IP"); gateway && !peer) {
      peer = gateway;
      display.peerLabel = IpDisplay::PeerLabel::Gateway;
    } else {
      fail("AT#DISPLAYIP", "neither MY IP, PEER IP nor Gateway IP once: \"" + line + "\"", lines);
    }
  }
  display.myIp = *mine;
  display.peerIp = *peer;
  return display;
}

}  // namespace atsharp
