#include "round_trip.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>

#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/codec/dle_encoder.hpp"
#include "interruption.hpp"

namespace atsharp::bench {
namespace {

using namespace std::chrono_literals;

/// Payload per write: a multiple of what one pty read gives (4 KiB), small enough that the
/// reader starts early.
constexpr std::size_t kWriteChunk = 16 * 1024;
/// Reading stops with an error when nothing comes back for this long.
constexpr auto kStall = 30s;

/// The writing side, on its own thread: it stops early once @p abort is set (the reader
/// failed), and keeps its own failure for the reader to rethrow.
class Writer {
 public:
  Writer(Transport& line, ByteView payload, bool dleCoded)
      : line_(line), payload_(payload), dleCoded_(dleCoded) {}

  void run() noexcept {
    try {
      Bytes coded(DleEncoder::maxEncodedSize(kWriteChunk));
      for (std::size_t at = 0; at < payload_.size() && !abort; at += kWriteChunk) {
        const ByteView piece = payload_.subspan(at, std::min(kWriteChunk, payload_.size() - at));
        writeAll(dleCoded_ ? ByteView(coded.data(), DleEncoder::encodeInto(piece, coded))
                           : piece);
      }
    } catch (...) {
      failure = std::current_exception();
      failed = true;
    }
  }

  std::atomic<bool> abort{false};
  std::atomic<bool> failed{false};  ///< failure is set: the reader waits in vain
  std::atomic<std::size_t> written{0};
  std::exception_ptr failure;

 private:
  // Short deadlines, so that an abort or a signal is seen while the line is backed up.
  void writeAll(ByteView bytes) {
    const auto stallAt = Clock::now() + kStall;
    while (!bytes.empty()) {
      if (abort || interrupted()) return;
      const IoResult result = line_.write(bytes, after(200ms));
      written += result.count;
      bytes = bytes.subspan(result.count);
      if (result.status == IoStatus::Closed) throw std::runtime_error("the line closed");
      if (result.count > 0) continue;
      if (Clock::now() >= stallAt) throw std::runtime_error("the line took nothing for 30 s");
    }
  }

  Transport& line_;
  ByteView payload_;
  bool dleCoded_;
};

/// The reading side: decodes what comes and checks it against the payload.
class Reader {
 public:
  Reader(ModemSession& session, ByteView payload, bool dleCoded)
      : session_(session), payload_(payload), dleCoded_(dleCoded) {}

  /// Reads until the whole payload came back, or @p writerFailed.
  void run(const std::atomic<bool>& writerFailed) {
    Bytes raw(64 * 1024);
    Bytes decoded(raw.size());
    auto stallAt = Clock::now() + kStall;
    while (received_ < payload_.size() && !writerFailed) {
      const std::size_t got = session_.readSome(raw, after(200ms));
      if (got == 0) {
        if (Clock::now() >= stallAt) throw std::runtime_error(stalled());
        continue;
      }
      stallAt = Clock::now() + kStall;
      check(dleCoded_ ? decode(ByteView(raw.data(), got), decoded) : ByteView(raw.data(), got));
    }
  }

 private:
  ByteView decode(ByteView input, Bytes& out) {
    const DleDecoder::Step step = decoder_.decode(input, out);
    if (step.ended) throw std::runtime_error("an unescaped ETX came in the echo");
    if (decoder_.strayEscapes() > 0) throw std::runtime_error("a stray DLE came in the echo");
    return ByteView(out.data(), step.produced);
  }

  void check(ByteView piece) {
    if (piece.size() > payload_.size() - received_) {
      throw std::runtime_error("more bytes came back than were sent");
    }
    if (std::memcmp(piece.data(), payload_.data() + received_, piece.size()) != 0) {
      throw std::runtime_error("the echo differs from the payload after byte " +
                               std::to_string(received_));
    }
    received_ += piece.size();
  }

  std::string stalled() const {
    return "nothing came back for 30 s, " + std::to_string(received_) + " of " +
           std::to_string(payload_.size()) + " bytes back";
  }

  ModemSession& session_;
  ByteView payload_;
  bool dleCoded_;
  DleDecoder decoder_;
  std::size_t received_ = 0;
};

}  // namespace

double RoundTrip::megabytesPerSecond() const {
  return static_cast<double>(payload) / std::chrono::duration<double>(elapsed).count() / 1e6;
}

RoundTrip roundTrip(Transport& line, ModemSession& session, ByteView payload, bool dleCoded) {
  Writer writer(line, payload, dleCoded);
  Reader reader(session, payload, dleCoded);
  const auto start = std::chrono::steady_clock::now();
  std::thread writing([&writer] { writer.run(); });
  std::exception_ptr readFailure;
  try {
    reader.run(writer.failed);
  } catch (...) {
    readFailure = std::current_exception();
  }
  const auto end = std::chrono::steady_clock::now();
  writer.abort = true;
  writing.join();
  // The writer's failure is the cause when both failed: the reader then only waited in vain.
  if (writer.failure) std::rethrow_exception(writer.failure);
  if (readFailure) std::rethrow_exception(readFailure);
  return {end - start, payload.size(), writer.written};
}

}  // namespace atsharp::bench
