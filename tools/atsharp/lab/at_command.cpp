// atsharp at 'AT#VSTATE': sends one command line as it is (the raw path: the module's error
// is an answer like any other) and prints the answer.

#include <chrono>
#include <iostream>

#include "answer_text.hpp"
#include "atsharp/module/data_session.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"

namespace atsharp::cli::lab {
namespace {

// A command of the data-mode kind (AT#OTCP=1) typed here has no one to talk to: the session
// is ended at once (ETX), and the user pointed at the command made for it.
void endStrayDataSession(Module& module) {
  std::unique_ptr<DataSession> session = module.takeDataSession();
  if (!session) return;
  std::cerr << "atsharp at: the module went into data mode (" << session->label()
            << "); use atsharp tcp, udp or ftp for a data session\n";
  if (session->coding() == DataCoding::Dle && session->isOpen()) session->close();
}

}  // namespace

int at(int argc, char** argv) {
  static const CommandInfo info{
      .name = "at",
      .synopsis = "COMMAND",
      .description =
          "Sends COMMAND (\"AT#VSTATE\", \"AT#PPPMODE=2\") to the module as it is and prints\n"
          "its answer: the information lines, then the final result. An error answer\n"
          "(#CME ERROR: <code>, ERROR, BUSY ...) is printed the same way, with exit status 1.\n"
          "Credentials in the answer are masked.",
      .positional = {{"command", 1}}};
  const auto options = [](po::options_description_easy_init& add) {
    add("timeout", po::value<double>()->value_name("SECONDS")->default_value(30, "30"),
        "how long to wait for the final result");
  };
  return run(info, argc, argv, options, [](Invocation& invocation) {
    if (!invocation.has("command")) throw UsageError("which command? (atsharp at 'AT#VSTATE')");
    const std::string commandLine = invocation.get<std::string>("command");
    const auto timeout = std::chrono::duration_cast<Milliseconds>(
        std::chrono::duration<double>(invocation.get<double>("timeout")));
    Module& module = invocation.module();
    const Reply reply = module.raw(commandLine, timeout);
    if (invocation.json()) {
      printJson(answerJson(commandLine, reply));
    } else {
      for (const std::string& line : answerLines(reply)) std::cout << line << "\n";
      std::cout << std::flush;
    }
    endStrayDataSession(module);
    return answerStatus(reply);
  });
}

}  // namespace atsharp::cli::lab
