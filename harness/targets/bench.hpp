#pragma once
// A lab bench (`atsharp conform --bench FILE.yaml`, schema suites/bench.schema.json): the line
// to the module, what the bench offers (radio control through an emulator's control channel),
// the APN and accounts, the endpoints the module's network reaches, the module's addresses,
// and how to reset or power-cycle the module. Values may come from environment variables;
// passwords and values marked secret never appear in a report.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/json_schema.hpp"
#include "suite/duration.hpp"
#include "suite/suite_error.hpp"
#include "suite/template_text.hpp"

namespace atsharp::harness {

struct Bench {
  std::string file;
  std::string name;
  std::string target;  ///< serial:... or tcp:...
  std::optional<double> timeScale;
  std::optional<double> timeoutMargin;  ///< real seconds
  bool echo = true;
  /// The module's network reaches this host's loopback (the harness's fixture servers).
  bool reachesLoopback = false;
  std::set<std::string> capabilities;
  std::string control;  ///< a reference module's control socket (gives radio-control)
  std::string powerCycleHook;
  std::string resetHook;
  std::vector<std::string> resetCommands{"AT#DELFLASH", "AT+CFUN=1"};
  Duration settle{2, true};
  /// bench.apn.name, bench.credentials.ftp.user, bench.fixtures.ftp.host, bench.NAME, and the
  /// module's module_ip, module_gsm_ip, gateway_ip, gsm_peer_ip.
  Vars vars;
  std::set<std::string> secrets;  ///< the values of passwords and of values marked secret
  nlohmann::json description;     ///< the bench as a report shows it, secrets masked
};

/// Problems with a bench file, each with its location.
class BenchError : public Error {
 public:
  explicit BenchError(std::vector<SuiteError> problems);
  const std::vector<SuiteError>& problems() const noexcept { return problems_; }

 private:
  std::vector<SuiteError> problems_;
};

/// Reads @p path (named @p file in messages), checks it against @p schema, and takes values
/// from the environment. Throws BenchError.
Bench loadBench(const std::filesystem::path& path, const std::string& file,
                const JsonSchema& schema);

}  // namespace atsharp::harness
