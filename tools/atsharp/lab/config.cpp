// atsharp config get|set|dump|apply: the module's parameters (2.1 to 7.1), one by one by name,
// or all at once as a profile (profile.hpp). Every value goes through the SDK's typed layer,
// which checks it against the catalogue before anything is sent.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/module.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"
#include "profile.hpp"

namespace atsharp::cli::lab {
namespace {

using catalogue::ParameterSpec;

const ParameterSpec& parameterNamed(const std::string& name) {
  const ParameterSpec* spec = catalogue::findParameter(name);
  if (spec == nullptr) {
    throw UsageError("no parameter \"" + name + "\" (atsharp config dump lists them all)");
  }
  return *spec;
}

// --socket N for the TCP parameters, which hold one value per socket (5.1); refused for others.
std::optional<int> socketFor(const ParameterSpec& spec, const Invocation& invocation) {
  const std::optional<int> socket = invocation.find<int>("socket");
  const bool bySocket = spec.indexing == catalogue::Indexing::SocketId;
  if (bySocket && !socket) {
    throw UsageError(std::string(spec.name) + " holds one value per socket: give --socket 1 or 2");
  }
  if (!bySocket && socket) throw UsageError(std::string(spec.name) + " takes no --socket");
  if (socket) SocketId{*socket};  // checks 1 or 2
  return socket;
}

std::optional<SocketId> asSocketId(std::optional<int> socket) {
  if (!socket) return std::nullopt;
  return SocketId(*socket);
}

void addSocketOption(po::options_description_easy_init& add) {
  add("socket", po::value<int>()->value_name("ID"), "the socket (1 or 2) of a TCP parameter");
}

Json entryJson(const ProfileEntry& entry) {
  Json document{{"parameter", std::string(catalogue::spec(entry.parameter).name)}};
  if (entry.socket) document["socket"] = *entry.socket;
  document["value"] = entry.text;
  return document;
}

std::string masked(const ProfileEntry& entry, const std::string& text) {
  return catalogue::spec(entry.parameter).secret ? std::string(catalogue::kMask) : text;
}

int configGet(int argc, char** argv) {
  static const CommandInfo info{
      .name = "config get",
      .synopsis = "NAME",
      .description =
          "Prints the value of parameter NAME (AT#NAME?, or AT#NAME=ID for a TCP parameter),\n"
          "unquoted. A credential (ISPPW, APNPW, SMTPPW, POP3PW, FTPPW, PPPSERVPW) prints as\n"
          "**** unless --reveal is given.",
      .positional = {{"name", 1}}};
  const auto options = [](po::options_description_easy_init& add) {
    addSocketOption(add);
    add("reveal", "print a credential's value instead of ****");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    if (!invocation.has("name")) throw UsageError("which parameter? (atsharp config get NAME)");
    const ParameterSpec& spec = parameterNamed(invocation.get<std::string>("name"));
    ProfileEntry entry{spec.id, socketFor(spec, invocation), ""};
    const std::string value = invocation.module().getText(spec.id, asSocketId(entry.socket));
    entry.text = invocation.has("reveal") ? value : masked(entry, value);
    if (invocation.json()) {
      printJson(entryJson(entry));
    } else {
      std::cout << entry.text << std::endl;
    }
    return kDone;
  });
}

int configSet(int argc, char** argv) {
  static const CommandInfo info{
      .name = "config set",
      .synopsis = "NAME VALUE",
      .description =
          "Sets parameter NAME to VALUE (AT#NAME=VALUE, AT#NAME=ID,VALUE for a TCP parameter),\n"
          "once the value is checked against the parameter's legal values: an illegal one is\n"
          "refused before anything is sent. An address list (RECi, CCRECi) takes its addresses\n"
          "separated by ','; a body (BODYi) may hold line breaks.",
      .positional = {{"name", 1}, {"value", 1}}};
  return run(info, argc, argv, addSocketOption, [](Invocation& invocation) {
    if (!invocation.has("name") || !invocation.has("value")) {
      throw UsageError("give the parameter and its value (atsharp config set NAME VALUE)");
    }
    const ParameterSpec& spec = parameterNamed(invocation.get<std::string>("name"));
    ProfileEntry entry{spec.id, socketFor(spec, invocation),
                       canonicalValue(spec.id, invocation.get<std::string>("value"))};
    invocation.module().setText(spec.id, entry.text, asSocketId(entry.socket));
    entry.text = masked(entry, entry.text);
    if (invocation.json()) {
      printJson(entryJson(entry));
    } else {
      std::cout << entryName(entry) << " set to " << entry.text << std::endl;
    }
    return kDone;
  });
}

int configDump(int argc, char** argv) {
  static const CommandInfo info{
      .name = "config dump",
      .synopsis = "",
      .description =
          "Prints every parameter (AT#VALL, 8.3) as a profile: YAML (the default), or JSON\n"
          "with --json. Credentials print as ****; atsharp config apply leaves a parameter\n"
          "whose value is **** as it is, so a dump applies back unchanged."};
  const auto options = [](po::options_description_easy_init& add) {
    add("yaml", "print YAML (the default)");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    if (invocation.has("yaml") && invocation.json()) {
      throw UsageError("--yaml or --json, not both");
    }
    Module& module = invocation.module();
    const Profile profile = profileOf(module.vall());
    if (invocation.json()) {
      printJson(profileJson(profile));
    } else {
      const std::string version = parseVersionDisplay(std::span(&module.version(), 1)).text;
      std::cout << profileYaml(profile, {"atsharp config dump", "module: " + version})
                << std::flush;
    }
    return kDone;
  });
}

