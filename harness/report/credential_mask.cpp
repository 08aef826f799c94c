#include "report/credential_mask.hpp"


#include "atsharp/catalogue/credentials.hpp"
#include "atsharp/catalogue/parameters.hpp"
#include "report/run_result.hpp"
#include "text/regex.hpp"

namespace atsharp::harness {
namespace {

using catalogue::kMask;

// "#FTPPW: "x"", "#FTPPW = x", "FTPPW=x": a display of a secret parameter.
std::string maskDisplay(const std::string& line) {
  static const Regex display(R"((\s*#?\s*)([A-Za-z0-9]+)(\s*[:=]\s*)(.+))");
  const auto parts = display.groups(line);
  if (!parts) return line;
  const catalogue::ParameterSpec* spec = catalogue::findParameter((*parts)[2]);
  if (!spec || !spec->secret) return line;
  return (*parts)[1] + (*parts)[2] + (*parts)[3] + std::string(kMask);
}

std::string maskLine(const std::string& line) {
  std::string masked = catalogue::maskCredentials(line);
  if (masked != line) return masked;
  return maskDisplay(line);
}

}  // namespace

void CredentialMask::addSecret(const std::string& value) {
  if (!value.empty()) secrets_.insert(value);
}

void CredentialMask::learnFromCommand(const std::string& commandLine) {
  for (const std::string& value : catalogue::credentialValues(commandLine)) addSecret(value);
}

void CredentialMask::learnFromSent(const std::string& bytes) {
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string::npos) end = bytes.size();
    learnFromCommand(bytes.substr(start, end - start));
    start = end + 1;
  }
}

std::string CredentialMask::mask(const std::string& bytes, bool* changed) const {
  std::string out;
  out.reserve(bytes.size());
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find_first_of("\r\n", start);
    if (end == std::string::npos) end = bytes.size();
    out += maskLine(bytes.substr(start, end - start));
    std::size_t next = end;
    while (next < bytes.size() && (bytes[next] == '\r' || bytes[next] == '\n')) ++next;
    out += bytes.substr(end, next - end);
    if (next >= bytes.size()) break;
    start = next;
  }
  for (const std::string& secret : secrets_) {
    if (secret.size() < kShortestScrubbed) continue;
    for (std::size_t at = out.find(secret); at != std::string::npos;
         at = out.find(secret, at + kMask.size())) {
      out.replace(at, secret.size(), kMask);
    }
  }
  if (changed) *changed = out != bytes;
  return out;
}

CredentialMask maskFor(const CaseResult& result, const std::set<std::string>& secrets) {
  CredentialMask mask;
  for (const std::string& secret : secrets) mask.addSecret(secret);
  for (const TranscriptEntry& entry : result.transcript) {
    if (entry.direction == Direction::Tx && entry.kind != EntryKind::Data) {
      mask.learnFromSent(asString(entry.bytes));
    }
  }
  return mask;
}

}  // namespace atsharp::harness
