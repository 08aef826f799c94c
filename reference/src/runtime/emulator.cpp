// The Emulator: the module, its endpoints, its flash file and its control channel on one Asio
// event loop. This file only wires the parts together; each part has its own file.

#include "atsharp/reference/emulator.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <atomic>
#include <csignal>
#include <exception>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/transport/symbolic_link.hpp"
#include "control_channel.hpp"
#include "control_protocol.hpp"
#include "flash_file.hpp"
#include "flow_control.hpp"
#include "host_network_port.hpp"
#include "in_process_line.hpp"
#include "line_hub.hpp"
#include "loop_gate.hpp"
#include "module_driver.hpp"
#include "output_pacer.hpp"
#include "pty_endpoint.hpp"
#include "tcp_endpoint.hpp"

namespace atsharp::reference {
namespace {

template <typename... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

/// Whether the loop became ready: settled once, by the first handler or by a loop that ended
/// (or failed) before it ran.
struct Readiness {
  std::promise<void> promise;
  bool settled = false;

  void settle(std::exception_ptr failure = nullptr) {
    if (std::exchange(settled, true)) return;
    if (failure) {
      promise.set_exception(failure);
    } else {
      promise.set_value();
    }
  }
};

}  // namespace

struct Emulator::Impl {
  explicit Impl(EmulatorOptions emulatorOptions);
  ~Impl();

  ModuleOptions moduleOptions();
  FlowControl::Probes flowProbes();
  void persist(const FlashImage& image) const;
  std::string answerControl(std::string_view line);
  void runLoop(bool handleSignals, const std::shared_ptr<Readiness>& readiness);
  void becomeReady(const std::shared_ptr<Readiness>& readiness);

