#pragma once
// The byte-level record of one case: every byte the harness wrote and every byte the module
// sent, with when it went or came (monotonic clock), what the harness took it for (an echo, a
// line, an unsolicited line it ignored, data, ...) and the step it belongs to; radio events
// and faults the harness injected sit between them.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"

namespace atsharp::harness {

enum class Direction { Tx, Rx, Event };

/// What the bytes of an entry were, as the harness read them.
enum class EntryKind {
  // Tx
  Command,  ///< a command line (send)
  Bytes,    ///< raw bytes in command mode (send with text/hex/...)
  Data,     ///< payload in data mode (send_data), as coded on the line; Rx: payload received
  Close,    ///< the ETX that ends data mode (close); Rx: the module's ETX
  // Rx
  Echo,        ///< the module repeating a command (ATE1)
  Line,        ///< a line a step expected (with the blank lines before it)
  Unsolicited, ///< a line an ignore pattern let pass (URC)
  Discarded,   ///< what quiet or a reset let pass without reading it
  Unconsumed,  ///< what no step read before the case ended
  // Event
  Inject,  ///< a radio event or fault injected into the module
  Note,    ///< something the harness did: a reset, a hook command
  Fixture, ///< what a fixture step did or saw: a file put, a fault set, what a peer received
};

std::string_view entryKindName(EntryKind kind) noexcept;

struct TranscriptEntry {
  Clock::time_point at{};     ///< the first byte's arrival or write, or the event
  Clock::time_point until{};  ///< the last byte's arrival (Rx), else = at
  Direction direction = Direction::Event;
  EntryKind kind = EntryKind::Note;
  Bytes bytes;                ///< as on the line (Data: coded)
  std::size_t payloadSize = 0;  ///< Data: the payload's size after decoding
  std::string text;           ///< Inject/Note: what happened; Command: the line without ending
  int step = -1;              ///< the step's index in the case's report, -1 before any
  bool fault = false;         ///< a fault injected on purpose (radio events, fixture faults)
};

class Transcript {
 public:
  explicit Transcript(Clock::time_point start) : start_(start) {}

  void add(TranscriptEntry entry);
  /// The step later entries belong to.
  void setStep(int step) noexcept { step_ = step; }
  int step() const noexcept { return step_; }
  Clock::time_point start() const noexcept { return start_; }

  /// Every entry, in time order (entries are recorded when read, which may be after later
  /// writes: an unsolicited line that waited in the buffer).
  std::vector<TranscriptEntry> entries() const;

 private:
  Clock::time_point start_;
  int step_ = -1;
  std::vector<TranscriptEntry> entries_;
};

}  // namespace atsharp::harness
