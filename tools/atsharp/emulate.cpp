// atsharp emulate: a reference module on a pseudo-terminal (LINK is a symbolic link to it)
// and/or a loopback TCP port, until SIGINT or SIGTERM.

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/program_options.hpp>

#include <csignal>
#include <iostream>
#include <sstream>
#include <string>

#include "atsharp/error.hpp"
#include "atsharp/reference/emulator.hpp"
#include "option_command.hpp"
#include "subcommands.hpp"

namespace atsharp::cli {
namespace {

namespace po = boost::program_options;
using reference::Emulator;
using reference::EmulatorOptions;

constexpr int kFailure = 1;

po::options_description describeOptions() {
  po::options_description options("options");
  auto add = options.add_options();
  add("pty", po::value<std::string>()->value_name("LINK"),
      "make LINK a symbolic link to the module's pseudo-terminal (removed on exit)");
  add("listen", po::value<std::string>()->value_name("HOST:PORT"),
      "also serve the line as raw TCP on a loopback address (127.0.0.0/8; port 0 picks one); "
      "one client at a time");
  add("flash", po::value<std::string>()->value_name("FILE"),
      "keep the parameters in FILE across runs (default: in memory only)");
  add("scenario", po::value<std::string>()->value_name("FILE"),
      "the simulated network, SIM and calls, from a YAML file (default: a healthy network)");
  add("control", po::value<std::string>()->value_name("PATH"),
      "a Unix socket for radio events and queries (JSON lines)");
  add("time-scale", po::value<double>()->value_name("F")->default_value(1.0, "1"),
      "real seconds per module second: 0.01 runs the spec's timers 100 times faster");
  add("baud", po::value<int>()->value_name("N"),
      "pace the module's output like a UART at N baud, 10 bits a byte (default: unpaced)");
  add("help,h", "print this help");
  return options;
}

void printHelp(const po::options_description& options) {
  std::cout << "usage: atsharp emulate --pty LINK [--listen HOST:PORT] [--flash FILE]\n"
               "                       [--scenario FILE] [--control PATH] [--time-scale F]\n"
               "                       [--baud N]\n\n"
               "Runs a reference module until SIGINT or SIGTERM (exit status 0). At least one\n"
               "of --pty and --listen is needed. Once the module answers, one line on stderr\n"
               "says where. Exit status 2: a usage error; 1: the module could not start.\n\n"
            << options;
}

EmulatorOptions toEmulatorOptions(const po::variables_map& values) {
  EmulatorOptions options;
  if (!values.count("pty") && !values.count("listen")) {
    throw UsageError("nothing to serve the module on: give --pty LINK, --listen HOST:PORT or both");
  }
  if (values.count("pty")) options.ptyLink = values["pty"].as<std::string>();
  if (values.count("listen")) options.listen = values["listen"].as<std::string>();
  if (values.count("flash")) options.flashFile = values["flash"].as<std::string>();
  if (values.count("control")) options.controlSocket = values["control"].as<std::string>();
  if (values.count("scenario")) {
    options.scenario = reference::loadScenario(values["scenario"].as<std::string>());
  }
  options.timeScale = values["time-scale"].as<double>();
  if (values.count("baud")) options.baud = values["baud"].as<int>();
  return options;
}

std::string whereItListens(const Emulator& emulator, const EmulatorOptions& options) {
  std::ostringstream line;
  line << "atsharp emulate: module ready";
  const char* separator = " on ";
  if (options.ptyLink) {
    line << separator << "pty " << options.ptyLink->string() << " -> "
         << emulator.ptyPath()->string();
    separator = ", ";
  }
  if (emulator.tcpPort()) {
    const std::string host = options.listen->substr(0, options.listen->rfind(':'));
    line << separator << "tcp " << host << ":" << *emulator.tcpPort();
  }
  if (options.controlSocket) line << ", control " << options.controlSocket->string();
  return line.str();
}

// Runs the module until SIGINT or SIGTERM. The signals are caught from the start, so that one
// that comes while the module starts still ends it cleanly (link removed, exit status 0).
int serve(const EmulatorOptions& options) {
  boost::asio::io_context signalLoop;
  boost::asio::signal_set signals(signalLoop, SIGINT, SIGTERM);
  signals.async_wait([](const boost::system::error_code&, int) {});
  Emulator emulator(options);
  emulator.start();  // returns once the module answers and the link is there
  std::cerr << whereItListens(emulator, options) << std::endl;
  signalLoop.run();
  emulator.stop();
  return 0;
}

}  // namespace

int emulate(int argc, char** argv) {
  const po::options_description options = describeOptions();
  const OptionCommand<EmulatorOptions> command{"emulate", options, printHelp,
                                               toEmulatorOptions, serve, kFailure};
  return runOptionCommand(command, argc, argv);
}

}  // namespace atsharp::cli
