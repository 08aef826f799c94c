#pragma once
/// @file
/// The events the response parser makes of the module's byte stream.

#include <cstddef>
#include <string>
#include <variant>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/results.hpp"
#include "atsharp/codec/control_characters.hpp"

namespace atsharp {

/// The module repeating a command line the host sent (ATE1): a line that starts with "AT".
struct EchoLine {
  std::string text;
  bool operator==(const EchoLine&) const = default;
};

/// A line that answers a command and is not a result: "#PPPMODE: 1", "MY IP: 1.2.3.4",
/// "#VERSION: ...", a ping report.
struct InformationLine {
  std::string text;
  bool operator==(const InformationLine&) const = default;
};

/// What a call-progress line reports (spec 2.2.1.2, 2.2.3.2).
enum class Progress {
  Dialing,       ///< DIALING
  DialedNumber,  ///< the number dialed, e.g. 2124560123
  Connect,       ///< CONNECT <speed>
  IpAddress,     ///< the address attributed to the module, e.g. 213.192.200.4
  PppOk,         ///< PPP OK (after AT#ACCEPT, spec 2.2.1.2)
};

/// A step of a connection: DIALING, the dialed number, CONNECT <speed>, the attributed address,
/// PPP OK.
struct ProgressLine {
  Progress kind;
  std::string text;  ///< the line as received (verbose form for CONNECT in numeric mode)
  bool operator==(const ProgressLine&) const = default;
};

/// A response message of the catalogue (spec 9.1 and the tables' extra messages), in verbose
/// or numeric form: OK, ERROR, NO CARRIER, BUSY, NO ANSWER, the Ok_Info_* messages, PPP ERROR,
/// #NO SERVICE. (DIALING, CONNECT and PPP OK are ProgressLine; RING and TIMEOUT are
/// UnsolicitedLine.)
struct ResultLine {
  catalogue::Result result;
  bool numeric = false;  ///< it came in its ATV0 form
  bool operator==(const ResultLine&) const = default;
};

/// "#CME ERROR: <code>" or "+CME ERROR: <code>" (spec 9.2, 1.2).
struct CmeErrorLine {
  int code;
  char prefix;  ///< '#' or '+'
  bool operator==(const CmeErrorLine&) const = default;
};

/// What an unsolicited line reports.
enum class Unsolicited {
  Ring,   ///< RING (also its numeric form 2)
  Clip,   ///< +CLIP: "<number>",<type>: the caller's number after RING
  Creg,   ///< +CREG: <stat>[,...] (network registration)
  Cgreg,  ///< +CGREG: <stat>[,...] (GPRS registration)
  Timeout ///< TIMEOUT (PHYTIMEOUT reached, spec 2.1.6)
};

/// A line the module sends on its own, which may arrive between a command and its answer.
/// (+CREG: and +CGREG: are also the answers to AT+CREG? and AT+CGREG?; the SDK, which knows
/// what it asked, tells them apart.)
struct UnsolicitedLine {
  Unsolicited kind;
  std::string text;
  bool operator==(const UnsolicitedLine&) const = default;
};

/// The module switched to data mode (after Ok_Info_WaitingForData or Ok_Info_DataBegin); the
/// bytes from here on are payload until DataModeEnded.
struct DataModeStarted {
  DataCoding coding;
  bool operator==(const DataModeStarted&) const = default;
};

/// Payload received in data mode, DLE escapes removed. The bytes are valid only during the
/// callback that receives the event; how they are split across events depends on chunking.
struct DataBytes {
  ByteView bytes;
};

/// Why data mode ended.
enum class DataEnd {
  Etx,   ///< the module sent the unescaped ETX
  Host,  ///< the host said so (ResponseParser::leaveDataMode, for DLEMODE 0)
};

/// Data mode ended; the bytes after it are command-mode lines again.
struct DataModeEnded {
  DataEnd reason;
  bool operator==(const DataModeEnded&) const = default;
};

/// One line of a mail being retrieved (AT#GETMAIL after Ok_Info_Mail), dot-stuffing removed.
struct MailLine {
  std::string text;
  bool operator==(const MailLine&) const = default;
};

/// The CR LF . CR LF that ends a retrieved mail.
struct MailEnded {
  bool operator==(const MailEnded&) const = default;
};

/// A line longer than the parser's bound. Its first bytes are kept; the rest of it, up to the
/// next line end, is discarded without being stored.
struct OverlongLine {
  std::string start;  ///< the first ResponseParser::Options::maxLineLength bytes
  bool operator==(const OverlongLine&) const = default;
};

/// Everything the parser reports.
using Event = std::variant<EchoLine, InformationLine, ProgressLine, ResultLine, CmeErrorLine,
                           UnsolicitedLine, DataModeStarted, DataBytes, DataModeEnded, MailLine,
                           MailEnded, OverlongLine>;

}  // namespace atsharp
