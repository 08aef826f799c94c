#pragma once
// The module's NetworkPort on the host's real network stack: sockets, DNS and ICMP through
// SocketNetwork, FTP, SMTP and POP3 through TransferNetwork (libcurl).

#include <boost/asio/io_context.hpp>

#include <functional>

#include "atsharp/reference/network.hpp"
#include "network/socket_network.hpp"
#include "network/transfer_network.hpp"

namespace atsharp::reference {

class HostNetworkPort final : public NetworkPort {
 public:
  using Deliver = std::function<void(NetworkEvent)>;

  /// Events go to @p deliver on @p io's thread. @p timeScale: real seconds per module second,
  /// for the network's waits as for every timer of the module (SocketLimits, TransferLimits).
  HostNetworkPort(boost::asio::io_context& io, Deliver deliver, double timeScale);

  void resolve(ActivityId id, const std::string& localAddress, const std::string& name,
               const std::vector<std::string>& servers, std::uint16_t port) override;
  void tcpConnect(ActivityId id, const std::string& localAddress, const Endpoint& remote) override;
  void tcpListen(ActivityId id, const Endpoint& local,
                 const std::optional<std::string>& allowedPeer) override;
  void udpOpen(ActivityId id, const Endpoint& local) override;
  void send(ActivityId id, Bytes data, const std::optional<Endpoint>& to) override;
  void finish(ActivityId id) override;
  void close(ActivityId id) override;
  void ftpGet(ActivityId id, const FtpRequest& request) override;
  void ftpPut(ActivityId id, const FtpRequest& request) override;
  void sendMail(ActivityId id, const MailRequest& request) override;
  void retrieveMail(ActivityId id, const Pop3Request& request) override;
  void ping(ActivityId id, const std::string& localAddress, const std::string& address,
            ModuleTime timeout) override;

  /// Bytes the module sent that the network has not taken yet.
  std::size_t queuedToNetwork() const;
  /// Stops or resumes reading from the network (the host line is backed up).
  void pauseReading(bool paused);

 private:
  SocketNetwork sockets_;
  TransferNetwork transfers_;
};

}  // namespace atsharp::reference
