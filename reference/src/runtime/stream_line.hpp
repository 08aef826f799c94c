#pragma once
// A tap over an Asio stream (a pty master, a TCP socket, a Unix socket): reads go to the hub,
// the module's output is written from a bounded queue.

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <array>
#include <memory>

#include "host_line.hpp"
#include "line_hub.hpp"

namespace atsharp::reference {

template <typename Stream>
class StreamLine final : public HostLine, public std::enable_shared_from_this<StreamLine<Stream>> {
 public:
  /// Output waiting for a tap at most. A tap whose host stops reading loses the output beyond
  /// it (as a serial line loses what nobody receives) rather than growing memory without bound;
  /// it keeps its connection and gets the output again once it reads.
  static constexpr std::size_t kMaxQueued = 64 * 1024;

  StreamLine(Stream stream, LineHub& hub) : stream_(std::move(stream)), hub_(hub) {}

  /// Joins the hub and starts reading.
  void start() {
    hub_.add(this->shared_from_this());
    readNext();
  }

  void deliver(ByteView bytes) override {
    if (!open_) return;
    const std::size_t used = queued_.size() + writing_.size();
    const std::size_t room = kMaxQueued - std::min(kMaxQueued, used);
    queued_.insert(queued_.end(), bytes.begin(), bytes.begin() + std::min(room, bytes.size()));
    if (writing_.empty()) writeNext();
  }

  void close() override {
    if (!open_) return;
    open_ = false;
    boost::system::error_code ignored;
    stream_.close(ignored);  // the pending operations end with operation_aborted
    hub_.remove(*this);
  }

  bool isOpen() const override { return open_; }

  Stream& stream() noexcept { return stream_; }

 private:
  void readNext() {
    stream_.async_read_some(
        boost::asio::buffer(readBuffer_),
        [self = this->shared_from_this()](const boost::system::error_code& error,
                                          std::size_t size) { self->onRead(error, size); });
  }

  void onRead(const boost::system::error_code& error, std::size_t size) {
    if (!open_) return;
    if (size > 0) hub_.input(ByteView(readBuffer_.data(), size));
    if (error) return close();  // end of file, reset, or a failure: the host has gone
    readNext();
  }

  void writeNext() {
    if (queued_.empty() || !open_) return;
    writing_.swap(queued_);
    boost::asio::async_write(
        stream_, boost::asio::buffer(writing_),
        [self = this->shared_from_this()](const boost::system::error_code& error, std::size_t) {
          self->writing_.clear();
          if (error) return self->close();
          self->writeNext();
        });
  }

  Stream stream_;
  LineHub& hub_;
  bool open_ = true;
  std::array<Byte, 4096> readBuffer_{};
  Bytes queued_;   ///< output not yet handed to the stream
  Bytes writing_;  ///< output the stream is writing now
};

}  // namespace atsharp::reference
