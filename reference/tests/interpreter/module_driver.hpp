#pragma once
// Drives a reference Module in-process: feeds it bytes in random chunks (fragmented input is
// the normal case), moves module time forward timer by timer, and collects what it answers.

#include <optional>
#include <random>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "atsharp/reference/module.hpp"

namespace atsharp::reference::test {

class ModuleDriver {
 public:
  explicit ModuleDriver(Scenario scenario = {}, std::optional<FlashImage> flash = {},
                        NetworkPort* network = nullptr);

  /// Sends @p bytes (cut at random) and returns what the module wrote meanwhile.
  std::string send(std::string_view bytes);
  /// Sends "@p command\r" and returns the answer (with echo, unless ATE0 was sent).
  std::string at(std::string_view command) { return send(std::string{command} + "\r"); }

  /// Moves module time forward by @p duration, running the timers that fall due on the way in
  /// order, and returns what the module wrote.
  std::string wait(ModuleTime duration);
  /// Moves time to each next deadline until no timer is due within @p limit; returns output.
  /// The default stays under a minute, the shortest PHYTIMEOUT, so that a link that came up
  /// stays up.
  std::string settle(ModuleTime limit = ModuleTime{59'000});

  /// Injects a radio event and returns what the module wrote.
  std::string inject(const RadioEvent& event);

  /// Delivers a network event and returns what the module wrote.
  std::string network(const NetworkEvent& event);

  /// The latest flash image the module asked to write, if it asked since the last call.
  std::optional<FlashImage> flashWrite() { return module.takeFlashWrite(); }

  Module module;
  ModuleTime now{0};

 private:
  std::string output();
  std::mt19937_64 gen_;
};

/// A driver with echo off (ATE0 already sent and its answer discarded).
ModuleDriver quietDriver(Scenario scenario = {}, std::optional<FlashImage> flash = {},
                         NetworkPort* network = nullptr);

/// The verbose framing of one line: "\r\n<text>\r\n".
std::string framed(std::string_view text);

/// Bytes as readable text for failure messages: \r, \n and other control bytes escaped.
std::string visible(std::string_view bytes);

}  // namespace atsharp::reference::test
