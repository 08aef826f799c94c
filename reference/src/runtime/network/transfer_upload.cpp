#include "transfer_upload.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace atsharp::reference {

void TransferUpload::setPrefix(std::string prefix) {
  prefix_ = std::move(prefix);
  prefixRead_ = 0;
}

void TransferUpload::push(Bytes data) {
  if (data.empty() || finished_) return;  // after the end of the data: not part of it
  queued_ += data.size();
  chunks_.push_back(std::move(data));
}

TransferUpload::Read TransferUpload::read(char* buffer, std::size_t size) {
  Read read;
  const std::size_t fromPrefix = std::min(size, prefix_.size() - prefixRead_);
  std::memcpy(buffer, prefix_.data() + prefixRead_, fromPrefix);
  prefixRead_ += fromPrefix;
  read.bytes = fromPrefix;
  while (read.bytes < size && !chunks_.empty()) {
    const Bytes& front = chunks_.front();
    const std::size_t n = std::min(size - read.bytes, front.size() - frontRead_);
    std::memcpy(buffer + read.bytes, front.data() + frontRead_, n);
    frontRead_ += n;
    read.bytes += n;
    read.streamed += n;
    if (frontRead_ == front.size()) {
      chunks_.pop_front();
      frontRead_ = 0;
    }
  }
  queued_ -= read.streamed;
  return read;
}

}  // namespace atsharp::reference
