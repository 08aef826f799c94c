#pragma once
// A NetworkPort that does nothing but write down what the module asked, so that a test can
// check each request and answer it with the events of its choice. (The real port, on the
// host's network stack, is tested in reference/tests/network and tests/transfers, and end to
// end in the interop tests.)

#include <string>
#include <vector>

#include "atsharp/reference/network.hpp"

namespace atsharp::reference::test {

class ScriptedNetwork : public NetworkPort {
 public:
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

  /// The requests since the last call, one line each ("3 tcpConnect 127.0.0.2 -> 1.2.3.4:23",
  /// "1 resolve 127.0.0.2 -> ftp.test @ 127.0.0.53 :53");
  /// consecutive sends of one activity to one place are one line.
  std::vector<std::string> take();
  /// The activity of the latest request.
  ActivityId last() const noexcept { return last_; }
  /// The latest mail request, whole.
  const MailRequest& lastMail() const noexcept { return mail_; }

 private:
  void log(ActivityId id, std::string text);

  std::vector<std::string> log_;
  ActivityId last_ = 0;
  MailRequest mail_;
};

}  // namespace atsharp::reference::test
