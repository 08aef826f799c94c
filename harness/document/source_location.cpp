#include "document/source_location.hpp"

namespace atsharp::harness {

std::string SourceLocation::text() const {
  std::string out = file.empty() ? std::string("<unknown>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

}  // namespace atsharp::harness
