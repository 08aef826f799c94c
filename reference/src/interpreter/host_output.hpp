#pragma once
// What the module writes to the host, framed as V.250 frames it under ATV1 (verbose) or ATV0
// (numeric), with unsolicited lines held back while a command runs (so that they never land
// inside a command's answer) and sent after its final result.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/results.hpp"

namespace atsharp::reference {

class HostOutput {
 public:
  /// ATV1 (true) or ATV0.
  void setVerbose(bool verbose) noexcept { verbose_ = verbose; }
  bool verbose() const noexcept { return verbose_; }

  /// Echo of what the host typed (ATE1).
  void echo(ByteView bytes);

  /// An information line of a command's answer: "\r\n<text>\r\n" (ATV0: "<text>\r\n").
  void line(std::string_view text);

  /// Information lines that belong together (a display command's answer), framed as one text:
  /// "\r\n<line 1>\r\n<line 2>\r\n...". An empty string is a blank line (AT#VALL's block
  /// separator, 8.3.1).
  void block(const std::vector<std::string>& lines);

  /// A catalogue message that ends a command or reports its progress, in the form of the
  /// current V setting (a message without a numeric form keeps its text under ATV0).
  void result(catalogue::Result result);

  /// "#CME ERROR: <code>" (AT# commands) or "+CME ERROR: <code>" (standard commands).
  void cmeError(int code, char prefix = '#');
  void cmeError(catalogue::CmeError code, char prefix = '#') {
    cmeError(catalogue::value(code), prefix);
  }

  /// Bytes as they are (data mode payload, a lone ETX).
  void raw(ByteView bytes);

  /// A line the module sends on its own (+CREG: 1, #CME ERROR: 35841 ...): written at once
  /// when nothing holds it, otherwise held until release().
  void unsolicited(std::string text);
  /// A catalogue message the module sends on its own (RING, NO CARRIER, TIMEOUT), in the form
  /// of the V setting in force when it is written.
  void unsolicited(catalogue::Result result);

  /// While held, unsolicited lines wait (a command runs, or data mode is on).
  void hold() noexcept { held_ = true; }
  /// Ends holding and writes what waited, in order.
  void release();
  bool holding() const noexcept { return held_; }

  /// The bytes written since the last call.
  Bytes take();

 private:
  using Unsolicited = std::variant<std::string, catalogue::Result>;

  void framed(std::string_view text);
  void write(const Unsolicited& line);
  void wait(Unsolicited line);

  /// Held lines beyond this are dropped, oldest first: a long data session must not let
  /// repeated RINGs grow memory without bound.
  static constexpr std::size_t kMaxWaiting = 256;

  bool verbose_ = true;
  bool held_ = false;
  std::deque<Unsolicited> waiting_;
  Bytes bytes_;
};

}  // namespace atsharp::reference
