// Writing a multi-line value through its entry.

#include "entry.hpp"

#include <string>

#include "../exchange.hpp"

namespace atsharp::detail {

void writeEntry(Module& module, std::string_view commandLine, std::string_view text) {
  const Milliseconds timeout = module.options().commandTimeout;
  // The command line goes first, on its own: the module opens the entry when it reads its CR,
  // and takes every byte after it as the entry's text, up to Ctrl-Z.
  Exchange exchange(module, commandLine, timeout);
  std::string entry(text);
  entry += static_cast<char>(kCtrlZ);
  exchange.line().write(asBytes(entry), timeout, exchange.label());
  const Reply reply = collectReply(exchange);
  if (reply.final.cmeError) throw ModuleError(exchange.label(), *reply.final.cmeError);
  if (!reply.final.succeeded()) throw ModuleError(exchange.label(), *reply.final.result);
}

}  // namespace atsharp::detail
