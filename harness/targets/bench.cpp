#include "targets/bench.hpp"

#include <cstdlib>

#include "atsharp/catalogue/credentials.hpp"
#include "document/yaml_document.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

std::string joinedProblems(const std::vector<SuiteError>& problems) {
  std::string out;
  for (const SuiteError& problem : problems) out += (out.empty() ? "" : "\n") + std::string(problem.what());
  return out;
}

struct Reader {
  const YamlDocument& doc;
  Bench& bench;
  std::vector<SuiteError>& problems;

  // The value at @p pointer: a scalar, or {env, secret, default} from the environment.
  std::optional<std::string> value(const Json& node, const std::string& pointer, bool secret) {
    if (!node.is_object()) {
      std::string text = node.is_string() ? node.get<std::string>() : node.dump();
      if (secret) bench.secrets.insert(text);
      return text;
    }
    const std::string name = node["env"].get<std::string>();
    const char* found = std::getenv(name.c_str());
    if (!found && !node.contains("default")) {
      problems.emplace_back(doc.at(pointer), "the environment variable " + name + " is not set");
      return std::nullopt;
    }
    std::string text = found ? found : node["default"].get<std::string>();
    if (secret || node.value("secret", false)) bench.secrets.insert(text);
    return text;
  }

  void put(const std::string& name, const Json& node, const std::string& pointer, bool secret,
           Json& shown) {
    const bool isSecret = secret || (node.is_object() && node.value("secret", false));
    if (auto text = value(node, pointer, isSecret)) {
      bench.vars[name] = *text;
      shown = isSecret ? Json(std::string(catalogue::kMask)) : Json(*text);
    }
  }
};

}  // namespace

BenchError::BenchError(std::vector<SuiteError> problems)
    : Error(joinedProblems(problems)), problems_(std::move(problems)) {}

Bench loadBench(const std::filesystem::path& path, const std::string& file,
                const JsonSchema& schema) {
  std::vector<SuiteError> problems;
  YamlDocument doc;
  try {
    doc = loadYamlDocument(path, file);
  } catch (const DocumentError& bad) {
    throw BenchError({SuiteError(bad.where(), bad.problem())});
  }
  for (const SchemaViolation& violation : schema.validate(doc.root)) {
    problems.emplace_back(doc.at(violation.pointer),
                          (violation.pointer.empty() ? "" : violation.pointer + ": ") +
                              violation.message);
  }
  if (!problems.empty()) throw BenchError(std::move(problems));
  const Json& root = doc.root;
  Bench bench;
  bench.file = file;
  bench.name = root.value("name", "");
  bench.target = root["target"].get<std::string>();
  if (root.contains("time_scale")) bench.timeScale = root["time_scale"].get<double>();
  if (root.contains("timeout_margin")) bench.timeoutMargin = root["timeout_margin"].get<double>();
  bench.echo = root.value("echo", true);
  bench.reachesLoopback = root.value("reaches_loopback", false);
  for (const Json& capability : root.value("capabilities", Json::array())) {
    bench.capabilities.insert(capability.get<std::string>());
  }
  bench.control = root.value("control", "");
  if (!bench.control.empty()) bench.capabilities.insert("radio-control");
  if (root.contains("hooks")) {
    bench.powerCycleHook = root["hooks"].value("power_cycle", "");
    bench.resetHook = root["hooks"].value("reset", "");
  }
  if (root.contains("reset")) {
    if (root["reset"].contains("commands")) {
      bench.resetCommands.clear();
      for (const Json& command : root["reset"]["commands"]) {
        bench.resetCommands.push_back(command.get<std::string>());
      }
    }
    if (root["reset"].contains("settle")) bench.settle = parseDuration(root["reset"]["settle"]);
    bench.settle.real = true;
  }
  Json shown = root;
  Reader reader{doc, bench, problems};
  if (root.contains("apn")) {
    for (const auto& [key, node] : root["apn"].items()) {
      reader.put("bench.apn." + key, node, "/apn/" + key, key == "password", shown["apn"][key]);
    }
  }
  for (const char* group : {"credentials", "fixtures"}) {
    if (!root.contains(group)) continue;
    for (const auto& [service, fields] : root[group].items()) {
      for (const auto& [key, node] : fields.items()) {
        reader.put(std::string("bench.") + group + "." + service + "." + key, node,
                   std::string("/") + group + "/" + service + "/" + key, key == "password",
                   shown[group][service][key]);
      }
    }
  }
  if (root.contains("module")) {
    const Json& module = root["module"];
    for (const auto& [key, name] : {std::pair{"ip", "module_ip"}, {"gsm_ip", "module_gsm_ip"},
                                    {"gateway_ip", "gateway_ip"}, {"gsm_peer_ip", "gsm_peer_ip"}}) {
      if (module.contains(key)) bench.vars[name] = module[key].get<std::string>();
    }
  }
  if (root.contains("vars")) {
    for (const auto& [key, node] : root["vars"].items()) {
      reader.put("bench." + key, node, "/vars/" + key, false, shown["vars"][key]);
    }
  }
  if (!problems.empty()) throw BenchError(std::move(problems));
  bench.description = shown;
  return bench;
}

}  // namespace atsharp::harness
