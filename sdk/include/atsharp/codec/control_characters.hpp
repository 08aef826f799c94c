#pragma once
/// @file
/// The two control characters of data mode (spec 1.3, 4.2, 4.3, 5.1.1, 6.2).

#include "atsharp/bytes.hpp"

namespace atsharp {

/// <ETX>: an unescaped ETX ends data mode (a close request from the host, the end of a
/// transfer or a remote close from the module).
inline constexpr Byte kEtx = 0x03;

/// <DLE>: escapes a DLE or an ETX that belongs to the payload (<DLE><DLE>, <DLE><ETX>).
inline constexpr Byte kDle = 0x10;

/// Ctrl-Z ends multi-line entry (AT#BODYi, AT#RECiADD, AT#CCRECiADD; spec 3.1.5, 3.1.7).
inline constexpr Byte kCtrlZ = 0x1A;

/// The coding of a data-mode byte stream.
enum class DataCoding {
  /// DLEMODE 1, UDP, FTP: DLE and ETX of the payload are escaped, an unescaped ETX ends.
  Dle,
  /// DLEMODE 0: bytes pass untouched; nothing in the stream ends data mode.
  PassThrough,
};

}  // namespace atsharp
