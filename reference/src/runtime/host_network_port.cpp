#include "host_network_port.hpp"

namespace atsharp::reference {

HostNetworkPort::HostNetworkPort(boost::asio::io_context& io, Deliver deliver, double timeScale)
    : sockets_(io, deliver, timeScale), transfers_(io, deliver, TransferLimits{}, timeScale) {}

void HostNetworkPort::resolve(ActivityId id, const std::string& localAddress,
                              const std::string& name, const std::vector<std::string>& servers,
                              std::uint16_t port) {
  sockets_.resolve(id, localAddress, name, servers, port);
}

void HostNetworkPort::tcpConnect(ActivityId id, const std::string& localAddress,
                                 const Endpoint& remote) {
  sockets_.tcpConnect(id, localAddress, remote);
}

void HostNetworkPort::tcpListen(ActivityId id, const Endpoint& local,
                                const std::optional<std::string>& allowedPeer) {
  sockets_.tcpListen(id, local, allowedPeer);
}

void HostNetworkPort::udpOpen(ActivityId id, const Endpoint& local) { sockets_.udpOpen(id, local); }

// Upload data belongs to a transfer; anything else goes out on a socket.
void HostNetworkPort::send(ActivityId id, Bytes data, const std::optional<Endpoint>& to) {
  if (transfers_.owns(id)) {
    transfers_.send(id, std::move(data));
  } else {
    sockets_.send(id, std::move(data), to);
  }
}

void HostNetworkPort::finish(ActivityId id) { transfers_.finish(id); }

void HostNetworkPort::close(ActivityId id) {
  if (transfers_.owns(id)) {
    transfers_.close(id);
  } else {
    sockets_.close(id);
  }
}

void HostNetworkPort::ftpGet(ActivityId id, const FtpRequest& request) {
  transfers_.ftpGet(id, request);
}

void HostNetworkPort::ftpPut(ActivityId id, const FtpRequest& request) {
  transfers_.ftpPut(id, request);
}

void HostNetworkPort::sendMail(ActivityId id, const MailRequest& request) {
  transfers_.sendMail(id, request);
}

void HostNetworkPort::retrieveMail(ActivityId id, const Pop3Request& request) {
  transfers_.retrieveMail(id, request);
}

void HostNetworkPort::ping(ActivityId id, const std::string& localAddress,
                           const std::string& address, ModuleTime timeout) {
  sockets_.ping(id, localAddress, address, timeout);
}

std::size_t HostNetworkPort::queuedToNetwork() const {
  return sockets_.queuedToNetwork() + transfers_.queuedToNetwork();
}

void HostNetworkPort::pauseReading(bool paused) {
  sockets_.pauseReading(paused);
  transfers_.pauseReading(paused);
}

}  // namespace atsharp::reference
