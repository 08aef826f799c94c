#pragma once
/// @file
/// A data session: the module in data mode for a TCP socket (AT#OTCP, AT#LTCPSTART), UDP
/// (AT#OUDP, AT#LUDPSTART) or an FTP transfer. The DLE/ETX coding of the line is done here and
/// follows the session's coding (DLEMODE for TCP, always DLE for UDP and FTP): the caller reads
/// and writes payload only.
///
/// While a session is open it holds the module's line: other calls of the Module throw
/// UsageError until it has ended. It ends when the peer closes (ClosedByPeer; for FTPGET, at
/// the end of the file), when the caller closes it (ClosedByHost, DLE coding only), or with
/// the module's error (Failed, errorCode()). Once ended the Module is usable again.
///
/// A DataSession is used from one thread at a time (one reader and one writer thread at once
/// are fine: write() and read() do not share state).

#include <memory>
#include <optional>
#include <string>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/module/module.hpp"

namespace atsharp {

namespace detail {
class PassThroughEnd;
}

class DataSession {
 public:
  enum class State {
    Open,          ///< payload flows
    ClosedByPeer,  ///< the peer closed, or the transfer ended (Ok_Info_SocketClosed / OK)
    ClosedByHost,  ///< close() ended it and the module confirmed
    Failed,        ///< the module ended it with a CME error (errorCode())
  };

  ~DataSession();
  DataSession(const DataSession&) = delete;
  DataSession& operator=(const DataSession&) = delete;

  /// Sends @p payload to the peer (escaped under DLE coding). Throws UsageError once ended.
  void write(ByteView payload);
  void write(std::string_view payload) { write(asBytes(payload)); }

  /// Payload from the peer: what has come, waiting up to @p wait for the first byte. Empty
  /// when nothing came in time, or when the session ended (see state()).
  Bytes read(Milliseconds wait);

  /// Ends the session from the host: ETX, then the module's answer within @p timeout (the
  /// Module's command timeout when not given). Under DLEMODE 0 there is no way to close from
  /// the host (spec 5.1.1): UsageError. Payload still arriving before the end is dropped.
  /// A module that does not answer in time: TimeoutError, the session Failed; the Module's
  /// next command then starts in command mode, dropping whatever came late.
  void close(std::optional<Milliseconds> timeout = {});

  /// Reads until the session ends, handing payload to @p sink (may be empty); throws
  /// TimeoutError when nothing at all comes for @p idle.
  void drain(const std::function<void(ByteView)>& sink, Milliseconds idle);

  State state() const noexcept { return state_; }
  bool isOpen() const noexcept { return state_ == State::Open; }
  /// The 9.2 code when Failed.
  std::optional<int> errorCode() const noexcept { return errorCode_; }
  DataCoding coding() const noexcept { return coding_; }
  /// The command that opened it (AT#OTCP=1), for messages.
  const std::string& label() const noexcept { return label_; }

 private:
  friend class Module;
  DataSession(Module& module, std::string label, DataCoding coding);

  /// Reads the lines after the end of data mode: Ok_Info_SocketClosed, OK or a CME error.
  void finish(State success, Milliseconds timeout);
  /// Under DLEMODE 0: the scanned end, with the bytes after the ETX to be read as lines.
  void endPassThrough(Bytes tail);
  void release();

  Module& module_;
  std::string label_;
  DataCoding coding_;
  State state_ = State::Open;
  std::optional<int> errorCode_;
  std::unique_ptr<detail::PassThroughEnd> passThroughEnd_;
  Clock::time_point lastByte_;
};

}  // namespace atsharp
