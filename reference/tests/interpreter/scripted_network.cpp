#include "scripted_network.hpp"

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

std::string endpoint(const Endpoint& e) {
  return (e.address.empty() ? "*" : e.address) + ":" + std::to_string(e.port);
}

std::string ftp(const FtpRequest& r) {
  return (r.localAddress.empty() ? "*" : r.localAddress) + " -> " + endpoint(r.server) + " " +
         r.user + "/" + r.password + " " + r.path + "|" + r.file + (r.ascii ? " A" : " I");
}

}  // namespace

void ScriptedNetwork::log(ActivityId id, std::string text) {
  last_ = id;
  log_.push_back(std::to_string(id) + " " + text);
}

void ScriptedNetwork::resolve(ActivityId id, const std::string& localAddress,
                              const std::string& name, const std::vector<std::string>& servers,
                              std::uint16_t port) {
  std::string text =
      "resolve " + (localAddress.empty() ? "*" : localAddress) + " -> " + name + " @";
  for (const std::string& server : servers) text += " " + server;
  log(id, text + " :" + std::to_string(port));
}

void ScriptedNetwork::tcpConnect(ActivityId id, const std::string& localAddress,
                                 const Endpoint& remote) {
  log(id, "tcpConnect " + (localAddress.empty() ? "*" : localAddress) + " -> " + endpoint(remote));
}

void ScriptedNetwork::tcpListen(ActivityId id, const Endpoint& local,
                                const std::optional<std::string>& allowedPeer) {
  log(id, "tcpListen " + endpoint(local) + (allowedPeer ? " from " + *allowedPeer : ""));
}

void ScriptedNetwork::udpOpen(ActivityId id, const Endpoint& local) {
  log(id, "udpOpen " + endpoint(local));
}

// Consecutive sends of one activity to one place read as one: how the host's bytes were cut
// into send() calls depends on how they arrived, which the tests draw at random.
void ScriptedNetwork::send(ActivityId id, Bytes data, const std::optional<Endpoint>& to) {
  const std::string prefix = std::to_string(id) + " send \"";
  const std::string suffix = "\"" + (to ? " to " + endpoint(*to) : std::string{});
  const std::string payload = visible(asString(data));
  if (last_ == id && !log_.empty() && log_.back().starts_with(prefix) &&
      log_.back().ends_with(suffix)) {
    log_.back().insert(log_.back().size() - suffix.size(), payload);
    return;
  }
  log(id, "send \"" + payload + suffix);
}

void ScriptedNetwork::finish(ActivityId id) { log(id, "finish"); }
void ScriptedNetwork::close(ActivityId id) { log(id, "close"); }

void ScriptedNetwork::ftpGet(ActivityId id, const FtpRequest& request) {
  log(id, "ftpGet " + ftp(request));
}

void ScriptedNetwork::ftpPut(ActivityId id, const FtpRequest& request) {
  log(id, "ftpPut " + ftp(request));
}

void ScriptedNetwork::sendMail(ActivityId id, const MailRequest& request) {
  mail_ = request;
  log(id, "sendMail " + endpoint(request.server) + (request.body ? " with body" : " body follows"));
}

void ScriptedNetwork::retrieveMail(ActivityId id, const Pop3Request& request) {
  log(id, "retrieveMail " + endpoint(request.server) + " " + request.user + "/" +
              request.password + (request.deleteAfter ? " delete" : " keep"));
}

void ScriptedNetwork::ping(ActivityId id, const std::string& localAddress,
                           const std::string& address, ModuleTime timeout) {
  log(id, "ping " + (localAddress.empty() ? "*" : localAddress) + " -> " + address + " " +
              std::to_string(timeout.count()) + "ms");
}

std::vector<std::string> ScriptedNetwork::take() {
  std::vector<std::string> requests;
  requests.swap(log_);
  return requests;
}

}  // namespace atsharp::reference::test
