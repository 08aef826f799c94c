// A download's file, given its name once whole.

#include "download_file.hpp"

#include <cerrno>
#include <system_error>

#include "atsharp/module/errors.hpp"

namespace atsharp::detail {

DownloadFile::DownloadFile(std::filesystem::path file)
    : file_(std::move(file)), part_(file_.string() + ".part") {
  out_.open(part_, std::ios::binary | std::ios::trunc);
  if (!out_) fail("cannot be opened");
}

DownloadFile::~DownloadFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(part_, ignored);
}

void DownloadFile::write(ByteView bytes) {
  out_.write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  if (!out_) fail("cannot be written");
}

void DownloadFile::commit() {
  out_.close();
  if (!out_) fail("cannot be written");
  std::error_code error;
  std::filesystem::rename(part_, file_, error);
  if (error) {
    throw Error("the download " + part_.string() + " cannot be renamed to " + file_.string() +
                ": " + error.message());
  }
  committed_ = true;
}

void DownloadFile::fail(const std::string& what) const {
  throw Error("the download's file " + part_.string() + " " + what + ": " +
              std::generic_category().message(errno));
}

}  // namespace atsharp::detail
