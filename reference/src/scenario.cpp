// Scenario files: YAML whose keys mirror Scenario's fields (docs/reference-module.md).

#include "atsharp/reference/scenario.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "atsharp/error.hpp"

namespace atsharp::reference {
namespace {

[[noreturn]] void refuse(const std::string& where, const std::string& why) {
  throw UsageError("scenario: " + where + ": " + why);
}

// Refuses keys the scenario does not know: a typo would otherwise silently keep a default.
void onlyKeys(const YAML::Node& node, const std::string& where, std::set<std::string> known) {
  if (!node) return;
  if (!node.IsMap()) refuse(where, "expected a mapping");
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>();
    if (!known.contains(key)) refuse(where + "." + key, "unknown key");
  }
}

template <class T>
void read(const YAML::Node& node, const char* key, const std::string& where, T& into) {
  if (!node || !node[key]) return;
  try {
    into = node[key].as<T>();
  } catch (const YAML::Exception&) {
    refuse(where + "." + key, "not a valid value");
  }
}

void readDelay(const YAML::Node& node, const char* key, const std::string& where,
               ModuleTime& into) {
  long long ms = into.count();
  read(node, key, where, ms);
  if (ms < 0) refuse(where + "." + key, "a delay cannot be negative");
  into = ModuleTime{ms};
}

void readOptional(const YAML::Node& node, const char* key, const std::string& where,
                  std::optional<std::string>& into) {
  if (!node || !node[key]) return;
  if (node[key].IsNull()) {
    into.reset();
    return;
  }
  std::string value;
  read(node, key, where, value);
  into = value;
}

template <class E>
E choice(const YAML::Node& node, const char* key, const std::string& where, E current,
         std::initializer_list<std::pair<const char*, E>> names) {
  if (!node || !node[key]) return current;
  std::string text;
  read(node, key, where, text);
  std::string expected;
  for (const auto& [name, value] : names) {
    if (text == name) return value;
    expected += expected.empty() ? name : std::string(", ") + name;
  }
  refuse(where + "." + key, "\"" + text + "\" is not one of " + expected);
}

PppOutcome ppp(const YAML::Node& node, const std::string& where, PppOutcome current) {
  return choice(node, "ppp", where, current,
                {{"success", PppOutcome::Success}, {"failed", PppOutcome::Failed},
                 {"timeout", PppOutcome::Timeout}});
}

CallOutcome callOutcome(const YAML::Node& node, const std::string& where) {
  onlyKeys(node, where, {"outcome", "speed"});
  CallOutcome outcome;
  outcome.kind = choice(node, "outcome", where, outcome.kind,
                        {{"connect", CallOutcome::Kind::Connect},
                         {"busy", CallOutcome::Kind::Busy},
                         {"no-answer", CallOutcome::Kind::NoAnswer},
                         {"no-carrier", CallOutcome::Kind::NoCarrier}});
  read(node, "speed", where, outcome.speed);
  return outcome;
}

void readSoftware(const YAML::Node& node, Scenario::Software& software) {
  onlyKeys(node, "software", {"name", "size", "built"});
  read(node, "name", "software", software.name);
  read(node, "size", "software", software.size);
  read(node, "built", "software", software.built);
}

void readSim(const YAML::Node& node, Scenario::Sim& sim) {
  onlyKeys(node, "sim", {"present", "pin"});
  read(node, "present", "sim", sim.present);
  readOptional(node, "pin", "sim", sim.pin);
}

void readNetwork(const YAML::Node& node, Scenario::Network& network) {
  onlyKeys(node, "network", {"registration", "registration_delay_ms", "dns_port"});
  read(node, "registration", "network", network.registration);
  readDelay(node, "registration_delay_ms", "network", network.registrationDelay);
  read(node, "dns_port", "network", network.dnsPort);
  if (network.dnsPort < 1 || network.dnsPort > 65535) {
    refuse("network.dns_port", "must be a port from 1 to 65535");
  }
}

void readGprs(const YAML::Node& node, Scenario::Gprs& gprs) {
  onlyKeys(node, "gprs", {"attach_allowed", "attached", "attach_delay_ms", "activation",
                          "activation_delay_ms", "address", "gateway", "apn"});
  read(node, "attach_allowed", "gprs", gprs.attachAllowed);
  read(node, "attached", "gprs", gprs.attached);
  readDelay(node, "attach_delay_ms", "gprs", gprs.attachDelay);
  gprs.activation = choice(node, "activation", "gprs", gprs.activation,
                           {{"success", ActivationOutcome::Success},
                            {"refused", ActivationOutcome::Refused},
                            {"aborted", ActivationOutcome::Aborted}});
  readDelay(node, "activation_delay_ms", "gprs", gprs.activationDelay);
  read(node, "address", "gprs", gprs.address);
  read(node, "gateway", "gprs", gprs.gateway);
  readOptional(node, "apn", "gprs", gprs.apn);
}

void readGsm(const YAML::Node& node, Scenario::Gsm& gsm) {
  onlyKeys(node, "gsm", {"numbers", "default", "dial_delay_ms", "ppp", "ppp_delay_ms",
                         "address", "peer", "isp_user", "isp_password"});
  if (node && node["numbers"]) {
    if (!node["numbers"].IsMap()) refuse("gsm.numbers", "expected a mapping");
    for (const auto& entry : node["numbers"]) {
      const std::string number = entry.first.as<std::string>();
      gsm.numbers[number] = callOutcome(entry.second, "gsm.numbers." + number);
    }
  }
  if (node && node["default"]) gsm.defaultOutcome = callOutcome(node["default"], "gsm.default");
  readDelay(node, "dial_delay_ms", "gsm", gsm.dialDelay);
  gsm.ppp = ppp(node, "gsm", gsm.ppp);
  readDelay(node, "ppp_delay_ms", "gsm", gsm.pppDelay);
  read(node, "address", "gsm", gsm.address);
  read(node, "peer", "gsm", gsm.peer);
  readOptional(node, "isp_user", "gsm", gsm.ispUser);
  readOptional(node, "isp_password", "gsm", gsm.ispPassword);
}

void readIncoming(const YAML::Node& node, Scenario::Incoming& incoming) {
  onlyKeys(node, "incoming", {"answer_delay_ms", "speed", "ring_interval_ms", "ppp"});
  readDelay(node, "answer_delay_ms", "incoming", incoming.answerDelay);
  read(node, "speed", "incoming", incoming.speed);
  readDelay(node, "ring_interval_ms", "incoming", incoming.ringInterval);
  incoming.ppp = ppp(node, "incoming", incoming.ppp);
}

}  // namespace

Scenario parseScenario(std::string_view yaml) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string{yaml});
  } catch (const YAML::Exception& e) {
    refuse("line " + std::to_string(e.mark.line + 1), e.msg);
  }
  Scenario scenario;
  if (!root || root.IsNull()) return scenario;
  onlyKeys(root, "top level",
           {"software", "sim", "network", "gprs", "gsm", "incoming", "disconnect_delay_ms"});
  readSoftware(root["software"], scenario.software);
  readSim(root["sim"], scenario.sim);
  readNetwork(root["network"], scenario.network);
  readGprs(root["gprs"], scenario.gprs);
  readGsm(root["gsm"], scenario.gsm);
  readIncoming(root["incoming"], scenario.incoming);
  readDelay(root, "disconnect_delay_ms", "top level", scenario.disconnectDelay);
  return scenario;
}

Scenario loadScenario(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw UsageError("scenario: cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parseScenario(text.str());
}

}  // namespace atsharp::reference
