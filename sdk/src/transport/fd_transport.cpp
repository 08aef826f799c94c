#include "atsharp/transport/fd_transport.hpp"

#include <utility>

#include "fd_line_io.hpp"
#include "polled_line.hpp"

namespace atsharp {

FdTransport::FdTransport(UniqueFd fd, std::string description)
    : line_(std::make_unique<detail::PolledLine>(
          std::make_unique<detail::FdLineIo>(std::move(fd), description))),
      description_(std::move(description)) {}

FdTransport::FdTransport(UniqueFd readFd, UniqueFd writeFd, std::string description)
    : line_(std::make_unique<detail::PolledLine>(
          std::make_unique<detail::FdLineIo>(std::move(readFd), std::move(writeFd), description))),
      description_(std::move(description)) {}

FdTransport::~FdTransport() = default;

IoResult FdTransport::write(ByteView bytes, Deadline deadline) {
  return line_->write(bytes, deadline);
}

IoResult FdTransport::read(std::span<Byte> buffer, Deadline deadline) {
  return line_->read(buffer, deadline);
}

void FdTransport::close() { line_->close(); }

std::string FdTransport::describe() const { return description_; }

}  // namespace atsharp
