#include "targets/reference_target.hpp"

#include <stdlib.h>

#include <atomic>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/fixtures/isolated_network.hpp"
#include "atsharp/reference/emulator.hpp"
#include "targets/control_channel_client.hpp"

namespace atsharp::harness {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string address(int lastOctet) { return "127.0.0." + std::to_string(lastOctet); }

// The capabilities a network namespace of the module's own provides, and what it withholds.
const std::map<std::string, fixtures::IsolatedNetworkKind> kIsolatedNetworks{
    {"silent-network", fixtures::IsolatedNetworkKind::Silent},
    {"no-icmp-permission", fixtures::IsolatedNetworkKind::NoIcmp},
};

std::optional<fixtures::IsolatedNetworkKind> isolationFor(const std::set<std::string>& needs) {
  for (const auto& [capability, kind] : kIsolatedNetworks) {
    if (needs.contains(capability)) return kind;
  }
  return std::nullopt;
}

class RefModule final : public CaseModule {
 public:
  RefModule(reference::EmulatorOptions options, Vars vars)
      : control_(*options.controlSocket), vars_(std::move(vars)) {
    emulator_ = std::make_unique<reference::Emulator>(std::move(options));
    emulator_->start();
    line_ = emulator_->connect();
  }
  ~RefModule() override {
    line_->close();
    emulator_->stop();
  }

  Transport& line() override { return *line_; }
  RadioControl* radio() override { return &control_; }
  Vars vars() const override { return vars_; }
  std::string describe() const override {
    return "reference module at " + vars_.at("module_ip");
  }

 private:
  ControlChannelClient control_;
  Vars vars_;
  std::unique_ptr<reference::Emulator> emulator_;
  std::unique_ptr<Transport> line_;
};

}  // namespace

ReferenceTarget::ReferenceTarget(ReferenceTargetOptions options) : options_(std::move(options)) {
  if (!(options_.timeScale >= 0.000001 && options_.timeScale <= 1000000)) {
    throw UsageError("the time scale must be from 0.000001 to 1000000");
  }
  if (options_.addressBase < 2 || options_.addressBase > 252) {
    throw UsageError("the address base must be from 2 to 252");
  }
  folder_ = options_.socketFolder;
  if (folder_.empty()) {
    std::string pattern = (fs::temp_directory_path() / "atsharp-conform-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw Error("cannot make a folder for the modules' sockets");
    folder_ = pattern;
    ownFolder_ = true;
  }
}

ReferenceTarget::~ReferenceTarget() {
  std::error_code ignored;
  if (ownFolder_) fs::remove_all(folder_, ignored);
}

Timing ReferenceTarget::timing() const {
  Timing timing;
  timing.timeScale = options_.timeScale;
  timing.margin = options_.margin;
  return timing;
}

std::set<std::string> ReferenceTarget::capabilities() const {
  std::set<std::string> offered{"radio-control", "scenario", "time-scale"};
  if (fixtures::IsolatedNetwork::available()) {
    for (const auto& entry : kIsolatedNetworks) offered.insert(entry.first);
  }
  return offered;
}

int ReferenceTarget::maxJobs() const { return (254 - options_.addressBase) / 2; }

Json ReferenceTarget::scenarioFor(const Json& scenario, int job) const {
  Json out = scenario.is_object() ? scenario : Json::object();
  const int gprs = options_.addressBase + 2 * job;
  if (!out.contains("gprs") || !out["gprs"].is_object()) out["gprs"] = Json::object();
  if (!out["gprs"].contains("address")) out["gprs"]["address"] = address(gprs);
  if (!out.contains("gsm") || !out["gsm"].is_object()) out["gsm"] = Json::object();
  if (!out["gsm"].contains("address")) out["gsm"]["address"] = address(gprs + 1);
  return out;
}

std::unique_ptr<CaseModule> ReferenceTarget::open(const ModuleRequest& request) {
  const Json scenario = scenarioFor(request.scenario, request.job);
  reference::EmulatorOptions options;
  options.scenario = reference::parseScenario(scenario.dump());
  options.timeScale = options_.timeScale;
  options.controlSocket =
      folder_ / ("m" + std::to_string(request.job) + "-" + std::to_string(opened_++) + ".ctl");
  Vars vars{{"module_ip", options.scenario.gprs.address},
            {"module_gsm_ip", options.scenario.gsm.address},
            {"gateway_ip", options.scenario.gprs.gateway},
            {"gsm_peer_ip", options.scenario.gsm.peer}};
  const std::optional<fixtures::IsolatedNetworkKind> isolation = isolationFor(request.requirements);
  if (!isolation) return std::make_unique<RefModule>(std::move(options), std::move(vars));
  // Made on a thread that enters the namespace and ends there: the module's threads start
  // inside it, the harness's stay outside.
  std::unique_ptr<CaseModule> module;
  std::exception_ptr failure;
  std::thread maker([&] {
    try {
      const fixtures::IsolatedNetwork network(*isolation);
      module = std::make_unique<RefModule>(std::move(options), std::move(vars));
    } catch (...) {
      failure = std::current_exception();
    }
  });
  maker.join();
  if (failure) std::rethrow_exception(failure);
  return module;
}

}  // namespace atsharp::harness
