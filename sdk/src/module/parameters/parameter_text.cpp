// The untyped parameter path: Module::setText and Module::getText. The typed calls
// (parameter_access.hpp) go through here too.

#include <algorithm>
#include <string>
#include <vector>

#include "atsharp/catalogue/commands.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/module.hpp"
#include "entry.hpp"
#include "shown_value.hpp"
#include "value_checks.hpp"

namespace atsharp {
namespace {

using catalogue::ParameterSpec;
using catalogue::ValueKind;

std::string nameOf(const ParameterSpec& spec) { return std::string(spec.name); }

// The TCP parameters hold one value per socket (5.1); the others none.
void requireIndexing(const ParameterSpec& spec, std::optional<SocketId> id) {
  const bool bySocket = spec.indexing == catalogue::Indexing::SocketId;
  if (bySocket && !id) {
    throw UsageError(nameOf(spec) + " holds one value per socket: give the socket id");
  }
  if (!bySocket && id) throw UsageError(nameOf(spec) + " takes no socket id");
}

// AT#NAME=value, AT#NAME=id,value (5.1). Text goes in quotes, as the displays show it; a value
// never holds a quote (the catalogue refuses it).
std::string setCommand(const ParameterSpec& spec, std::string_view text,
                       std::optional<SocketId> id) {
  std::string line = "AT#" + nameOf(spec) + "=";
  if (id) line += std::to_string(id->value()) + ",";
  if (spec.shown == catalogue::Shown::Quoted) {
    line += "\"" + std::string(text) + "\"";
  } else {
    line += text;
  }
  return line;
}

// AT#NAME?, or AT#NAME=id for a TCP parameter (5.1: "Get value : AT#TCPPORT=id").
std::string readCommand(const ParameterSpec& spec, std::optional<SocketId> id) {
  if (id) return "AT#" + nameOf(spec) + "=" + std::to_string(id->value());
  return "AT#" + nameOf(spec) + "?";
}

// The entry command that replaces the whole list of @p spec: AT#RECiADD or AT#CCRECiADD.
std::string listEntryCommand(const ParameterSpec& spec) {
  const auto entry = std::ranges::find_if(catalogue::kCommands, [&](const auto& command) {
    return command.form == catalogue::CommandForm::Entry && command.reads.front() == spec.id;
  });
  return "AT#" + std::string(entry->name);
}

// 3.1.5: one address (or none) with AT#RECi=, several through the AT#RECiADD entry, one a line.
void setAddressList(Module& module, const ParameterSpec& spec, std::string_view text) {
  const std::vector<std::string> addresses =
      detail::checkedAddressList(spec, spec.name, detail::splitAddresses(text));
  if (addresses.size() <= 1) {
    module.command(setCommand(spec, addresses.empty() ? "" : addresses.front(), std::nullopt));
    return;
  }
  std::string lines;
  for (const std::string& address : addresses) lines += address + "\r\n";
  detail::writeEntry(module, listEntryCommand(spec), lines);
}

// 3.1.7: AT#BODYi<CR>, the text, Ctrl-Z.
void setBody(Module& module, const ParameterSpec& spec, std::string_view text) {
  const std::string body = detail::normalisedBody(text);
  detail::refuseIllegal(spec, spec.name, body);
  detail::writeEntry(module, "AT#" + nameOf(spec), body);
}

}  // namespace

void Module::setText(catalogue::Param parameter, std::string_view text,
                     std::optional<SocketId> id) {
  const ParameterSpec& spec = catalogue::spec(parameter);
  requireIndexing(spec, id);
  switch (spec.kind) {
    case ValueKind::AddressList: return setAddressList(*this, spec, text);
    case ValueKind::Body: return setBody(*this, spec, text);
    default:
      detail::refuseIllegal(spec, spec.name, text);
      command(setCommand(spec, text, id));
  }
}

std::string Module::getText(catalogue::Param parameter, std::optional<SocketId> id) {
  const ParameterSpec& spec = catalogue::spec(parameter);
  requireIndexing(spec, id);
  const std::string commandLine = readCommand(spec, id);
  const Reply reply = command(commandLine);
  for (const std::string& line : reply.lines) {
    const std::optional<detail::ShownValue> shown = detail::readShownLine(line);
    if (!shown || shown->spec != &spec) continue;
    if (shown->socket == (id ? std::optional<int>(id->value()) : std::nullopt)) {
      return shown->text;
    }
  }
  throw ProtocolError(commandLine + ": the answer shows no value of " + nameOf(spec),
                      detail::maskedAnswer(reply.lines));
}

namespace detail {

void throwIllegalShown(catalogue::Param parameter, std::string_view shown) {
  const ParameterSpec& spec = catalogue::spec(parameter);
  const std::string value = shownInMessages(spec, shown);
  throw ProtocolError("the module shows " + nameOf(spec) + " as \"" + value +
                          "\", which it cannot hold: must be " +
                          catalogue::describeLegalValues(spec),
                      toBytes(value));
}

}  // namespace detail
}  // namespace atsharp
