#include "transfer_url.hpp"

#include <cctype>

namespace atsharp::reference {
namespace {

std::string origin(std::string_view scheme, const Endpoint& server) {
  return std::string(scheme) + "://" + server.address + ":" + std::to_string(server.port) + "/";
}

bool unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// The directory's segments, encoded, each followed by '/'.
std::string encodedDirectory(std::string_view path) {
  std::string result;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!segment.empty() && segment != ".") result += percentEncoded(segment) + "/";
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return result;
}

}  // namespace

std::string percentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string result;
  result.reserve(text.size());
  for (unsigned char c : text) {
    if (unreserved(c)) {
      result.push_back(static_cast<char>(c));
    } else {
      result.push_back('%');
      result.push_back(kHex[c >> 4]);
      result.push_back(kHex[c & 0x0F]);
    }
  }
  return result;
}

std::string ftpUrl(const Endpoint& server, std::string_view path, std::string_view file) {
  std::string url = origin("ftp", server);
  // libcurl reads ftp://host/a/b as "a/b" relative to the login directory; an absolute
  // directory starts with an encoded slash (ftp://host/%2Fa/b), its documented spelling.
  if (path.starts_with('/')) url += "%2F";
  url += encodedDirectory(path);
  // A file name's '/' would be encoded as %2F, which libcurl decodes before it splits the path:
  // leave it a separator, which is what it would be anyway.
  const std::size_t slash = file.rfind('/');
  if (slash != std::string_view::npos) {
    url += encodedDirectory(file.substr(0, slash));
    file.remove_prefix(slash + 1);
  }
  url += percentEncoded(file);
  return url;
}

std::string smtpUrl(const Endpoint& server, std::string_view domain) {
  return origin("smtp", server) + percentEncoded(domain);
}

std::string pop3Url(const Endpoint& server, std::string_view message) {
  return origin("pop3", server) + percentEncoded(message);
}

}  // namespace atsharp::reference
