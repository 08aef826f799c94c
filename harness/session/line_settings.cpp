#include "session/line_settings.hpp"

#include <cctype>
#include <string>
#include <vector>

#include "atsharp/catalogue/commands.hpp"

namespace atsharp::harness {
namespace {

std::string upper(std::string_view text) {
  std::string out;
  for (const char c : text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The value of an argument, spaces and quotes removed: ` "1"` -> 1.
std::string bareValue(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '"') out += c;
  }
  return out;
}

std::vector<std::string> splitArguments(std::string_view arguments) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (const char c : arguments) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  for (std::string& argument : out) argument = bareValue(argument);
  return out;
}

// The extended commands of a command line after "AT": "#DLEMODE=1,0" -> name "#DLEMODE",
// arguments "1,0". Quoted text may hold ';'.
struct Extended {
  std::string name;
  std::string arguments;
  bool hasArguments = false;
};

}  // namespace

void LineSettings::followFlow(std::string_view name) {
  if (name.size() < 2 || name[0] != '#') return;
  const catalogue::CommandSpec* spec = catalogue::findCommand(name.substr(1));
  if (spec == nullptr) return;
  if (spec->flow == catalogue::Flow::MailBody) mailBodyNext = true;
  if (spec->flow == catalogue::Flow::DataMode) mailBodyNext = false;
}

void LineSettings::afterCommand(std::string_view line) {
  std::size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) return;
  const std::string text = upper(line.substr(start));
  if (text.rfind("AT", 0) != 0) return;
  std::size_t i = 2;
  const auto restart = [this] { restartPending = true; };
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == ';' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '#' || c == '+') {
      Extended command;
      std::size_t j = i + 1;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == ' ')) ++j;
      command.name = bareValue(text.substr(i, j - i));
      bool quoted = false;
      std::size_t k = j;
      for (; k < text.size(); ++k) {
        if (text[k] == '"') quoted = !quoted;
        if (text[k] == ';' && !quoted) break;
      }
      std::string rest = text.substr(j, k - j);
      const std::size_t equals = rest.find('=');
      command.hasArguments = equals != std::string::npos;
      if (command.hasArguments) command.arguments = rest.substr(equals + 1);
      i = k;
      const std::vector<std::string> arguments = splitArguments(command.arguments);
      followFlow(command.name);
      if (command.name == "+CFUN" && command.hasArguments && !arguments.empty() &&
          arguments[0] == "1") {
        restart();
      } else if (command.name == "#DLEMODE" && arguments.size() == 2 &&
                 (arguments[0] == "1" || arguments[0] == "2") &&
                 (arguments[1] == "0" || arguments[1] == "1")) {
        dleMode[arguments[0] == "1" ? 0 : 1] = arguments[1] == "1";
      } else if ((command.name == "#OTCP" || command.name == "#LTCPSTART") &&
                 command.hasArguments && (arguments[0] == "1" || arguments[0] == "2")) {
        dataSocket = arguments[0] == "1" ? 1 : 2;
      } else if (command.name == "#LUDPSTART" || command.name == "#OUDP" ||
                 command.name == "#FTPGET" || command.name == "#FTPPUT") {
        dataSocket = 0;
      }
      continue;
    }
    // A basic command: a letter (or & and a letter) and an optional number.
    std::string name(1, c);
    ++i;
    if (c == '&' && i < text.size()) name += text[i++];
    std::string number;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) number += text[i++];
    const bool on = number == "1";
    const bool off = number.empty() || number == "0";
    if (name == "E" && (on || off)) echo = on;
    if (name == "V" && (on || off)) verbose = on;
    if (name == "Z" || name == "&F") restart();
  }
}

void LineSettings::resultCame() {
  if (!restartPending) return;
  restartPending = false;
  echo = true;
  verbose = true;
}

DataCoding LineSettings::dataCoding() const {
  if (dataSocket == 0) return DataCoding::Dle;
  return dleMode[dataSocket - 1] ? DataCoding::Dle : DataCoding::PassThrough;
}

}  // namespace atsharp::harness
