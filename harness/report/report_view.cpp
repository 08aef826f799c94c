#include "report/report_view.hpp"

#include <cstdio>
#include <ctime>

#include "report/report_bytes.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

// Around a failure: enough lines before it to see the command it answered, and what came after.
constexpr std::size_t kEntriesBefore = 6;
constexpr std::size_t kEntriesAfter = 4;
constexpr std::size_t kEntriesAtTheEnd = 10;

}  // namespace

std::string safeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f) {
      constexpr char kDigits[] = "0123456789abcdef";
      out += "\\x";
      out += kDigits[byte >> 4];
      out += kDigits[byte & 0x0f];
    } else {
      out += c;
    }
  }
  return out;
}

std::string textOrEmpty(const Json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

Bytes bytesOf(const Json& bytesOrEntry) {
  const Json& hex = bytesOrEntry.at("hex");
  return hex.is_string() ? bytesFromHex(hex.get<std::string>()) : Bytes{};
}

std::string identityText(const Json& report) {
  const Json& target = report.at("target");
  const Json& identity = target.at("identity");
  if (identity.is_object()) {
    std::string text = identity.at("software").get<std::string>();
    for (const char* key : {"size", "built"}) {
      const std::string part = identity.at(key).get<std::string>();
      if (!part.empty()) text += " " + part;
    }
    return text;
  }
  const std::string problem = textOrEmpty(target.at("identity_problem"));
  return problem.empty() ? "identity unknown" : "identity unknown: " + problem;
}

std::string summaryText(const Json& summary) {
  std::string text;
  for (const char* key : {"passed", "failed", "error", "skipped", "xfail"}) {
    if (!text.empty()) text += ", ";
    text += std::to_string(summary.at(key).get<int>()) + " " + key;
  }
  return text;
}

std::string specText(const Json& oneCase) {
  const Json& spec = oneCase.at("spec");
  if (spec.empty()) return "";
  const Json& first = spec.front();
  std::string text = first.at("document").get<std::string>() + " " +
                     first.at("section").get<std::string>();
  const std::string row = textOrEmpty(first.at("row"));
  if (!row.empty()) text += " row " + row;
  if (spec.size() > 1) text += " (and " + std::to_string(spec.size() - 1) + " more rows)";
  return text;
}

std::string locationText(const Json& location) {
  if (!location.is_object()) return "";
  std::string text = location.at("file").get<std::string>();
  const int line = location.at("line").get<int>();
  const int column = location.at("column").get<int>();
  if (line > 0) text += ":" + std::to_string(line);
  if (line > 0 && column > 0) text += ":" + std::to_string(column);
  return text;
}

const Json* failingStep(const Json& oneCase) {
  const Json& failure = oneCase.at("failure");
  if (!failure.is_object() || !failure.at("step").is_number_integer()) return nullptr;
  const long index = failure.at("step").get<long>();
  const Json& steps = oneCase.at("steps");
  if (index < 0 || static_cast<std::size_t>(index) >= steps.size()) return nullptr;
  return &steps[static_cast<std::size_t>(index)];
}

bool isBad(const Json& oneCase) {
  const std::string status = oneCase.at("status").get<std::string>();
  return status == "failed" || status == "error";
}

EntryRange failureWindow(const Json& oneCase) {
  const Json& transcript = oneCase.at("transcript");
  const std::size_t size = transcript.size();
  const Json* step = failingStep(oneCase);
  if (step) {
    const Json& index = step->at("index");
    std::size_t first = size, last = 0;
    for (std::size_t i = 0; i < size; ++i) {
      if (transcript[i].at("step") == index) {
        first = std::min(first, i);
        last = i + 1;
      }
    }
    if (first < size) {
      return {first > kEntriesBefore ? first - kEntriesBefore : 0,
              std::min(size, last + kEntriesAfter)};
    }
  }
  return {size > kEntriesAtTheEnd ? size - kEntriesAtTheEnd : 0, size};
}

std::string entryLabel(const Json& entry) {
  const std::string direction = entry.at("dir").get<std::string>();
  const std::string kind = entry.at("kind").get<std::string>();
  const bool fault = entry.at("fault").get<bool>();
  if (direction == "event") {
    if (kind == "inject") return fault ? "-- FAULT" : "-- INJECT";
    return "-- " + kind + (fault ? " FAULT" : "");
  }
  const std::string shown = kind == "unsolicited" ? "URC" : kind;
  return (direction == "tx" ? "TX " : "RX ") + shown + (fault ? " FAULT" : "");
}

std::chrono::system_clock::time_point timeFromIso(std::string_view text) {
  // The schema's pattern has made sure of the form: digits where sscanf reads them.
  std::tm parts{};
  int millis = 0;
  const std::string copy(text);
  std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &parts.tm_year, &parts.tm_mon,
              &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &millis);
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return std::chrono::system_clock::from_time_t(timegm(&parts)) + std::chrono::milliseconds(millis);
}

std::string secondsText(double seconds, int decimals) {
  char text[40];
  std::snprintf(text, sizeof text, "%.*f", decimals, seconds);
  return text;
}

}  // namespace atsharp::harness
