#pragma once
// What the report viewers (show, html) take from a report the same way: the target's identity
// in a line, a case's spec reference, its failing step, the part of its transcript around the
// failure. Every function takes JSON that parseReport() has checked against the schema.

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

/// @p text with its control characters (but LF and TAB) as `\xNN`: a hand-made report
/// must not move a terminal's cursor or hide a line.
std::string safeText(std::string_view text);

/// A string, or "" for null.
std::string textOrEmpty(const nlohmann::json& value);

/// The bytes of a report's bytes object or transcript entry (from its hex).
Bytes bytesOf(const nlohmann::json& bytesOrEntry);

/// "eDsoft-W302_V03.00 67826 Jan 14 2005 ..." from AT#VVERSION, or why it is unknown.
std::string identityText(const nlohmann::json& report);

/// "passed 20, failed 2, error 1, skipped 1, xfail 0" of a report's summary.
std::string summaryText(const nlohmann::json& summary);

/// The case's spec reference: "WM_ASW_OAT_UGD_011 8.1 row 8.1.2-a" (its first row, and how many
/// more).
std::string specText(const nlohmann::json& oneCase);

/// "suites/x.yaml:12:5" of a location object ("" for null).
std::string locationText(const nlohmann::json& location);

/// The case's failing step, or nullptr when none is named.
const nlohmann::json* failingStep(const nlohmann::json& oneCase);

/// Whether a case's status is a failure or an error.
bool isBad(const nlohmann::json& oneCase);

/// A range of a transcript's entries: [first, last).
struct EntryRange {
  std::size_t first = 0;
  std::size_t last = 0;
};

/// The entries around a case's failure: a few before the failing step's first entry, the
/// step's own, a few after; the last entries when no entry belongs to the failing step.
EntryRange failureWindow(const nlohmann::json& oneCase);

/// How an entry is labelled: "TX command", "RX URC", "-- INJECT", "-- FAULT", "-- note", "-- fixture"...
std::string entryLabel(const nlohmann::json& entry);

/// A report's time ("2024-05-01T12:34:56.789Z", as isoTime() writes it).
std::chrono::system_clock::time_point timeFromIso(std::string_view text);

/// Seconds with 4 decimals and module seconds with 3, as the transcript shows them.
std::string secondsText(double seconds, int decimals);

}  // namespace atsharp::harness
