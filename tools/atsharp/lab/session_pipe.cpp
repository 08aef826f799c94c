#include "session_pipe.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>

namespace atsharp::cli::lab {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Each turn of the loop waits this long for input, then this long for the peer: short enough
// that neither direction waits noticeably for the other.
constexpr auto kTurn = 10ms;
constexpr std::size_t kChunk = 4096;

std::atomic<int> stopSignal{0};

void noteStop(int signal) { stopSignal = signal; }

// SIGINT and SIGTERM end the session cleanly (ETX) instead of killing the process with the
// module still in data mode; the previous handlers come back at the end.
class StopSignals {
 public:
  StopSignals() {
    stopSignal = 0;
    struct sigaction action {};
    action.sa_handler = noteStop;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previousInt_);
    ::sigaction(SIGTERM, &action, &previousTerm_);
  }
  ~StopSignals() {
    ::sigaction(SIGINT, &previousInt_, nullptr);
    ::sigaction(SIGTERM, &previousTerm_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  bool stopped() const { return stopSignal != 0; }

 private:
  struct sigaction previousInt_ {};
  struct sigaction previousTerm_ {};
};

// Reads what the input has within kTurn: the bytes, nothing yet, or its end (nullopt).
std::optional<Bytes> readInput(int fd) {
  pollfd watched{fd, POLLIN, 0};
  const int ready = ::poll(&watched, 1, static_cast<int>(kTurn.count()));
  if (ready <= 0) return Bytes{};  // nothing yet (or EINTR: the loop looks at the signals)
  std::array<Byte, kChunk> buffer;
  const ssize_t got = ::read(fd, buffer.data(), buffer.size());
  if (got < 0 && (errno == EINTR || errno == EAGAIN)) return Bytes{};
  if (got <= 0) return std::nullopt;
  return Bytes(buffer.begin(), buffer.begin() + got);
}

void writeOutput(int fd, ByteView bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return;  // nobody reads the output any more: the payload is dropped
    bytes = bytes.subspan(static_cast<std::size_t>(written));
  }
}

bool hostMayClose(const DataSession& session) { return session.coding() == DataCoding::Dle; }

}  // namespace

PipeOutcome pipeSession(DataSession& session, const PipeOptions& options) {
  StopSignals signals;
  PipeOutcome outcome;
  bool inputOpen = true;
  std::optional<Clock::time_point> closeAt;
  while (session.isOpen()) {
    if (signals.stopped()) {
      // Under DLEMODE 0 the module stays in data mode until the peer closes: nothing the
      // host can do about it (5.1.1), so the command ends without waiting.
      outcome.interrupted = true;
      if (hostMayClose(session)) session.close();
      break;
    }
    if (inputOpen) {
      std::optional<Bytes> input = readInput(options.input);
      if (!input) {
        inputOpen = false;
        closeAt = Clock::now() + options.linger;
      } else if (!input->empty()) {
        session.write(*input);
        outcome.sent += input->size();
      }
    }
    const Bytes received = session.read(kTurn);
    writeOutput(options.output, received);
    outcome.received += received.size();
    if (closeAt && Clock::now() >= *closeAt && session.isOpen() && hostMayClose(session)) {
      session.close();
    }
  }
  outcome.end = session.state();
  outcome.errorCode = session.errorCode();
  return outcome;
}

}  // namespace atsharp::cli::lab
