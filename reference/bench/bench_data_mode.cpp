// bench_data_mode: the reference module's data path, measured end to end through a real pty
// against a baseline taken in the same run.
//
//  1. Throughput: the host pushes N MiB of random bytes through `atsharp emulate --pty` in
//     TCP data mode (DLEMODE 1, then DLEMODE 0) to an echo peer on 127.0.0.1 and reads the echo
//     back; the baseline is socat relaying a pty to the same peer. The ratio module/socat says
//     what the module's interpreter, codec and event loop cost over a bare relay; its goal,
//     0.5, keeps the module far from being the bottleneck of any serial line it stands for
//     (4 Mbaud is 0.4 MB/s).
//  2. FTPGET goodput at --baud 115200: file bytes over the time from AT#FTPGET to its OK,
//     against the line rate (11520 B/s). DLE escaping alone costs about 0.8 % on random data,
//     so 0.95 leaves room for the login and the answers, but not for gaps on the line.
//
// Options: --mib N (payload, 16), --rounds N (5; the table shows medians), --ftp-kib N (192),
// --no-throughput, --no-ftp. Google Benchmark's --benchmark_* flags (tools/dev bench passes its
// arguments to every benchmark) are ignored. Exit status 0 once measured (goals missed
// included), 1 when a measurement failed, 2 for a usage error, 130 after Ctrl-C.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/fixtures/daemons/fixture_script.hpp"
#include "ftp_goodput.hpp"
#include "interruption.hpp"
#include "result_table.hpp"
#include "throughput.hpp"

namespace {

using namespace atsharp::bench;

// Why the FTP measurement cannot run here, or nothing: vsftpd checks the password with PAM and
// changes to the user the fixture makes, which takes root.
std::optional<std::string> whyNoVsftpd() {
  if (!atsharp::fixtures::isRoot()) {
    return "not root: vsftpd needs root; run the benchmark as root to measure FTPGET";
  }
  return std::nullopt;  // a missing vsftpd is the fixture's error, with the package's name
}

constexpr double kThroughputGoal = 0.5;
constexpr double kFtpGoal = 0.95;

struct Options {
  ThroughputOptions throughput;
  FtpGetOptions ftp;
  bool runThroughput = true;
  bool runFtp = true;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "bench_data_mode: " << problem << "\n"
            << "usage: bench_data_mode [--mib N] [--rounds N] [--ftp-kib N] [--no-throughput] "
               "[--no-ftp]\n";
  std::exit(2);
}

int positive(std::string_view option, const char* text) {
  if (text == nullptr) usage(std::string(option) + " needs a number");
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 1 || value > 4096) {
    usage(std::string(option) + " takes a whole number from 1 to 4096");
  }
  return static_cast<int>(value);
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--mib") {
      options.throughput.payloadBytes = std::size_t(positive(arg, argv[++i])) << 20;
    } else if (arg == "--rounds") {
      options.throughput.rounds = positive(arg, argv[++i]);
    } else if (arg == "--ftp-kib") {
      options.ftp.fileBytes = std::size_t(positive(arg, argv[++i])) << 10;
    } else if (arg == "--no-throughput") {
      options.runThroughput = false;
    } else if (arg == "--no-ftp") {
      options.runFtp = false;
    } else if (arg.starts_with("--benchmark_")) {
      std::cerr << "bench_data_mode: ignoring " << arg << " (not a Google Benchmark program)\n";
    } else {
      usage("unknown argument " + std::string(arg));
    }
  }
  return options;
}

std::string megabytes(double value) { return withUnit(value, 1, "MB/s"); }

void addThroughputRows(const ThroughputResults& results, std::vector<Row>& rows) {
  const double socat = median(results.socat);
  const auto row = [&](const char* what, const std::vector<double>& rounds) {
    const double value = median(rounds);
    rows.push_back({what, megabytes(value), "socat " + megabytes(socat), value / socat,
                    kThroughputGoal, ""});
  };
  row("pty echo via TCP, module DLEMODE 1", results.moduleDle);
  row("pty echo via TCP, module DLEMODE 0", results.moduleRaw);
}

void addFtpRows(const FtpGetOptions& options, const FtpGetResult& result, std::vector<Row>& rows) {
  const double line = lineRate(options.baud);
  const std::string lineText = "line " + withUnit(line, 0, "B/s");
  const double file = static_cast<double>(result.fileBytes);
  const double coded = static_cast<double>(result.codedBytes);
  rows.push_back({"FTPGET goodput, " + std::to_string(options.fileBytes >> 10) + " KiB at " +
                      std::to_string(options.baud) + " baud",
                  withUnit(result.goodput(), 0, "B/s"), lineText, result.goodput() / line,
                  kFtpGoal, ""});
  // What escaping alone leaves of the line: the best goodput ratio there can be.
  rows.push_back({"  DLE escaping: file / bytes on the line",
                  withUnit((coded / file - 1) * 100, 2, "% more"),
                  std::to_string(result.codedBytes) + " B coded", file / coded, std::nullopt,
                  ""});
  rows.push_back({"  line use while the file streamed", withUnit(result.streamingRate(), 0, "B/s"),
                  lineText, result.streamingRate() / line, std::nullopt, ""});
  rows.push_back({"  AT#FTPGET to Ok_Info_DataBegin (login)",
                  withUnit(std::chrono::duration<double>(result.toDataBegin).count(), 3, "s"), "-",
                  std::nullopt, std::nullopt, ""});
}

Row failedRow(const std::string& what, const std::string& why) {
  return {what, "-", "-", std::nullopt, std::nullopt, "FAILED: " + why};
}

/// Runs one measurement; a failure becomes a row (and the exit status 1), an interruption ends
/// the program after the clean-up the unwinding did.
template <typename Measure>
bool attempt(const std::string& what, std::vector<Row>& rows, Measure measure) {
  try {
    measure();
    return true;
  } catch (const Interrupted&) {
    std::cerr << "bench_data_mode: interrupted; children stopped, temporary files removed\n";
    std::exit(130);
  } catch (const std::exception& failure) {
    std::cerr << "bench_data_mode: " << what << " failed: " << failure.what() << "\n";
    rows.push_back(failedRow(what, failure.what()));
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseOptions(argc, argv);
  catchInterruptions();
  const auto start = std::chrono::steady_clock::now();
  std::vector<Row> rows;
  bool ok = true;
  if (options.runThroughput) {
    std::cout << "Data-mode round trip of " << (options.throughput.payloadBytes >> 20)
              << " MiB of random bytes through a pty, " << options.throughput.rounds
              << " rounds (MB/s = 10^6 payload bytes a second):\n";
    ok &= attempt("pty echo via TCP", rows, [&] {
      addThroughputRows(measureThroughput(options.throughput, std::cout), rows);
    });
  }
  if (options.runFtp) {
    std::cout << "FTPGET through the paced line:\n";
    if (const std::optional<std::string> why = whyNoVsftpd()) {
      std::cout << "  skipped: " << *why << "\n";
      rows.push_back({"FTPGET goodput", "-", "-", std::nullopt, std::nullopt, "skipped: " + *why});
    } else {
      ok &= attempt("FTPGET goodput", rows, [&] {
        addFtpRows(options.ftp, measureFtpGet(options.ftp, std::cout), rows);
      });
    }
  }
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "\nThe reference module's data path (medians; ratio = value / baseline), "
            << static_cast<int>(took + 0.5) << " s in all:\n";
  printTable(rows, std::cout);
  return ok ? 0 : 1;
}
