#pragma once
// Lets doctest print what the actions return when a check fails: progress lines, ping reports,
// result messages, retrieved mails and lists of lines.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "atsharp/catalogue/results.hpp"
#include "atsharp/module/actions.hpp"

namespace atsharp::test {

inline std::string printable(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\r') {
      out += "\\r";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string printable(catalogue::Result result) {
  return std::string(catalogue::spec(result).verbose);
}

inline std::string printable(const ProgressLine& line) {
  return "[" + std::to_string(static_cast<int>(line.kind)) + "] " + line.text;
}

inline std::string printable(const PingReport& report) {
  return "\"" + report.host + "\" " +
         (report.milliseconds ? std::to_string(*report.milliseconds) + " ms" : "no answer");
}

inline std::string printable(const RetrievedMail& mail) {
  std::string text = "header {";
  for (const std::string& line : mail.header) text += "\n  " + printable(line);
  return text + "\n} body \"" + printable(mail.body) + "\"";
}

template <class T>
std::string printable(const std::vector<T>& items) {
  std::string text = "{";
  for (const T& item : items) text += "\n  " + printable(item);
  return text + "\n}";
}

}  // namespace atsharp::test

#define ATSHARP_PRINTABLE(Type)                                             \
  template <>                                                               \
  struct doctest::StringMaker<Type> {                                       \
    static doctest::String convert(const Type& value) {                     \
      return ::atsharp::test::printable(value).c_str();                     \
    }                                                                       \
  }

ATSHARP_PRINTABLE(atsharp::catalogue::Result);
ATSHARP_PRINTABLE(atsharp::ProgressLine);
ATSHARP_PRINTABLE(atsharp::PingReport);
ATSHARP_PRINTABLE(atsharp::RetrievedMail);
ATSHARP_PRINTABLE(std::vector<std::string>);
ATSHARP_PRINTABLE(std::vector<atsharp::ProgressLine>);
ATSHARP_PRINTABLE(std::vector<atsharp::PingReport>);
ATSHARP_PRINTABLE(std::vector<atsharp::catalogue::Result>);

#undef ATSHARP_PRINTABLE
