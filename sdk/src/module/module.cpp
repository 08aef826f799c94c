// The Module: opening and synchronising, plain commands, the raw path, URC handlers and polling.

#include "atsharp/module/module.hpp"

#include <algorithm>

#include "atsharp/catalogue/credentials.hpp"
#include "command_text.hpp"
#include "exchange.hpp"
#include "module_line.hpp"

namespace atsharp {
namespace {

// How often synchronise() repeats AT while the module does not answer (it may be booting, or
// in the middle of a line another program left unfinished).
constexpr Milliseconds kSyncAttempt{500};

}  // namespace

Module::Module(std::unique_ptr<Transport> line, Options options)
    : owned_(std::move(line)),
      transport_(*owned_),
      line_(std::make_unique<detail::ModuleLine>(transport_)),
      options_(options) {
  if (options_.synchronise) synchronise();
}

Module::Module(Transport& line, Options options)
    : transport_(line),
      line_(std::make_unique<detail::ModuleLine>(transport_)),
      options_(options) {
  if (options_.synchronise) synchronise();
}

Module::~Module() = default;

std::string Module::describeLine() const { return transport_.describe(); }

Module::Hold::Hold(Module& module) : module_(module), lock_(module.mutex_, std::defer_lock) {
  if (module.holder_ == std::this_thread::get_id()) {
    throw UsageError(module.inCallback_
                         ? "a URC callback may not call the Module it came from"
                         : "the Module is already in a call on this thread");
  }
  lock_.lock();
  if (module.sessionOpen_) {
    throw UsageError("a data session holds the line: end it (close() or its end) first");
  }
  module.holder_ = std::this_thread::get_id();
}

Module::Hold::~Hold() { module_.holder_ = std::thread::id(); }

void Module::synchronise() {
  const Deadline deadline = after(options_.openTimeout);
  for (;;) {
    line_->discardPending();
    line_->parser().setResultFormat(ResultFormat::Either);
    try {
      if (raw("AT", kSyncAttempt).final.succeeded()) break;
    } catch (const TimeoutError&) {
      // not yet: the module may still be starting
    }
    if (Clock::now() >= deadline) {
      throw TimeoutError("AT (opening the module)", options_.openTimeout);
    }
  }
  command("ATE0");
  command("ATV1");
  line_->parser().setResultFormat(ResultFormat::Verbose);
  const Reply version = command("AT#VVERSION");
  version_.clear();
  for (const std::string& text : version.lines) {
    if (!version_.empty()) version_ += '\n';
    version_ += text;
  }
}

Reply Module::raw(std::string_view commandLine, std::optional<Milliseconds> timeout) {
  const DataCoding coding = codingFor(commandLine);
  const std::string upper = detail::upperCase(commandLine);
  const bool putMail = upper.starts_with("AT#PUTMAIL");
  // ATV changes the form of its own answer: either form ends it.
  const bool resultFormat = upper.starts_with("ATV");
  Exchange exchange(*this, commandLine, timeout.value_or(options_.commandTimeout),
                    [&](ResponseParser& parser) {
                      parser.setDataCoding(coding);
                      parser.setAfterSwitch(putMail ? AfterSwitch::Lines : AfterSwitch::Data);
                      if (resultFormat) parser.setResultFormat(ResultFormat::Either);
                    });
  Reply reply = collectReply(exchange);
  if (resultFormat) {
    line_->parser().setResultFormat(upper == "ATV0" ? ResultFormat::Numeric : ResultFormat::Verbose);
  }
  observe(commandLine, reply);
  if (line_->parser().state() == ResponseParser::State::Data) pendingSession_ = coding;
  return reply;
}

Reply Module::command(std::string_view commandLine, std::optional<Milliseconds> timeout) {
  Reply reply = raw(commandLine, timeout);
  if (reply.final.cmeError) {
    throw ModuleError(catalogue::maskCredentials(commandLine), *reply.final.cmeError);
  }
  if (!reply.final.succeeded()) {
    throw ModuleError(catalogue::maskCredentials(commandLine), *reply.final.result);
  }
  return reply;
}

void Module::sendRaw(std::string_view bytes) {
  const Hold hold(*this);
  line_->write(asBytes(bytes), options_.commandTimeout, "writing to the module");
}

int Module::onUrc(UrcHandler handler) {
  const std::lock_guard lock(handlersMutex_);
  handlers_.emplace_back(nextHandlerId_, std::move(handler));
  return nextHandlerId_++;
}

void Module::removeUrcHandler(int id) {
  const std::lock_guard lock(handlersMutex_);
  std::erase_if(handlers_, [id](const auto& entry) { return entry.first == id; });
}

void Module::poll(Milliseconds wait) {
  Exchange exchange(*this, "polling for URCs", wait, true);
  const Deadline deadline = after(wait);
  // Whatever else comes while no command runs (a late answer of a command that timed out)
  // belongs to nobody and is dropped.
  while (exchange.next(deadline)) {
  }
}

void Module::dispatch(const Urc& urc) {
  std::vector<std::pair<int, UrcHandler>> handlers;
  {
    const std::lock_guard lock(handlersMutex_);
    handlers = handlers_;
  }
  inCallback_ = true;
  try {
    for (const auto& [id, handler] : handlers) handler(urc);
  } catch (...) {
    inCallback_ = false;
    throw;
  }
  inCallback_ = false;
}

}  // namespace atsharp
