#include "icmp_echo.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "icmp_socket.hpp"
#include "socket_address.hpp"

namespace atsharp::reference {
namespace {

// A century: far enough for any timeout, near enough not to overflow the clock.
constexpr double kMaxRealNanoseconds = 100.0 * 365 * 24 * 3600 * 1e9;

sockaddr_in socketAddress(std::uint32_t address) {
  sockaddr_in result{};
  result.sin_family = AF_INET;
  result.sin_addr.s_addr = address;
  return result;
}

}  // namespace

IcmpEcho::IcmpEcho(boost::asio::io_context& io, ActivitySink sink, double timeScale)
    : socket_(io), timer_(io), sink_(std::move(sink)), timeScale_(timeScale) {}

void IcmpEcho::start(const std::string& localAddress, const std::string& address,
                     ModuleTime timeout, EchoHeader header) {
  const auto target = parseIpv4(address);
  if (!target) return answer(std::nullopt);
  target_ = htonl(target->to_uint());
  IcmpSocket opened = openIcmpSocket();
  if (opened.fd < 0) {
    explainNoIcmp(opened.why);
    done_ = true;
    return sink_.report(Failed{sink_.id(), catalogue::CmeError::InternalResourceUnavailable});
  }
  Error error;
  socket_.assign(opened.fd, error);
  if (error) {
    ::close(opened.fd);
    return answer(std::nullopt);
  }
  raw_ = opened.raw;
  // An address the request cannot leave from, or cannot reach: no answer will come.
  if (!sendRequest(localAddress, header)) return answer(std::nullopt);
  limit_ = realTime(timeout);
  timer_.expires_at(sentAt_ + limit_);
  timer_.async_wait([self = shared_from_this()](const Error& error) {
    if (!error) self->answer(std::nullopt);
  });
  waitForReply();
}

bool IcmpEcho::sendRequest(const std::string& localAddress, EchoHeader header) {
  const int fd = socket_.native_handle();
  if (!localAddress.empty()) {
    const auto local = parseIpv4(localAddress);
    if (!local) return false;
    const sockaddr_in from = socketAddress(htonl(local->to_uint()));
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&from), sizeof from) != 0) return false;
  }
  header_ = header;
  const Bytes request = echoRequest(header);
  const sockaddr_in to = socketAddress(target_);
  sentAt_ = Clock::now();
  const auto sent = ::sendto(fd, request.data(), request.size(), 0,
                             reinterpret_cast<const sockaddr*>(&to), sizeof to);
  return sent == static_cast<ssize_t>(request.size());
}

void IcmpEcho::waitForReply() {
  socket_.async_wait(boost::asio::posix::descriptor_base::wait_read,
                     [self = shared_from_this()](const Error& error) {
                       if (!error && !self->done_) self->readReplies();
                     });
}

void IcmpEcho::readReplies() {
  for (;;) {
    sockaddr_in from{};
    socklen_t fromSize = sizeof from;
    const auto size = ::recvfrom(socket_.native_handle(), buffer_.data(), buffer_.size(),
                                 MSG_DONTWAIT, reinterpret_cast<sockaddr*>(&from), &fromSize);
    if (size < 0) break;  // nothing more for now (or an ICMP error: the timer decides)
    const ByteView packet(buffer_.data(), static_cast<std::size_t>(size));
    if (!isOurs(packet, from.sin_addr.s_addr)) continue;
    const Clock::duration roundTrip = Clock::now() - sentAt_;
    // A reply that came after the timeout (as the module counts) is no answer: the timer,
    // due by now, says so. This keeps a zero timeout an unanswered ping, deterministically.
    if (roundTrip < limit_) return answer(moduleMilliseconds(roundTrip));
  }
  waitForReply();
}

bool IcmpEcho::isOurs(ByteView packet, std::uint32_t source) const {
  if (source != target_) return false;
  const auto reply = echoReply(packet, raw_);
  if (!reply || reply->sequence != header_.sequence) return false;
  return !raw_ || reply->identifier == header_.identifier;
}

void IcmpEcho::answer(std::optional<int> milliseconds) {
  if (done_) return;
  done_ = true;
  stop();
  sink_.report(PingAnswer{sink_.id(), milliseconds});
}

void IcmpEcho::stop() {
  done_ = true;
  Error ignored;
  socket_.close(ignored);
  timer_.cancel();
}

IcmpEcho::Clock::duration IcmpEcho::realTime(ModuleTime time) const {
  const double nanoseconds =
      std::clamp(static_cast<double>(time.count()) * 1e6 * timeScale_, 0.0, kMaxRealNanoseconds);
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::nanoseconds(static_cast<std::int64_t>(nanoseconds)));
}

int IcmpEcho::moduleMilliseconds(Clock::duration real) const {
  const double nanoseconds =
      static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(real).count());
  const double milliseconds = std::floor(nanoseconds / 1e6 / timeScale_);
  return static_cast<int>(
      std::clamp(milliseconds, 0.0, static_cast<double>(std::numeric_limits<int>::max())));
}

}  // namespace atsharp::reference
