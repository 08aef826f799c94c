#include "targets/control_channel_client.hpp"

#include <sys/socket.h>
#include <sys/un.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"

namespace atsharp::harness {
namespace {
constexpr auto kReplyTimeout = std::chrono::seconds(10);
constexpr std::size_t kLongestReply = 1024 * 1024;
}  // namespace

ControlChannelClient::ControlChannelClient(std::filesystem::path path) : path_(std::move(path)) {}

ControlChannelClient::~ControlChannelClient() {
  if (channel_) channel_->close();
}

void ControlChannelClient::connect() {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string path = path_.string();
  if (path.size() >= sizeof address.sun_path) {
    throw TransportError("control channel " + path + ": the path is too long for a socket");
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0 ||
      ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw TransportError("control channel " + path + ": " + std::strerror(errno));
  }
  channel_ = std::make_unique<FdTransport>(std::move(fd), "control:" + path);
}

std::optional<std::string> ControlChannelClient::inject(const nlohmann::json& request) {
  if (!channel_) connect();
  const std::string line = request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  const Deadline deadline = after(kReplyTimeout);
  if (channel_->write(asBytes(line), deadline).status != IoStatus::Ok) {
    throw TransportError("control channel " + path_.string() + ": the request could not be sent");
  }
  std::array<Byte, 4096> buffer{};
  std::size_t newline;
  while ((newline = pending_.find('\n')) == std::string::npos) {
    const IoResult read = channel_->read(buffer, deadline);
    pending_.append(reinterpret_cast<const char*>(buffer.data()), read.count);
    if (read.status != IoStatus::Ok || pending_.size() > kLongestReply) {
      throw TransportError("control channel " + path_.string() + ": no reply");
    }
  }
  const std::string reply = pending_.substr(0, newline);
  pending_.erase(0, newline + 1);
  const nlohmann::json answer = nlohmann::json::parse(reply, nullptr, false);
  if (!answer.is_object() || !answer.contains("ok")) {
    throw TransportError("control channel " + path_.string() + ": a reply that is not one: " + reply);
  }
  if (answer["ok"].get<bool>()) return std::nullopt;
  return answer.value("error", std::string("refused"));
}

}  // namespace atsharp::harness
