#include "module_driver.hpp"

#include <algorithm>

namespace atsharp::reference {

ModuleDriver::ModuleDriver(boost::asio::io_context& io, ModuleClock clock, ModuleOptions options,
                           Output output, Persist persist)
    : clock_(clock),
      module_(std::move(options), clock.at(std::chrono::steady_clock::now())),
      output_(std::move(output)),
      persist_(std::move(persist)),
      timer_(io) {
  settle();  // power-on may already have armed timers (registration after a PIN)
}

ModuleTime ModuleDriver::now() {
  last_ = std::max(last_, clock_.at(std::chrono::steady_clock::now()));
  return last_;
}

void ModuleDriver::receive(ByteView bytes) {
  module_.receive(bytes, now());
  settle();
}

void ModuleDriver::network(const NetworkEvent& event) {
  module_.network(event, now());
  settle();
}

void ModuleDriver::inject(const RadioEvent& event) {
  module_.inject(event, now());
  settle();
}

// The flash first: a host that has read the OK of AT#PPPMODE=2 may kill the emulator at once
// and must find the value in the file, as a real module writes its flash before it answers.
void ModuleDriver::settle() {
  if (const std::optional<FlashImage> image = module_.takeFlashWrite()) persist_(*image);
  const Bytes output = module_.takeOutput();
  if (!output.empty()) output_(output);
  armTimer();
  if (afterSettle_) afterSettle_();
}

void ModuleDriver::armTimer() {
  const std::optional<ModuleTime> deadline = module_.nextDeadline();
  if (deadline == armedFor_) return;  // already waiting for it (or for nothing)
  armedFor_ = deadline;
  if (!deadline) {
    timer_.cancel();
    return;
  }
  timer_.expires_at(clock_.realTimeOf(*deadline));  // cancels the wait for the old deadline
  timer_.async_wait([this](const boost::system::error_code& error) {
    if (!error) onTimer();
  });
}

void ModuleDriver::onTimer() {
  // The deadline has come in real time; module time computed back from the real time could
  // round to a millisecond short of it, and the timer would then fire again and again.
  last_ = std::max(last_, armedFor_.value_or(last_));
  armedFor_.reset();
  module_.advance(now());
  settle();
}

}  // namespace atsharp::reference
