// The steps every scripted server shares: faults on cue (ftp_fault, smtp_fault, pop3_fault)
// and the commands it must have seen (ftp_expect_commands, smtp_expect_commands,
// pop3_expect_commands).

#include <array>

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;
using std::chrono::milliseconds;

enum class Server { Ftp, Smtp, Pop3 };

std::string nameOf(Server server) {
  switch (server) {
    case Server::Ftp: return "ftp";
    case Server::Smtp: return "smtp";
    case Server::Pop3: return "pop3";
  }
  return "ftp";
}

std::string capabilityOf(Server server) { return "fixtures." + nameOf(server); }

// What a server recorded: its commands, and whether every session it had has ended.
struct ServerRecord {
  std::vector<std::string> commands;
  bool sessionsOver = false;
};

template <class Fixture>
ServerRecord recordOf(const Fixture& fixture) {
  const std::size_t sessions = fixture.sessions();
  ServerRecord record{fixture.commands(), false};
  record.sessionsOver = sessions > 0 && fixture.sessionsEnded() >= sessions;
  return record;
}

ServerRecord recordOf(StepContext& context, Server server) {
  switch (server) {
    case Server::Ftp: return recordOf(serviceOf<FtpService>(context, "fixtures.ftp").server());
    case Server::Smtp: return recordOf(serviceOf<SmtpService>(context, "fixtures.smtp").server());
    case Server::Pop3: return recordOf(serviceOf<Pop3Service>(context, "fixtures.pop3").server());
  }
  return {};
}

// ---- faults ------------------------------------------------------------------------------

bool flag(const Json& value, const char* key) { return value.value(key, false); }

std::optional<std::size_t> count(const Json& value, const char* key) {
  if (!value.contains(key)) return std::nullopt;
  if (!value[key].is_number_integer() || value[key].get<std::int64_t>() < 0) {
    throw UsageError(std::string(key) + " is a number of bytes");
  }
  return value[key].get<std::size_t>();
}

std::optional<std::string> text(const Json& value, const char* key) {
  if (!value.contains(key)) return std::nullopt;
  if (!value[key].is_string()) throw UsageError(std::string(key) + " is a command's verb, or \"\"");
  return value[key].get<std::string>();
}

// A reply delay is module time: the module's own reply timeouts run on its clock.
milliseconds replyDelay(const std::optional<Duration>& delay, const StepContext& context) {
  if (!delay) return milliseconds(0);
  return std::chrono::duration_cast<milliseconds>(delay->realTime(context.timing.timeScale));
}

class FaultStep final : public Step {
 public:
  FaultStep(StepCommon common, Server server, Json faults)
      : Step(std::move(common)), server_(server), faults_(std::move(faults)) {
    if (faults_.contains("reply_delay")) delay_ = parseDuration(faults_["reply_delay"]);
  }

  std::string_view kind() const noexcept override { return kinds()[static_cast<int>(server_)]; }
  std::string summary() const override {
    return nameOf(server_) + " faults " + (faults_.empty() ? "cleared" : faults_.dump());
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert(capabilityOf(server_));
  }

  void run(StepContext& context) const override {
    const milliseconds delay = replyDelay(delay_, context);
    switch (server_) {
      case Server::Ftp:
        serviceOf<FtpService>(context, "fixtures.ftp").server().setFaults(fixtures::FtpFaults{
            .refuseUser = flag(faults_, "refuse_user"),
            .refusePassword = flag(faults_, "refuse_password"),
            .refuseCwd = flag(faults_, "refuse_cwd"),
            .refuseRetr = flag(faults_, "refuse_retr"),
            .refuseStor = flag(faults_, "refuse_stor"),
            .dropDataAfter = count(faults_, "drop_data_after"),
            .dropControlToo = flag(faults_, "drop_control_too"),
            .replyDelay = delay,
            .silentFrom = text(faults_, "silent_from")});
        break;
      case Server::Smtp:
        serviceOf<SmtpService>(context, "fixtures.smtp").server().setFaults(fixtures::SmtpFaults{
            .refuseSender = flag(faults_, "refuse_sender"),
            .refuseRecipients = faults_.value("refuse_recipients", std::vector<std::string>{}),
            .refuseData = flag(faults_, "refuse_data"),
            .refuseMessage = flag(faults_, "refuse_message"),
            .refuseAuthUser = flag(faults_, "refuse_auth_user"),
            .refuseAuthPassword = flag(faults_, "refuse_auth_password"),
            .dropInData = count(faults_, "drop_in_data"),
            .replyDelay = delay,
            .silentFrom = text(faults_, "silent_from")});
        break;
      case Server::Pop3:
        serviceOf<Pop3Service>(context, "fixtures.pop3").server().setFaults(fixtures::Pop3Faults{
            .refuseUser = flag(faults_, "refuse_user"),
            .refusePassword = flag(faults_, "refuse_password"),
            .failRetr = flag(faults_, "fail_retr"),
            .closeInMessage = count(faults_, "close_in_message"),
            .replyDelay = delay,
            .silentFrom = text(faults_, "silent_from")});
        break;
    }
    recordFixture(context, summary(), !faults_.empty());
  }

  static const std::array<std::string_view, 3>& kinds() {
    static const std::array<std::string_view, 3> names{"ftp_fault", "smtp_fault", "pop3_fault"};
    return names;
  }

