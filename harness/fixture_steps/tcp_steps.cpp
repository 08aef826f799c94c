// The module's TCP peers, by name (`peer:`, default tcp): tcp_listen (a peer the module's
// AT#OTCP connects to), tcp_connect (a peer that connects to the module's AT#LTCPSTART),
// tcp_send, tcp_close (FIN or reset), tcp_expect_received (the next bytes the peer got) and
// tcp_expect_closed (how the module ended the connection).

#include <thread>

#include "atsharp/error.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"
#include "fixture_steps/fixture_step.hpp"
#include "steps/line_wait.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;
using fixtures::TcpEnd;

// A module's listener may not be up yet when the step starts: it tries again this often.
constexpr auto kConnectRetry = std::chrono::milliseconds(20);

std::string endName(TcpEnd end) {
  switch (end) {
    case TcpEnd::Open: return "open";
    case TcpEnd::Fin: return "fin";
    case TcpEnd::Reset: return "reset";
  }
  return "open";
}

TcpEnd endOf(const std::string& name) {
  if (name == "fin") return TcpEnd::Fin;
  if (name == "reset") return TcpEnd::Reset;
  throw UsageError("a TCP connection ends with fin or reset");
}

// What tcp_listen and tcp_connect say about their peer.
struct PeerSetup {
  bool secondary = false;  ///< on the job's second address
  fixtures::TcpPeerMode mode = fixtures::TcpPeerMode::Record;
  std::optional<std::size_t> closeAfter;
  TcpEnd closeWith = TcpEnd::Fin;
  bool closeWhenModuleCloses = true;

  static PeerSetup parse(const Json& value) {
    PeerSetup setup;
    if (value.is_null()) return setup;
    if (!value.is_object()) throw UsageError("a TCP peer's options are a mapping");
    const std::string address = value.value("address", "primary");
    if (address != "primary" && address != "secondary") {
      throw UsageError("address is primary or secondary");
    }
    setup.secondary = address == "secondary";
    const std::string mode = value.value("mode", "record");
    if (mode != "record" && mode != "echo") throw UsageError("mode is record or echo");
    setup.mode = mode == "echo" ? fixtures::TcpPeerMode::Echo : fixtures::TcpPeerMode::Record;
    if (value.contains("close_after")) {
      if (!value["close_after"].is_number_integer() || value["close_after"].get<std::int64_t>() < 0) {
        throw UsageError("close_after is a number of bytes");
      }
      setup.closeAfter = value["close_after"].get<std::size_t>();
    }
    if (value.contains("close_with")) setup.closeWith = endOf(value["close_with"].get<std::string>());
    setup.closeWhenModuleCloses = value.value("close_when_module_closes", true);
    return setup;
  }

  fixtures::TcpPeerOptions options(const TcpService& service) const {
    return fixtures::TcpPeerOptions{
        .address = secondary ? service.addresses().secondary : service.addresses().primary,
        .mode = mode,
        .closeAfter = closeAfter,
        .closeWith = closeWith,
        .closeWhenRemoteCloses = closeWhenModuleCloses};
  }
};

// A step on a named peer that an earlier step made.
class PeerStep : public Step {
 public:
  PeerStep(StepCommon common, std::string peer) : Step(std::move(common)), peer_(std::move(peer)) {}
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.tcp");
  }

 protected:
  TcpPeerState& peerOf(StepContext& context) const {
    TcpPeerState* state = serviceOf<TcpService>(context, "fixtures.tcp").find(peer_);
    if (!state) {
      throw StepFailure(FailureClass::Harness, "no TCP peer " + peer_ +
                                                   " (tcp_listen or tcp_connect makes it)");
    }
    return *state;
  }
  std::string label() const { return "tcp peer " + peer_; }
  std::string peer_;
};

class ListenStep final : public PeerStep {
 public:
  ListenStep(StepCommon common, std::string peer, PeerSetup setup)
      : PeerStep(std::move(common), std::move(peer)), setup_(setup) {}

  std::string_view kind() const noexcept override { return "tcp_listen"; }
  std::string summary() const override { return "tcp_listen " + peer_; }
  void addVariables(std::set<std::string>&, std::set<std::string>& defines) const override {
    defines.insert(peer_ + ".host");
    defines.insert(peer_ + ".port");
  }

