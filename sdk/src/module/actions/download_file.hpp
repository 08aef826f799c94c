#pragma once
// The file a download goes to: written as `<file>.part` beside it and renamed over it only once
// the transfer succeeded, so that a failed download never leaves a cut file under the name of a
// whole one, nor spoils the file that was there.

#include <filesystem>
#include <fstream>

#include "atsharp/bytes.hpp"

namespace atsharp::detail {

class DownloadFile {
 public:
  /// Opens `<file>.part` (replacing one a former download left). Throws atsharp::Error.
  explicit DownloadFile(std::filesystem::path file);
  /// Removes `<file>.part` unless commit() made it the file.
  ~DownloadFile();
  DownloadFile(const DownloadFile&) = delete;
  DownloadFile& operator=(const DownloadFile&) = delete;

  /// Appends @p bytes. Throws atsharp::Error when the file system refuses them.
  void write(ByteView bytes);
  /// Closes the file and gives it its name. Throws atsharp::Error.
  void commit();

 private:
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path file_;
  std::filesystem::path part_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace atsharp::detail
