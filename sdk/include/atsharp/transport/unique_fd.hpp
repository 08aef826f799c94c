#pragma once
/// @file
/// Sole ownership of a POSIX file descriptor, so that every path out of a function that opened
/// one (an exception included) closes it exactly once.

namespace atsharp {

/// Owns one file descriptor and closes it when destroyed. Movable, not copyable.
class UniqueFd {
 public:
  /// Owns nothing.
  UniqueFd() noexcept = default;
  /// Takes ownership of @p fd (-1 means nothing).
  explicit UniqueFd(int fd) noexcept : fd_(fd) {}
  /// Closes the descriptor owned, if any.
  ~UniqueFd() { reset(); }

  /// Takes @p other's descriptor; @p other owns nothing after.
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  /// Closes what this owned and takes @p other's descriptor.
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  /// The descriptor, still owned; -1 when none.
  int get() const noexcept { return fd_; }
  /// True when a descriptor is owned.
  bool valid() const noexcept { return fd_ >= 0; }
  /// valid().
  explicit operator bool() const noexcept { return valid(); }

  /// Gives the descriptor up without closing it; the caller now owns it.
  int release() noexcept;
  /// Closes the owned descriptor (if any) and owns @p fd instead.
  void reset(int fd = -1) noexcept;

 private:
  int fd_ = -1;
};

}  // namespace atsharp
