#pragma once
// The texts of e-mail: the header the module composes from its parameters (3.1, 3.3), the body
// the host types for AT#PUTMAIL up to CR LF . CR LF (3.4), and a retrieved mail as the host
// receives it after Ok_Info_Mail (3.2, 3.1.8).

#include <optional>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

class ModuleCore;

/// The addresses a RECi or CCRECi value holds (joined with commas).
std::vector<std::string> addressesOf(const std::string& value);

/// The header of a mail of combination @p combination: From (SENDERNAME and SENDERADDR), To
/// (RECi), Cc (CCRECi, when set), Subject (SUBJi), and the empty line that ends a header.
std::string composeHeader(const ModuleCore& core, int combination);

/// Reads the body the host types after AT#PUTMAIL's Ok_Info_WaitingForData: up to the line
/// holding only a dot (CR LF . CR LF), a leading dot doubled by the host coming back single.
class MailBodyReader {
 public:
  struct Step {
    Bytes body;                ///< body text, unstuffed
    std::size_t consumed = 0;  ///< host bytes used, the end sequence included
    bool ended = false;
  };
  Step take(ByteView bytes);

 private:
  enum class Position { LineStart, InLine, Dot, DotCr };
  Position position_ = Position::LineStart;
};

/// The lines the host receives for a retrieved mail: with @p withHeader, the From, Cc and
/// Subject fields (3.1.8) and an empty line; then the body; each line dot-stuffed, CR LF
/// ended, and the closing ".\r\n".
std::string mailForHost(const std::string& message, bool withHeader);

}  // namespace atsharp::reference
