#include "udp_session.hpp"

#include "atsharp/catalogue/value_rules.hpp"
#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"
#include "tcp_socket.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;
using catalogue::Result;

// The largest UDP payload in one Ethernet frame: what UDPTXDELAY waits to fill.
constexpr std::size_t kDatagram = 1472;

// UDPSERV "255.255.255.255" turns the listener's filter off (6.1.2).
constexpr std::string_view kNoFilter = "255.255.255.255";

ModuleTime delayOf(const ModuleCore& core) {
  return ModuleTime{catalogue::parseDecimal(core.params.value(Param::Udptxdelay)).value_or(0)};
}

}  // namespace

UdpSession::UdpSession(ModuleCore& core, Role role)
    : ServiceBase(/*dataCoded=*/true),
      role_(role),
      server_(core.params.value(Param::Udpserv)),
      port_(portOf(core, Param::Udpport)),
      buffer_(kDatagram, delayOf(core)) {}

Outcome UdpSession::begin(ModuleCore& core) {
  // UDPPORT's default 0 is illegal (6.1.1); an active session needs a real remote.
  if (port_ == 0 || (role_ == Role::Active && (server_.empty() || server_ == kNoFilter))) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  if (role_ == Role::Active || (!server_.empty() && server_ != kNoFilter)) {
    return lookUpAndReach(core, server_);
  }
  open(core);
  return Outcome::Busy;
}

void UdpSession::reached(ModuleCore& core, const std::string& address) {
  if (role_ == Role::Active) {
    peer_ = Endpoint{address, port_};
  } else {
    filter_ = address;
  }
  open(core);
}

// An active session sends from any port; a listener waits on UDPPORT.
void UdpSession::open(ModuleCore& core) {
  socket_ = newActivity(core);
  core.services.port()->udpOpen(
      socket_, Endpoint{localAddress(core), role_ == Role::Listener ? port_ : std::uint16_t{0}});
}

void UdpSession::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (std::holds_alternative<Listening>(event)) {
    if (role_ == Role::Active) return onLineFree(core);  // 6.4.2: the session is open
    core.out.result(Result::Ok);  // as AT#LTCPSTART (A.8.1): the first datagram comes later
    runInBackground(core);
  } else if (const auto* received = std::get_if<Received>(&event)) {
    datagram(core, *received);
  } else if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(socket_);
    fail(core, failed->code);
  } else if (std::holds_alternative<Closed>(event)) {
    ended(socket_);
    fail(core, CmeError::TcpSessionCancelled);
  }
}

// 6.2.1: the first datagram from an allowed address fixes the peer; after that only the peer
// is heard.
bool UdpSession::accepted(const Endpoint& from) const {
  if (peer_) return from == *peer_;
  return !filter_ || from.address == *filter_;
}

void UdpSession::datagram(ModuleCore& core, const Received& received) {
  if (!received.from || !accepted(*received.from)) return;
  if (!peer_) {
    peer_ = received.from;
    core.services.waitForLine(core, *this);
  }
  if (!inData_) {
    if (early_.size() + received.data.size() > kMaxEarlyData) {
      return fail(core, CmeError::TcpSessionCancelled);
    }
    early_.insert(early_.end(), received.data.begin(), received.data.end());
    return;
  }
  core.link.activity(core);
  pipe_.toHost(core.out, received.data);
}

void UdpSession::onLineFree(ModuleCore& core) {
  core.out.result(Result::WaitingForData);
  holdLine(core);
  inData_ = true;
  core.link.activity(core);
  if (!early_.empty()) {
    pipe_.toHost(core.out, early_);
    early_.clear();
  }
}

std::size_t UdpSession::onHostData(ModuleCore& core, ByteView bytes) {
  DataPipe::FromHost input = pipe_.fromHost(bytes);
  core.link.activity(core);
  sendFrames(core, buffer_.add(input.payload));
  if (buffer_.armTimer()) core.timers.arm(TimerId::UdpTxDelay, core.now + buffer_.delay());
  if (input.ended) closeLocally(core);
  return input.consumed;
}

void UdpSession::sendFrames(ModuleCore& core, const std::vector<Bytes>& frames) {
  for (const Bytes& frame : frames) {
    if (!frame.empty()) core.services.port()->send(socket_, frame, peer_);
  }
}

// 6.2.2, 6.4.2: the host's ETX closes the session: ETX, Ok_Info_SocketClosed, OK.
void UdpSession::closeLocally(ModuleCore& core) {
  sendFrames(core, {buffer_.flush()});
  core.timers.cancel(TimerId::UdpTxDelay);
  closeAll(core);
  pipe_.endToHost(core.out);
  core.out.result(Result::SocketClosed);
  succeed(core, Result::Ok);
}

void UdpSession::onTimer(ModuleCore& core, TimerId id) {
  if (id == TimerId::UdpTxDelay && inData_) sendFrames(core, {buffer_.flush()});
}

void UdpSession::stopListening(ModuleCore& core) {
  if (role_ != Role::Listener || peer_) return;
  closeAll(core);
  finish();
}

bool UdpSession::reads(Param param, int) const {
  return commandReads(role_ == Role::Active ? "OUDP" : "LUDPSTART", param);
}

}  // namespace atsharp::reference
