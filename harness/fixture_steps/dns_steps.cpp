// The DNS fixtures (DNSSERV1 at {{dns.host}}, DNSSERV2 at {{dns.host2}}): dns_records (names
// and their addresses; an unknown name is NXDOMAIN), dns_fault (a server that fails every
// question, or is silent, or slow) and dns_expect_query (a question the module asked).

#include <algorithm>

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

// `server: 1` or `server: 2` beside the kind; none: both (the step's default).
std::vector<int> serversOf(const Json& step) {
  if (!step.contains("server")) return {1, 2};
  const Json& server = step["server"];
  if (server == 1 || server == 2) return {server.get<int>()};
  throw UsageError("server is 1 (DNSSERV1's fixture) or 2 (DNSSERV2's)");
}

std::string serversText(const std::vector<int>& servers) {
  return servers.size() == 2 ? "dns" : "dns" + std::to_string(servers.front());
}

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

class RecordsStep final : public Step {
 public:
  RecordsStep(StepCommon common, std::vector<std::pair<std::string, std::optional<TemplateText>>> records,
              std::vector<int> servers)
      : Step(std::move(common)), records_(std::move(records)), servers_(std::move(servers)) {}

  std::string_view kind() const noexcept override { return "dns_records"; }
  std::string summary() const override {
    return "dns_records on " + serversText(servers_) + ": " + std::to_string(records_.size()) +
           " name(s)";
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.dns");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& [name, address] : records_) {
      if (address) {
        for (const auto& one : address->names()) reads.insert(one);
      }
    }
  }

  void run(StepContext& context) const override {
    DnsService& service = serviceOf<DnsService>(context, "fixtures.dns");
    std::string done;
    for (const auto& [name, address] : records_) {
      const std::optional<std::string> ipv4 =
          address ? std::optional(address->render(context.vars())) : std::nullopt;
      for (const int server : servers_) {
        if (ipv4) {
          service.server(server).setRecord(name, *ipv4);
        } else {
          service.server(server).removeRecord(name);
        }
      }
      done += (done.empty() ? "" : ", ") + name + (ipv4 ? " A " + *ipv4 : " removed");
    }
    recordFixture(context, serversText(servers_) + ": " + done);
  }

 private:
  std::vector<std::pair<std::string, std::optional<TemplateText>>> records_;
  std::vector<int> servers_;
};

class FaultStep final : public Step {
 public:
  FaultStep(StepCommon common, std::string failure, std::optional<Duration> delay,
            std::vector<int> servers)
      : Step(std::move(common)), failure_(std::move(failure)), delay_(delay),
        servers_(std::move(servers)) {}

  std::string_view kind() const noexcept override { return "dns_fault"; }
  std::string summary() const override {
    return "dns_fault " + failure_ + " on " + serversText(servers_) +
           (delay_ ? ", answers " + delay_->text() + " late" : "");
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.dns");
  }

  void run(StepContext& context) const override {
    DnsService& service = serviceOf<DnsService>(context, "fixtures.dns");
    const auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(
        delay_ ? delay_->realTime(context.timing.timeScale) : std::chrono::nanoseconds(0));
    for (const int server : servers_) {
      service.server(server).setFailure(failureOf(failure_));
      service.server(server).setReplyDelay(delay);
    }
    recordFixture(context, summary(), failure_ != "none" || delay_);
  }

  static fixtures::DnsFailure failureOf(const std::string& name) {
    if (name == "servfail") return fixtures::DnsFailure::ServerFailure;
    if (name == "refused") return fixtures::DnsFailure::Refused;
    if (name == "silence") return fixtures::DnsFailure::Silence;
    if (name == "none") return fixtures::DnsFailure::None;
    throw UsageError("dns_fault is none, servfail, refused or silence");
  }

 private:
  std::string failure_;
  std::optional<Duration> delay_;
  std::vector<int> servers_;
};

class ExpectQueryStep final : public Step {
 public:
  ExpectQueryStep(StepCommon common, TemplateText name, std::vector<int> servers)
      : Step(std::move(common)), name_(std::move(name)), servers_(std::move(servers)) {}

  std::string_view kind() const noexcept override { return "dns_expect_query"; }
  std::string summary() const override {
    return "dns_expect_query " + name_.source() + " on " + serversText(servers_);
  }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.dns");
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& one : name_.names()) reads.insert(one);
  }

  void run(StepContext& context) const override {
    DnsService& service = serviceOf<DnsService>(context, "fixtures.dns");
    const std::string wanted = lowered(name_.render(context.vars()));
    context.record.expected.push_back({"a question for " + wanted, false});
    std::vector<std::string> asked;
    const bool came = waitUntil(context.deadline(), [&] {
      asked.clear();
      bool found = false;
      for (const int server : servers_) {
        for (const fixtures::DnsQuery& query : service.server(server).queries()) {
          asked.push_back(query.question.name + " from " + query.from.toString() + " to dns" +
                          std::to_string(server));
          found = found || lowered(query.question.name) == wanted;
        }
      }
      return found;
    });
    recordFixture(context, serversText(servers_) + " asked: " +
                               std::to_string(asked.size()) + " question(s)");
    if (!came) {
      failStep(context, FailureClass::Timeout,
               "no question for " + wanted + " came to " + serversText(servers_) + " within " +
                   timeoutText(context),
               asked);
    }
  }

 private:
  TemplateText name_;
  std::vector<int> servers_;
};

StepPtr parseRecords(const Json& value, const Json& step, StepCommon common,
                     const StepParseContext&) {
  if (!value.is_object() || value.empty()) {
    throw UsageError("dns_records maps names to IPv4 addresses (null removes a name)");
  }
  std::vector<std::pair<std::string, std::optional<TemplateText>>> records;
  for (const auto& [name, address] : value.items()) {
    records.emplace_back(name, address.is_null() ? std::nullopt
                                                 : std::optional(textOf(address, "an address")));
  }
  return std::make_shared<RecordsStep>(std::move(common), std::move(records), serversOf(step));
}

StepPtr parseFault(const Json& value, const Json& step, StepCommon common,
                   const StepParseContext&) {
  if (!value.is_string()) throw UsageError("dns_fault is none, servfail, refused or silence");
  const std::string failure = value.get<std::string>();
  FaultStep::failureOf(failure);
  std::optional<Duration> delay;
  if (step.contains("delay")) delay = parseDuration(step["delay"]);
  return std::make_shared<FaultStep>(std::move(common), failure, delay, serversOf(step));
}

StepPtr parseExpectQuery(const Json& value, const Json& step, StepCommon common,
                         const StepParseContext&) {
  return std::make_shared<ExpectQueryStep>(std::move(common), textOf(value, "a name"),
                                           serversOf(step));
}

}  // namespace

void addDnsSteps(StepRegistry& registry) {
  registry.add("dns_records", parseRecords, {"server"});
  registry.add("dns_fault", parseFault, {"server", "delay"});
  registry.add("dns_expect_query", parseExpectQuery, {"server"});
}

}  // namespace atsharp::harness::fixture_steps
