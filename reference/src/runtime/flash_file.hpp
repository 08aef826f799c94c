#pragma once
// The module's parameter flash as a file on the host. Every write replaces the file whole and
// atomically, so that a power cut (a kill -9 of the emulator) at any moment leaves either the
// old image or the new one, never a mix or a truncated file: a real flash would lose a write,
// not corrupt the parameters.

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>

#include "atsharp/reference/flash_image.hpp"

namespace atsharp::reference {

class FlashFile {
 public:
  /// A flash file is a few kilobytes; anything above this is not one, and is not read whole.
  static constexpr std::size_t kMaxSize = 1024 * 1024;

  explicit FlashFile(std::filesystem::path path);

  /// The image the file holds; nothing when there is no file (an erased flash). A damaged file
  /// (not a flash image, cut short, wrong checksum, too large) is reported on @p diagnostics,
  /// kept beside as FILE.broken and replaced by an erased image: the module then starts from
  /// the spec's defaults. Throws atsharp::Error when the file cannot be read or replaced.
  std::optional<FlashImage> load(std::ostream& diagnostics) const;

  /// Replaces the file by @p image: writes FILE.tmp, flushes it to the disk, renames it over
  /// FILE and flushes the directory, so that the rename itself is durable. Throws
  /// atsharp::Error naming the file and the cause.
  void write(const FlashImage& image) const;

  const std::filesystem::path& path() const noexcept { return path_; }
  /// Where a damaged file is kept.
  std::filesystem::path brokenPath() const;
  /// Where a new image is written before it replaces the file.
  std::filesystem::path temporaryPath() const;

 private:
  std::filesystem::path path_;
};

}  // namespace atsharp::reference
