#pragma once
// The line to the module as a queue of owned events: the transport below, the response parser
// in the middle. Reading is driven by the caller's deadline; the parser's events are copied
// (data payload included) so that they outlive the read that produced them.

#include <deque>
#include <optional>
#include <variant>

#include "atsharp/protocol/events.hpp"
#include "atsharp/protocol/response_parser.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::detail {

/// Payload of data mode, owned.
struct DataChunk {
  Bytes bytes;
};

/// The parser's Event with DataBytes replaced by DataChunk.
using LineEvent = std::variant<EchoLine, InformationLine, ProgressLine, ResultLine, CmeErrorLine,
                               UnsolicitedLine, DataModeStarted, DataChunk, DataModeEnded,
                               MailLine, MailEnded, OverlongLine>;

class ModuleLine {
 public:
  explicit ModuleLine(Transport& transport);

  /// Writes all of @p bytes within @p timeout; throws TransportClosedError, or TimeoutError
  /// naming @p what.
  void write(ByteView bytes, std::chrono::milliseconds timeout, const std::string& what);

  /// The next event, reading the transport as needed; nothing when the deadline passes first.
  /// Throws TransportClosedError once the line is closed and every event before it was taken.
  std::optional<LineEvent> next(Deadline deadline);

  /// Puts @p event back at the front (it is taken again by the next call of next()).
  void pushFront(LineEvent event) { queue_.push_front(std::move(event)); }

  /// Ends a pass-through data mode at a point the caller found in the payload: @p tail (the
  /// bytes after it) and the payload still queued are parsed as lines again.
  void resumeLines(Bytes tail);

  /// Drops what the module sent and nobody took yet (queued events and bytes waiting on the
  /// line), for a fresh start after a timeout: in command mode, also when the parser was left
  /// in a data mode whose end never came (a session whose close the module did not answer).
  void discardPending();

  ResponseParser& parser() noexcept { return parser_; }
  Transport& transport() noexcept { return transport_; }

 private:
  /// Reads once from the transport and parses what came; false at the deadline.
  bool fill(Deadline deadline);
  void parse(ByteView bytes);

  Transport& transport_;
  ResponseParser parser_;
  std::deque<LineEvent> queue_;
  bool closed_ = false;
};

}  // namespace atsharp::detail
