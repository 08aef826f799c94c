#pragma once
/// @file
/// What the action commands give back: a connection's attributed address, a ping's reports, a
/// retrieved mail, and the byte sinks and sources of the FTP transfers and of PUTMAIL.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/protocol/events.hpp"

namespace atsharp {

/// AT#CONNECTIONSTART / AT#ACCEPT succeeded (spec 2.2.1, 2.2.3).
struct Connection {
  /// The address attributed to the module ("MY IP" of AT#DISPLAYIP): the progress line over GSM,
  /// AT#DISPLAYIP's answer over GPRS.
  std::string address;
  /// The CONNECT speed over GSM (9600, 14400 ...); empty over GPRS.
  std::optional<int> speed;
  /// The progress lines in order (DIALING, the number, CONNECT ..., the address, PPP OK).
  std::vector<ProgressLine> progress;
};

/// Called with each progress line as it comes, while the connection is being made.
using ProgressHandler = std::function<void(const ProgressLine&)>;

/// One line of AT#PING's answer (7.2.2).
struct PingReport {
  std::string host;                  ///< PINGREMOTE as the module writes it
  std::optional<int> milliseconds;   ///< `"host" is alive : time = N ms`; empty: `No answer`
  bool alive() const noexcept { return milliseconds.has_value(); }
  bool operator==(const PingReport&) const = default;
};

/// A mail retrieved by AT#GETMAIL (3.2): the header lines the module sent (POP3HEADERMODE 1:
/// From, Cc, Subject, continuation lines included; none in mode 0) and the body, dot-stuffing
/// removed, lines joined with CR LF.
struct RetrievedMail {
  std::vector<std::string> header;
  std::string body;
};

/// Receives a download's payload as it arrives, in pieces of any size.
using ByteSink = std::function<void(ByteView)>;
/// Gives an upload's payload: fills the buffer and returns how many bytes it put there; 0 at
/// the end.
using ByteSource = std::function<std::size_t(std::span<Byte>)>;

/// How far a transfer has come, for progress displays.
struct TransferProgress {
  std::uint64_t bytes = 0;
};
using TransferProgressHandler = std::function<void(const TransferProgress&)>;

}  // namespace atsharp
