#include "suite/template_text.hpp"

#include <cctype>

namespace atsharp::harness {
namespace {

bool isNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

TemplateText::TemplateText(std::string bytes) : source_(std::move(bytes)) {
  std::string_view rest = source_;
  while (!rest.empty()) {
    const std::size_t open = rest.find("{{");
    if (open == std::string_view::npos) {
      parts_.push_back({false, std::string(rest)});
      break;
    }
    if (open > 0) parts_.push_back({false, std::string(rest.substr(0, open))});
    const std::size_t close = rest.find("}}", open + 2);
    if (close == std::string_view::npos) {
      throw UsageError("\"{{\" without its \"}}\" in \"" + source_ + "\"");
    }
    const std::string name = trimmed(rest.substr(open + 2, close - open - 2));
    bool wellFormed = !name.empty() && isNameStart(name.front());
    for (const char c : name) wellFormed = wellFormed && isNameChar(c);
    if (!wellFormed) {
      throw UsageError("\"{{" + std::string(rest.substr(open + 2, close - open - 2)) +
                       "}}\" is not a variable name (letters, digits, _ . -)");
    }
    parts_.push_back({true, name});
    rest.remove_prefix(close + 2);
  }
}

std::string TemplateText::render(const Vars& vars, Insert insert) const {
  std::string out;
  for (const Part& part : parts_) {
    if (!part.reference) {
      out += part.text;
      continue;
    }
    const auto found = vars.find(part.text);
    if (found == vars.end()) throw UnknownVariable(part.text);
    out += insert == Insert::RegexLiteral ? escapeRegex(found->second) : found->second;
  }
  return out;
}

std::vector<std::string> TemplateText::names() const {
  std::vector<std::string> out;
  for (const Part& part : parts_) {
    if (part.reference) out.push_back(part.text);
  }
  return out;
}

bool TemplateText::hasReferences() const noexcept {
  for (const Part& part : parts_) {
    if (part.reference) return true;
  }
  return false;
}

std::string escapeRegex(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace atsharp::harness
