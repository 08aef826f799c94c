#include "background_writer.hpp"

#include <algorithm>

namespace atsharp::test {

BackgroundWriter::BackgroundWriter(ModemSession& modem, Bytes payload, Coding coding,
                                   std::size_t piece)
    : payload_(std::move(payload)),
      thread_([this, &modem, coding, piece] { run(modem, coding, piece); }) {}

BackgroundWriter::~BackgroundWriter() { stopping_ = true; }

void BackgroundWriter::finish() { thread_.join(); }

std::size_t BackgroundWriter::stop() {
  stopping_ = true;
  thread_.join();
  return written_;
}

void BackgroundWriter::run(ModemSession& modem, Coding coding, std::size_t piece) {
  const ByteView all(payload_);
  while (written_ < all.size() && !stopping_) {
    const ByteView next = all.subspan(written_, std::min(piece, all.size() - written_));
    if (coding == Coding::Dle) {
      modem.writeData(next);
    } else {
      modem.write(asString(next));
    }
    written_ += next.size();
  }
}

}  // namespace atsharp::test
