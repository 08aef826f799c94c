#pragma once
// What the harness expects of the line given what it sent: whether the module echoes (ATE),
// whether results are verbose or numeric (ATV), and how the next data mode is coded (DLEMODE
// of the TCP socket in use). The harness follows the commands it sends, as a terminal user
// would; a step may always say otherwise explicitly.

#include <array>
#include <string_view>

#include "atsharp/codec/control_characters.hpp"

namespace atsharp::harness {

struct LineSettings {
  bool echo = true;     ///< ATE1: the module repeats each command line (V.250 default)
  bool verbose = true;  ///< ATV1: results as text; ATV0: as numbers ending with CR
  /// DLEMODE of TCP sockets 1 and 2 (5.1.1): true is 1, DLE coding (the default).
  std::array<bool, 2> dleMode{true, true};
  /// The TCP socket of the last AT#OTCP or AT#LTCPSTART sent, 0 when the last command that
  /// opens a data mode was another (UDP, FTP, which always use DLE coding).
  int dataSocket = 0;
  /// Whether the last command that leads to Ok_Info_WaitingForData was AT#PUTMAIL (3.4): what
  /// follows is the host's mail body, plain lines until CR LF . CR LF, and the module sends
  /// nothing but its result, instead of a data mode with ETX (docs/spec-decisions.md #26).
  bool mailBodyNext = false;
  /// A restart was asked (ATZ, AT&F, AT+CFUN=1): its own result still comes in the old form,
  /// then echo and verbose results are back (ATE1, ATV1).
  bool restartPending = false;

  /// Follows the command line @p line the host sent: E and V (and E1 V1 again once ATZ, AT&F
  /// or AT+CFUN=1, which restart the module, have had their result: resultCame()), AT#DLEMODE=id,value, AT#OTCP=id,
  /// AT#LTCPSTART=id, AT#LUDPSTART, AT#OUDP, AT#FTPGET, AT#FTPPUT, AT#PUTMAIL. Case-insensitive; several
  /// commands may share the line (';'). Anything else leaves the settings as they are.
  void afterCommand(std::string_view line);

  /// A final result came: a pending restart takes effect.
  void resultCame();

  /// The coding of the data mode that starts now.
  DataCoding dataCoding() const;

 private:
  /// Follows what the extended command @p name ("#PUTMAIL") leads to (the catalogue's Flow).
  void followFlow(std::string_view name);
};

}  // namespace atsharp::harness
