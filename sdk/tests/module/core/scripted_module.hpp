#pragma once
// A module played by the test over an in-memory line: it reads what the Module sends and answers
// with bytes the test chooses, so that URCs, garbage and silence come exactly where a case
// wants them.

#include <memory>
#include <string>
#include <string_view>

#include "atsharp/module/module.hpp"
#include "atsharp/transport/memory_transport.hpp"

namespace atsharp::test {

class ScriptedModule {
 public:
  ScriptedModule();
  /// The host's end, for a Module (opened without synchronisation).
  std::unique_ptr<Transport> takeHostEnd() { return std::move(host_); }
  /// Reads what the host sent up to and including a CR; "" when nothing came within 2 s.
  std::string expectCommand();
  /// Sends @p bytes to the host.
  void answer(std::string_view bytes);
  /// Closes the module's end (the line goes away).
  void hangUp();

 private:
  std::unique_ptr<MemoryTransport> host_;
  std::unique_ptr<MemoryTransport> module_;
};

/// Options for a Module that must not talk before the test says so.
Module::Options quietOptions(Milliseconds commandTimeout = Milliseconds{2000});

}  // namespace atsharp::test
