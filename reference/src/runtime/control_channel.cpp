#include "control_channel.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "accept_loop.hpp"
#include "atsharp/error.hpp"
#include "atsharp/transport/unique_fd.hpp"
#include "control_client.hpp"

namespace atsharp::reference {
namespace {

using boost::asio::local::stream_protocol;

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& why) {
  throw TransportError("cannot make the control socket " + path.string() + ": " + why);
}

// True when a process accepts connections on the socket at @p path.
bool someoneListens(const std::filesystem::path& path) {
  const UniqueFd probe(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  return probe &&
         ::connect(probe.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
}

// Clears the way for bind(): only a socket nobody listens on (left by a process that died)
// is removed.
void prepare(const std::filesystem::path& path) {
  if (path.string().size() >= sizeof(sockaddr_un{}.sun_path)) {
    refuse(path, "the path is longer than a Unix socket's " +
                     std::to_string(sizeof(sockaddr_un{}.sun_path) - 1) + " characters");
  }
  struct stat info {};
  if (::lstat(path.c_str(), &info) < 0) return;  // nothing there
  if (!S_ISSOCK(info.st_mode)) refuse(path, "a file that is not a socket is in the way");
  if (someoneListens(path)) refuse(path, "another process is listening on it");
  ::unlink(path.c_str());
}

stream_protocol::acceptor listenOn(boost::asio::io_context& io, const std::filesystem::path& path) {
  prepare(path);
  stream_protocol::acceptor acceptor(io);
  boost::system::error_code error;
  acceptor.open(stream_protocol(), error);
  if (!error) acceptor.bind(stream_protocol::endpoint(path.string()), error);
  if (!error) acceptor.listen(stream_protocol::socket::max_listen_connections, error);
  if (error) refuse(path, error.message());
  return acceptor;
}

}  // namespace

ControlChannel::ControlChannel(boost::asio::io_context& io, std::filesystem::path path,
                               Answer answer)
    : path_(std::move(path)),
      acceptor_(listenOn(io, path_)),
      retry_(io),
      answer_(std::move(answer)) {
  struct stat info {};
  if (::lstat(path_.c_str(), &info) == 0) {
    device_ = info.st_dev;
    inode_ = info.st_ino;
  }
  acceptForever(acceptor_, retry_,
                [this](stream_protocol::socket socket) { take(std::move(socket)); });
}

ControlChannel::~ControlChannel() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  for (const auto& weak : clients_) {
    if (const auto client = weak.lock()) client->close();
  }
  struct stat info {};
  if (::lstat(path_.c_str(), &info) == 0 && info.st_dev == device_ && info.st_ino == inode_) {
    ::unlink(path_.c_str());
  }
}

void ControlChannel::take(stream_protocol::socket socket) {
  std::erase_if(clients_, [](const auto& weak) {
    const auto client = weak.lock();
    return !client || !client->isOpen();
  });
  if (clients_.size() >= kMaxClients) return;  // closed here, as it goes out of scope
  auto client = std::make_shared<ControlClient>(std::move(socket), answer_);
  client->start();
  clients_.push_back(client);
}

}  // namespace atsharp::reference
