#pragma once
// Running a command line as a user would (through the shell, stderr with stdout), for the tests
// of `atsharp conform` and `atsharp report`; and reading back the JSON files they write.

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace atsharp::harness::test {

struct Outcome {
  int status;          ///< the exit status, -1 when the command did not exit
  std::string output;  ///< stdout and stderr, interleaved
};

/// Runs @p commandLine with /bin/sh and waits for it.
Outcome runCommand(const std::string& commandLine);

/// The JSON document in @p file (a failed REQUIRE when it cannot be read).
nlohmann::json readJson(const std::filesystem::path& file);

}  // namespace atsharp::harness::test
