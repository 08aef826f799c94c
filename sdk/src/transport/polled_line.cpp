#include "polled_line.hpp"

#include <poll.h>

#include <utility>

#include "poll_wait.hpp"

namespace atsharp::detail {

PolledLine::PolledLine(std::unique_ptr<LineIo> io) : io_(std::move(io)) {}

PolledLine::~PolledLine() { close(); }

IoResult PolledLine::read(std::span<Byte> buffer, Deadline deadline) {
  const GatePass pass(gate_);
  if (!pass.admitted()) {
    return {IoStatus::Closed};
  }
  if (buffer.empty()) {
    return {IoStatus::Ok};
  }
  // Try first, wait after: data already there is returned even past the deadline, and data
  // that arrived with a hang-up is returned before Closed.
  bool hungUp = false;
  for (;;) {
    const Step step = io_->readSome(buffer);
    if (step.kind == Step::Kind::Moved) {
      return {IoStatus::Ok, step.count};
    }
    if (step.kind == Step::Kind::Closed || hungUp) {
      return {IoStatus::Closed};
    }
    // Checked here too, not only by waitFor(): a descriptor that poll() keeps calling ready while
    // nothing can be read would otherwise never let the deadline end the loop.
    if (Clock::now() >= deadline) {
      return {IoStatus::Timeout};
    }
    const WaitResult wait = waitFor(io_->readFd(), POLLIN, gate_.wakeFd(), deadline);
    if (wait.outcome == WaitOutcome::Closing) {
      return {IoStatus::Closed};
    }
    if (wait.outcome == WaitOutcome::Timeout) {
      return {IoStatus::Timeout};
    }
    hungUp = wait.hangUp;
  }
}

IoResult PolledLine::write(ByteView bytes, Deadline deadline) {
  const GatePass pass(gate_);
  if (!pass.admitted()) {
    return {IoStatus::Closed};
  }
  std::size_t done = 0;
  bool hungUp = false;
  while (done < bytes.size()) {
    const Step step = io_->writeSome(bytes.subspan(done));
    if (step.kind == Step::Kind::Moved) {
      done += step.count;
      continue;
    }
    // A descriptor that reports a hang-up yet would block (a pty master with no slave open)
    // would otherwise make poll() return at once forever.
    if (step.kind == Step::Kind::Closed || hungUp) {
      return {IoStatus::Closed, done};
    }
    if (Clock::now() >= deadline) {
      return {IoStatus::Timeout, done};
    }
    const WaitResult wait = waitFor(io_->writeFd(), POLLOUT, gate_.wakeFd(), deadline);
    if (wait.outcome == WaitOutcome::Closing) {
      return {IoStatus::Closed, done};
    }
    if (wait.outcome == WaitOutcome::Timeout) {
      return {IoStatus::Timeout, done};
    }
    hungUp = wait.hangUp;
  }
  return {IoStatus::Ok, done};
}

void PolledLine::close() {
  if (gate_.close()) {
    io_.reset();
  }
}

}  // namespace atsharp::detail
