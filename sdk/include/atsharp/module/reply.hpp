#pragma once
/// @file
/// What a command's answer is made of, once its final result came.

#include <optional>
#include <string>
#include <vector>

#include "atsharp/catalogue/results.hpp"
#include "atsharp/protocol/events.hpp"

namespace atsharp {

/// How a command ended: a result message (OK, ERROR, BUSY, Ok_Info_NoMail ...) or a CME error.
struct FinalResult {
  std::optional<catalogue::Result> result;  ///< set unless the command ended with a CME error
  std::optional<int> cmeError;              ///< the 9.2 code of `#CME ERROR: <code>`

  /// OK, or one of the successes that end a command instead of OK (Ok_Info_Ppp,
  /// Ok_Info_GprsActivation, Ok_Info_NoMail, and the data-mode switches).
  bool succeeded() const noexcept;
  /// The line as the module writes it in verbose form: "OK", "#CME ERROR: 38027".
  std::string text() const;
  bool operator==(const FinalResult&) const = default;
};

/// A command's whole answer, URCs left out (they went to the URC callbacks).
struct Reply {
  std::vector<std::string> lines;       ///< information lines, in order ("#PPPMODE: 1")
  std::vector<ProgressLine> progress;   ///< DIALING, the number, CONNECT, the address, PPP OK
  FinalResult final;
};

}  // namespace atsharp
