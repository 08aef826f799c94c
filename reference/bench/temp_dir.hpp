#pragma once
// A fresh directory under the system's temporary directory, removed with its content when the
// object goes, also when a measurement throws.

#include <filesystem>

namespace atsharp::bench {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace atsharp::bench
