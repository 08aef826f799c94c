// atsharp state and atsharp version: what the module is doing (AT#VSTATE, 8.2) and which
// software it runs (AT#VVERSION, 8.1).

#include <iostream>

#include "bench_command.hpp"
#include "lab_commands.hpp"

namespace atsharp::cli::lab {

int state(int argc, char** argv) {
  static const CommandInfo info{
      .name = "state",
      .synopsis = "",
      .description = "Prints the module's state as AT#VSTATE shows it (8.2): IDLE, CHECKING,\n"
                     "DIALING, AUTHENTICATING, CONNECTED, DISCONNECTING or NO SERVICE."};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    const std::string name(stateName(invocation.module().vstate()));
    if (invocation.json()) {
      printJson(Json{{"state", name}});
    } else {
      std::cout << name << std::endl;
    }
    return kDone;
  });
}

int version(int argc, char** argv) {
  static const CommandInfo info{
      .name = "version",
      .synopsis = "",
      .description = "Prints the module's software version as AT#VVERSION shows it (8.1): file\n"
                     "name, size, and date and time of generation."};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    const VersionDisplay shown = invocation.module().vversion();
    if (invocation.json()) {
      printJson(Json{{"fileName", shown.fileName},
                     {"fileSize", shown.fileSize},
                     {"generated", shown.generated},
                     {"text", shown.text}});
    } else {
      std::cout << shown.text << std::endl;
    }
    return kDone;
  });
}

}  // namespace atsharp::cli::lab
