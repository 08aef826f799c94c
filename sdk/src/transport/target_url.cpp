#include "atsharp/transport/target_url.hpp"

#include <charconv>
#include <optional>

#include "atsharp/error.hpp"
#include "atsharp/transport/serial_transport.hpp"
#include "atsharp/transport/tcp_transport.hpp"

namespace atsharp {
namespace {

constexpr std::string_view kForms = "ref, serial:PATH[?baud=N&flow=F] or tcp:HOST:PORT";

/// Throws the UsageError for a malformed @p url, quoting it.
[[noreturn]] void reject(std::string_view url, const std::string& problem) {
  throw UsageError("target URL \"" + std::string(url) + "\": " + problem);
}

/// A whole decimal number from 1 to @p max, or nothing: no sign, no spaces, no other text.
std::optional<unsigned> decimal(std::string_view text, unsigned max) {
  unsigned value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc{} || stop != end || value == 0 || value > max) {
    return std::nullopt;
  }
  return value;
}

/// Applies one `key=value` of a serial query to @p settings.
void applyParameter(std::string_view url, std::string_view parameter, SerialSettings& settings,
                    bool& baudSeen, bool& flowSeen) {
  const std::size_t equals = parameter.find('=');
  const std::string_view key = parameter.substr(0, equals);
  if (key != "baud" && key != "flow") {
    reject(url, "unknown parameter \"" + std::string(key) + "\" (expected baud or flow)");
  }
  bool& seen = key == "baud" ? baudSeen : flowSeen;
  if (seen) {
    reject(url, "parameter \"" + std::string(key) + "\" given twice");
  }
  seen = true;
  const std::string_view value =
      equals == std::string_view::npos ? std::string_view{} : parameter.substr(equals + 1);
  if (key == "baud") {
    const std::optional<unsigned> baud = decimal(value, SerialSettings::kMaxBaud);
    if (!baud) {
      reject(url, "bad baud \"" + std::string(value) + "\" (expected a whole number from 1 to " +
                      std::to_string(SerialSettings::kMaxBaud) + ")");
    }
    settings.baud = *baud;
    return;
  }
  const std::optional<FlowControl> flow = flowControlFromName(value);
  if (!flow) {
    reject(url, "bad flow \"" + std::string(value) + "\" (expected none, rtscts or xonxoff)");
  }
  settings.flow = *flow;
}

SerialSettings parseQuery(std::string_view url, std::string_view query) {
  SerialSettings settings;
  bool baudSeen = false;
  bool flowSeen = false;
  for (;;) {
    const std::size_t amp = query.find('&');
    const std::string_view parameter = query.substr(0, amp);
    if (parameter.empty()) {
      reject(url, "empty parameter in the query");
    }
    applyParameter(url, parameter, settings, baudSeen, flowSeen);
    if (amp == std::string_view::npos) {
      return settings;
    }
    query.remove_prefix(amp + 1);
  }
}

SerialTarget parseSerial(std::string_view url, std::string_view rest) {
  const std::size_t question = rest.find('?');
  SerialTarget target{std::string(rest.substr(0, question)), {}};
  if (target.path.empty()) {
    reject(url, "missing device path (serial:PATH, as serial:/dev/ttyUSB0)");
  }
  if (question != std::string_view::npos) {
    target.settings = parseQuery(url, rest.substr(question + 1));
  }
  return target;
}

std::uint16_t parsePort(std::string_view url, std::string_view text) {
  const std::optional<unsigned> port = decimal(text, 65535);
  if (!port) {
    reject(url, "bad port \"" + std::string(text) + "\" (expected 1 to 65535)");
  }
  return static_cast<std::uint16_t>(*port);
}

TcpTarget parseTcp(std::string_view url, std::string_view rest) {
  std::string_view host;
  std::string_view afterHost;
  if (rest.starts_with('[')) {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) {
      reject(url, "missing \"]\" after the IPv6 address");
    }
    host = rest.substr(1, close - 1);
    afterHost = rest.substr(close + 1);
    if (host.find(':') == std::string_view::npos) {
      reject(url, "brackets are for IPv6 addresses only");
    }
  } else {
    const std::size_t colon = rest.find(':');
    host = rest.substr(0, colon);
    afterHost = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon);
    if (afterHost.find(':', 1) != std::string_view::npos) {
      reject(url, "too many ':' (an IPv6 address needs brackets, as in tcp:[::1]:2000)");
    }
  }
  if (host.empty()) {
    reject(url, "missing host (tcp:HOST:PORT)");
  }
  if (!afterHost.starts_with(':')) {
    reject(url, "missing port (tcp:HOST:PORT)");
  }
  return TcpTarget{std::string(host), parsePort(url, afterHost.substr(1))};
}

}  // namespace

TargetUrl parseTargetUrl(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    reject(text, "contains a NUL character");  // no path or host name can hold one
  }
  if (text == "ref") {
    return RefTarget{};
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    reject(text, "expected " + std::string(kForms));
  }
  const std::string_view scheme = text.substr(0, colon);
  const std::string_view rest = text.substr(colon + 1);
  if (scheme == "serial") {
    return parseSerial(text, rest);
  }
  if (scheme == "tcp") {
    return parseTcp(text, rest);
  }
  if (scheme == "ref") {
    reject(text, "ref takes no arguments");
  }
  reject(text,
         "unknown scheme \"" + std::string(scheme) + "\" (expected " + std::string(kForms) + ")");
}

namespace {

struct Describer {
  std::string operator()(const RefTarget&) const { return "ref"; }

  std::string operator()(const SerialTarget& target) const {
    std::string url = "serial:" + target.path + "?baud=" + std::to_string(target.settings.baud);
    if (target.settings.flow != FlowControl::None) {
      url += "&flow=" + std::string(flowControlName(target.settings.flow));
    }
    return url;
  }

  std::string operator()(const TcpTarget& target) const {
    const bool ipv6 = target.host.find(':') != std::string::npos;
    return "tcp:" + (ipv6 ? "[" + target.host + "]" : target.host) + ":" +
           std::to_string(target.port);
  }
};

struct Opener {
  Deadline deadline;

  std::unique_ptr<Transport> operator()(const RefTarget&) const {
    throw UsageError(
        "target URL \"ref\": the reference module is started by the layers above the "
        "transports, not opened as a line");
  }

  std::unique_ptr<Transport> operator()(const SerialTarget& target) const {
    return std::make_unique<SerialTransport>(target.path, target.settings);
  }

  std::unique_ptr<Transport> operator()(const TcpTarget& target) const {
    return TcpTransport::connect(target.host, target.port, deadline);
  }
};

}  // namespace

std::string describe(const TargetUrl& target) { return std::visit(Describer{}, target); }

std::unique_ptr<Transport> openTransport(const TargetUrl& target, Deadline deadline) {
  return std::visit(Opener{deadline}, target);
}

}  // namespace atsharp
