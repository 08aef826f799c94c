// atsharp shell: an interactive terminal on the module. Command lines go to the module as they
// are typed (the raw path), answers come back masked, unsolicited reports (RING, +CREG ...)
// show as they arrive, and a command that switches to data mode (AT#OTCP=1, AT#FTPGET ...)
// turns the terminal into the data session until it ends: typed lines go to the peer, the
// peer's data is printed, and `~.` ends the session (ETX, under DLE coding).

#include <unistd.h>

#include <chrono>
#include <iostream>

#include "answer_text.hpp"
#include "atsharp/catalogue/commands.hpp"
#include "atsharp/module/data_session.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"
#include "line_editor.hpp"

namespace atsharp::cli::lab {
namespace {

using namespace std::chrono_literals;

constexpr const char* kCommandPrompt = "atsharp> ";
constexpr const char* kDataPrompt = "data> ";
// The line that ends a data session, as `~.` ends a cu(1) or ssh session.
constexpr const char* kEndData = "~.";

bool sameNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The name an AT# command line starts with ("OTCP" of "AT#OTCP=1"); empty for other lines.
std::string_view atSharpName(std::string_view line) {
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.size() < 3 || !sameNoCase(line.substr(0, 3), "AT#")) return {};
  line.remove_prefix(3);
  std::size_t end = 0;
  while (end < line.size() && std::isalnum(static_cast<unsigned char>(line[end]))) ++end;
  return line.substr(0, end);
}

// The commands that take text after their command line (a body, an address list, a mail):
// a line-by-line terminal cannot give them their Ctrl-Z or their end, so the shell points at
// the command made for each instead of sending them.
std::optional<std::string> refusedHere(std::string_view line) {
  const std::string_view name = atSharpName(line);
  if (name.empty()) return std::nullopt;
  const bool hasValue = line.find_first_of("=?") != std::string_view::npos;
  if (const catalogue::ParameterSpec* spec = catalogue::findParameter(name);
      spec != nullptr && spec->kind == catalogue::ValueKind::Body && !hasValue) {
    return "the body entry needs Ctrl-Z: use AT#" + std::string(spec->name) +
           "=\"text\", or atsharp config set " + std::string(spec->name) + " TEXT";
  }
  const catalogue::CommandSpec* command = catalogue::findCommand(name);
  if (command == nullptr) return std::nullopt;
  if (command->form == catalogue::CommandForm::Entry) {
    return "the address entry needs Ctrl-Z: use atsharp config set with the addresses "
           "separated by ','";
  }
  if (command->flow == catalogue::Flow::MailBody) {
    return "the mail body is not a line: use atsharp mail put < body.txt";
  }
  return std::nullopt;
}

// On a terminal, what the shell is connected to and how to leave it.
void greet(Module& module) {
  if (::isatty(STDIN_FILENO) != 1) return;
  std::cerr << "atsharp shell on " << module.describeLine() << " (" << module.version()
            << ")\nType AT commands; " << kEndData
            << " on a line of its own ends a data session; Ctrl-D quits.\n";
}

class Shell {
 public:
  Shell(Module& module, std::chrono::milliseconds timeout)
      : module_(module), timeout_(timeout), editor_(kCommandPrompt) {
    urcHandler_ = module_.onUrc([this](const Urc& urc) { editor_.print(describe(urc) + "\n"); });
  }
  ~Shell() { module_.removeUrcHandler(urcHandler_); }
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Runs until the input ends or the line to the module closes (an exception).
  void run() {
    for (;;) {
      const auto wait = session_ ? 10ms : 50ms;
      std::optional<std::vector<std::string>> lines = editor_.poll(wait);
      if (!lines) break;
      for (const std::string& line : *lines) {
        if (!handle(line)) return endSession();
      }
      if (!lines->empty()) editor_.promptAgain();
      if (session_) {
        showPayload(session_->read(10ms));
        noticeSessionEnd();
      } else {
        module_.poll(5ms);
      }
    }
    endSession();
  }

