// The AT# commands of the IP services (chapters 3 to 7): each checks the rules all services
// share (Services::mayStart), then starts its service.

#include <memory>

#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "ftp_transfer.hpp"
#include "mail_services.hpp"
#include "ping_run.hpp"
#include "tcp_socket.hpp"
#include "udp_session.hpp"

namespace atsharp::reference {
namespace {

using Form = ParsedCommand::Form;

template <class ServiceType, class... Args>
Outcome startService(ModuleCore& core, int socket, Args... args) {
  if (!core.services.mayStart(core, socket)) return Outcome::Answered;
  auto service = std::make_unique<ServiceType>(core, args...);
  ServiceType& started = static_cast<ServiceType&>(core.services.start(std::move(service), socket));
  return started.begin(core);
}

// AT#OTCP=id, AT#LTCPSTART=id, AT#LTCPSTOP=id: the socket id, or the error already answered.
std::optional<int> socketOf(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Set || command.args.size() != 1) {
    syntaxError(core);
    return std::nullopt;
  }
  const std::optional<int> socket = socketId(command.args[0]);
  if (!socket) badValue(core);
  return socket;
}

Outcome openTcp(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> socket = socketOf(core, command);
  if (!socket) return Outcome::Answered;
  return startService<TcpSocket>(core, *socket, *socket, TcpSocket::Role::Client);
}

Outcome listenTcp(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> socket = socketOf(core, command);
  if (!socket) return Outcome::Answered;
  return startService<TcpSocket>(core, *socket, *socket, TcpSocket::Role::Listener);
}

// 5.3: stops socket id's listening; OK also when it does not listen (nothing to stop).
Outcome stopListeningTcp(ModuleCore& core, const ParsedCommand& command) {
  const std::optional<int> socket = socketOf(core, command);
  if (!socket) return Outcome::Answered;
  if (auto* tcp = dynamic_cast<TcpSocket*>(core.services.socket(*socket))) {
    tcp->stopListening(core);
  }
  return Outcome::Continue;
}

template <class ServiceType, auto... Args>
Outcome plainService(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  return startService<ServiceType>(core, 0, Args...);
}

Outcome stopListeningUdp(ModuleCore& core, const ParsedCommand& command) {
  if (command.form != Form::Action) return syntaxError(core);
  if (auto* udp = dynamic_cast<UdpSession*>(core.services.exclusive())) udp->stopListening(core);
  return Outcome::Continue;
}

constexpr CommandHandler kServiceCommands[] = {
    {"OTCP", openTcp},
    {"LTCPSTART", listenTcp},
    {"LTCPSTOP", stopListeningTcp},
    {"OUDP", plainService<UdpSession, UdpSession::Role::Active>},
    {"LUDPSTART", plainService<UdpSession, UdpSession::Role::Listener>},
    {"LUDPSTOP", stopListeningUdp},
    {"FTPGET", plainService<FtpTransfer, FtpTransfer::Direction::Get>},
    {"FTPPUT", plainService<FtpTransfer, FtpTransfer::Direction::Put>},
    {"SENDMAIL1", plainService<MailSend, 1, false>},
    {"SENDMAIL2", plainService<MailSend, 2, false>},
    {"SENDMAIL3", plainService<MailSend, 3, false>},
    {"PUTMAIL", plainService<MailSend, 1, true>},
    {"GETMAIL", plainService<MailGet>},
    {"PING", plainService<PingRun>},
};

}  // namespace

std::span<const CommandHandler> serviceCommands() { return kServiceCommands; }

}  // namespace atsharp::reference
