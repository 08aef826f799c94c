// Header lines up to the empty line, then body lines.

#include "retrieved_mail_builder.hpp"

namespace atsharp::detail {

void RetrievedMailBuilder::take(std::string line) {
  size_ += line.size() + 2;
  if (overflowed_ || size_ > kMaxSize) {
    overflowed_ = true;
    return;
  }
  if (inHeader_) {
    if (line.empty()) {
      inHeader_ = false;  // the empty line that ends a header is neither header nor body
    } else {
      mail_.header.push_back(std::move(line));
    }
    return;
  }
  mail_.body += line;
  mail_.body += "\r\n";
}

}  // namespace atsharp::detail
