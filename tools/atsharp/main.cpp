// atsharp: the command line of the project, one binary with git-style subcommands.

#include <array>
#include <iostream>
#include <string_view>

#include "subcommands.hpp"

namespace {

struct Subcommand {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

constexpr std::array kSubcommands{
    Subcommand{"conform", "replay the conformance suites against a module; JSON and JUnit reports",
               atsharp::cli::conform},
    Subcommand{"report", "show, compare (diff) or merge conformance reports; an HTML page",
               atsharp::cli::report},
    Subcommand{"emulate", "run a reference module on a pseudo-terminal and/or a loopback TCP port",
               atsharp::cli::emulate},
    // The lab-bench commands (lab/): one module, one command at a time.
    Subcommand{"at", "send one AT command line and print its answer", atsharp::cli::lab::at},
    Subcommand{"shell", "an interactive terminal on the module", atsharp::cli::lab::shell},
    Subcommand{"state", "the module's state (AT#VSTATE)", atsharp::cli::lab::state},
    Subcommand{"version", "the module's software version (AT#VVERSION)",
               atsharp::cli::lab::version},
    Subcommand{"config", "get, set, dump or apply the module's parameters",
               atsharp::cli::lab::config},
    Subcommand{"connect", "bring the IP link up (AT#CONNECTIONSTART)", atsharp::cli::lab::connect},
    Subcommand{"disconnect", "take the IP link down (AT#CONNECTIONSTOP)",
               atsharp::cli::lab::disconnect},
    Subcommand{"ping", "ping a host from the module (AT#PING)", atsharp::cli::lab::ping},
    Subcommand{"ftp", "download or upload a file (AT#FTPGET, AT#FTPPUT)", atsharp::cli::lab::ftp},
    Subcommand{"mail", "send or retrieve mail (AT#SENDMAILi, AT#PUTMAIL, AT#GETMAIL)",
               atsharp::cli::lab::mail},
    Subcommand{"tcp", "a TCP socket piped to stdin and stdout, like nc", atsharp::cli::lab::tcp},
    Subcommand{"udp", "the UDP session piped to stdin and stdout", atsharp::cli::lab::udp},
};

constexpr int kUsageError = 2;

void printUsage(std::ostream& out) {
  out << "usage: atsharp <command> [options]\n"
         "       atsharp <command> --help\n"
         "       atsharp --version\n\n"
         "commands:\n";
  for (const Subcommand& command : kSubcommands) {
    out << "  " << command.name << std::string(12 - command.name.size(), ' ') << command.summary
        << "\n";
  }
}

const Subcommand* find(std::string_view name) {
  for (const Subcommand& command : kSubcommands) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    printUsage(std::cerr);
    return kUsageError;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "atsharp " << ATSHARP_VERSION << "\n";
    return 0;
  }
  const Subcommand* command = find(name);
  if (!command) {
    std::cerr << "atsharp: unknown command \"" << name << "\" (see atsharp --help)\n";
    return kUsageError;
  }
  return command->run(argc - 1, argv + 1);
}
