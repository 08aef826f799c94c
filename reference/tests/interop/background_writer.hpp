#pragma once
// The host writing its data to the module from a thread of its own while the test reads the
// module on another, as a host must: the pty's buffers hold a few KiB, so a host that only
// writes while the module echoes 1 MiB back would stall both.

#include <atomic>
#include <cstddef>
#include <string>

#include "atsharp/bytes.hpp"
#include "modem_session.hpp"
#include "peer_thread.hpp"

namespace atsharp::test {

enum class Coding {
  Dle,  ///< DLE and ETX escaped (DLEMODE 1, UDP, FTP)
  Raw,  ///< as they are (DLEMODE 0, a PUTMAIL body)
};

class BackgroundWriter {
 public:
  /// Starts writing @p payload in pieces of @p piece bytes, coded as @p coding.
  BackgroundWriter(ModemSession& modem, Bytes payload, Coding coding, std::size_t piece = 4096);
  /// Stops after the piece being written and waits.
  ~BackgroundWriter();
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  /// Waits until all is written; throws what went wrong.
  void finish();
  /// Writes no further piece, waits, and says how many payload bytes went out.
  std::size_t stop();

 private:
  void run(ModemSession& modem, Coding coding, std::size_t piece);

  const Bytes payload_;
  std::atomic<bool> stopping_ = false;
  std::atomic<std::size_t> written_ = 0;
  PeerThread thread_;
};

}  // namespace atsharp::test
