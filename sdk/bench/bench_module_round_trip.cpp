// The round trip of one command through atsharp::Module, against the same bytes written and read
// bare through the same kind of line in the same run.
//
// Both cases talk to a reference module on a pseudo-terminal: `vstate/module` calls
// Module::command("AT#VSTATE"); `vstate/bare` writes "AT#VSTATE\r" to a SerialTransport and reads
// until the answer's final "\r\nOK\r\n" (echo off in both, so the module sends the same bytes).
// The difference is what the SDK adds: the parser, URC routing, the line's lock. Each iteration
// is one round trip; the table after the runs compares the medians.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "atsharp/module/module.hpp"
#include "atsharp/reference/emulator.hpp"
#include "atsharp/transport/serial_transport.hpp"

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kCommand = "AT#VSTATE";
constexpr std::string_view kAnswer = "\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n";
constexpr const char* kModuleCase = "vstate/module";
constexpr const char* kBareCase = "vstate/bare";

/// A reference module on a pty whose link lives in a fresh temporary directory.
class PtyModule {
 public:
  PtyModule() {
    std::string pattern = (std::filesystem::temp_directory_path() / "atsharp-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    atsharp::reference::EmulatorOptions options;
    options.ptyLink = dir_ / "modem";
    emulator_ = std::make_unique<atsharp::reference::Emulator>(options);
    emulator_->start();
  }
  ~PtyModule() {
    emulator_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  PtyModule(const PtyModule&) = delete;
  PtyModule& operator=(const PtyModule&) = delete;

  std::unique_ptr<atsharp::SerialTransport> open() const {
    return std::make_unique<atsharp::SerialTransport>((dir_ / "modem").string(),
                                                      atsharp::SerialSettings{});
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<atsharp::reference::Emulator> emulator_;
};

/// The median of one case's round trips, in microseconds, set as a counter for the summary.
void reportMedian(benchmark::State& state, std::vector<double>& microseconds) {
  if (microseconds.empty()) return;
  const auto middle = microseconds.begin() + static_cast<std::ptrdiff_t>(microseconds.size() / 2);
  std::nth_element(microseconds.begin(), middle, microseconds.end());
  state.counters["median_us"] = *middle;
}

double elapsedMicroseconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - since).count();
}

void benchModule(benchmark::State& state) {
  const PtyModule rig;
  atsharp::Module module(rig.open());  // synchronises: AT, ATE0, ATV1, AT#VVERSION
  std::vector<double> samples;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const atsharp::Reply reply = module.command(kCommand);
    samples.push_back(elapsedMicroseconds(start));
    benchmark::DoNotOptimize(reply);
  }
  reportMedian(state, samples);
}

/// Reads until @p text ends what came; throws when the line stays silent or closes.
void readUntilEnd(atsharp::Transport& line, std::string& got, std::string_view end) {
  atsharp::Byte buffer[256];
  while (!std::string_view(got).ends_with(end)) {
    const atsharp::IoResult result = line.read(buffer, atsharp::after(5s));
    if (result.status != atsharp::IoStatus::Ok) throw std::runtime_error("the module went silent");
    got.append(reinterpret_cast<const char*>(buffer), result.count);
  }
}

void exchange(atsharp::Transport& line, std::string_view command, std::string_view end,
              std::string& got) {
  got.clear();
  const std::string bytes = std::string(command) + "\r";
  if (line.write(atsharp::asBytes(bytes), atsharp::after(5s)).status != atsharp::IoStatus::Ok) {
    throw std::runtime_error("the module took no bytes");
  }
  readUntilEnd(line, got, end);
}

void benchBare(benchmark::State& state) {
  const PtyModule rig;
  const std::unique_ptr<atsharp::SerialTransport> line = rig.open();
  std::string got;
  exchange(*line, "ATE0", "OK\r\n", got);  // as the Module does on opening
  std::vector<double> samples;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    exchange(*line, kCommand, "\r\nOK\r\n", got);
    samples.push_back(elapsedMicroseconds(start));
  }
  if (got != kAnswer) state.SkipWithError("the module's answer was not the expected one");
  reportMedian(state, samples);
}

/// The console reporter, also keeping each case's median round trip for the summary.
class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  CollectingReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto median = run.counters.find("median_us");
      if (run.error_occurred || median == run.counters.end()) continue;
      if (run.run_type == Run::RT_Iteration) medians_[run.run_name.function_name] = median->second;
    }
  }

  std::optional<double> median(const std::string& name) const {
    const auto found = medians_.find(name);
    if (found == medians_.end()) return std::nullopt;
    return found->second;
  }

 private:
  std::map<std::string, double> medians_;
};

void printSummary(const CollectingReporter& results) {
  const std::optional<double> module = results.median(kModuleCase);
  const std::optional<double> bare = results.median(kBareCase);
  std::printf("\nAT#VSTATE round trip through a pty to the reference module (medians)\n");
  std::printf("%-16s %12s\n", "case", "median");
  if (bare) std::printf("%-16s %9.1f us\n", kBareCase, *bare);
  if (module) std::printf("%-16s %9.1f us\n", kModuleCase, *module);
  if (module && bare) {
    std::printf("Module / bare write-read: %.2fx (the SDK's share of a command's round trip)\n",
                *module / *bare);
  } else {
    std::printf("(run both cases for the ratio)\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Wall-clock time: the round trip is mostly waiting for the other side.
  benchmark::RegisterBenchmark(kBareCase, benchBare)->UseRealTime();
  benchmark::RegisterBenchmark(kModuleCase, benchModule)->UseRealTime();
  CollectingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  printSummary(reporter);
  return 0;
}
