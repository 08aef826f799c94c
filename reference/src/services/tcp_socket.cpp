#include "tcp_socket.hpp"

#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;
using catalogue::Result;

// The payload of one TCP segment on an Ethernet path: what TCPTXDELAY waits to fill.
constexpr std::size_t kSegment = 1460;

DataCoding codingOf(const ModuleCore& core, int socket) {
  return core.params.value(Param::Dlemode, socket) == "1" ? DataCoding::Dle
                                                           : DataCoding::PassThrough;
}

ModuleTime delayOf(const ModuleCore& core, int socket) {
  return ModuleTime{catalogue::parseDecimal(core.params.value(Param::Tcptxdelay, socket)).value_or(0)};
}

// TCPSERV as a listener's filter: none when empty or 255.255.255.255 (A.8.1, 6.1.2).
bool filters(const std::string& server) { return !server.empty() && server != "255.255.255.255"; }

}  // namespace

TcpSocket::TcpSocket(ModuleCore& core, int socket, Role role)
    : ServiceBase(/*dataCoded=*/true),
      socket_(socket),
      role_(role),
      server_(core.params.value(Param::Tcpserv, socket)),
      port_(portOf(core, Param::Tcpport, socket)),
      pipe_(codingOf(core, socket)),
      buffer_(kSegment, delayOf(core, socket)) {}

Outcome TcpSocket::begin(ModuleCore& core) {
  // TCPPORT's default 0, and a client without TCPSERV, cannot open anything (36929).
  if (port_ == 0 || (role_ == Role::Client && server_.empty())) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  if (role_ == Role::Client || filters(server_)) return lookUpAndReach(core, server_);
  open(core);
  return Outcome::Busy;
}

void TcpSocket::reached(ModuleCore& core, const std::string& address) {
  if (role_ == Role::Listener) {
    filter_ = address;
  } else {
    server_ = address;  // TCPSERV may have been a name
  }
  open(core);
}

void TcpSocket::open(ModuleCore& core) {
  connection_ = newActivity(core);
  NetworkPort& port = *core.services.port();
  if (role_ == Role::Client) {
    port.tcpConnect(connection_, localAddress(core), Endpoint{server_, port_});
  } else {
    port.tcpListen(connection_, Endpoint{localAddress(core), port_}, filter_);
  }
}

void TcpSocket::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (std::holds_alternative<Listening>(event)) {
    // A.8.1: AT#ltcpstart=1 answers OK; Ok_Info_WaitingForData comes when a peer connects.
    core.out.result(Result::Ok);
    runInBackground(core);
  } else if (std::holds_alternative<Connected>(event)) {
    peerUp_ = true;
    peerArrived(core);
  } else if (const auto* received = std::get_if<Received>(&event)) {
    this->received(core, received->data);
  } else if (std::holds_alternative<Closed>(event)) {
    ended(connection_);
    peerClosed(core);
  } else if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(connection_);
    fail(core, failed->code);
  }
}

// The client's command ends with Ok_Info_WaitingForData; a listener's peer waits until no
// command runs, since data mode takes the whole line.
void TcpSocket::peerArrived(ModuleCore& core) {
  if (phase() == Phase::Command) return onLineFree(core);
  core.services.waitForLine(core, *this);
}

void TcpSocket::onLineFree(ModuleCore& core) {
  core.out.result(Result::WaitingForData);
  holdLine(core);
  inData_ = true;
  core.link.activity(core);
  if (!early_.empty()) {
    pipe_.toHost(core.out, early_);
    early_.clear();
  }
  if (peerGone_) peerClosed(core);
}

void TcpSocket::received(ModuleCore& core, ByteView data) {
  if (!inData_) {
    if (early_.size() + data.size() > kMaxEarlyData) return fail(core, CmeError::TcpSessionCancelled);
    early_.insert(early_.end(), data.begin(), data.end());
    return;
  }
  core.link.activity(core);
  pipe_.toHost(core.out, data);
}

// 5.2.2, 5.4.2: the remote closed; ETX, Ok_Info_SocketClosed and OK. The connection is gone by
// then: host bytes still waiting out TCPTXDELAY can no longer leave, and the host learns that
// its data was not sent from 37966, "closed by peer (FIN received from peer)" (decision 50).
void TcpSocket::peerClosed(ModuleCore& core) {
  if (!inData_) {
    peerGone_ = true;
    return;
  }
  core.timers.cancel(delayTimer());
  if (!buffer_.empty()) return fail(core, CmeError::TcpClosedByPeer);
  closeAll(core);
  pipe_.endToHost(core.out);
  core.out.result(Result::SocketClosed);
  succeed(core, Result::Ok);
}

std::size_t TcpSocket::onHostData(ModuleCore& core, ByteView bytes) {
  DataPipe::FromHost input = pipe_.fromHost(bytes);
  core.link.activity(core);
  sendFrames(core, buffer_.add(input.payload));
  if (buffer_.armTimer()) core.timers.arm(delayTimer(), core.now + buffer_.delay());
  if (input.ended) closeLocally(core);
  return input.consumed;
}

void TcpSocket::sendFrames(ModuleCore& core, const std::vector<Bytes>& frames) {
  for (const Bytes& frame : frames) {
    if (!frame.empty()) core.services.port()->send(connection_, frame, std::nullopt);
  }
}

// The host's ETX: what waits goes out, the socket closes, and the module ends its side of data
// mode with an ETX before OK (A.8.1 shows the OK).
void TcpSocket::closeLocally(ModuleCore& core) {
  sendFrames(core, {buffer_.flush()});
  core.timers.cancel(delayTimer());
  closeAll(core);
  pipe_.endToHost(core.out);
  succeed(core, Result::Ok);
}

void TcpSocket::onTimer(ModuleCore& core, TimerId id) {
  if (id == delayTimer() && inData_) sendFrames(core, {buffer_.flush()});
}

TimerId TcpSocket::delayTimer() const noexcept {
  return socket_ == 1 ? TimerId::TcpTxDelay1 : TimerId::TcpTxDelay2;
}

// 5.2.2's second row: a listen ended before any peer came answers Ok_Info_SocketClosed, OK.
bool TcpSocket::abortListening(ModuleCore& core) {
  if (!listening() || phase() != Phase::Background) return false;
  closeAll(core);
  core.out.result(Result::SocketClosed);
  core.out.result(Result::Ok);
  finish();
  return true;
}

void TcpSocket::stopListening(ModuleCore& core) {
  if (!listening()) return;
  closeAll(core);
  finish();
}

bool TcpSocket::reads(Param param, int socket) const {
  const bool socketParameter = catalogue::spec(param).indexing == catalogue::Indexing::SocketId;
  if (socketParameter && socket != socket_) return false;  // the other socket's values
  return commandReads(role_ == Role::Client ? "OTCP" : "LTCPSTART", param);
}

}  // namespace atsharp::reference
