// The module's UDP peers, by name (`peer:`, default udp): udp_open (a peer bound on the job's
// first or second address), udp_send (a datagram to the module) and udp_expect_datagram (the
// next datagram the peer got, with where it came from).

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

std::uint16_t portFrom(const std::string& text) {
  try {
    const unsigned long port = std::stoul(text);
    if (port >= 1 && port <= 65535) return static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
  }
  throw StepFailure(FailureClass::Harness, "\"" + text + "\" is not a port");
}

class PeerStep : public Step {
 public:
  PeerStep(StepCommon common, std::string peer) : Step(std::move(common)), peer_(std::move(peer)) {}
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.udp");
  }

 protected:
  UdpPeerState& peerOf(StepContext& context) const {
    UdpPeerState* state = serviceOf<UdpService>(context, "fixtures.udp").find(peer_);
    if (!state) throw StepFailure(FailureClass::Harness, "no UDP peer " + peer_ + " (udp_open makes it)");
    return *state;
  }
  std::string label() const { return "udp peer " + peer_; }
  std::string peer_;
};

// Where udp_open binds: the job's first or second fixture address, or the module's own
// address (to hold a port the module would take: AT#LUDPSTART's bind error, 6.2.2).
enum class PeerAddress { Primary, Secondary, Module };

class OpenStep final : public PeerStep {
 public:
  OpenStep(StepCommon common, std::string peer, PeerAddress address,
           std::optional<TemplateText> port, bool echo)
      : PeerStep(std::move(common), std::move(peer)), address_(address), port_(std::move(port)),
        echo_(echo) {}

  std::string_view kind() const noexcept override { return "udp_open"; }
  std::string summary() const override { return "udp_open " + peer_; }
  void addVariables(std::set<std::string>& reads, std::set<std::string>& defines) const override {
    if (port_) {
      for (const auto& name : port_->names()) reads.insert(name);
    }
    defines.insert(peer_ + ".host");
    defines.insert(peer_ + ".port");
  }

  void run(StepContext& context) const override {
    UdpService& service = serviceOf<UdpService>(context, "fixtures.udp");
    fixtures::UdpPeerOptions options{
        .address = addressOf(context, service),
        .port = port_ ? portFrom(port_->render(context.vars())) : std::uint16_t{0},
        .mode = echo_ ? fixtures::UdpPeerMode::Echo : fixtures::UdpPeerMode::Record};
    std::optional<fixtures::UdpPeer> peer;
    try {
      peer.emplace(std::move(options));
    } catch (const fixtures::FixtureError& failure) {
      throw StepFailure(FailureClass::Setup, label() + " cannot bind: " + failure.what());
    }
    UdpPeerState& state = service.add(peer_, std::move(*peer));
    const fixtures::Endpoint at = state.peer->endpoint();
    context.vars()[peer_ + ".host"] = at.address;
    context.vars()[peer_ + ".port"] = std::to_string(at.port);
    recordFixture(context, label() + ": bound to " + at.toString() + (echo_ ? ", echoing" : ""));
  }

 private:
  std::string addressOf(StepContext& context, const UdpService& service) const {
    switch (address_) {
      case PeerAddress::Secondary: return service.addresses().secondary;
      case PeerAddress::Module: return variableOf(context, "module_ip");
      case PeerAddress::Primary: break;
    }
    return service.addresses().primary;
  }

  PeerAddress address_;
  std::optional<TemplateText> port_;
  bool echo_;
};

class SendStep final : public PeerStep {
 public:
  SendStep(StepCommon common, std::string peer, PayloadSpec payload, std::optional<TemplateText> host,
           std::optional<TemplateText> port)
      : PeerStep(std::move(common), std::move(peer)), payload_(std::move(payload)),
        host_(std::move(host)), port_(std::move(port)) {}

  std::string_view kind() const noexcept override { return "udp_send"; }
  std::string summary() const override { return "udp_send " + peer_ + ": " + payload_.describe(); }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : payload_.text.names()) reads.insert(name);
    for (const auto* text : {&host_, &port_}) {
      if (*text) {
        for (const auto& name : (*text)->names()) reads.insert(name);
      }
    }
  }

  // To the host and port given; where one is left out, to where the peer's last datagram came
  // from (the module's socket of AT#OUDP), and else to the module's address.
  void run(StepContext& context) const override {
    UdpPeerState& state = peerOf(context);
    const std::vector<fixtures::UdpDatagram> got = state.peer->datagrams();
    std::optional<fixtures::Endpoint> last;
    if (!got.empty()) last = got.back().from;
    fixtures::Endpoint to;
    to.address = host_ ? host_->render(context.vars())
                       : last ? last->address : variableOf(context, "module_ip");
    if (port_) {
      to.port = portFrom(port_->render(context.vars()));
    } else if (last) {
      to.port = last->port;
    } else {
      throw StepFailure(FailureClass::Harness,
                        "udp_send needs a port: the peer has received nothing to answer");
    }
    const Bytes bytes = payloadBytes(payload_, context.vars());
    try {
      state.peer->sendTo(bytes, to);
    } catch (const fixtures::FixtureError& failure) {
      throw StepFailure(FailureClass::Setup, label() + " cannot send: " + failure.what());
    }
    recordFixture(context, label() + ": sent " + std::to_string(bytes.size()) + " bytes to " +
                               to.toString());
  }

 private:
  PayloadSpec payload_;
  std::optional<TemplateText> host_;
  std::optional<TemplateText> port_;
};

