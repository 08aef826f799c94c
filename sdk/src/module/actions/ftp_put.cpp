// AT#FTPPUT (4.3): the host's data to FTPPUTPATH/FTPPUTFILENAME on FTPSERV, read from its source
// as it is sent.

#include <array>
#include <fstream>
#include <istream>

#include "atsharp/codec/dle_encoder.hpp"
#include "atsharp/module/data_session.hpp"
#include "atsharp/module/module.hpp"

#include "../module_line.hpp"
#include "action_timeouts.hpp"
#include "callback_guard.hpp"
#include "command_mode_recovery.hpp"
#include "transfer_outcome.hpp"

namespace atsharp {
namespace {

constexpr std::size_t kUploadPiece = 4096;

}  // namespace

std::uint64_t Module::ftpPut(const ByteSource& source, const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  const Milliseconds wait = silence.value_or(detail::kServerSilence);
  // Ok_Info_WaitingForData, the host's data DLE-coded, its ETX echoed, OK once the server
  // confirmed (4.3.2, A.7.1).
  const std::unique_ptr<DataSession> session = startSession("AT#FTPPUT", DataCoding::Dle, wait);
  detail::CallbackGuard sourceFailure;
  detail::CallbackGuard progressFailure;
  std::array<Byte, kUploadPiece> buffer{};
  Bytes coded;
  std::uint64_t sent = 0;
  while (session->isOpen()) {
    std::size_t size = 0;
    sourceFailure.call([&] {
      size = source(buffer);
      if (size > buffer.size()) {
        throw UsageError("AT#FTPPUT: the source gave more bytes than its buffer holds");
      }
    });
    if (sourceFailure.failed() || size == 0) break;
    coded.clear();
    DleEncoder::encode(ByteView(buffer).first(size), coded);
    line_->write(coded, wait, session->label());
    sent += size;
    progressFailure.call(progress, TransferProgress{sent});
    // The module ends data mode by itself only when the transfer failed (ETX, then the error):
    // look for that after each piece, so as to stop sending soon after.
    session->read(Milliseconds{0});
  }
  if (session->isOpen()) session->close(wait);
  if (session->state() != DataSession::State::ClosedByHost) {
    // The module left data mode before the host's ETX: what the host sent after that reached
    // its command mode.
    detail::recoverCommandMode(*this);
    detail::throwIfFailed(*session);
    throw ProtocolError(session->label() + ": the module ended the upload with OK before the "
                        "host's ETX", {});
  }
  sourceFailure.rethrow();
  progressFailure.rethrow();
  return sent;
}

std::uint64_t Module::ftpPut(std::istream& in, const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  return ftpPut(
      [&in](std::span<Byte> buffer) {
        in.read(reinterpret_cast<char*>(buffer.data()),
                static_cast<std::streamsize>(buffer.size()));
        if (in.bad()) throw Error("AT#FTPPUT: reading the data from its stream failed");
        return static_cast<std::size_t>(in.gcount());
      },
      progress, silence);
}

std::uint64_t Module::ftpPut(const std::filesystem::path& file,
                             const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("AT#FTPPUT: " + file.string() + " cannot be opened");
  return ftpPut(in, progress, silence);
}

}  // namespace atsharp
