#include "fixture_steps/fixture_step.hpp"

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <thread>

#include "atsharp/error.hpp"
#include "payload/sha256.hpp"
#include "steps/line_wait.hpp"
#include "text/byte_text.hpp"
#include "text/latin1_text.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

using Json = nlohmann::json;

// Fixtures are threads of their own: a step asks them again this often while it waits.
constexpr auto kPollInterval = std::chrono::milliseconds(5);

std::string hexAround(const Bytes& bytes, std::size_t at) {
  const std::size_t from = at > 8 ? at - 8 : 0;
  const std::size_t to = std::min(bytes.size(), at + 8);
  if (from >= to) return "nothing";
  return hexBytes(ByteView(bytes.data() + from, to - from));
}

bool validPeerName(const std::string& name) {
  if (name.empty() || name.size() > 32 || !std::isalpha(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

}  // namespace

void recordFixture(StepContext& context, const std::string& text, bool fault) {
  TranscriptEntry entry;
  entry.at = Clock::now();
  entry.direction = Direction::Event;
  entry.kind = EntryKind::Fixture;
  entry.text = text;
  entry.fault = fault;
  context.transcript.add(std::move(entry));
}

TemplateText textOf(const Json& value, const std::string& what) {
  if (value.is_number_integer()) return TemplateText(std::to_string(value.get<std::int64_t>()));
  if (!value.is_string()) throw UsageError(what + " must be a string");
  auto bytes = latin1FromUtf8(value.get<std::string>());
  if (!bytes) throw UsageError(what + " holds a character above U+00FF");
  return TemplateText(*bytes);
}

std::string peerNameOf(const Json& step, const std::string& fallback) {
  if (!step.is_object() || !step.contains("peer")) return fallback;
  if (!step["peer"].is_string() || !validPeerName(step["peer"].get<std::string>())) {
    throw UsageError("peer is a name: letters, digits, _ and -, starting with a letter");
  }
  return step["peer"].get<std::string>();
}

ExpectedBytes ExpectedBytes::parse(const Json& value, const std::filesystem::path& folder) {
  ExpectedBytes out;
  out.payload = parsePayload(value, folder, true);
  out.byDigest = out.payload.source == PayloadSpec::Source::Digest;
  if (value.is_object() && value.contains("compare")) {
    const std::string compare = value["compare"].get<std::string>();
    if (compare != "exact" && compare != "digest") throw UsageError("compare is exact or digest");
    if (out.payload.source == PayloadSpec::Source::Digest && compare == "exact") {
      throw UsageError("size and sha256 can only be compared by digest");
    }
    out.byDigest = compare == "digest";
  }
  return out;
}

std::size_t ExpectedBytes::size(const Vars& vars) const {
  if (payload.source == PayloadSpec::Source::Digest) return payload.size;
  return payloadBytes(payload, vars).size();
}

void ExpectedBytes::addReads(std::set<std::string>& reads) const {
  for (const auto& name : payload.text.names()) reads.insert(name);
}

void compareBytes(StepContext& context, const ExpectedBytes& expected, const Bytes& received,
                  const std::string& what) {
  const bool known = expected.payload.source != PayloadSpec::Source::Digest;
  const Bytes bytes = known ? payloadBytes(expected.payload, context.vars()) : Bytes{};
  const std::size_t size = known ? bytes.size() : expected.payload.size;
  const std::string digest = known ? Sha256::of(bytes) : expected.payload.sha256;
  const bool exact = known && !expected.byDigest;
  context.record.expected.push_back(
      exact ? ExpectedItem{asString(bytes), true}
            : ExpectedItem{std::to_string(size) + " bytes, sha256 " + digest, false});
  const std::vector<std::string> got{asString(received)};
  if (exact) {
    const auto [mine, theirs] =
        std::mismatch(bytes.begin(), bytes.end(), received.begin(), received.end());
    if (mine == bytes.end() && theirs == received.end()) return;
    const std::size_t at = static_cast<std::size_t>(mine - bytes.begin());
    if (mine == bytes.end() || theirs == received.end()) {
      failStep(context, FailureClass::Mismatch,
               what + " has " + std::to_string(received.size()) + " bytes, not " +
                   std::to_string(size) + " (the first " + std::to_string(at) + " are right)",
               got);
    }
    failStep(context, FailureClass::Mismatch,
             "byte " + std::to_string(at) + " of " + what + " differs: expected " +
                 hexAround(bytes, at) + ", received " + hexAround(received, at),
             got);
  }
  if (received.size() != size) {
    failStep(context, FailureClass::Mismatch,
             what + " has " + std::to_string(received.size()) + " bytes, not " +
                 std::to_string(size),
             got);
  }
  const std::string actual = Sha256::of(received);
  if (actual != digest) {
    failStep(context, FailureClass::Mismatch,
             "the sha256 of " + what + " is " + actual + ", not " + digest, got);
  }
}

bool stillPrefix(const Bytes& expected, const Bytes& received) {
  if (received.size() > expected.size()) return false;
  return std::equal(received.begin(), received.end(), expected.begin());
}

bool waitUntil(Deadline deadline, const std::function<bool()>& done) {
  while (true) {
    if (done()) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollInterval);
  }
}

std::string variableOf(StepContext& context, const std::string& name) {
  const auto found = context.vars().find(name);
  if (found == context.vars().end()) throw UnknownVariable(name);
  return found->second;
}

std::string timeoutText(const StepContext& context) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f s",
                std::chrono::duration<double>(context.timeout()).count());
  return text;
}

}  // namespace atsharp::harness::fixture_steps
