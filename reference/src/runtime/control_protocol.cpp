#include "control_protocol.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <limits>
#include <optional>
#include <set>
#include <utility>

#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp::reference {
namespace {

using Json = nlohmann::json;

/// What is wrong with a request: thrown by the field readers, caught at the top, so that each
/// reader stays one line per field.
struct BadRequest {
  std::string message;
};

template <typename Enum>
using NameTable = std::array<std::pair<std::string_view, Enum>, 3>;

constexpr NameTable<CallType> kCallTypes{
    {{"data", CallType::Data}, {"voice", CallType::Voice}, {"fax", CallType::Fax}}};

constexpr std::array<std::pair<std::string_view, CallOutcome::Kind>, 4> kOutcomes{
    {{"connect", CallOutcome::Kind::Connect},
     {"busy", CallOutcome::Kind::Busy},
     {"no-answer", CallOutcome::Kind::NoAnswer},
     {"no-carrier", CallOutcome::Kind::NoCarrier}}};

std::string jsonText(std::string_view text) {
  return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The value of a JSON whole number (numbers beyond 64 bits come out as the largest one, which
// every range check refuses); nothing for anything else, 2.0 included.
std::optional<std::int64_t> wholeNumber(const Json& value) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    constexpr auto kLargest = std::numeric_limits<std::int64_t>::max();
    return number > static_cast<std::uint64_t>(kLargest) ? kLargest
                                                         : static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  return std::nullopt;
}

template <typename Table>
std::string namesOf(const Table& table) {
  std::string names;
  for (const auto& [name, value] : table) {
    names += names.empty() ? "" : ", ";
    names += name;
  }
  return names;
}

/// The fields of one request object: each is read at most once, and whatever no reader took
/// is an unknown field (a typo such as "rigns" is reported, not silently ignored).
class Fields {
 public:
  Fields(const Json& object, std::string request) : object_(object), request_(std::move(request)) {}

  const Json* find(std::string_view name) {
    const auto it = object_.find(std::string(name));
    if (it == object_.end()) return nullptr;
    taken_.insert(std::string(name));
    return &*it;
  }

  const Json& require(std::string_view name) {
    const Json* value = find(name);
    if (!value) fail("needs the field " + jsonText(name));
    return *value;
  }

  [[noreturn]] void fail(const std::string& what) const { throw BadRequest{request_ + " " + what}; }

  bool flag(std::string_view name) {
    const Json& value = require(name);
    if (!value.is_boolean()) fail("field " + jsonText(name) + " must be true or false");
    return value.get<bool>();
  }

  int integer(std::string_view name, int min, int max, std::optional<int> fallback = {}) {
    const Json* value = find(name);
    if (!value && fallback) return *fallback;
    if (!value) fail("needs the field " + jsonText(name));
    const std::optional<std::int64_t> number = wholeNumber(*value);
    if (!number || *number < min || *number > max) {
      fail("field " + jsonText(name) + " must be a whole number from " + std::to_string(min) +
           " to " + std::to_string(max));
    }
    return static_cast<int>(*number);
  }

  template <typename Table>
  auto choice(std::string_view name, const Table& table,
              std::optional<typename Table::value_type::second_type> fallback = {}) {
    const Json* value = find(name);
    if (!value && fallback) return *fallback;
    if (!value) fail("needs the field " + jsonText(name));
    if (value->is_string()) {
      for (const auto& [text, result] : table) {
        if (value->get<std::string>() == text) return result;
      }
    }
    fail("field " + jsonText(name) + " must be one of " + namesOf(table));
  }

  /// A phone number as DIALN1 takes one; @p mayBeEmpty for the "every other number" form.
  std::optional<std::string> phoneNumber(std::string_view name, bool mayBeEmpty) {
    const Json* value = find(name);
    if (!value || value->is_null()) return std::nullopt;
    const catalogue::ParameterSpec& rule = catalogue::spec(catalogue::Param::Dialn1);
    if (!value->is_string() || catalogue::checkValue(rule, value->get<std::string>()) ||
        (!mayBeEmpty && value->get<std::string>().empty())) {
      fail("field " + jsonText(name) + " must be " + catalogue::describeLegalValues(rule) +
           (mayBeEmpty ? "" : ", not empty"));
    }
    return value->get<std::string>();
  }

  /// Fails on the first field nobody read.
  void finish() const {
    for (const auto& [key, value] : object_.items()) {
      if (!taken_.contains(key)) fail("has no field " + jsonText(key));
    }
  }

 private:
  const Json& object_;
  std::string request_;
  std::set<std::string> taken_;
};

RadioEvent parseRing(Fields& fields) {
  IncomingCall call;
  call.caller = fields.phoneNumber("caller", false);
  call.type = fields.choice("type", kCallTypes, CallType::Data);
  call.rings = fields.integer("rings", 0, std::numeric_limits<int>::max(), 0);
  return call;
}

RadioEvent parseHangUp(Fields&) { return HangUp{}; }
RadioEvent parseGprsLost(Fields&) { return GprsSessionLost{}; }
RadioEvent parseSim(Fields& fields) { return SimPresence{fields.flag("present")}; }
RadioEvent parseRegistration(Fields& fields) {
  return Registration{fields.integer("status", 0, 5)};
}
RadioEvent parseAttachment(Fields& fields) { return GprsAttachment{fields.flag("attached")}; }

RadioEvent parseDialOutcome(Fields& fields) {
  DialOutcome dial;
  dial.number = fields.phoneNumber("number", true).value_or("");
  dial.outcome.kind = fields.choice("outcome", kOutcomes);
  dial.outcome.speed = fields.integer("speed", 1, 10'000'000, 9600);
  return dial;
}

struct EventKind {
  std::string_view name;
  RadioEvent (*parse)(Fields&);
};

constexpr std::array<EventKind, 7> kEvents{{
    {"ring", parseRing},
    {"hangup", parseHangUp},
    {"gprs-lost", parseGprsLost},
    {"sim", parseSim},
    {"registration", parseRegistration},
    {"gprs-attachment", parseAttachment},
    {"dial-outcome", parseDialOutcome},
}};

ControlRequest parseEvent(const Json& object, const std::string& name) {
  for (const EventKind& kind : kEvents) {
    if (kind.name != name) continue;
    Fields fields(object, "event " + jsonText(name));
    fields.find("event");
    RadioEvent event = kind.parse(fields);
    fields.finish();
    return event;
  }
  throw BadRequest{"unknown event " + jsonText(name) + " (expected one of " + namesOf(kEvents) +
                   ")"};
}

ControlRequest parseQuery(const Json& object, const std::string& name) {
  if (object.size() != 1) throw BadRequest{"query " + jsonText(name) + " takes no other field"};
  if (name == "state") return StateQuery{};
  if (name == "parameters") return ParametersQuery{};
  throw BadRequest{"unknown query " + jsonText(name) + " (expected state or parameters)"};
}

// The name in "event" or "query", whichever the request has (exactly one of them).
ControlRequest parseObject(const Json& object) {
  const bool isEvent = object.contains("event");
  if (isEvent == object.contains("query")) {
    throw BadRequest{"a request needs either an \"event\" or a \"query\" field"};
  }
  const Json& name = object[isEvent ? "event" : "query"];
  if (!name.is_string())
    throw BadRequest{isEvent ? "\"event\" must be text" : "\"query\" must be text"};
  return isEvent ? parseEvent(object, name.get<std::string>())
                 : parseQuery(object, name.get<std::string>());
}

}  // namespace

std::variant<ControlRequest, ControlError> parseControlRequest(std::string_view line) {
  const Json request = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return ControlError{"not valid JSON"};
  if (!request.is_object()) return ControlError{"a request must be a JSON object"};
  try {
    return parseObject(request);
  } catch (const BadRequest& bad) {
    return ControlError{bad.message};
  } catch (const std::exception& unexpected) {
    return ControlError{std::string("cannot read the request: ") + unexpected.what()};
  }
}

namespace {

template <typename Table, typename Value>
std::string_view nameOf(const Table& table, Value value) {
  for (const auto& [name, entry] : table) {
    if (entry == value) return name;
  }
  return table.front().first;
}

Json eventJson(const IncomingCall& call) {
  return {{"event", "ring"},
          {"caller", call.caller ? Json(*call.caller) : Json(nullptr)},
          {"type", nameOf(kCallTypes, call.type)},
          {"rings", call.rings}};
}
Json eventJson(const HangUp&) { return {{"event", "hangup"}}; }
Json eventJson(const GprsSessionLost&) { return {{"event", "gprs-lost"}}; }
Json eventJson(const SimPresence& sim) { return {{"event", "sim"}, {"present", sim.present}}; }
Json eventJson(const Registration& registration) {
  return {{"event", "registration"}, {"status", registration.status}};
}
Json eventJson(const GprsAttachment& attachment) {
  return {{"event", "gprs-attachment"}, {"attached", attachment.attached}};
}
Json eventJson(const DialOutcome& dial) {
  return {{"event", "dial-outcome"},
          {"number", dial.number},
          {"outcome", nameOf(kOutcomes, dial.outcome.kind)},
          {"speed", dial.outcome.speed}};
}

}  // namespace

std::string formatRadioEvent(const RadioEvent& event) {
  return std::visit([](const auto& e) { return eventJson(e).dump(); }, event);
}

// Replies keep "ok" first, where a reader of a log looks for it. Invalid UTF-8 (an error may
// quote bytes of a malformed request) is replaced rather than thrown about.
std::string reply(const nlohmann::ordered_json& object) {
  return object.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string okReply() { return reply({{"ok", true}}); }

std::string errorReply(std::string_view message) {
  return reply({{"ok", false}, {"error", std::string(message)}});
}

std::string stateReply(LinkState state) {
  return reply({{"ok", true}, {"state", std::string(stateName(state))}});
}

std::string parametersReply(const FlashImage& parameters) {
  return reply({{"ok", true}, {"parameters", parameters}});
}

}  // namespace atsharp::reference
