#include "mail_text.hpp"

#include <cctype>
#include <string_view>

#include "atsharp/catalogue/parameters.hpp"
#include "../interpreter/module_core.hpp"

namespace atsharp::reference {
namespace {

using catalogue::Param;

std::string joined(const std::vector<std::string>& addresses) {
  std::string text;
  for (const std::string& address : addresses) text += (text.empty() ? "" : ", ") + address;
  return text;
}

// The text's lines, without their line ends (CR LF or LF).
std::vector<std::string_view> linesOf(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

bool fieldIsShown(std::string_view line) {
  std::string name;
  for (char c : line.substr(0, line.find(':'))) name += static_cast<char>(std::tolower(c));
  return name == "from" || name == "cc" || name == "subject";
}

void addForHost(std::string& out, std::string_view line) {
  if (line.starts_with('.')) out += '.';  // dot-stuffing: the host's parser removes it
  out += line;
  out += "\r\n";
}

}  // namespace

std::vector<std::string> addressesOf(const std::string& value) {
  std::vector<std::string> addresses;
  std::size_t start = 0;
  while (start < value.size()) {
    const std::size_t comma = std::min(value.find(',', start), value.size());
    if (comma > start) addresses.push_back(value.substr(start, comma - start));
    start = comma + 1;
  }
  return addresses;
}

std::string composeHeader(const ModuleCore& core, int combination) {
  const auto value = [&](Param p) -> const std::string& {
    return core.params.value(*catalogue::inCombination(p, combination));
  };
  const std::string& name = core.params.value(Param::Sendername);
  const std::string& address = core.params.value(Param::Senderaddr);
  std::string header = "From: ";
  header += name.empty() ? "<" + address + ">" : "\"" + name + "\" <" + address + ">";
  header += "\r\nTo: " + joined(addressesOf(value(Param::Rec1))) + "\r\n";
  const std::vector<std::string> copies = addressesOf(value(Param::Ccrec1));
  if (!copies.empty()) header += "Cc: " + joined(copies) + "\r\n";
  header += "Subject: " + value(Param::Subj1) + "\r\n\r\n";
  return header;
}

MailBodyReader::Step MailBodyReader::take(ByteView bytes) {
  Step step;
  for (; step.consumed < bytes.size() && !step.ended; ++step.consumed) {
    const Byte b = bytes[step.consumed];
    switch (position_) {
      case Position::LineStart:
        if (b == '.') {
          position_ = Position::Dot;
          continue;
        }
        break;
      case Position::Dot:
        if (b == '\r') {
          position_ = Position::DotCr;
          continue;
        }
        if (b != '.') step.body.push_back('.');  // a lone leading dot the host did not double
        break;
      case Position::DotCr:
        if (b == '\n') {
          step.ended = true;  // the line holding only a dot
          continue;
        }
        step.body.push_back('.');
        step.body.push_back('\r');
        break;
      case Position::InLine: break;
    }
    step.body.push_back(b);
    position_ = b == '\n' ? Position::LineStart : Position::InLine;
  }
  return step;
}

std::string mailForHost(const std::string& message, bool withHeader) {
  const std::vector<std::string_view> lines = linesOf(message);
  std::size_t body = 0;
  while (body < lines.size() && !lines[body].empty()) ++body;  // the header ends at a blank line
  std::string out;
  if (withHeader) {
    bool shown = false;
    for (std::size_t i = 0; i < body; ++i) {
      const bool continuation = lines[i].starts_with(' ') || lines[i].starts_with('\t');
      if (!continuation) shown = fieldIsShown(lines[i]);
      if (shown) addForHost(out, lines[i]);
    }
    out += "\r\n";
  }
  // A message without a blank line is all header: it has no body.
  for (std::size_t i = body + 1; i < lines.size(); ++i) addForHost(out, lines[i]);
  out += ".\r\n";
  return out;
}

}  // namespace atsharp::reference