 private:
  // false: the user asked to quit.
  bool handle(const std::string& line) {
    if (session_) {
      dataLine(line);
      return true;
    }
    if (line.find_first_not_of(' ') == std::string::npos) return true;
    if (line == "exit" || line == "quit") return false;
    if (const std::optional<std::string> refusal = refusedHere(line)) {
      editor_.print("atsharp shell: " + *refusal + "\n");
      return true;
    }
    command(line);
    return true;
  }

  void command(const std::string& line) {
    try {
      const Reply reply = module_.raw(line, timeout_);
      std::string text;
      for (const std::string& answer : answerLines(reply)) text += answer + "\n";
      editor_.print(text);
    } catch (const TimeoutError& late) {
      editor_.print(std::string("atsharp shell: ") + late.what() + "\n");
    }
    session_ = module_.takeDataSession();
    if (session_) startSession(line);
  }

  void startSession(const std::string& commandLine) {
    std::string notice = "-- data mode (" + commandLine + "): lines go to the peer; ";
    notice += session_->coding() == DataCoding::Dle
                  ? std::string(kEndData) + " ends the session\n"
                  : "under DLEMODE 0 only the peer can end it\n";
    editor_.print(notice);
    editor_.setPrompt(kDataPrompt);
  }

  void dataLine(const std::string& line) {
    if (line != kEndData) {
      session_->write(line + "\n");
      return;
    }
    if (session_->coding() != DataCoding::Dle) {
      editor_.print("-- under DLEMODE 0 the host cannot end the session (5.1.1)\n");
      return;
    }
    session_->close();
    noticeSessionEnd();
  }

  void showPayload(const Bytes& payload) {
    if (payload.empty()) return;
    std::string text = asString(payload);
    if (editor_.interactive() && text.back() != '\n') text += '\n';
    editor_.print(text);
  }

  void noticeSessionEnd() {
    if (!session_ || session_->isOpen()) return;
    std::string how;
    switch (session_->state()) {
      case DataSession::State::ClosedByPeer: how = "closed by the peer"; break;
      case DataSession::State::ClosedByHost: how = "closed"; break;
      default: how = "failed: #CME ERROR: " + std::to_string(session_->errorCode().value_or(0));
    }
    editor_.print("-- data mode ended: " + how + "\n");
    session_.reset();
    editor_.setPrompt(kCommandPrompt);
  }

  // At the end of the input a data session still open is closed, as the user would have.
  void endSession() {
    if (session_ && session_->isOpen() && session_->coding() == DataCoding::Dle) {
      session_->close();
    }
    session_.reset();
  }

  Module& module_;
  std::chrono::milliseconds timeout_;
  LineEditor editor_;
  int urcHandler_ = 0;
  std::unique_ptr<DataSession> session_;
};

}  // namespace

int shell(int argc, char** argv) {
  static const CommandInfo info{
      .name = "shell",
      .synopsis = "",
      .description =
          "An interactive terminal on the module, with line editing and history (libedit).\n"
          "Each line is sent as it is and its answer printed (credentials masked); reports\n"
          "the module sends on its own (RING, +CREG, a lost GPRS session) show as they come.\n"
          "A command that opens data mode (AT#OTCP=1, AT#LTCPSTART=1, AT#OUDP, AT#FTPGET)\n"
          "turns the prompt into data>: lines go to the peer with LF, the peer's data is\n"
          "printed, and ~. on a line of its own ends the session (ETX). exit, quit or\n"
          "Ctrl-D quits. Without a terminal it reads the lines from stdin.",
      .offersJson = false};
  const auto options = [](po::options_description_easy_init& add) {
    add("timeout", po::value<double>()->value_name("SECONDS")->default_value(30, "30"),
        "how long each command may take");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::duration<double>(invocation.get<double>("timeout")));
    greet(invocation.module());
    Shell shell(invocation.module(), timeout);
    shell.run();
    return kDone;
  });
}

}  // namespace atsharp::cli::lab
