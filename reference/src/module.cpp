#include "atsharp/reference/module.hpp"

#include "interpreter/module_core.hpp"

namespace atsharp::reference {

std::string_view stateName(LinkState state) noexcept {
  switch (state) {
    case LinkState::Idle: return "IDLE";
    case LinkState::Checking: return "CHECKING";
    case LinkState::Dialing: return "DIALING";
    case LinkState::Authenticating: return "AUTHENTICATING";
    case LinkState::Connected: return "CONNECTED";
    case LinkState::Disconnecting: return "DISCONNECTING";
    case LinkState::NoService: return "NO SERVICE";
  }
  return "IDLE";
}

struct Module::Impl {
  Impl(ModuleOptions options, ModuleTime now) : core(std::move(options), now) {}
  ModuleCore core;
};

Module::Module(ModuleOptions options, ModuleTime now)
    : impl_(std::make_unique<Impl>(std::move(options), now)) {}
Module::~Module() = default;
Module::Module(Module&&) noexcept = default;
Module& Module::operator=(Module&&) noexcept = default;

void Module::receive(ByteView bytes, ModuleTime now) { impl_->core.receive(bytes, now); }
void Module::inject(const RadioEvent& event, ModuleTime now) { impl_->core.inject(event, now); }
void Module::network(const NetworkEvent& event, ModuleTime now) {
  impl_->core.network(event, now);
}
bool Module::wantsInput() const { return impl_->core.wantsInput(); }
std::optional<ModuleTime> Module::nextDeadline() const { return impl_->core.nextDeadline(); }
void Module::advance(ModuleTime now) { impl_->core.advance(now); }
Bytes Module::takeOutput() { return impl_->core.takeOutput(); }
std::optional<FlashImage> Module::takeFlashWrite() { return impl_->core.takeFlashWrite(); }
LinkState Module::linkState() const { return impl_->core.linkState(); }
FlashImage Module::parameters() const { return impl_->core.params.image(); }

}  // namespace atsharp::reference
