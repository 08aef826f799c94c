#include "transcript/transcript.hpp"

#include <algorithm>

namespace atsharp::harness {

std::string_view entryKindName(EntryKind kind) noexcept {
  switch (kind) {
    case EntryKind::Command: return "command";
    case EntryKind::Bytes: return "bytes";
    case EntryKind::Data: return "data";
    case EntryKind::Close: return "close";
    case EntryKind::Echo: return "echo";
    case EntryKind::Line: return "line";
    case EntryKind::Unsolicited: return "unsolicited";
    case EntryKind::Discarded: return "discarded";
    case EntryKind::Unconsumed: return "unconsumed";
    case EntryKind::Inject: return "inject";
    case EntryKind::Note: return "note";
    case EntryKind::Fixture: return "fixture";
  }
  return "note";
}

void Transcript::add(TranscriptEntry entry) {
  if (entry.step < 0) entry.step = step_;
  if (entry.until < entry.at) entry.until = entry.at;
  entries_.push_back(std::move(entry));
}

std::vector<TranscriptEntry> Transcript::entries() const {
  std::vector<TranscriptEntry> sorted = entries_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TranscriptEntry& a, const TranscriptEntry& b) { return a.at < b.at; });
  return sorted;
}

}  // namespace atsharp::harness
