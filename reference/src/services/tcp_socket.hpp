#pragma once
// A TCP socket of chapter 5: AT#OTCP=id (a client) or AT#LTCPSTART=id (a listener), then data
// mode with DLEMODE's coding and TCPTXDELAY's frames, until an ETX, the peer or an error
// closes it.

#include <optional>
#include <string>

#include "data_pipe.hpp"
#include "send_buffer.hpp"
#include "service_base.hpp"

namespace atsharp::reference {

class TcpSocket : public ServiceBase {
 public:
  enum class Role { Client, Listener };

  TcpSocket(ModuleCore& core, int socket, Role role);

  /// Starts the socket as its command (AT#OTCP=id or AT#LTCPSTART=id) asks.
  Outcome begin(ModuleCore& core);

  /// AT#LTCPSTOP=id: stops listening (nothing when the socket is not listening).
  void stopListening(ModuleCore& core);

  std::size_t onHostData(ModuleCore& core, ByteView bytes) override;
  void onLineFree(ModuleCore& core) override;
  void onTimer(ModuleCore& core, TimerId id) override;
  bool abortListening(ModuleCore& core) override;
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;

  void open(ModuleCore& core);
  void peerArrived(ModuleCore& core);
  void received(ModuleCore& core, ByteView data);
  void peerClosed(ModuleCore& core);
  void sendFrames(ModuleCore& core, const std::vector<Bytes>& frames);
  void closeLocally(ModuleCore& core);
  TimerId delayTimer() const noexcept;
  bool listening() const noexcept { return role_ == Role::Listener && !peerUp_; }

  int socket_;
  Role role_;
  std::string server_;                  // TCPSERV: the server, or the listener's filter
  std::uint16_t port_;
  std::optional<std::string> filter_;   // the one peer address a listener accepts
  ActivityId connection_ = 0;
  bool peerUp_ = false;                 // connected / a peer was accepted
  bool inData_ = false;                 // data mode runs on the line
  bool peerGone_ = false;               // the peer closed before the line was ours
  Bytes early_;                         // the peer's data before the line was ours
  DataPipe pipe_;
  SendBuffer buffer_;
};

/// The most a peer may send before the line is the socket's: beyond it the socket fails
/// (37952), rather than memory growing without bound.
inline constexpr std::size_t kMaxEarlyData = 1 << 20;

}  // namespace atsharp::reference
