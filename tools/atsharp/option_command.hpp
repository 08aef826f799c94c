#pragma once
// The frame the option-only subcommands share (conform, emulate): the options parsed with no
// positional argument allowed, --help, and every error turned into an exit status the same way,
// so that a script sees 2 for a usage error whichever subcommand it called.

#include <boost/program_options.hpp>

#include <exception>
#include <string_view>

#include "atsharp/error.hpp"

namespace atsharp::cli {

/// How an option-only subcommand is made.
template <typename Request>
struct OptionCommand {
  std::string_view name;  ///< "conform": messages start with "atsharp conform: "
  const boost::program_options::options_description& options;
  void (*printHelp)(const boost::program_options::options_description&);
  /// The request from the parsed options; throws UsageError for values that do not go together.
  Request (*parse)(const boost::program_options::variables_map&);
  /// Carries the request out; its return is the exit status.
  int (*run)(const Request&);
  /// The exit status of an atsharp::Error thrown while running.
  int failureStatus;
};

/// Prints "atsharp NAME: WHAT (see atsharp HELP --help)" and gives the usage error status, 2.
/// HELP is NAME unless given (`report show` has its help in `report`).
int usageError(std::string_view name, const std::exception& error, std::string_view help = {});
/// Prints "atsharp NAME: WHAT" and gives @p status.
int failure(std::string_view name, const std::exception& error, int status);

/// Parses argv (argv[0] the subcommand's name), prints the help when asked, else runs.
template <typename Request>
int runOptionCommand(const OptionCommand<Request>& command, int argc, char** argv) {
  namespace po = boost::program_options;
  Request request;
  try {
    po::variables_map values;
    const po::positional_options_description none;  // any positional argument is an error
    po::store(po::command_line_parser(argc, argv).options(command.options).positional(none).run(),
              values);
    if (values.count("help")) {
      command.printHelp(command.options);
      return 0;
    }
    po::notify(values);
    request = command.parse(values);
  } catch (const po::error& bad) {
    return usageError(command.name, bad);
  } catch (const UsageError& bad) {
    return usageError(command.name, bad);
  }
  try {
    return command.run(request);
  } catch (const UsageError& bad) {
    return usageError(command.name, bad);
  } catch (const Error& bad) {
    return failure(command.name, bad, command.failureStatus);
  }
}

}  // namespace atsharp::cli
