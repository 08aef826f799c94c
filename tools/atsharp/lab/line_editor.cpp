#include "line_editor.hpp"

#include <poll.h>
#include <unistd.h>

// libedit's readline interface, not GNU readline's (the include names the folder on purpose).
#include <editline/readline.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace atsharp::cli::lab {
namespace {

// libedit calls back with each completed line through a plain function: the lines go here.
std::vector<std::string>* completedLines = nullptr;
bool inputEnded = false;

void takeLine(char* line) {
  if (line == nullptr) {
    inputEnded = true;
    return;
  }
  if (*line != '\0') add_history(line);
  if (completedLines != nullptr) completedLines->emplace_back(line);
  std::free(line);
}

bool waitReadable(int fd, std::chrono::milliseconds wait) {
  pollfd watched{fd, POLLIN, 0};
  return ::poll(&watched, 1, static_cast<int>(wait.count())) > 0;
}

}  // namespace

LineEditor::LineEditor(std::string prompt)
    : interactive_(::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1),
      prompt_(std::move(prompt)) {
  if (!interactive_) return;
  inputEnded = false;
  rl_callback_handler_install(prompt_.c_str(), takeLine);
}

LineEditor::~LineEditor() {
  if (!interactive_) return;
  rl_callback_handler_remove();
  std::cout << std::endl;
}

void LineEditor::setPrompt(const std::string& prompt) {
  prompt_ = prompt;
  if (!interactive_ || answering_) return;  // promptAgain() shows it
  promptAgain();
}

void LineEditor::promptAgain() {
  answering_ = false;
  if (!interactive_) return;
  // Installing again starts an empty line with the prompt: libedit's readline interface
  // offers no other way to do so in callback mode.
  rl_callback_handler_remove();
  rl_callback_handler_install(prompt_.c_str(), takeLine);
}

std::optional<std::vector<std::string>> LineEditor::poll(std::chrono::milliseconds wait) {
  return interactive_ ? pollTerminal(wait) : pollPlain(wait);
}

std::optional<std::vector<std::string>> LineEditor::pollTerminal(std::chrono::milliseconds wait) {
  std::vector<std::string> lines;
  completedLines = &lines;
  // One character per call; whatever else is already typed is read at once.
  for (auto slice = wait; !inputEnded && waitReadable(STDIN_FILENO, slice);
       slice = std::chrono::milliseconds(0)) {
    rl_callback_read_char();
  }
  completedLines = nullptr;
  if (inputEnded && lines.empty()) return std::nullopt;
  if (!lines.empty()) answering_ = true;
  return lines;
}

std::optional<std::vector<std::string>> LineEditor::pollPlain(std::chrono::milliseconds wait) {
  std::vector<std::string> lines;
  if (!ended_ && waitReadable(STDIN_FILENO, wait)) {
    char buffer[4096];
    const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (got > 0) {
      pending_.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      ended_ = true;
    }
  }
  for (std::size_t end; (end = pending_.find('\n')) != std::string::npos;) {
    std::string line = pending_.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    pending_.erase(0, end + 1);
  }
  if (ended_ && !pending_.empty()) {
    lines.push_back(std::move(pending_));  // a last line without its line end
    pending_.clear();
  }
  if (ended_ && lines.empty()) return std::nullopt;
  return lines;
}

void LineEditor::print(const std::string& text) {
  if (!interactive_) {
    std::cout << text << std::flush;
    return;
  }
  if (answering_) {
    std::cout << text << std::flush;
    return;
  }
  // Clear the line being edited, print, then let libedit draw the prompt and the line again.
  std::cout << "\r\x1b[K" << text << std::flush;
  rl_forced_update_display();
}

}  // namespace atsharp::cli::lab
