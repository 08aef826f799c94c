#include "suite/duration.hpp"

#include <cmath>
#include <sstream>

#include "atsharp/error.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {

std::chrono::nanoseconds Duration::realTime(double timeScale) const {
  const double realSeconds = real ? seconds : seconds * timeScale;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(realSeconds * 1e9)));
}

std::string Duration::text() const {
  std::ostringstream out;
  if (seconds < 1 && seconds > 0) {
    out << seconds * 1000 << " ms";
  } else {
    out << seconds << " s";
  }
  if (real) out << " real";
  return out.str();
}

Duration parseDuration(const nlohmann::json& value) {
  constexpr double kLongest = 7 * 24 * 3600.0;  // a week: anything longer is a typo
  Duration duration;
  if (value.is_number()) {
    duration.seconds = value.get<double>();
  } else if (value.is_string()) {
    static const Regex form(R"(\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s|min)(\s+real)?\s*)");
    const std::string text = value.get<std::string>();
    const auto parts = form.groups(text);
    if (!parts) {
      throw UsageError("\"" + text +
                       "\" is not a duration (a number of module seconds, or \"500ms\", \"5s\", "
                       "\"2min\", with \" real\" for real time)");
    }
    const double number = std::stod((*parts)[1]);
    const std::string& unit = (*parts)[2];
    duration.seconds = unit == "ms" ? number / 1000 : unit == "min" ? number * 60 : number;
    duration.real = !(*parts)[3].empty();
  } else {
    throw UsageError("a duration must be a number of module seconds or a string like \"500ms\"");
  }
  if (!std::isfinite(duration.seconds) || duration.seconds < 0 || duration.seconds > kLongest) {
    throw UsageError("a duration must be from 0 to a week");
  }
  return duration;
}

}  // namespace atsharp::harness
