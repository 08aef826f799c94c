#include "profile.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <set>
#include <utility>

#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/parameters.hpp"

namespace atsharp::cli::lab {
namespace {

using catalogue::Param;
using catalogue::ParameterSpec;

// The typed layer's view of a value: read as the parameter's value type (ValueOf<P>), then
// written back. Nothing when the type cannot hold it.
template <Param P>
std::optional<std::string> typedRoundTrip(std::string_view text) {
  using Value = ValueOf<P>;
  const std::optional<Value> value = ValueText<Value>::read(text);
  if (!value) return std::nullopt;
  return ValueText<Value>::write(*value);
}

using RoundTrip = std::optional<std::string> (*)(std::string_view);

template <std::size_t... I>
constexpr std::array<RoundTrip, sizeof...(I)> roundTrips(std::index_sequence<I...>) {
  return {&typedRoundTrip<static_cast<Param>(I)>...};
}

constexpr auto kRoundTrips = roundTrips(std::make_index_sequence<catalogue::kParameterCount>());

bool bySocket(const ParameterSpec& spec) {
  return spec.indexing == catalogue::Indexing::SocketId;
}

std::string legalValues(const ParameterSpec& spec) {
  std::string words = catalogue::describeLegalValues(spec);
  if (spec.kind == catalogue::ValueKind::AddressList) {
    words += ", up to " + std::to_string(catalogue::kMaxAddresses) + " of them separated by ','";
  }
  return words;
}

[[noreturn]] void refuseKey(const std::string& source, const std::string& key,
                            const std::string& why) {
  throw UsageError(source + ": " + key + ": " + why);
}

std::string scalarText(const YAML::Node& node, const std::string& source,
                       const std::string& key) {
  if (node.IsNull()) return "";
  if (!node.IsScalar()) refuseKey(source, key, "the value must be text, not a list or a map");
  return node.as<std::string>();
}

// The TCP parameter @p spec: {1: value, 2: value}, either socket left out at will.
void readBySocket(const ParameterSpec& spec, const YAML::Node& node, const std::string& source,
                  const std::string& key, Profile& profile) {
  if (!node.IsMap()) {
    refuseKey(source, key,
              "holds one value per socket (5.1): give them as a map, {1: VALUE, 2: VALUE}");
  }
  std::set<int> seen;
  for (const auto& item : node) {
    const std::string socketText = item.first.as<std::string>();
    const std::optional<int> socket = catalogue::parseDecimal(socketText);
    if (!socket || *socket < catalogue::kFirstSocketId || *socket > catalogue::kLastSocketId) {
      refuseKey(source, key, "socket \"" + socketText + "\": must be 1 or 2");
    }
    if (!seen.insert(*socket).second) refuseKey(source, key, "socket " + socketText + " twice");
    profile.push_back({spec.id, *socket, scalarText(item.second, source, key)});
  }
}

void inCatalogueOrder(Profile& profile) {
  std::stable_sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) {
    return std::pair(a.parameter, a.socket.value_or(0)) <
           std::pair(b.parameter, b.socket.value_or(0));
  });
}

std::string socketKey(const ProfileEntry& entry) { return std::to_string(*entry.socket); }

}  // namespace

std::string entryName(const ProfileEntry& entry) {
  std::string name(catalogue::spec(entry.parameter).name);
  if (entry.socket) name += " of socket " + std::to_string(*entry.socket);
  return name;
}

bool isMaskedSecret(const ProfileEntry& entry) {
  return catalogue::spec(entry.parameter).secret && entry.text == catalogue::kMask;
}

std::string canonicalValue(Param parameter, std::string_view text) {
  const ParameterSpec& spec = catalogue::spec(parameter);
  if (std::optional<std::string> canonical = kRoundTrips[static_cast<std::size_t>(parameter)](text)) {
    return *std::move(canonical);
  }
  const std::string shown = spec.secret ? std::string(catalogue::kMask) : std::string(text);
  throw IllegalValueError(std::string(spec.name), shown,
                          std::string(spec.name) + " \"" + shown + "\": must be " +
                              legalValues(spec));
}

Profile readProfile(std::string_view text, const std::string& source) {
  const YAML::Node root = YAML::Load(std::string(text));
  if (root.IsNull()) return {};
  if (!root.IsMap()) throw UsageError(source + ": a profile is a map from parameter to value");
  Profile profile;
  std::set<Param> seen;
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>();
    const ParameterSpec* spec = catalogue::findParameter(key);
    if (spec == nullptr) refuseKey(source, key, "no such parameter");
    if (!seen.insert(spec->id).second) refuseKey(source, key, "given twice");
    if (bySocket(*spec)) {
      readBySocket(*spec, item.second, source, key, profile);
    } else {
      profile.push_back({spec->id, std::nullopt, scalarText(item.second, source, key)});
    }
  }
  inCatalogueOrder(profile);
  return profile;
}

std::string shownValue(const AllDisplay& shown, const ProfileEntry& entry) {
  if (entry.socket) return shown.text(entry.parameter, SocketId(*entry.socket));
  return shown.text(entry.parameter);
}

Profile profileOf(const AllDisplay& shown) {
  Profile profile;
  for (const ParameterSpec& spec : catalogue::kParameters) {
    std::vector<std::optional<int>> sockets{std::nullopt};
    if (bySocket(spec)) sockets = {catalogue::kFirstSocketId, catalogue::kLastSocketId};
    for (std::optional<int> socket : sockets) {
      ProfileEntry entry{spec.id, socket, ""};
      entry.text = spec.secret ? std::string(catalogue::kMask) : shownValue(shown, entry);
      profile.push_back(std::move(entry));
    }
  }
  return profile;
}

std::string profileYaml(const Profile& profile, const std::vector<std::string>& comment) {
  YAML::Emitter out;
  for (const std::string& line : comment) out << YAML::Comment(line) << YAML::Newline;
  out << YAML::BeginMap;
  for (std::size_t i = 0; i < profile.size(); ++i) {
    const ProfileEntry& entry = profile[i];
    out << YAML::Key << std::string(catalogue::spec(entry.parameter).name) << YAML::Value;
    if (!entry.socket) {
      out << YAML::DoubleQuoted << entry.text;
      continue;
    }
    out << YAML::BeginMap;
    for (; i < profile.size() && profile[i].parameter == entry.parameter; ++i) {
      out << YAML::Key << *profile[i].socket << YAML::Value << YAML::DoubleQuoted
          << profile[i].text;
    }
    --i;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

Json profileJson(const Profile& profile) {
  Json document = Json::object();
  for (const ProfileEntry& entry : profile) {
    const std::string name(catalogue::spec(entry.parameter).name);
    if (entry.socket) {
      document[name][socketKey(entry)] = entry.text;
    } else {
      document[name] = entry.text;
    }
  }
  return document;
}

}  // namespace atsharp::cli::lab
