#pragma once
// The shell's input: on a terminal, libedit's line editing and history (its readline
// interface, driven a character at a time so that the shell can print the module's reports
// while a line is being typed); otherwise plain lines from stdin, for scripts and tests.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace atsharp::cli::lab {

class LineEditor {
 public:
  /// Edits on the terminal when stdin is one, with @p prompt.
  explicit LineEditor(std::string prompt);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  bool interactive() const noexcept { return interactive_; }
  void setPrompt(const std::string& prompt);

  /// Waits up to @p wait for input and returns the lines completed meanwhile (CR LF or LF
  /// removed); nothing once the input has ended (Ctrl-D) and every line was returned.
  std::optional<std::vector<std::string>> poll(std::chrono::milliseconds wait);

  /// Writes @p text (lines ending with LF, or payload) to stdout above the line being edited,
  /// which is drawn again after it.
  void print(const std::string& text);

  /// Shows a fresh prompt once the lines poll() returned have been answered.
  void promptAgain();

 private:
  std::optional<std::vector<std::string>> pollPlain(std::chrono::milliseconds wait);
  std::optional<std::vector<std::string>> pollTerminal(std::chrono::milliseconds wait);

  bool interactive_;
  std::string prompt_;
  std::string pending_;  // plain input after the last complete line
  bool ended_ = false;
  bool answering_ = false;  // lines were returned: their answers print before a new prompt
};

}  // namespace atsharp::cli::lab
