#pragma once
// Measurement 2: FTPGET goodput on a paced line. The module runs with --baud N, so its output
// leaves at N/10 bytes a second as from a UART; the file comes from vsftpd on 127.0.0.1. The
// goodput (file bytes over the time from the command to the final OK) is compared with the
// line rate: what is lost is DLE escaping, the login and the answers around the data, and any
// gap the module leaves on the line.

#include <chrono>
#include <cstddef>
#include <iosfwd>

namespace atsharp::bench {

struct FtpGetOptions {
  std::size_t fileBytes = 192 * 1024;
  int baud = 115200;
};

struct FtpGetResult {
  std::size_t fileBytes = 0;
  std::size_t codedBytes = 0;  ///< the file after DLE coding, with its ending ETX
  std::chrono::steady_clock::duration toDataBegin{};  ///< command sent - Ok_Info_DataBegin read
  std::chrono::steady_clock::duration streaming{};    ///< Ok_Info_DataBegin - the ETX read
  std::chrono::steady_clock::duration total{};        ///< command sent - the final OK read

  /// File bytes a second, from the command to the final OK.
  double goodput() const;
  /// Coded bytes a second while the file streamed: what the line carried.
  double streamingRate() const;
};

/// Starts vsftpd with a file of random bytes and `atsharp emulate --baud`, and times AT#FTPGET.
/// Prints progress on @p log. Throws on a failure (a file that differs, an error answer).
FtpGetResult measureFtpGet(const FtpGetOptions& options, std::ostream& log);

/// Bytes a second on a line at @p baud, 10 bits a byte (8N1).
double lineRate(int baud);

}  // namespace atsharp::bench