  void run(StepContext& context) const override {
    TcpService& service = serviceOf<TcpService>(context, "fixtures.tcp");
    TcpPeerState& state = service.add(peer_, fixtures::TcpPeer::listen(setup_.options(service)));
    const fixtures::Endpoint at = state.peer->endpoint();
    context.vars()[peer_ + ".host"] = at.address;
    context.vars()[peer_ + ".port"] = std::to_string(at.port);
    recordFixture(context, label() + ": listening on " + at.toString());
  }

 private:
  PeerSetup setup_;
};

// A TCP server that never answers a connect (its SYNs dropped): AT#OTCP to it waits in vain
// and ends with 37964, No response from server.
class SilentStep final : public PeerStep {
 public:
  SilentStep(StepCommon common, std::string peer) : PeerStep(std::move(common), std::move(peer)) {}

  std::string_view kind() const noexcept override { return "tcp_silent"; }
  std::string summary() const override { return "tcp_silent " + peer_; }
  void addVariables(std::set<std::string>&, std::set<std::string>& defines) const override {
    defines.insert(peer_ + ".host");
    defines.insert(peer_ + ".port");
  }

  void run(StepContext& context) const override {
    TcpService& service = serviceOf<TcpService>(context, "fixtures.tcp");
    try {
      const fixtures::Endpoint at = service.addSilent(service.addresses().primary).endpoint();
      context.vars()[peer_ + ".host"] = at.address;
      context.vars()[peer_ + ".port"] = std::to_string(at.port);
      recordFixture(context, label() + ": nobody answers a connect to " + at.toString());
    } catch (const fixtures::FixtureError& failure) {
      throw StepFailure(FailureClass::Setup, label() + " cannot listen: " + failure.what());
    }
  }
};

class ConnectStep final : public PeerStep {
 public:
  ConnectStep(StepCommon common, std::string peer, PeerSetup setup, TemplateText host,
              TemplateText port)
      : PeerStep(std::move(common), std::move(peer)), setup_(setup), host_(std::move(host)),
        port_(std::move(port)) {}

  std::string_view kind() const noexcept override { return "tcp_connect"; }
  std::string summary() const override {
    return "tcp_connect " + peer_ + " to " + host_.source() + ":" + port_.source();
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>& defines) const override {
    for (const auto& name : host_.names()) reads.insert(name);
    for (const auto& name : port_.names()) reads.insert(name);
    defines.insert(peer_ + ".host");
    defines.insert(peer_ + ".port");
  }

  // The module listens once its AT#LTCPSTART answered; a refusal before is tried again until
  // the step's time is up (a module that never listens: a timeout).
  void run(StepContext& context) const override {
    TcpService& service = serviceOf<TcpService>(context, "fixtures.tcp");
    const fixtures::Endpoint module{host_.render(context.vars()), portOf(context)};
    const Deadline deadline = context.deadline();
    std::string why;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      try {
        TcpPeerState& state = service.add(
            peer_, fixtures::TcpPeer::connect(module, std::max(left, std::chrono::milliseconds(1)),
                                              setup_.options(service)));
        const fixtures::Endpoint at = state.peer->endpoint();
        context.vars()[peer_ + ".host"] = at.address;
        context.vars()[peer_ + ".port"] = std::to_string(at.port);
        recordFixture(context, label() + ": connected from " + at.toString() + " to " +
                                   module.toString());
        return;
      } catch (const fixtures::FixtureError& refused) {
        why = refused.what();
      }
      if (Clock::now() + kConnectRetry >= deadline) break;
      std::this_thread::sleep_for(kConnectRetry);
    }
    context.record.expected.push_back({"a connection to " + module.toString(), false});
    failStep(context, FailureClass::Timeout,
             "the module did not accept a connection on " + module.toString() + " within " +
                 timeoutText(context) + " (" + why + ")");
  }

 private:
  std::uint16_t portOf(StepContext& context) const {
    const std::string text = port_.render(context.vars());
    try {
      const unsigned long port = std::stoul(text);
      if (port >= 1 && port <= 65535) return static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
    }
    throw StepFailure(FailureClass::Harness, "\"" + text + "\" is not a port");
  }

  PeerSetup setup_;
  TemplateText host_;
  TemplateText port_;
};

class SendStep final : public PeerStep {
 public:
  SendStep(StepCommon common, std::string peer, PayloadSpec payload)
      : PeerStep(std::move(common), std::move(peer)), payload_(std::move(payload)) {}

