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
  /// Output waiting for a silent tap at most (one that never sent anything, such as the pty
  /// nobody has opened). Its host loses the output beyond it, as a serial line loses what
  /// nobody receives, rather than memory growing without bound; it keeps its connection and
  /// gets the output again once it reads.
  static constexpr std::size_t kMaxQueuedSilent = 64 * 1024;
  /// Output waiting for a talking tap at most. The emulator stops reading the network long
  /// before (LineHub::backlog), so this bound is only reached by a tap whose host stopped
  /// reading in the middle of a conversation.
  static constexpr std::size_t kMaxQueuedTalking = 16 * 1024 * 1024;

  StreamLine(Stream stream, LineHub& hub) : stream_(std::move(stream)), hub_(hub) {}

  /// Joins the hub and starts reading.
  void start() {
    hub_.add(this->shared_from_this());
    started_ = true;
    readNext();
  }

  void deliver(ByteView bytes) override {
    if (!open_) return;
    const std::size_t bound = talking_ ? kMaxQueuedTalking : kMaxQueuedSilent;
    const std::size_t room = bound - std::min(bound, queued());
    queued_.insert(queued_.end(), bytes.begin(), bytes.begin() + std::min(room, bytes.size()));
    if (writing_.empty()) writeNext();
  }

  std::size_t queued() const override { return queued_.size() + writing_.size(); }
  bool talking() const override { return talking_; }

  void pauseInput(bool paused) override {
    paused_ = paused;
    if (!paused_ && open_ && !reading_ && started_) readNext();
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
    if (paused_) return;  // pauseInput(false) reads again
    reading_ = true;
    stream_.async_read_some(
        boost::asio::buffer(readBuffer_),
        [self = this->shared_from_this()](const boost::system::error_code& error,
                                          std::size_t size) { self->onRead(error, size); });
  }

  void onRead(const boost::system::error_code& error, std::size_t size) {
    reading_ = false;
    if (!open_) return;
    if (size > 0) {
      talking_ = true;
      hub_.input(ByteView(readBuffer_.data(), size));
    }
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
          self->hub_.drained();
        });
  }

  Stream stream_;
  LineHub& hub_;
  bool open_ = true;
  bool started_ = false;
  bool reading_ = false;  // a read is pending
  bool paused_ = false;   // the module cannot take input now
  bool talking_ = false;  // the host has sent something
  std::array<Byte, 16 * 1024> readBuffer_{};
  Bytes queued_;   ///< output not yet handed to the stream
  Bytes writing_;  ///< output the stream is writing now
};

}  // namespace atsharp::reference
