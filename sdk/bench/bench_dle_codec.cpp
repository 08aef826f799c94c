// Throughput of the DLE/ETX codec of data mode on 64 MiB buffers, against memcpy of a buffer of
// the same size measured in the same run: the codec's goal is a fraction of memcpy's speed, so
// the ratio is what matters and both sides of it must come from the same machine state.
//
// After the runs a table gives each case's GB/s (10^9 payload bytes per second), its ratio to
// memcpy and whether it meets its goal. Google Benchmark's flags work as usual; with
// --benchmark_repetitions the table uses the medians.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/codec/dle_encoder.hpp"

namespace {

using atsharp::Byte;
using atsharp::Bytes;

constexpr std::size_t kPayloadSize = std::size_t{64} << 20;

enum class Content { Random, Text, AllDle };

Bytes makePayload(Content content) {
  std::mt19937_64 gen(20050114);
  Bytes payload(kPayloadSize);
  switch (content) {
    case Content::Random:
      for (Byte& b : payload) b = static_cast<Byte>(gen());
      break;
    case Content::Text: {
      // Printable ASCII and line ends: what a text transfer carries, and never a DLE or ETX.
      std::string alphabet = "\r\n";
      for (char c = ' '; c <= '~'; ++c) alphabet += c;
      std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
      for (Byte& b : payload) b = static_cast<Byte>(alphabet[pick(gen)]);
      break;
    }
    case Content::AllDle:
      std::memset(payload.data(), atsharp::kDle, payload.size());
      break;
  }
  return payload;
}

/// The buffers of one content, built on first use so that a filtered run builds only its own.
struct Buffers {
  Bytes payload;
  Bytes stream;  ///< the payload encoded, then the ending ETX: the decoder's input

  static const Buffers& of(Content content) {
    static std::map<Content, Buffers> cache;
    auto [it, inserted] = cache.try_emplace(content);
    if (inserted) {
      it->second.payload = makePayload(content);
      atsharp::DleEncoder::encode(it->second.payload, it->second.stream);
      atsharp::DleEncoder::finish(it->second.stream);
    }
    return it->second;
  }
};

/// Room for any output, written once up front so that no case pays for first-touch page faults.
Bytes& outputBuffer() {
  static Bytes out(atsharp::DleEncoder::maxEncodedSize(kPayloadSize), 0xAA);
  return out;
}

void setPayloadBytes(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(kPayloadSize));
}

void benchMemcpy(benchmark::State& state) {
  const Bytes& source = Buffers::of(Content::Random).payload;
  Bytes& out = outputBuffer();
  for (auto _ : state) {
    std::memcpy(out.data(), source.data(), source.size());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();  // the copy must happen although nothing reads it
  }
  setPayloadBytes(state);
}

void benchEncode(benchmark::State& state, Content content) {
  const Bytes& payload = Buffers::of(content).payload;
  Bytes& out = outputBuffer();
  for (auto _ : state) {
    benchmark::DoNotOptimize(atsharp::DleEncoder::encodeInto(payload, out));
    benchmark::ClobberMemory();
  }
  setPayloadBytes(state);
}

void benchDecode(benchmark::State& state, Content content) {
  const Bytes& stream = Buffers::of(content).stream;
  Bytes& out = outputBuffer();
  atsharp::DleDecoder decoder;
  atsharp::DleDecoder::Step step;
  for (auto _ : state) {
    decoder.reset();
    step = decoder.decode(stream, out);
    benchmark::DoNotOptimize(step);
    benchmark::ClobberMemory();
  }
  if (!step.ended || step.produced != kPayloadSize) {
    state.SkipWithError("the decoder did not give the payload back");
  }
  setPayloadBytes(state);
}

/// One row of the summary: a benchmark and the fraction of memcpy's speed it should reach.
struct Case {
  std::string name;
  void (*function)(benchmark::State&, Content);
  Content content;
  std::optional<double> goal;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> all{
      {"encode/random", benchEncode, Content::Random, 0.3},
      {"decode/random", benchDecode, Content::Random, 0.3},
      {"encode/text", benchEncode, Content::Text, 0.7},
      {"decode/text", benchDecode, Content::Text, 0.7},
      {"encode/all-DLE", benchEncode, Content::AllDle, std::nullopt},
      {"decode/all-DLE", benchDecode, Content::AllDle, std::nullopt},
  };
  return all;
}

constexpr const char* kMemcpyName = "memcpy";

/// The console reporter, also keeping each benchmark's bytes per second for the summary.
class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  // Colours only on a terminal: the output of a benchmark often goes to a log file.
  CollectingReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto rate = run.counters.find("bytes_per_second");
      if (run.error_occurred || rate == run.counters.end()) continue;
      // A single run, or with repetitions the median, which comes after the runs it sums up.
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Iteration || median) {
        bytesPerSecond_[run.run_name.function_name] = rate->second.value;
      }
    }
  }

  std::optional<double> gigabytesPerSecond(const std::string& name) const {
    const auto found = bytesPerSecond_.find(name);
    if (found == bytesPerSecond_.end()) return std::nullopt;
    return found->second / 1e9;
  }

 private:
  std::map<std::string, double> bytesPerSecond_;
};

void printSummary(const CollectingReporter& results) {
  const std::optional<double> baseline = results.gigabytesPerSecond(kMemcpyName);
  std::printf("\nDLE/ETX codec on %zu MiB buffers, GB/s = 10^9 payload bytes/s\n",
              kPayloadSize >> 20);
  std::printf("%-16s %8s %10s %6s  %s\n", "case", "GB/s", "vs memcpy", "goal", "verdict");
  if (!baseline) {
    std::printf("(memcpy was not run, so there are no ratios)\n");
  } else {
    std::printf("%-16s %8.2f %9.2fx\n", kMemcpyName, *baseline, 1.0);
  }
  for (const Case& c : cases()) {
    const std::optional<double> speed = results.gigabytesPerSecond(c.name);
    if (!speed) continue;
    std::printf("%-16s %8.2f", c.name.c_str(), *speed);
    if (!baseline) {
      std::printf("\n");
      continue;
    }
    const double ratio = *speed / *baseline;
    std::printf(" %9.2fx", ratio);
    if (c.goal) {
      std::printf(" %5.1fx  %s\n", *c.goal, ratio >= *c.goal ? "meets" : "below");
    } else {
      std::printf(" %6s  %s\n", "none", "-");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // Wall-clock time: memory-bound work, and the same clock for the codec and its baseline.
  benchmark::RegisterBenchmark(kMemcpyName, benchMemcpy)->UseRealTime();
  for (const Case& c : cases()) {
    benchmark::RegisterBenchmark(c.name.c_str(), c.function, c.content)->UseRealTime();
  }

  CollectingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  printSummary(reporter);
  return 0;
}