  std::string_view kind() const noexcept override { return "tcp_send"; }
  std::string summary() const override { return "tcp_send " + peer_ + ": " + payload_.describe(); }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    for (const auto& name : payload_.text.names()) reads.insert(name);
  }

  void run(StepContext& context) const override {
    TcpPeerState& state = peerOf(context);
    const Bytes bytes = payloadBytes(payload_, context.vars());
    state.peer->send(bytes);
    recordFixture(context, label() + ": sends " + std::to_string(bytes.size()) + " bytes (" +
                               payload_.describe() + ")");
  }

 private:
  PayloadSpec payload_;
};

class CloseStep final : public PeerStep {
 public:
  CloseStep(StepCommon common, std::string peer, TcpEnd end)
      : PeerStep(std::move(common), std::move(peer)), end_(end) {}

  std::string_view kind() const noexcept override { return "tcp_close"; }
  std::string summary() const override { return "tcp_close " + peer_ + " with " + endName(end_); }

  void run(StepContext& context) const override {
    TcpPeerState& state = peerOf(context);
    if (end_ == TcpEnd::Reset) {
      state.peer->reset();
    } else {
      state.peer->close();
    }
    recordFixture(context, label() + ": closes with " + endName(end_), end_ == TcpEnd::Reset);
  }

 private:
  TcpEnd end_;
};

class ExpectReceivedStep final : public PeerStep {
 public:
  ExpectReceivedStep(StepCommon common, std::string peer, ExpectedBytes expected)
      : PeerStep(std::move(common), std::move(peer)), expected_(std::move(expected)) {}

  std::string_view kind() const noexcept override { return "tcp_expect_received"; }
  std::string summary() const override {
    return "tcp_expect_received " + peer_ + ": " + expected_.payload.describe();
  }
  void addVariables(std::set<std::string>& reads, std::set<std::string>&) const override {
    expected_.addReads(reads);
  }

  // The next bytes after those earlier steps checked. Known bytes fail at the first wrong one.
  void run(StepContext& context) const override {
    TcpPeerState& state = peerOf(context);
    const bool known = expected_.payload.source != PayloadSpec::Source::Digest;
    const Bytes bytes = known ? payloadBytes(expected_.payload, context.vars()) : Bytes{};
    const std::size_t size = known ? bytes.size() : expected_.payload.size;
    Bytes got;
    bool ended = false;
    waitUntil(context.deadline(), [&] {
      const Bytes all = state.peer->received();
      const std::size_t from = std::min(state.checked, all.size());
      got.assign(all.begin() + static_cast<std::ptrdiff_t>(from),
                 all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), from + size)));
      ended = state.peer->remoteEnd() != TcpEnd::Open;
      return got.size() >= size || ended || (known && !expected_.byDigest && !stillPrefix(bytes, got));
    });
    state.checked += got.size();
    recordFixture(context, label() + ": received " + std::to_string(got.size()) + " of " +
                               std::to_string(size) + " bytes");
    if (got.size() < size && (!known || expected_.byDigest || stillPrefix(bytes, got))) {
      context.record.expected.push_back({std::to_string(size) + " bytes", false});
      failStep(context, ended ? FailureClass::Mismatch : FailureClass::Timeout,
               ended ? "the module closed the connection (" +
                           endName(state.peer->remoteEnd()) + ") after " +
                           std::to_string(got.size()) + " of " + std::to_string(size) + " bytes"
                     : "the peer received " + std::to_string(got.size()) + " of " +
                           std::to_string(size) + " bytes within " + timeoutText(context),
               {asString(got)});
    }
    compareBytes(context, expected_, got, "what " + label() + " received");
  }

 private:
  ExpectedBytes expected_;
};

class ExpectClosedStep final : public PeerStep {
 public:
  ExpectClosedStep(StepCommon common, std::string peer, std::optional<TcpEnd> end, bool unreadOk)
      : PeerStep(std::move(common), std::move(peer)), end_(end), unreadOk_(unreadOk) {}

  std::string_view kind() const noexcept override { return "tcp_expect_closed"; }
  std::string summary() const override {
    return "tcp_expect_closed " + peer_ + " with " + (end_ ? endName(*end_) : "fin or reset");
  }