class ExpectDatagramStep final : public PeerStep {
 public:
  ExpectDatagramStep(StepCommon common, std::string peer, ExpectedBytes expected,
                     std::optional<TemplateText> from)
      : PeerStep(std::move(common), std::move(peer)), expected_(std::move(expected)),
        from_(std::move(from)) {}

  std::string_view kind() const noexcept override { return "udp_expect_datagram"; }
  std::string summary() const override {
    return "udp_expect_datagram " + peer_ + ": " + expected_.payload.describe();
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>& defines) const override {
    expected_.addReads(reads);
    if (from_) {
      for (const auto& name : from_->names()) reads.insert(name);
    }
    defines.insert(peer_ + ".from_host");
    defines.insert(peer_ + ".from_port");
  }

  // The next datagram after those earlier steps checked, from the module's address unless
  // `from` names another (or `any`).
  void run(StepContext& context) const override {
    UdpPeerState& state = peerOf(context);
    std::vector<fixtures::UdpDatagram> got;
    const bool came = waitUntil(context.deadline(), [&] {
      got = state.peer->datagrams();
      return got.size() > state.checked;
    });
    if (!came) {
      context.record.expected.push_back({"a datagram", false});
      failStep(context, FailureClass::Timeout,
               label() + " received no datagram within " + timeoutText(context));
    }
    const fixtures::UdpDatagram datagram = got[state.checked++];
    recordFixture(context, label() + ": a datagram of " + std::to_string(datagram.data.size()) +
                               " bytes from " + datagram.from.toString());
    // Where it came from, for later steps (another peer writing to the module's AT#OUDP port).
    context.vars()[peer_ + ".from_host"] = datagram.from.address;
    context.vars()[peer_ + ".from_port"] = std::to_string(datagram.from.port);
    const std::string source = from_ ? from_->render(context.vars()) : variableOf(context, "module_ip");
    if (source != "any" && datagram.from.address != source &&
        datagram.from.toString() != source) {
      context.record.expected.push_back({"from " + source, true});
      failStep(context, FailureClass::Mismatch,
               "the datagram came from " + datagram.from.toString() + ", not " + source,
               {"from " + datagram.from.toString()});
    }
    compareBytes(context, expected_, datagram.data, "the datagram");
  }

 private:
  ExpectedBytes expected_;
  std::optional<TemplateText> from_;
};

std::optional<TemplateText> optionalText(const Json& step, const char* key) {
  if (!step.contains(key)) return std::nullopt;
  return textOf(step[key], key);
}

StepPtr parseOpen(const Json& value, const Json& step, StepCommon common,
                  const StepParseContext&) {
  const Json options = value.is_null() ? Json::object() : value;
  if (!options.is_object()) throw UsageError("udp_open's options are a mapping");
  const std::string address = options.value("address", "primary");
  const std::string mode = options.value("mode", "record");
  if (address != "primary" && address != "secondary" && address != "module") {
    throw UsageError("address is primary, secondary or module");
  }
  if (mode != "record" && mode != "echo") throw UsageError("mode is record or echo");
  const PeerAddress where = address == "module"      ? PeerAddress::Module
                            : address == "secondary" ? PeerAddress::Secondary
                                                     : PeerAddress::Primary;
  std::optional<TemplateText> port;
  if (options.contains("port")) {
    port = textOf(options["port"].is_number() ? Json(options["port"].dump()) : options["port"],
                  "port");
  }
  return std::make_shared<OpenStep>(std::move(common), peerNameOf(step, "udp"), where,
                                    std::move(port), mode == "echo");
}

StepPtr parseSend(const Json& value, const Json& step, StepCommon common,
                  const StepParseContext& context) {
  PayloadSpec payload = parsePayload(value, context.folder, false);
  return std::make_shared<SendStep>(std::move(common), peerNameOf(step, "udp"), std::move(payload),
                                    optionalText(step, "host"), optionalText(step, "port"));
}

StepPtr parseExpectDatagram(const Json& value, const Json& step, StepCommon common,
                            const StepParseContext& context) {
  return std::make_shared<ExpectDatagramStep>(std::move(common), peerNameOf(step, "udp"),
                                              ExpectedBytes::parse(value, context.folder),
                                              optionalText(step, "from"));
}

}  // namespace

void addUdpSteps(StepRegistry& registry) {
  registry.add("udp_open", parseOpen, {"peer"});
  registry.add("udp_send", parseSend, {"peer", "host", "port"});
  registry.add("udp_expect_datagram", parseExpectDatagram, {"peer", "from"});
}

}  // namespace atsharp::harness::fixture_steps
