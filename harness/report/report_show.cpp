#include "report/report_show.hpp"

#include <string>

#include "report/report_bytes.hpp"
#include "report/report_view.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

// Bytes of one transcript entry shown in a line, unless whole transcripts are asked for: a
// 3 KB data entry is not read on a terminal.
constexpr std::size_t kBytesShownPerEntry = 160;

constexpr const char* kIndent = "      ";

enum class Colour { None, Red, Green, Yellow, Magenta, Cyan, Dim, Bold };

const char* ansi(Colour colour) {
  switch (colour) {
    case Colour::None: return "";
    case Colour::Red: return "\x1b[31m";
    case Colour::Green: return "\x1b[32m";
    case Colour::Yellow: return "\x1b[33m";
    case Colour::Magenta: return "\x1b[35m";
    case Colour::Cyan: return "\x1b[36m";
    case Colour::Dim: return "\x1b[2m";
    case Colour::Bold: return "\x1b[1m";
  }
  return "";
}

class TextView {
 public:
  TextView(std::ostream& out, const ShowOptions& options) : out_(out), options_(options) {}

  void report(const Json& report) {
    run(report);
    problems(report.at("problems"));
    std::size_t shown = 0;
    for (const Json& oneCase : report.at("cases")) {
      if (!options_.all && !isBad(oneCase)) continue;
      if (shown++ == 0) out_ << "\n";
      caseView(oneCase);
    }
    if (!options_.all && shown == 0 && !report.at("cases").empty()) {
      out_ << "\nno case failed or had an error (--all shows every case)\n";
    }
  }

 private:
  // Any text of the report, safe for a terminal.
  static std::string str(const Json& value) { return safeText(textOrEmpty(value)); }

  std::string paint(const std::string& text, Colour colour) const {
    if (!options_.colour || colour == Colour::None) return text;
    return ansi(colour) + text + "\x1b[0m";
  }

  // Bytes with every byte visible; marked bytes dim on a terminal.
  std::string bytes(ByteView bytes, bool markAngle = true) const {
    std::string out;
    for (const ShownPiece& piece : showBytes(bytes, markAngle)) {
      out += piece.marked ? paint(piece.text, Colour::Dim) : piece.text;
    }
    return out;
  }

  std::string escapedText(const Json& text, bool markAngle = true) const {
    return bytes(bytesFromEscaped(textOrEmpty(text)), markAngle);
  }

  void run(const Json& report) {
    const Json& target = report.at("target");
    const Json& selection = report.at("selection");
    out_ << paint("run " + str(report.at("run_id")), Colour::Bold) << "  (atsharp "
         << str(report.at("tool").at("version")) << ")\n";
    out_ << "target    " << str(target.at("url")) << ", "
         << safeText(identityText(report)) << " (time scale " << target.at("time_scale").dump() << ")\n";
    out_ << "when      " << str(report.at("started_at")) << " to "
         << str(report.at("finished_at")) << ", "
         << secondsText(report.at("duration_s").get<double>(), 1) << " s\n";
    out_ << "selection " << selection.at("suites").size() << " suite file(s)";
    for (const Json& filter : selection.at("filters")) out_ << ", filter " << str(filter);
    if (selection.at("shard").is_object()) {
      out_ << ", shard " << selection.at("shard").at("index").get<int>() << "/"
           << selection.at("shard").at("count").get<int>();
    }
    out_ << ", " << selection.at("jobs").get<int>() << " job(s)\n";
    const Json& summary = report.at("summary");
    const bool bad = summary.at("failed").get<int>() + summary.at("error").get<int>() > 0;
    out_ << "cases     " << summary.at("total").get<int>() << ": "
         << paint(summaryText(summary), bad ? Colour::Red : Colour::Green) << "\n";
    out_ << "exit      " << report.at("exit_code").get<int>() << "\n";
  }

  void problems(const Json& problems) {
    if (problems.empty()) return;
    out_ << "\n" << paint("problems of the run (" + std::to_string(problems.size()) + ")", Colour::Magenta) << "\n";
    for (const Json& problem : problems) {
      out_ << "  " << str(problem.at("kind")) << ": ";
      const std::string where = safeText(locationText(problem.at("source")));
      if (!where.empty()) out_ << where << ": ";
      out_ << str(problem.at("message")) << "\n";
    }
  }

  static std::string statusWord(const std::string& status) {
    if (status == "passed") return "pass ";
    if (status == "failed") return "FAIL ";
    if (status == "error") return "ERROR";
    if (status == "skipped") return "skip ";
    return "xfail";
  }

  static Colour statusColour(const std::string& status) {
    if (status == "passed") return Colour::Green;
    if (status == "failed") return Colour::Red;
    if (status == "error") return Colour::Magenta;
    return Colour::Yellow;
  }

  void caseView(const Json& oneCase) {
    const std::string status = str(oneCase.at("status"));
    out_ << paint(statusWord(status), statusColour(status)) << " " << str(oneCase.at("id"))
         << "  (" << secondsText(oneCase.at("duration_s").get<double>(), 2) << " s)\n";
    const std::string reason = status == "skipped" ? str(oneCase.at("skip_reason"))
                                                   : str(oneCase.at("xfail_reason"));
    if ((status == "skipped" || status == "xfail") && !reason.empty()) {
      out_ << kIndent << (status == "xfail" ? "expected to fail: " : "") << reason << "\n";
    }
    const Json& failure = oneCase.at("failure");
    if (failure.is_object()) {
      out_ << kIndent << paint(str(failure.at("class")), statusColour(status)) << ": "
           << str(failure.at("message")) << "\n";
      const std::string spec = safeText(specText(oneCase));
      if (!spec.empty()) out_ << kIndent << "spec " << spec << "\n";
      const Json* step = failingStep(oneCase);
      if (step) stepView(*step);
      else if (failure.at("source").is_object()) {
        out_ << kIndent << "at " << safeText(locationText(failure.at("source"))) << " (" << str(failure.at("phase")) << ")\n";
      }
    }
    if (failure.is_object() || options_.transcripts) transcript(oneCase);
    if (failure.is_object()) out_ << "\n";
  }