  EmulatorOptions options;
  boost::asio::io_context io;  // first: destroyed last, after everything that uses it
  LoopGate gate{io};
  LineHub hub;
  std::optional<FlashFile> flash;
  std::unique_ptr<OutputPacer> pacer;
  std::unique_ptr<ModuleDriver> driver;
  /// After the driver: destroyed before it, so that no network event comes to a module gone.
  std::unique_ptr<HostNetworkPort> network;
  std::unique_ptr<FlowControl> flow;
  std::unique_ptr<PtyEndpoint> pty;
  std::unique_ptr<TcpEndpoint> tcp;
  std::unique_ptr<ControlChannel> control;
  /// The pty's link: made when the loop is ready to answer, removed when it stops, so that a
  /// client that finds the link finds a module that answers.
  std::optional<SymbolicLink> link;
  std::thread thread;
  std::mutex threadMutex;
  std::atomic<bool> looping{false};
};

Emulator::Impl::Impl(EmulatorOptions emulatorOptions) : options(std::move(emulatorOptions)) {
  const ModuleClock clock(options.timeScale, std::chrono::steady_clock::now());
  if (options.flashFile) flash.emplace(*options.flashFile);
  ModuleDriver::Output output = [this](ByteView bytes) { hub.broadcast(bytes); };
  if (options.baud) {
    pacer = std::make_unique<OutputPacer>(io, *options.baud, std::move(output),
                                          [this] { flow->check(); });
    output = [this](ByteView bytes) { pacer->push(bytes); };
  }
  network = std::make_unique<HostNetworkPort>(
      io, [this](NetworkEvent event) { driver->network(event); }, options.timeScale);
  ModuleOptions module = moduleOptions();
  module.network = network.get();
  driver = std::make_unique<ModuleDriver>(io, clock, std::move(module), std::move(output),
                                          [this](const FlashImage& image) { persist(image); });
  flow = std::make_unique<FlowControl>(io, flowProbes());
  driver->setAfterSettle([this] { flow->check(); });
  hub.setDrained([this] { flow->check(); });
  hub.setInput([this](ByteView bytes) { driver->receive(bytes); });
  if (options.ptyLink) pty = std::make_unique<PtyEndpoint>(io, hub);
  if (options.listen) {
    tcp = std::make_unique<TcpEndpoint>(io, hub, parseListenAddress(*options.listen));
  }
  if (options.controlSocket) {
    control = std::make_unique<ControlChannel>(
        io, *options.controlSocket, [this](std::string_view line) { return answerControl(line); });
  }
}

Emulator::Impl::~Impl() {
  // The loop has stopped: close what is open before the io_context goes.
  control.reset();
  tcp.reset();
  hub.closeAll();
}

FlowControl::Probes Emulator::Impl::flowProbes() {
  return {
      .towardHost = [this] { return hub.backlog() + (pacer ? pacer->queued() : 0); },
      .towardNetwork = [this] { return network->queuedToNetwork(); },
      .moduleWantsInput = [this] { return driver->wantsInput(); },
      .pauseNetwork = [this](bool paused) { network->pauseReading(paused); },
      .pauseHost = [this](bool paused) { hub.pauseInput(paused); },
  };
}

ModuleOptions Emulator::Impl::moduleOptions() {
  ModuleOptions module{options.scenario, std::nullopt};
  if (flash) module.flash = flash->load(std::cerr);
  return module;
}

// A flash that cannot be written (disk full) is reported and the module goes on: losing a
// parameter write is what a worn flash does too, and the values in use stay.
void Emulator::Impl::persist(const FlashImage& image) const {
  if (!flash) return;
  try {
    flash->write(image);
  } catch (const Error& failure) {
    std::cerr << "atsharp: " << failure.what() << "\n";
  }
}

std::string Emulator::Impl::answerControl(std::string_view line) {
  const auto parsed = parseControlRequest(line);
  if (const auto* error = std::get_if<ControlError>(&parsed)) return errorReply(error->message);
  return std::visit(Overloaded{
                        [this](const RadioEvent& event) {
                          driver->inject(event);
                          return okReply();
                        },
                        [this](StateQuery) { return stateReply(driver->linkState()); },
                        [this](ParametersQuery) { return parametersReply(driver->parameters()); },
                    },
                    std::get<ControlRequest>(parsed));
}

void Emulator::Impl::becomeReady(const std::shared_ptr<Readiness>& readiness) {
  try {
    if (pty && !link) link.emplace(pty->slavePath(), options.ptyLink->string());
    readiness->settle();
  } catch (...) {
    readiness->settle(std::current_exception());
    gate.requestStop();
  }
}

void Emulator::Impl::runLoop(bool handleSignals, const std::shared_ptr<Readiness>& readiness) {
  // One loop thread at a time: the module is only ever touched by the thread that runs it.
  if (looping.exchange(true)) throw UsageError("the emulator is already running");
  struct Release {
    std::atomic<bool>& looping;
    ~Release() { looping = false; }
  } release{looping};
  std::optional<boost::asio::signal_set> signals;
  if (handleSignals) {
    signals.emplace(io, SIGINT, SIGTERM);
    signals->async_wait([this](const boost::system::error_code& error, int) {
      if (!error) gate.requestStop();
    });
  }
  boost::asio::post(io, [this, readiness] { becomeReady(readiness); });
  struct Cleanup {
    Impl& impl;
    const std::shared_ptr<Readiness>& readiness;
    ~Cleanup() {
      impl.link.reset();
      readiness->settle();  // stopped before it was ready: nobody waits in vain
    }
  } cleanup{*this, readiness};
  gate.runLoop();
}

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Emulator::~Emulator() { stop(); }

void Emulator::start() {
  const std::lock_guard lock(impl_->threadMutex);
  if (impl_->thread.joinable()) {
    if (impl_->looping) throw UsageError("the emulator is already running");
    impl_->thread.join();  // a loop that ended on its own (it failed, and said so)
  }
  impl_->gate.allowRun();
  auto readiness = std::make_shared<Readiness>();
  std::future<void> ready = readiness->promise.get_future();
  impl_->thread = std::thread([impl = impl_.get(), readiness] {
    try {
      impl->runLoop(false, readiness);
    } catch (const std::exception& failure) {
      if (readiness->settled) {
        std::cerr << "atsharp: the reference module stopped: " << failure.what() << "\n";
      }
      readiness->settle(std::current_exception());  // start() rethrows it
    }
  });
  try {
    ready.get();  // rethrows a failure to become ready (the link could not be made)
  } catch (...) {
    impl_->gate.requestStop();
    impl_->thread.join();
    throw;
  }
}

void Emulator::run(bool handleSignals) {
  impl_->gate.allowRun();
  auto readiness = std::make_shared<Readiness>();
  std::future<void> ready = readiness->promise.get_future();
  impl_->runLoop(handleSignals, readiness);
  ready.get();
}

void Emulator::stop() {
  impl_->gate.requestStop();
  const std::lock_guard lock(impl_->threadMutex);
  if (impl_->thread.joinable() && impl_->thread.get_id() != std::this_thread::get_id()) {
    impl_->thread.join();
  }
}

std::unique_ptr<Transport> Emulator::connect() {
  return impl_->gate.call([this] { return connectInProcess(impl_->io, impl_->hub); });
}

void Emulator::inject(const RadioEvent& event) {
  impl_->gate.call([this, &event] { impl_->driver->inject(event); });
}

LinkState Emulator::linkState() {
  return impl_->gate.call([this] { return impl_->driver->linkState(); });
}

std::optional<std::filesystem::path> Emulator::ptyPath() const {
  if (!impl_->pty) return std::nullopt;
  return std::filesystem::path(impl_->pty->slavePath());
}

std::optional<int> Emulator::tcpPort() const {
  if (!impl_->tcp) return std::nullopt;
  return impl_->tcp->port();
}

}  // namespace atsharp::reference
