#include "flash_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <string>
#include <variant>

#include "atsharp/error.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::reference {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw Error(what + " " + path.string() + ": " + std::strerror(error));
}

UniqueFd openOrFail(const std::filesystem::path& path, int flags, const std::string& what) {
  UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC, 0600));
  if (!fd) fail(what, path, errno);
  return fd;
}

// The file's text, or nothing when it does not exist; a file above the limit gives limit + 1
// bytes, which no image decodes from.
std::optional<std::string> readText(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    if (errno == ENOENT) return std::nullopt;
    fail("cannot read the flash file", path, errno);
  }
  std::string text;
  char buffer[8192];
  while (text.size() <= FlashFile::kMaxSize) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("cannot read the flash file", path, errno);
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

void writeAll(int fd, std::string_view text, const std::filesystem::path& path) {
  while (!text.empty()) {
    const ssize_t put = ::write(fd, text.data(), text.size());
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) fail("cannot write the flash file", path, errno);
    text.remove_prefix(static_cast<std::size_t>(put));
  }
}

void syncOrFail(int fd, const std::filesystem::path& path) {
  if (::fsync(fd) < 0) fail("cannot flush the flash file", path, errno);
}

// The rename is only durable once the directory that records it is on the disk too.
void syncDirectory(const std::filesystem::path& file) {
  std::filesystem::path directory = file.parent_path();
  if (directory.empty()) directory = ".";
  const UniqueFd fd = openOrFail(directory, O_RDONLY | O_DIRECTORY, "cannot open the directory of");
  syncOrFail(fd.get(), directory);
}

// An erased flash is only written at the first parameter write: a missing directory would
// only show then, as a message in the middle of a session.
void checkDirectory(const std::filesystem::path& file) {
  const std::filesystem::path directory = file.parent_path();
  std::error_code error;
  if (!directory.empty() && !std::filesystem::is_directory(directory, error)) {
    throw Error("cannot keep the flash file " + file.string() + ": " + directory.string() +
                " is not a directory");
  }
}

std::filesystem::path withSuffix(const std::filesystem::path& path, const char* suffix) {
  std::filesystem::path result = path;
  result += suffix;
  return result;
}

}  // namespace

FlashFile::FlashFile(std::filesystem::path path) : path_(std::move(path)) {}

std::filesystem::path FlashFile::brokenPath() const { return withSuffix(path_, ".broken"); }
std::filesystem::path FlashFile::temporaryPath() const { return withSuffix(path_, ".tmp"); }

std::optional<FlashImage> FlashFile::load(std::ostream& diagnostics) const {
  const std::optional<std::string> text = readText(path_);
  if (!text) {
    checkDirectory(path_);  // fail now, not at the first parameter write
    return std::nullopt;
  }
  const auto decoded = text->size() > kMaxSize
                           ? std::variant<FlashImage, FlashDamage>(FlashDamage{"larger than 1 MiB"})
                           : decodeFlashFile(*text);
  if (const auto* image = std::get_if<FlashImage>(&decoded)) return *image;
  const std::string reason = std::get<FlashDamage>(decoded).reason;
  if (::rename(path_.c_str(), brokenPath().c_str()) < 0) {
    fail("cannot set the damaged flash file aside as", brokenPath(), errno);
  }
  diagnostics << "atsharp: the flash file " << path_.string() << " is damaged (" << reason
              << "); kept as " << brokenPath().string()
              << ", the module starts from the default parameters\n";
  write(FlashImage{});
  return std::nullopt;
}

void FlashFile::write(const FlashImage& image) const {
  const std::filesystem::path temporary = temporaryPath();
  {
    const UniqueFd fd =
        openOrFail(temporary, O_WRONLY | O_CREAT | O_TRUNC, "cannot create the flash file");
    writeAll(fd.get(), encodeFlashFile(image), temporary);
    syncOrFail(fd.get(), temporary);
  }
  if (::rename(temporary.c_str(), path_.c_str()) < 0) {
    fail("cannot replace the flash file", path_, errno);
  }
  syncDirectory(path_);
}

}  // namespace atsharp::reference
