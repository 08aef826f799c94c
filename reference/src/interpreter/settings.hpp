#pragma once
// The standard (non AT#) settings of the module's command interpreter. They live in RAM: a
// reset (AT+CFUN=1) brings them back to these values.

namespace atsharp::reference {

struct InterpreterSettings {
  bool echo = true;          ///< ATE
  bool verbose = true;       ///< ATV
  int cmee = 1;              ///< AT+CMEE: 0 "ERROR", 1 "+CME ERROR: <n>" for standard commands
  int s0 = 0;                ///< ATS0: rings before the GSM stack answers (0: never)
  bool clip = false;         ///< AT+CLIP: +CLIP after each RING
  bool application = true;   ///< AT+WOPEN: the IP application (the AT# command set) runs
  int cregReports = 0;       ///< AT+CREG=n
  int cgregReports = 0;      ///< AT+CGREG=n
};

}  // namespace atsharp::reference