// A dump of every parameter is a few kilobytes: anything this large is not a profile, and is
// refused before it is read into memory.
constexpr std::uintmax_t kMaxProfileSize = 1024 * 1024;

std::string readWholeFile(const std::string& path) {
  std::error_code unknownSize;  // a pipe or a missing file: the read below tells
  const std::uintmax_t size = std::filesystem::file_size(path, unknownSize);
  if (!unknownSize && size > kMaxProfileSize) {
    throw UsageError(path + " is larger than 1 MiB: not a profile");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read the profile " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// One parameter apply changes: its entry (canonical value) and what the module had.
struct Change {
  ProfileEntry entry;
  std::string before;
};

// Checks the whole profile through the typed layer before the module is even opened: a
// profile with an illegal value changes nothing.
Profile checkedProfile(const std::string& path) {
  Profile profile = readProfile(readWholeFile(path), path);
  std::vector<std::string> problems;
  for (ProfileEntry& entry : profile) {
    if (isMaskedSecret(entry)) continue;
    try {
      entry.text = canonicalValue(entry.parameter, entry.text);
    } catch (const IllegalValueError& illegal) {
      problems.push_back(illegal.what());
    }
  }
  if (!problems.empty()) {
    std::string message = path + ": nothing was set:";
    for (const std::string& problem : problems) message += "\n  " + problem;
    throw UsageError(message);
  }
  return profile;
}

// The entries whose value differs from the module's. A value the module holds but cannot be
// given (TCPPORT 0, "not set") is refused here, still before anything is set.
std::vector<Change> changesFrom(const Profile& profile, const AllDisplay& shown) {
  std::vector<Change> changes;
  for (const ProfileEntry& entry : profile) {
    if (isMaskedSecret(entry)) continue;
    const std::string before = canonicalValue(entry.parameter, shownValue(shown, entry));
    if (before == entry.text) continue;
    const ParameterSpec& spec = catalogue::spec(entry.parameter);
    if (spec.kind != catalogue::ValueKind::AddressList && spec.kind != catalogue::ValueKind::Body) {
      if (auto illegal = catalogue::checkValue(spec, entry.text)) {
        throw UsageError(entryName(entry) + " cannot be set to \"" + masked(entry, entry.text) +
                         "\": " + catalogue::describeLegalValues(spec) + "; nothing was set");
      }
    }
    changes.push_back({entry, before});
  }
  return changes;
}

void printChange(const Change& change) {
  if (catalogue::spec(change.entry.parameter).secret) {
    std::cout << entryName(change.entry) << ": changed (****)\n";
    return;
  }
  std::cout << entryName(change.entry) << ": \"" << change.before << "\" -> \""
            << change.entry.text << "\"\n";
}

Json changeJson(const Change& change) {
  Json document = entryJson(change.entry);
  document.erase("value");
  document["from"] = masked(change.entry, change.before);
  document["to"] = masked(change.entry, change.entry.text);
  return document;
}

int configApply(int argc, char** argv) {
  static const CommandInfo info{
      .name = "config apply",
      .synopsis = "PROFILE.yaml",
      .description =
          "Sets the parameters of a profile (YAML or JSON, as atsharp config dump writes it;\n"
          "any subset of the parameters). Every value is checked first: one illegal value and\n"
          "nothing is set. Then only the parameters whose value differs from the module's are\n"
          "set, in AT#VALL's order, and each change is reported. A credential given as ****\n"
          "is left as it is.",
      .positional = {{"profile", 1}}};
  const auto options = [](po::options_description_easy_init& add) {
    add("dry-run", "report what would change, set nothing");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    if (!invocation.has("profile")) throw UsageError("which profile? (atsharp config apply FILE)");
    const Profile profile = checkedProfile(invocation.get<std::string>("profile"));
    Module& module = invocation.module();
    const std::vector<Change> changes = changesFrom(profile, module.vall());
    const bool dryRun = invocation.has("dry-run");
    for (const Change& change : changes) {
      if (!dryRun) {
        module.setText(change.entry.parameter, change.entry.text, asSocketId(change.entry.socket));
      }
      if (!invocation.json()) printChange(change);
    }
    if (invocation.json()) {
      Json changed = Json::array();
      for (const Change& change : changes) changed.push_back(changeJson(change));
      printJson(Json{{"changed", std::move(changed)},
                     {"unchanged", profile.size() - changes.size()},
                     {"dryRun", dryRun}});
    } else if (changes.empty()) {
      std::cout << "nothing to change" << std::endl;
    }
    std::cout << std::flush;
    return kDone;
  });
}

}  // namespace

int config(int argc, char** argv) {
  return dispatch("config",
                  {{"get", "print one parameter's value", configGet},
                   {"set", "set one parameter", configSet},
                   {"dump", "print every parameter as a profile (YAML or JSON)", configDump},
                   {"apply", "set the parameters of a profile, reporting what changed",
                    configApply}},
                  argc, argv);
}

}  // namespace atsharp::cli::lab
