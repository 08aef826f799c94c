#include "bench_command.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "error_report.hpp"

namespace atsharp::cli::lab {
namespace {

void printHelp(const CommandInfo& info, const po::options_description& options) {
  std::cout << "usage: atsharp " << info.name;
  if (!info.synopsis.empty()) std::cout << " " << info.synopsis;
  std::cout << " [options]\n\n" << info.description << "\n\n" << options;
  if (info.needsTarget) {
    std::cout << "\nThe module: --target URL, else the environment variable " << kTargetVariable
              << ":\n"
                 "  serial:PATH?baud=N  a serial port (also the pty of atsharp emulate --pty)\n"
                 "  tcp:HOST:PORT       a serial port exported raw over TCP (ser2net)\n"
                 "  ref                 a reference module started for this command only: its\n"
                 "                      state (parameters, connection) ends with the command.\n"
                 "                      For state that lasts, run atsharp emulate --pty LINK\n"
                 "                      and use --target serial:LINK.\n";
  }
  std::cout << "\nExit status: 0 done, 1 the module reported an error (its code is printed),\n"
               "2 a usage or transport error.\n";
}

po::options_description describeOptions(const CommandInfo& info, const OptionsSetup& setup) {
  po::options_description options("options");
  auto add = options.add_options();
  if (info.needsTarget) {
    add("target", po::value<std::string>()->value_name("URL"),
        "the module: serial:PATH?baud=N, tcp:HOST:PORT or ref (default: $ATSHARP_TARGET)");
  }
  if (info.offersJson) add("json", "print the result as one JSON document on stdout");
  if (setup) setup(add);
  add("help,h", "print this help");
  // Positional arguments are options too, hidden from the help (the synopsis names them).
  for (const auto& [name, count] : info.positional) {
    if (count == 1) {
      add(name.c_str(), po::value<std::string>(), "");
    } else {
      add(name.c_str(), po::value<std::vector<std::string>>(), "");
    }
  }
  return options;
}

po::options_description visibleOptions(const CommandInfo& info, const OptionsSetup& setup) {
  CommandInfo withoutPositional = info;
  withoutPositional.positional.clear();
  return describeOptions(withoutPositional, setup);
}

po::variables_map parse(const CommandInfo& info, const po::options_description& options,
                        int argc, char** argv) {
  po::positional_options_description positional;
  for (const auto& [name, count] : info.positional) positional.add(name.c_str(), count);
  po::variables_map values;
  po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
            values);
  return values;
}

}  // namespace

Invocation::Invocation(const CommandInfo& info, po::variables_map values)
    : info_(info), values_(std::move(values)), json_(values_.count("json") > 0) {}

Invocation::~Invocation() = default;

const std::string& Invocation::targetUrl() {
  if (!targetUrl_) targetUrl_ = chooseTargetUrl(find<std::string>("target"));
  return *targetUrl_;
}

Module& Invocation::module() {
  if (!target_) target_ = std::make_unique<OpenTarget>(targetUrl());
  return target_->module();
}

int run(const CommandInfo& info, int argc, char** argv, const OptionsSetup& setup,
        const CommandBody& body) {
  bool json = false;
  try {
    const po::options_description options = describeOptions(info, setup);
    po::variables_map values = parse(info, options, argc, argv);
    if (values.count("help")) {
      printHelp(info, visibleOptions(info, setup));
      return kDone;
    }
    po::notify(values);
    Invocation invocation(info, std::move(values));
    json = invocation.json();
    return body(invocation);
  } catch (...) {
    const Failure failure = describeFailure(std::current_exception());
    reportFailure(info.name, failure, json);
    return failure.status;
  }
}

int dispatch(const std::string& family, const std::vector<Action>& actions, int argc,
             char** argv) {
  const std::string asked = argc >= 2 ? argv[1] : "";
  for (const Action& action : actions) {
    if (action.name == asked) return action.run(argc - 1, argv + 1);
  }
  std::ostream& out = asked == "--help" || asked == "-h" ? std::cout : std::cerr;
  if (&out == &std::cerr) {
    std::cerr << "atsharp " << family << ": "
              << (asked.empty() ? "which one?" : "unknown action \"" + asked + "\"") << "\n";
  }
  out << "usage: atsharp " << family << " <action> [options]   (atsharp " << family
      << " <action> --help)\n\nactions:\n";
  for (const Action& action : actions) {
    out << "  " << action.name << std::string(10 - std::min<std::size_t>(9, action.name.size()), ' ')
        << action.summary << "\n";
  }
  return &out == &std::cout ? kDone : kUsageOrTransportError;
}

}  // namespace atsharp::cli::lab
