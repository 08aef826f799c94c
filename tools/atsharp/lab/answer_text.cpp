#include "answer_text.hpp"

#include "bench_command.hpp"
#include "masking.hpp"

namespace atsharp::cli::lab {

std::vector<std::string> answerLines(const Reply& reply) {
  std::vector<std::string> lines;
  for (const ProgressLine& step : reply.progress) lines.push_back(maskedLine(step.text));
  for (const std::string& line : reply.lines) lines.push_back(maskedLine(line));
  lines.push_back(reply.final.text());
  return lines;
}

Json answerJson(const std::string& commandLine, const Reply& reply) {
  Json lines = Json::array();
  for (const ProgressLine& step : reply.progress) lines.push_back(maskedLine(step.text));
  for (const std::string& line : reply.lines) lines.push_back(maskedLine(line));
  Json answer{{"command", maskedLine(commandLine)},
              {"lines", std::move(lines)},
              {"result", reply.final.text()}};
  if (reply.final.cmeError) answer["code"] = *reply.final.cmeError;
  return answer;
}

int answerStatus(const Reply& reply) {
  return reply.final.succeeded() ? kDone : kModuleReportedError;
}

}  // namespace atsharp::cli::lab
