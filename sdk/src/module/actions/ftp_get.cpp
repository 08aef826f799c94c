// AT#FTPGET (4.2): the file FTPGETPATH/FTPGETFILENAME from FTPSERV, handed on as it arrives.

#include <ostream>

#include "atsharp/module/data_session.hpp"
#include "atsharp/module/module.hpp"

#include "action_timeouts.hpp"
#include "callback_guard.hpp"
#include "download_file.hpp"
#include "transfer_outcome.hpp"

namespace atsharp {

std::uint64_t Module::ftpGet(const ByteSink& sink, const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  const Milliseconds wait = silence.value_or(detail::kServerSilence);
  // Ok_Info_DataBegin, the file DLE-coded, ETX, OK (4.2.2, A.7.2).
  const std::unique_ptr<DataSession> session = startSession("AT#FTPGET", DataCoding::Dle, wait);
  detail::CallbackGuard guard;
  std::uint64_t received = 0;
  session->drain(
      [&](ByteView piece) {
        received += piece.size();
        guard.call(sink, piece);
        guard.call(progress, TransferProgress{received});
      },
      wait);
  detail::throwIfFailed(*session);
  guard.rethrow();
  return received;
}

std::uint64_t Module::ftpGet(std::ostream& out, const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  return ftpGet(
      [&out](ByteView piece) {
        out.write(reinterpret_cast<const char*>(piece.data()),
                  static_cast<std::streamsize>(piece.size()));
        if (!out) throw Error("AT#FTPGET: the stream refused the downloaded bytes");
      },
      progress, silence);
}

std::uint64_t Module::ftpGet(const std::filesystem::path& file,
                             const TransferProgressHandler& progress,
                             std::optional<Milliseconds> silence) {
  detail::DownloadFile download(file);
  const std::uint64_t received =
      ftpGet([&download](ByteView piece) { download.write(piece); }, progress, silence);
  download.commit();
  return received;
}

}  // namespace atsharp
