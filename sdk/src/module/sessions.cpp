// Opening data sessions: TCP and UDP, as client and listener, and the raw path's leftovers.

#include "atsharp/module/data_session.hpp"
#include "atsharp/module/module.hpp"
#include "command_text.hpp"
#include "exchange.hpp"

namespace atsharp {
namespace {

// A listen waits for a peer this long unless the caller says otherwise.
constexpr Milliseconds kListenTimeout{120'000};

std::string withId(std::string_view command, SocketId id) {
  return std::string(command) + "=" + std::to_string(id.value());
}

bool isSwitch(const FinalResult& final) {
  return final.result == catalogue::Result::WaitingForData ||
         final.result == catalogue::Result::DataBegin;
}

}  // namespace

std::unique_ptr<DataSession> Module::startSession(std::string_view commandLine,
                                                  DataCoding coding,
                                                  std::optional<Milliseconds> timeout) {
  Exchange exchange(*this, commandLine, timeout.value_or(options_.commandTimeout),
                    [coding](ResponseParser& parser) { parser.setDataCoding(coding); });
  const Reply reply = collectReply(exchange);
  if (reply.final.cmeError) throw ModuleError(exchange.label(), *reply.final.cmeError);
  if (!isSwitch(reply.final)) {
    if (!reply.final.succeeded()) throw ModuleError(exchange.label(), *reply.final.result);
    throw ProtocolError(exchange.label() + ": answered " + reply.final.text() +
                            " where data mode should begin",
                        toBytes(reply.final.text()));
  }
  sessionOpen_ = true;
  return std::unique_ptr<DataSession>(new DataSession(*this, exchange.label(), coding));
}

std::unique_ptr<DataSession> Module::openTcp(SocketId id, std::optional<Milliseconds> timeout) {
  const DataCoding coding = tcpCoding(id);
  return startSession(withId("AT#OTCP", id), coding, timeout);
}

std::unique_ptr<DataSession> Module::listenTcp(SocketId id, std::optional<Milliseconds> timeout) {
  const DataCoding coding = tcpCoding(id);
  command(withId("AT#LTCPSTART", id));
  return awaitPeer(withId("AT#LTCPSTOP", id), coding, timeout.value_or(kListenTimeout));
}

void Module::stopListenTcp(SocketId id) { command(withId("AT#LTCPSTOP", id)); }

std::unique_ptr<DataSession> Module::openUdp(std::optional<Milliseconds> timeout) {
  return startSession("AT#OUDP", DataCoding::Dle, timeout);
}

std::unique_ptr<DataSession> Module::listenUdp(std::optional<Milliseconds> timeout) {
  command("AT#LUDPSTART");
  return awaitPeer("AT#LUDPSTOP", DataCoding::Dle, timeout.value_or(kListenTimeout));
}

void Module::stopListenUdp() { command("AT#LUDPSTOP"); }

// The listen answered OK; Ok_Info_WaitingForData comes when the peer does, whenever no command
// runs (docs/spec-decisions.md).
std::unique_ptr<DataSession> Module::awaitPeer(std::string_view stopCommand, DataCoding coding,
                                               Milliseconds timeout) {
  {
    Exchange exchange(*this, "waiting for a peer", timeout, true);
    line_->parser().setDataCoding(coding);
    const Deadline deadline = after(timeout);
    while (std::optional<detail::LineEvent> event = exchange.next(deadline)) {
      const std::optional<FinalResult> final = plainFinal(*event);
      if (final && isSwitch(*final)) {
        sessionOpen_ = true;
        return std::unique_ptr<DataSession>(
            new DataSession(*this, "a peer of " + std::string(stopCommand), coding));
      }
    }
  }
  command(stopCommand);
  throw TimeoutError(std::string(stopCommand) + " (no peer came)", timeout);
}

std::unique_ptr<DataSession> Module::takeDataSession() {
  const std::lock_guard lock(mutex_);
  if (sessionOpen_ || line_->parser().state() != ResponseParser::State::Data) return nullptr;
  sessionOpen_ = true;
  const DataCoding coding = pendingSession_.value_or(DataCoding::Dle);
  pendingSession_.reset();
  return std::unique_ptr<DataSession>(new DataSession(*this, "data mode", coding));
}

DataCoding Module::tcpCoding(SocketId id) {
  std::optional<DataCoding>& known = dlemode_[id.value() - 1];
  // raw() notes what the read shows (observe); a refused read leaves the spec's default.
  if (!known) raw(withId("AT#DLEMODE", id));
  return known.value_or(DataCoding::Dle);
}

}  // namespace atsharp

namespace atsharp {

DataCoding Module::codingFor(std::string_view commandLine) {
  for (std::string_view name : {"OTCP", "LTCPSTART"}) {
    const auto arguments = detail::argumentsOf(commandLine, name);
    if (!arguments || arguments->size() != 1) continue;
    const std::optional<int> id = detail::wholeNumber(arguments->front());
    if (id && (*id == 1 || *id == 2)) return tcpCoding(SocketId(*id));
  }
  return DataCoding::Dle;
}

// DLEMODE is remembered per socket from the lines that set or read it, so that a session's
// coding is known without asking; anything that may reset parameters forgets it.
void Module::observe(std::string_view commandLine, const Reply& reply) {
  const std::string upper = detail::upperCase(commandLine);
  if (upper.find("DELFLASH") != std::string::npos || upper.starts_with("AT+CFUN") ||
      upper.starts_with("ATZ")) {
    dlemode_[0].reset();
    dlemode_[1].reset();
    return;
  }
  if (!reply.final.succeeded()) return;
  const auto arguments = detail::argumentsOf(commandLine, "DLEMODE");
  if (!arguments) return;
  std::vector<std::string> values = *arguments;
  if (values.size() == 1) {
    // A read: "#DLEMODE: <id>,<mode>".
    for (const std::string& text : reply.lines) {
      if (!text.starts_with("#DLEMODE:")) continue;
      const auto shown = detail::argumentsOf("AT#DLEMODE=" + text.substr(9), "DLEMODE");
      if (shown && shown->size() == 2) values = *shown;
    }
  }
  if (values.size() != 2) return;
  const std::optional<int> id = detail::wholeNumber(values[0]);
  const std::optional<int> mode = detail::wholeNumber(values[1]);
  if (!id || (*id != 1 && *id != 2) || !mode || (*mode != 0 && *mode != 1)) return;
  dlemode_[*id - 1] = *mode == 0 ? DataCoding::PassThrough : DataCoding::Dle;
}

}  // namespace atsharp
