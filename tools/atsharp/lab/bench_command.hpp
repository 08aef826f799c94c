#pragma once
// What every lab-bench command shares (atsharp at, config, ftp ...): its options (--target,
// --json, --help), opening the module the target names, and turning the outcome into an exit
// status: 0 done, 1 the module reported an error (its code printed), 2 a usage or transport
// error. Each command only describes its own options and does its work.

#include <boost/program_options.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atsharp/module/module.hpp"
#include "json_output.hpp"
#include "target.hpp"

namespace atsharp::cli::lab {

namespace po = boost::program_options;

inline constexpr int kDone = 0;
inline constexpr int kModuleReportedError = 1;
inline constexpr int kUsageOrTransportError = 2;

/// How a command presents itself in its help and its messages.
struct CommandInfo {
  std::string name;         ///< "ftp get": what follows "atsharp"
  std::string synopsis;     ///< "REMOTE [LOCAL]": the positional arguments
  std::string description;  ///< what it does, for --help
  /// The positional arguments, in order, with the most each takes (-1: any number).
  std::vector<std::pair<std::string, int>> positional = {};
  /// False for commands whose standard output is payload (tcp, udp): they have no --json.
  bool offersJson = true;
  /// False for the few commands that never reach a module.
  bool needsTarget = true;
};

/// One run of a command: its parsed arguments, and the module once opened.
class Invocation {
 public:
  Invocation(const CommandInfo& info, po::variables_map values);
  ~Invocation();

  const CommandInfo& info() const noexcept { return info_; }
  const po::variables_map& values() const noexcept { return values_; }
  bool has(const std::string& option) const { return values_.count(option) > 0; }
  template <class T>
  T get(const std::string& option) const {
    return values_[option].as<T>();
  }
  template <class T>
  std::optional<T> find(const std::string& option) const {
    if (!has(option)) return std::nullopt;
    return values_[option].as<T>();
  }
  /// --json was given: results go to stdout as one JSON document.
  bool json() const noexcept { return json_; }

  /// The module of --target (or ATSHARP_TARGET), opened at the first call.
  Module& module();
  /// The target URL in use (after the environment fallback).
  const std::string& targetUrl();

 private:
  const CommandInfo& info_;
  po::variables_map values_;
  bool json_ = false;
  std::optional<std::string> targetUrl_;
  std::unique_ptr<OpenTarget> target_;
};

/// The work of a command: returns its exit status, or throws (atsharp::Error and others),
/// which run() turns into a message and a status.
using CommandBody = std::function<int(Invocation&)>;
/// Adds a command's own options to its description.
using OptionsSetup = std::function<void(po::options_description_easy_init&)>;

/// Parses @p argv (argv[0] is the command's first word), prints --help, runs @p body and
/// reports its errors: the only place that knows the exit statuses.
int run(const CommandInfo& info, int argc, char** argv, const OptionsSetup& options,
        const CommandBody& body);

/// Picks the sub-action of a command family ("config get"): argv[1] names it. Prints the
/// family's usage for a missing or unknown one (exit status 2).
struct Action {
  std::string name;
  std::string summary;
  int (*run)(int argc, char** argv);
};
int dispatch(const std::string& family, const std::vector<Action>& actions, int argc,
             char** argv);

}  // namespace atsharp::cli::lab