 private:
  Server server_;
  Json faults_;
  std::optional<Duration> delay_;
};

// The keys each server's faults may have (the schema says the same; the parser checks too, for
// a registry used without the schema).
const std::set<std::string>& faultKeys(Server server) {
  static const std::set<std::string> ftp{"refuse_user", "refuse_password", "refuse_cwd",
                                         "refuse_retr", "refuse_stor", "drop_data_after",
                                         "drop_control_too", "reply_delay", "silent_from"};
  static const std::set<std::string> smtp{
      "refuse_sender",    "refuse_recipients",    "refuse_data",  "refuse_message",
      "refuse_auth_user", "refuse_auth_password", "drop_in_data", "reply_delay",
      "silent_from"};
  static const std::set<std::string> pop3{"refuse_user",      "refuse_password", "fail_retr",
                                          "close_in_message", "reply_delay",     "silent_from"};
  return server == Server::Ftp ? ftp : server == Server::Smtp ? smtp : pop3;
}

StepParser faultParser(Server server) {
  return [server](const Json& value, const Json&, StepCommon common, const StepParseContext&) {
    const Json faults = value.is_null() ? Json::object() : value;
    if (!faults.is_object()) throw UsageError(nameOf(server) + "_fault is a mapping of faults");
    for (const auto& [key, setting] : faults.items()) {
      if (!faultKeys(server).count(key)) {
        throw UsageError(nameOf(server) + "_fault has no fault \"" + key + "\"");
      }
    }
    // Read once now, so that a malformed value is a problem of the suite, not of the run.
    count(faults, "drop_data_after");
    count(faults, "drop_in_data");
    count(faults, "close_in_message");
    text(faults, "silent_from");
    return std::make_shared<FaultStep>(std::move(common), server, faults);
  };
}

// ---- commands seen ------------------------------------------------------------------------

class ExpectCommandsStep final : public Step {
 public:
  ExpectCommandsStep(StepCommon common, Server server, std::vector<LinePattern> commands)
      : Step(std::move(common)), server_(server), commands_(std::move(commands)) {}

  std::string_view kind() const noexcept override { return kinds()[static_cast<int>(server_)]; }
  std::string summary() const override {
    return nameOf(server_) + " saw " + std::to_string(commands_.size()) + " command(s) in order";
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert(capabilityOf(server_));
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const LinePattern& pattern : commands_) {
      for (const auto& name : pattern.text().names()) reads.insert(name);
    }
  }

  // Each pattern matches a later command than the one before: other commands may come
  // between. The server's sessions ending without them is a mismatch; nothing yet, a timeout.
  void run(StepContext& context) const override {
    const std::vector<ResolvedPattern> patterns = resolveAll(commands_, context.vars());
    for (const ResolvedPattern& pattern : patterns) {
      context.record.expected.push_back({pattern.describe(false), !pattern.isRegex()});
    }
    ServerRecord seen;
    std::size_t matched = 0;
    const bool done = waitUntil(context.deadline(), [&] {
      seen = recordOf(context, server_);
      matched = matchedCount(patterns, seen.commands);
      return matched == patterns.size() || seen.sessionsOver;
    });
    recordFixture(context, nameOf(server_) + " saw: " + joined(seen.commands));
    if (matched == patterns.size()) return;
    const std::string missing = patterns[matched].describe(false);
    if (done) {
      failStep(context, FailureClass::Mismatch,
               "the " + nameOf(server_) + " server's sessions ended without the command " +
                   quotedLine(missing) + " (in order after the ones before it)",
               seen.commands);
    }
    failStep(context, FailureClass::Timeout,
             "the " + nameOf(server_) + " server did not see the command " + quotedLine(missing) +
                 " within " + timeoutText(context),
             seen.commands);
  }

  static const std::array<std::string_view, 3>& kinds() {
    static const std::array<std::string_view, 3> names{
        "ftp_expect_commands", "smtp_expect_commands", "pop3_expect_commands"};
    return names;
  }

 private:
  static std::size_t matchedCount(const std::vector<ResolvedPattern>& patterns,
                                  const std::vector<std::string>& commands) {
    std::size_t matched = 0;
    for (const std::string& command : commands) {
      if (matched < patterns.size() && patterns[matched].matches(command, false)) ++matched;
    }
    return matched;
  }

  static std::string joined(const std::vector<std::string>& commands) {
    std::string out;
    for (const std::string& command : commands) out += (out.empty() ? "" : ", ") + command;
    return out.empty() ? "nothing" : out;
  }

  Server server_;
  std::vector<LinePattern> commands_;
};

StepParser commandsParser(Server server) {
  return [server](const Json& value, const Json&, StepCommon common, const StepParseContext&) {
    std::vector<LinePattern> commands = parsePatternList(value);
    if (commands.empty()) throw UsageError("expect_commands needs a command or more");
    return std::make_shared<ExpectCommandsStep>(std::move(common), server, std::move(commands));
  };
}

}  // namespace

void addServerSteps(StepRegistry& registry) {
  for (const Server server : {Server::Ftp, Server::Smtp, Server::Pop3}) {
    const auto index = static_cast<std::size_t>(server);
    registry.add(std::string(FaultStep::kinds()[index]), faultParser(server));
    registry.add(std::string(ExpectCommandsStep::kinds()[index]), commandsParser(server));
  }
}

}  // namespace atsharp::harness::fixture_steps
