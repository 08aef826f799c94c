#pragma once
// Credentials never reach a report unmasked (ISPPW, APNPW, SMTPPW, POP3PW, FTPPW, PPPSERVPW,
// and a bench's secrets): a command that sets one (`AT#FTPPW="..."`, masked by the catalogue's
// maskCredentials), a line that shows one (`#FTPPW: "..."`), and any other place the value
// turns up (an echo, a diff, a message), wherever it is in the text.

#include <set>
#include <string>

namespace atsharp::harness {

struct CaseResult;

class CredentialMask {
 public:
  /// Values shorter than this are masked only where they stand as a credential's value: a
  /// 2-character password masked everywhere would mask every "12" of a report.
  static constexpr std::size_t kShortestScrubbed = 3;

  /// Adds a value to mask wherever it appears.
  void addSecret(const std::string& value);
  /// Learns the value of a credential set by @p commandLine (any line of a command sent).
  void learnFromCommand(const std::string& commandLine);
  /// Learns from every line of what the host sent (@p bytes: commands or raw bytes).
  void learnFromSent(const std::string& bytes);

  /// @p bytes with every credential masked; @p changed tells whether anything was.
  std::string mask(const std::string& bytes, bool* changed = nullptr) const;

 private:
  std::set<std::string> secrets_;
};

/// The mask for what is printed about @p result: @p secrets and the credentials its commands
/// set.
CredentialMask maskFor(const CaseResult& result, const std::set<std::string>& secrets);

}  // namespace atsharp::harness
