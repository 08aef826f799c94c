#pragma once
/// @file
/// What the action commands give back: a connection's attributed address, a ping's reports, a
/// retrieved mail, and the byte sinks and sources of the FTP transfers and of PUTMAIL.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/results.hpp"
#include "atsharp/protocol/events.hpp"

namespace atsharp {

/// AT#CONNECTIONSTART / AT#ACCEPT succeeded (spec 2.2.1, 2.2.3).
struct Connection {
  /// The address attributed to the module (AT#DISPLAYIP's "MY IP"): the address line of the
  /// answer (GSM and GPRS, 2.2.3.2), or AT#DISPLAYIP's when the answer had none.
  std::string address;
  /// The CONNECT speed over GSM (9600, 14400 ...); empty over GPRS.
  std::optional<int> speed;
  /// The progress lines in order (DIALING, the number, CONNECT ..., the address, PPP OK), those
  /// of failed attempts included.
  std::vector<ProgressLine> progress;
  /// How each GSM attempt before the one that connected failed (BUSY, NO ANSWER, NO CARRIER):
  /// the module dialed again after REDIALDELAY (2.1.4, 2.1.5).
  std::vector<catalogue::Result> failedAttempts;
};

/// Called with each progress line as it comes, while the connection is being made. A handler
/// that throws is not called again; its exception is rethrown once the module's answer ended
/// (the command cannot be stopped half-way).
using ProgressHandler = std::function<void(const ProgressLine&)>;

/// One line of AT#PING's answer (7.2.2).
struct PingReport {
  std::string host;                  ///< PINGREMOTE as the module writes it
  std::optional<int> milliseconds;   ///< `"host" is alive : time = N ms`; empty: `No answer`
  bool alive() const noexcept { return milliseconds.has_value(); }
  bool operator==(const PingReport&) const = default;
};

/// Called with each ping report as it comes (same rule for exceptions as ProgressHandler).
using PingHandler = std::function<void(const PingReport&)>;

/// A mail retrieved by AT#GETMAIL (3.2): the header lines the module sent (POP3HEADERMODE 1:
/// From, Cc, Subject, each continuation line an entry of its own; none in mode 0) and the body,
/// dot-stuffing removed, each line ended by CR LF as in the message.
struct RetrievedMail {
  std::vector<std::string> header;
  std::string body;
  bool operator==(const RetrievedMail&) const = default;
};

/// Receives a download's payload as it arrives, in pieces of any size. A sink that throws is
/// not called again; the rest of the download is read and dropped (the module offers no way to
/// stop it), then the exception is rethrown.
using ByteSink = std::function<void(ByteView)>;
/// Gives an upload's payload: fills the buffer and returns how many bytes it put there; 0 at
/// the end. A source that throws ends the upload early (see Module::ftpPut, Module::putMail).
using ByteSource = std::function<std::size_t(std::span<Byte>)>;

/// How far a transfer has come, for progress displays.
struct TransferProgress {
  std::uint64_t bytes = 0;  ///< payload bytes moved so far
};
using TransferProgressHandler = std::function<void(const TransferProgress&)>;

}  // namespace atsharp
