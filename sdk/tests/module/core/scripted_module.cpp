// The scripted module's end of the in-memory line.

#include "scripted_module.hpp"

#include <chrono>

namespace atsharp::test {

ScriptedModule::ScriptedModule() {
  auto [host, module] = MemoryTransport::pair();
  host_ = std::move(host);
  module_ = std::move(module);
}

std::string ScriptedModule::expectCommand() {
  std::string command;
  const Deadline deadline = after(std::chrono::seconds(2));
  Byte byte = 0;
  while (module_->read(std::span<Byte>(&byte, 1), deadline).status == IoStatus::Ok) {
    command += static_cast<char>(byte);
    if (byte == '\r') break;
  }
  return command;
}

void ScriptedModule::answer(std::string_view bytes) {
  module_->write(asBytes(bytes), after(std::chrono::seconds(2)));
}

void ScriptedModule::hangUp() { module_->close(); }

Module::Options quietOptions(Milliseconds commandTimeout) {
  Module::Options options;
  options.synchronise = false;
  options.commandTimeout = commandTimeout;
  return options;
}

}  // namespace atsharp::test
