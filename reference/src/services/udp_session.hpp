#pragma once
// The UDP session of chapter 6: AT#OUDP (to UDPSERV:UDPPORT) or AT#LUDPSTART (on UDPPORT, the
// first datagram fixing the peer), then data mode, always DLE-coded, with UDPTXDELAY deciding
// when the host's bytes become a datagram, until the host's ETX or an error.

#include <optional>
#include <string>

#include "data_pipe.hpp"
#include "send_buffer.hpp"
#include "service_base.hpp"

namespace atsharp::reference {

class UdpSession : public ServiceBase {
 public:
  enum class Role { Active, Listener };

  UdpSession(ModuleCore& core, Role role);

  Outcome begin(ModuleCore& core);

  /// AT#LUDPSTOP: ends a listening session that has no peer yet.
  void stopListening(ModuleCore& core);

  std::size_t onHostData(ModuleCore& core, ByteView bytes) override;
  void onLineFree(ModuleCore& core) override;
  void onTimer(ModuleCore& core, TimerId id) override;
  bool reads(catalogue::Param param, int socket) const override;

 private:
  void reached(ModuleCore& core, const std::string& address) override;
  void onActivity(ModuleCore& core, const NetworkEvent& event) override;

  void open(ModuleCore& core);
  void datagram(ModuleCore& core, const Received& received);
  bool accepted(const Endpoint& from) const;
  void sendFrames(ModuleCore& core, const std::vector<Bytes>& frames);
  void closeLocally(ModuleCore& core);

  Role role_;
  std::string server_;                 // UDPSERV: the remote, or the listener's filter
  std::uint16_t port_;
  std::optional<std::string> filter_;  // the one address a listener hears
  std::optional<Endpoint> peer_;       // who the session talks to, once known
  ActivityId socket_ = 0;
  bool inData_ = false;
  Bytes early_;                        // datagrams that came before the line was ours
  DataPipe pipe_{DataCoding::Dle};
  SendBuffer buffer_;
};

}  // namespace atsharp::reference
