#pragma once
/// @file
/// The two small index types of the command set: a TCP socket id (1 or 2, spec 5.1) and a mail
/// combination (1 to 3, spec 3.1.3 to 3.3). Each is checked when made, so a call that takes
/// one never sends an id the module would refuse.

#include <string>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/module/errors.hpp"

namespace atsharp {

/// TCP socket 1 or 2.
class SocketId {
 public:
  /// Throws IllegalValueError for anything but 1 and 2.
  constexpr explicit SocketId(int id) : id_(id) {
    if (id < catalogue::kFirstSocketId || id > catalogue::kLastSocketId) {
      throw IllegalValueError("socket id", std::to_string(id),
                              "socket id " + std::to_string(id) + ": must be 1 or 2");
    }
  }
  constexpr int value() const noexcept { return id_; }
  constexpr bool operator==(const SocketId&) const = default;

 private:
  int id_;
};

/// Mail combination 1, 2 or 3 (RECi, CCRECi, SUBJi, BODYi, SENDMAILi).
class MailCombination {
 public:
  /// Throws IllegalValueError for anything outside 1..3.
  constexpr explicit MailCombination(int combination) : combination_(combination) {
    if (combination < catalogue::kFirstCombination ||
        combination > catalogue::kLastCombination) {
      throw IllegalValueError("mail combination", std::to_string(combination),
                              "mail combination " + std::to_string(combination) +
                                  ": must be 1, 2 or 3");
    }
  }
  constexpr int value() const noexcept { return combination_; }
  constexpr bool operator==(const MailCombination&) const = default;

 private:
  int combination_;
};

}  // namespace atsharp
