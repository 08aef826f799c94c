#pragma once
/// @file
/// A symbolic link that lives as long as its owner: `atsharp emulate --pty LINK` points LINK at
/// its pseudo-terminal's slave and takes the link away again when it stops.

#include <string>

namespace atsharp {

/// Owns a symbolic link on the file system and removes it when destroyed.
class SymbolicLink {
 public:
  /// Makes @p linkPath a symbolic link to @p target. A symbolic link already at @p linkPath
  /// (left by an earlier run) is replaced atomically; any other kind of file there is left alone
  /// and TransportError is thrown, as for any other failure (the message names the path).
  SymbolicLink(std::string target, std::string linkPath);

  /// Removes the link (see remove()).
  ~SymbolicLink();

  /// Takes over @p other's link, which @p other then no longer removes.
  SymbolicLink(SymbolicLink&& other) noexcept;
  /// Removes this link, then takes over @p other's.
  SymbolicLink& operator=(SymbolicLink&& other) noexcept;
  SymbolicLink(const SymbolicLink&) = delete;
  SymbolicLink& operator=(const SymbolicLink&) = delete;

  /// Where the link is.
  const std::string& path() const noexcept { return linkPath_; }
  /// What it points to.
  const std::string& target() const noexcept { return target_; }

  /// Removes the link, if it still points to target() (another process may have replaced it
  /// since, and its link is not ours to remove). Idempotent; never throws.
  void remove() noexcept;

 private:
  std::string target_;
  std::string linkPath_;
};

}  // namespace atsharp
