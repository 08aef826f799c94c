#pragma once
/// @file
/// The SDK's sans-I/O parser of what a module sends: bytes in, events out.

#include <cstddef>
#include <functional>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/protocol/events.hpp"

namespace atsharp {

/// How final results are written (ATV1 / ATV0, spec 9.1).
enum class ResultFormat {
  Verbose,  ///< ATV1: <CR><LF>OK<CR><LF>
  Numeric,  ///< ATV0: 0<CR>
  Either,   ///< not known yet (before the host has set ATV): a bare 9.1 code is a result too
};

/// What follows a switch message (Ok_Info_WaitingForData, Ok_Info_DataBegin) in the
/// module-to-host direction. The host knows it from the command it sent.
enum class AfterSwitch {
  Data,   ///< data mode, coded as set by setDataCoding (TCP, UDP, FTP)
  Lines,  ///< lines go on (AT#PUTMAIL: only the host sends data, then the module answers OK)
};

/// Turns the module's byte stream into Events, whatever the chunking: feeding the same bytes
/// in one chunk, in single bytes or in random pieces gives the same events (data payload aside,
/// which may be split differently).
///
/// Lines end at CR, at LF or at both; empty lines are skipped, so "\r\r\n", a missing CR and
/// echo on or off all parse alike. After Ok_Info_Mail the lines are the mail's until a line
/// holding only "."; after a switch message the bytes are data until the unescaped ETX.
///
/// It never touches a file descriptor, a clock or a thread, and its memory is bounded by
/// Options::maxLineLength plus the size of the chunk being fed.
class ResponseParser {
 public:
  struct Options {
    /// Longer lines are reported as OverlongLine and discarded.
    std::size_t maxLineLength = 4096;
    ResultFormat format = ResultFormat::Verbose;
  };

  using Sink = std::function<void(const Event&)>;

  ResponseParser() : ResponseParser(Options{}) {}
  explicit ResponseParser(Options options);

  /// Parses @p chunk, calling @p sink for each event, in order.
  void feed(ByteView chunk, const Sink& sink);

  /// The result format in force (the host changes it with ATV0 / ATV1).
  void setResultFormat(ResultFormat format) noexcept { options_.format = format; }
  ResultFormat resultFormat() const noexcept { return options_.format; }

  /// The coding of the next data mode (DLEMODE of the socket for TCP; DLE for UDP and FTP).
  void setDataCoding(DataCoding coding) noexcept { nextCoding_ = coding; }

  /// What the next switch message leads to.
  void setAfterSwitch(AfterSwitch after) noexcept { afterSwitch_ = after; }

  /// Ends a pass-through data mode (DLEMODE 0), which has no end marker in the stream: the
  /// bytes fed from now on are lines again. Emits DataModeEnded{DataEnd::Host}.
  void leaveDataMode(const Sink& sink);

  /// Where the parser is.
  enum class State { Lines, Data, Mail };
  State state() const noexcept { return state_; }

  /// Bytes of the current, unfinished line held in memory (at most Options::maxLineLength).
  std::size_t bufferedLineLength() const noexcept { return line_.size(); }

 private:
  void feedLines(ByteView& rest, const Sink& sink);
  void feedData(ByteView& rest, const Sink& sink);
  void appendToLine(ByteView bytes, const Sink& sink);
  bool takeLine(std::string& line);
  void endLine(Byte terminator, const Sink& sink);
  void endMailLine(const Sink& sink);
  void enterDataMode(const Sink& sink);

  Options options_;
  State state_ = State::Lines;
  DataCoding nextCoding_ = DataCoding::Dle;
  DataCoding coding_ = DataCoding::Dle;
  AfterSwitch afterSwitch_ = AfterSwitch::Data;
  std::string line_;
  bool overlong_ = false;           // the current line passed the bound; drop until its end
  bool swallowLineFeed_ = false;    // a CR ended the switch line; its LF is not data
  DleDecoder decoder_;
  Bytes decoded_;                   // scratch for decoded payload, reused across chunks
};

}  // namespace atsharp
