#include "transfer_conversation.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace atsharp::reference {
namespace {

// A line longer than this is cut: the mapping only reads a reply's code and a command's verb,
// and a server sending an endless line must not grow our memory.
constexpr std::size_t kLineLimit = 1024;

std::string upper(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return result;
}

std::string_view firstWord(std::string_view line) {
  return line.substr(0, std::min(line.find(' '), line.size()));
}

std::string_view afterFirstWord(std::string_view line) {
  const std::size_t space = line.find(' ');
  return space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
}

// "TO:<someone@example.com> NOTIFY=NEVER" -> "someone@example.com".
std::string rcptAddress(std::string_view argument) {
  const std::size_t open = argument.find('<');
  if (open != std::string_view::npos) {
    const std::size_t close = argument.find('>', open);
    return std::string(argument.substr(open + 1, close == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : close - open - 1));
  }
  const std::size_t colon = argument.find(':');
  std::string_view rest = colon == std::string_view::npos ? argument : argument.substr(colon + 1);
  return std::string(firstWord(rest));
}

// Appends @p bytes to @p pending and hands each complete line (without CR LF) to @p line.
template <typename Line>
void splitLines(std::string& pending, std::string_view bytes, Line line) {
  for (char c : bytes) {
    if (c == '\n') {
      if (!pending.empty() && pending.back() == '\r') pending.pop_back();
      line(std::string_view(pending));
      pending.clear();
    } else if (pending.size() < kLineLimit) {
      pending.push_back(c);
    }
  }
}

}  // namespace

void TransferConversation::sent(std::string_view bytes) {
  splitLines(outPending_, bytes, [this](std::string_view line) { commandLine(line); });
}

void TransferConversation::received(std::string_view bytes) {
  splitLines(inPending_, bytes, [this](std::string_view line) { replyLine(line); });
}

void TransferConversation::commandLine(std::string_view line) {
  // A line answering a SASL challenge carries credentials (base64): counted, never kept.
  if (command_ == "AUTH" && lastReplyWasChallenge_ && !quitting_) {
    reply_.clear();
    ++saslSteps_;
    lastReplyWasChallenge_ = false;
    return;
  }
  std::string verb = upper(firstWord(line));
  if (verb == "QUIT") {
    quitting_ = true;
    quitReply_.clear();
    return;
  }
  reply_.clear();
  command_ = std::move(verb);
  recipient_ = command_ == "RCPT" ? rcptAddress(afterFirstWord(line)) : std::string();
  mechanism_ = command_ == "AUTH" ? upper(firstWord(afterFirstWord(line))) : std::string();
  saslSteps_ = 0;
  lastReplyWasChallenge_ = false;
}

void TransferConversation::replyLine(std::string_view line) {
  if (!answered_) {
    greeting_ = line;
    answered_ = true;
  }
  if (quitting_) {
    quitReply_ = line;
    return;
  }
  reply_ = line;
  lastReplyWasChallenge_ = isSaslChallenge(line);
}

int replyCode(std::string_view line) noexcept {
  if (line.size() < 3) return 0;
  int code = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (line[i] < '0' || line[i] > '9') return 0;
    code = code * 10 + (line[i] - '0');
  }
  return code;
}

bool isSaslChallenge(std::string_view line) noexcept {
  return replyCode(line) == 334 || line == "+" || line.starts_with("+ ");
}

}  // namespace atsharp::reference