  void run(StepContext& context) const override {
    TcpPeerState& state = peerOf(context);
    const std::string wanted = end_ ? endName(*end_) : "fin or reset";
    context.record.expected.push_back({"the module closes with " + wanted, false});
    if (!state.peer->waitForRemoteEnd(std::chrono::duration_cast<std::chrono::milliseconds>(
            context.timeout()))) {
      failStep(context, FailureClass::Timeout,
               "the module did not close its connection to " + label() + " within " +
                   timeoutText(context));
    }
    const TcpEnd end = state.peer->remoteEnd();
    const std::size_t received = state.peer->receivedCount();
    recordFixture(context, label() + ": the module closed with " + endName(end) + " after " +
                               std::to_string(received) + " bytes");
    if (end_ && end != *end_) {
      failStep(context, FailureClass::Mismatch,
               "the module closed with " + endName(end) + ", not " + wanted,
               {"the module closes with " + endName(end)});
    }
    if (!unreadOk_ && received > state.checked) {
      const Bytes all = state.peer->received();
      const Bytes rest(all.begin() + static_cast<std::ptrdiff_t>(std::min(state.checked, all.size())),
                       all.end());
      failStep(context, FailureClass::Mismatch,
               label() + " received " + std::to_string(received - state.checked) +
                   " byte(s) that no tcp_expect_received step expected",
               {asString(rest)});
    }
  }

 private:
  std::optional<TcpEnd> end_;
  bool unreadOk_;
};

StepPtr parseListen(const Json& value, const Json& step, StepCommon common,
                    const StepParseContext&) {
  return std::make_shared<ListenStep>(std::move(common), peerNameOf(step, "tcp"),
                                      PeerSetup::parse(value));
}

StepPtr parseSilent(const Json& value, const Json& step, StepCommon common,
                    const StepParseContext&) {
  if (!value.is_null() && !(value.is_object() && value.empty())) {
    throw UsageError("tcp_silent takes no options: tcp_silent: {}");
  }
  return std::make_shared<SilentStep>(std::move(common), peerNameOf(step, "silent"));
}

StepPtr parseConnect(const Json& value, const Json& step, StepCommon common,
                     const StepParseContext&) {
  if (!value.is_object() || !value.contains("port")) {
    throw UsageError("tcp_connect needs the module's port: {port: \"{{port}}\"}");
  }
  Json options = value;
  options.erase("port");
  options.erase("host");
  return std::make_shared<ConnectStep>(
      std::move(common), peerNameOf(step, "tcp"), PeerSetup::parse(options),
      value.contains("host") ? textOf(value["host"], "host") : TemplateText("{{module_ip}}"),
      textOf(value["port"], "port"));
}

StepPtr parseSend(const Json& value, const Json& step, StepCommon common,
                  const StepParseContext& context) {
  PayloadSpec payload = parsePayload(value, context.folder, false);
  if (payload.source == PayloadSpec::Source::Empty) {
    throw UsageError("tcp_send needs bytes: text, hex, file, generate or counting");
  }
  return std::make_shared<SendStep>(std::move(common), peerNameOf(step, "tcp"), std::move(payload));
}

StepPtr parseClose(const Json& value, const Json& step, StepCommon common,
                   const StepParseContext&) {
  return std::make_shared<CloseStep>(std::move(common), peerNameOf(step, "tcp"),
                                     value.is_null() ? TcpEnd::Fin : endOf(value.get<std::string>()));
}

StepPtr parseExpectReceived(const Json& value, const Json& step, StepCommon common,
                            const StepParseContext& context) {
  ExpectedBytes expected = ExpectedBytes::parse(value, context.folder);
  if (expected.payload.source == PayloadSpec::Source::Empty) {
    throw UsageError("tcp_expect_received needs bytes: text, hex, file, generate, counting or "
                     "size and sha256");
  }
  return std::make_shared<ExpectReceivedStep>(std::move(common), peerNameOf(step, "tcp"),
                                              std::move(expected));
}

StepPtr parseExpectClosed(const Json& value, const Json& step, StepCommon common,
                          const StepParseContext&) {
  std::optional<TcpEnd> end;
  if (!value.is_null() && value != "any") end = endOf(value.get<std::string>());
  const std::string unread = step.value("unread", "fail");
  if (unread != "fail" && unread != "ignore") throw UsageError("unread is fail or ignore");
  return std::make_shared<ExpectClosedStep>(std::move(common), peerNameOf(step, "tcp"), end,
                                            unread == "ignore");
}

}  // namespace

void addTcpSteps(StepRegistry& registry) {
  registry.add("tcp_listen", parseListen, {"peer"});
  registry.add("tcp_connect", parseConnect, {"peer"});
  registry.add("tcp_silent", parseSilent, {"peer"});
  registry.add("tcp_send", parseSend, {"peer"});
  registry.add("tcp_close", parseClose, {"peer"});
  registry.add("tcp_expect_received", parseExpectReceived, {"peer"});
  registry.add("tcp_expect_closed", parseExpectClosed, {"peer", "unread"});
}

}  // namespace atsharp::harness::fixture_steps
