// atsharp connect, disconnect and ping: the IP link (AT#CONNECTIONSTART, AT#CONNECTIONSTOP,
// 2.2) and AT#PING (7.2).

#include <chrono>
#include <iostream>

#include "atsharp/module/module.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"

namespace atsharp::cli::lab {
namespace {

std::optional<Milliseconds> timeoutOption(const Invocation& invocation) {
  const std::optional<double> seconds = invocation.find<double>("timeout");
  if (!seconds) return std::nullopt;
  if (*seconds <= 0) throw UsageError("--timeout must be more than 0 seconds");
  return std::chrono::duration_cast<Milliseconds>(std::chrono::duration<double>(*seconds));
}

void addTimeout(po::options_description_easy_init& add, const char* defaultText) {
  add("timeout", po::value<double>()->value_name("SECONDS"), defaultText);
}

Json connectionJson(const Connection& connection) {
  Json progress = Json::array();
  for (const ProgressLine& step : connection.progress) progress.push_back(step.text);
  Json failed = Json::array();
  for (catalogue::Result result : connection.failedAttempts) {
    failed.push_back(std::string(catalogue::spec(result).verbose));
  }
  Json document{{"address", connection.address}};
  document["speed"] = connection.speed ? Json(*connection.speed) : Json(nullptr);
  document["progress"] = std::move(progress);
  document["failedAttempts"] = std::move(failed);
  return document;
}

// PINGREMOTE, PINGNUM and PINGDELAY from the command line, set (typed) before the run.
void setPingParameters(Module& module, const Invocation& invocation) {
  if (auto host = invocation.find<std::string>("host")) module.set(param::Pingremote, *host);
  if (auto count = invocation.find<int>("count")) module.set(param::Pingnum, *count);
  if (auto delay = invocation.find<int>("delay")) {
    module.set(param::Pingdelay, std::chrono::seconds(*delay));
  }
}

std::string reportText(const PingReport& report) {
  if (report.alive()) {
    return report.host + " is alive: time = " + std::to_string(*report.milliseconds) + " ms";
  }
  return "no answer from " + report.host;
}

}  // namespace

int connect(int argc, char** argv) {
  static const CommandInfo info{
      .name = "connect",
      .synopsis = "",
      .description =
          "Brings the IP link up (AT#CONNECTIONSTART, 2.2.3): GPRS or GSM as GPRSMODE says,\n"
          "with the parameters set in the module. Prints each progress line as it comes\n"
          "(DIALING, CONNECT ...), then the address the module got."};
  const auto options = [](po::options_description_easy_init& add) {
    addTimeout(add, "how long to wait (default: enough for every dial attempt)");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    const bool json = invocation.json();
    const Connection connection = invocation.module().connectionStart(
        [json](const ProgressLine& step) {
          if (!json) std::cout << step.text << std::endl;
        },
        timeoutOption(invocation));
    if (json) {
      printJson(connectionJson(connection));
    } else {
      std::cout << "connected: " << connection.address << std::endl;
    }
    return kDone;
  });
}

int disconnect(int argc, char** argv) {
  static const CommandInfo info{
      .name = "disconnect",
      .synopsis = "",
      .description = "Takes the IP link down (AT#CONNECTIONSTOP, 2.2.2); also fine when there\n"
                     "is none."};
  const auto options = [](po::options_description_easy_init& add) {
    addTimeout(add, "how long to wait (default 30)");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    invocation.module().connectionStop(timeoutOption(invocation));
    if (invocation.json()) {
      printJson(Json{{"state", "disconnected"}});
    } else {
      std::cout << "disconnected" << std::endl;
    }
    return kDone;
  });
}

int ping(int argc, char** argv) {
  static const CommandInfo info{
      .name = "ping",
      .synopsis = "[HOST]",
      .description =
          "Pings HOST from the module (AT#PING, 7.2) over the IP link, which must be up\n"
          "(atsharp connect). HOST, --count and --delay set PINGREMOTE, PINGNUM and PINGDELAY\n"
          "first; without them the module's values are used. One line per echo request:\n"
          "alive with its round trip, or no answer. Exit status 0 once the module said OK,\n"
          "whatever the replies.",
      .positional = {{"host", 1}}};
  const auto options = [](po::options_description_easy_init& add) {
    add("count,c", po::value<int>()->value_name("N"), "echo requests to send (PINGNUM, 1-255)");
    add("delay", po::value<int>()->value_name("SECONDS"),
        "between requests, and how long each waits (PINGDELAY, 1-255)");
    addTimeout(add, "how long to wait (default: PINGNUM x PINGDELAY and 30 s)");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    Module& module = invocation.module();
    setPingParameters(module, invocation);
    const bool json = invocation.json();
    const std::vector<PingReport> reports = module.ping(
        [json](const PingReport& report) {
          if (!json) std::cout << reportText(report) << std::endl;
        },
        timeoutOption(invocation));
    if (json) {
      Json replies = Json::array();
      for (const PingReport& report : reports) {
        replies.push_back(Json{{"host", report.host},
                               {"alive", report.alive()},
                               {"ms", report.alive() ? Json(*report.milliseconds) : Json()}});
      }
      printJson(Json{{"replies", std::move(replies)}});
    }
    return kDone;
  });
}

}  // namespace atsharp::cli::lab