  void stepView(const Json& step) {
    out_ << kIndent << "step " << step.at("index").get<int>() << " ("
         << str(step.at("phase")) << ") " << str(step.at("summary"))
         << "\n";
    out_ << kIndent << "  at " << safeText(locationText(step.at("source"))) << "\n";
    for (const Json& site : step.at("called_from")) {
      out_ << kIndent << "  called from " << safeText(locationText(site)) << "\n";
    }
    for (const Json& item : step.at("expected")) {
      if (item.at("exact").get<bool>()) {
        out_ << kIndent << "expected  " << paint(bytes(bytesFromHex(str(item.at("hex")))), Colour::Green) << "\n";
      } else {
        out_ << kIndent << "expected  " << paint(escapedText(item.at("text"), false), Colour::Green) << "  (pattern)\n";
      }
    }
    const Json& received = step.at("received");
    out_ << kIndent << "received  ";
    if (received.at("size").get<long>() == 0) out_ << "(nothing)";
    out_ << paint(bytes(bytesOf(received)), Colour::Red);
    if (received.at("truncated").get<bool>()) out_ << " ... (" << received.at("size").get<long>() << " bytes)";
    out_ << "\n";
    if (step.at("pending").is_object()) {
      out_ << kIndent << "pending   " << bytes(bytesOf(step.at("pending"))) << "\n";
    }
    if (!step.at("diff").empty()) {
      out_ << kIndent << "diff (- expected, + received)\n";
      for (const Json& line : step.at("diff")) {
        const std::string op = str(line.at("op"));
        const Colour colour = op == "-" ? Colour::Green : op == "+" ? Colour::Red : Colour::None;
        out_ << kIndent << "  " << paint(op + " " + escapedText(line.at("text"), line.at("exact").get<bool>()), colour) << "\n";
      }
    }
    for (const auto& [name, value] : step.at("captured").items()) {
      out_ << kIndent << "captured  " << name << " = " << escapedText(value) << "\n";
    }
  }

  void transcript(const Json& oneCase) {
    const Json& entries = oneCase.at("transcript");
    EntryRange range{0, entries.size()};
    if (!options_.transcripts) range = failureWindow(oneCase);
    const Json* step = failingStep(oneCase);
    const Json failing = step ? step->at("index") : Json();
    out_ << kIndent << "transcript";
    if (range.first > 0 || range.last < entries.size()) {
      out_ << " (entries " << range.first + 1 << " to " << range.last << " of " << entries.size() << ")";
    }
    out_ << ": seconds, module seconds; > the failing step\n";
    if (entries.empty()) out_ << kIndent << "  (empty)\n";
    for (std::size_t i = range.first; i < range.last; ++i) entry(entries[i], entries[i].at("step") == failing && step);
  }

  void entry(const Json& entry, bool ofFailingStep) {
    const std::string label = entryLabel(entry);
    std::string line = std::string(ofFailingStep ? "> " : "  ") +
                       pad(secondsText(entry.at("t").get<double>(), 4), 9) + " " +
                       pad(secondsText(entry.at("t_module").get<double>(), 3), 9) + "  ";
    const Colour colour = label.rfind("TX", 0) == 0   ? Colour::Cyan
                          : label.rfind("--", 0) == 0 ? Colour::Yellow
                          : label.find("URC") != std::string::npos ? Colour::Magenta
                                                                    : Colour::None;
    line += paint(padRight(label, 16), colour);
    if (entry.at("dir") == "event") {
      line += escapedText(entry.at("text"), false);
    } else {
      line += entryBytes(entry);
    }
    out_ << kIndent << line << "\n";
  }

  std::string entryBytes(const Json& entry) const {
    Bytes head = bytesOf(entry);
    const long size = entry.at("size").get<long>();
    std::string text;
    if (!options_.transcripts && head.size() > kBytesShownPerEntry) {
      head.resize(kBytesShownPerEntry);
      text = bytes(head) + paint(" ... (" + std::to_string(size) + " bytes)", Colour::Dim);
    } else if (entry.at("truncated").get<bool>()) {
      text = bytes(head) + paint(" ... (" + std::to_string(size) + " bytes, sha256 " +
                                     textOrEmpty(entry.at("sha256")) + ") ... ",
                                 Colour::Dim) +
             bytes(bytesFromHex(textOrEmpty(entry.at("tail_hex"))));
    } else {
      text = bytes(head);
    }
    if (entry.at("payload_size").is_number()) {
      text += paint("  [payload " + std::to_string(entry.at("payload_size").get<long>()) + " bytes]", Colour::Dim);
    }
    if (entry.at("masked").get<bool>()) text += paint("  [credential masked]", Colour::Dim);
    return text;
  }

  static std::string pad(const std::string& text, std::size_t width) {
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
  }
  static std::string padRight(const std::string& text, std::size_t width) {
    return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
  }

  std::ostream& out_;
  const ShowOptions& options_;
};

}  // namespace

void showReport(std::ostream& out, const Json& report, const ShowOptions& options) {
  TextView(out, options).report(report);
}

}  // namespace atsharp::harness
