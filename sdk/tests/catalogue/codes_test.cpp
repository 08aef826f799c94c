// The error codes of 9.2 (and 1.2's 600) and the response messages of 9.1, typed from the spec.

#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "same_members.hpp"
#include "atsharp/catalogue/errors.hpp"
#include "atsharp/catalogue/results.hpp"

namespace atsharp::catalogue {
namespace {

struct CodeFact {
  int code;
  std::string category;  // the text before the colon in 9.2's description column
};

// 9.2, in its order. The table ends by repeating 34817 and 34819; they are listed once here.
const std::vector<CodeFact> kSpecCodes{
    {34817, "Bad command"},  // Unknown command
    {34819, "Bad command"},  // Syntax error
    {34824, "Bad command"},  // EEPROM write failed
    {34881, "Bad command"},  // Command to long
    {34882, "Bad command"},  // Bad command argument value
    {35840, "Physical layer"},  // Modem is already running
    {35841, "Physical layer"},  // GPRS session lost.
    {35862, "Physical layer"},  // Timeout, no activity on network connection
    {35865, "Physical layer"},  // Module is not attached to the network
    {35866, "Physical layer"},  // Invalid event during activation process
    {35867, "Physical layer"},  // Physical layer connection is currently not active
    {35868, "Physical layer"},  // GPRS connection aborted
    {35869, "Physical layer"},  // Invalid incoming call type
    {35870, "Physical layer"},  // Incoming call CLI not provided
    {35871, "IP Connectivity library"},  // SIM removed
    {36872, "IP Connectivity library"},  // internal error : internal resource unavailable.
    {36929, "IP Connectivity library"},  // Bad parameter configuration attempt
    {37120, "IP Connectivity library"},  // PPP negotiation failed (client configuration)
    {37121, "IP Connectivity library"},  // PPP negotiation failed (server configuration)
    {37122, "IP Connectivity library"},  // Another internal application is already running
    {37123, "IP Connectivity library"},  // Service is running. Unable to set parameter
    {37952, "Distant"},  // TCP session closed (TCP Context cancelled)
    {37964, "Distant"},  // No response from server
    {37966, "Distant"},  // TCP session closed by peer (FIN received from peer)
    {38016, "Distant"},  // Open session attempt failed
    {38017, "Distant"},  // Data send attempt failed
    {38018, "Distant"},  // Close session attempt failed
    {38022, "Distant"},  // Change Directory attempt failed
    {38023, "Distant"},  // File deletion attempt failed
    {38024, "Distant"},  // Data retrieve attempt failed
    {38025, "Distant"},  // Email retrieve attempt failed
    {38026, "Distant"},  // Email header receive failed
    {38027, "Distant"},  // No answer from DNS servers or the domain name resolution ...
    {38028, "Distant"},  // Sender email address rejected by server
    {38029, "Distant"},  // Recipient email address rejected by server
    {38030, "Distant"},  // CC Recipient email address rejected by server
    {38031, "Distant"},  // Email body send request rejected by server
    {38080, "Distant"},  // Username rejected by server
    {38081, "Distant"},  // Password rejected by server
    {38980, "IP Connectivity library"},  // PPP timeout (client configuration)
    {38981, "IP Connectivity library"},  // PPP timeout (server configuration)
    {49153, "Internal error"},  // Open data flow request failed
    {49154, "Internal error"},  // Close data flow request failed
    {49155, "Internal error"},  // Open GPRS session request failed
    {49156, "Internal error"},  // GPRS authentication failed
    {49157, "Internal error"},  // GPRS get IPCP information request failed
    {49158, "Internal error"},  // Open flow confirmation not received
};

TEST_CASE("the typed 9.2 list has 47 distinct codes") {
  std::map<int, int> seen;
  for (const CodeFact& c : kSpecCodes) ++seen[c.code];
  CHECK(kSpecCodes.size() == 47);
  CHECK(seen.size() == 47);
}

TEST_CASE("the catalogue has exactly the 47 codes of 9.2 - each once - in 9.2's order") {
  std::vector<int> spec;
  for (const CodeFact& c : kSpecCodes) spec.push_back(c.code);
  std::vector<int> catalogue;
  for (const ErrorSpec& e : kErrors) catalogue.push_back(value(e.code));
  const auto differences = test::compareMembers(spec, catalogue);
  INFO(differences.describe());
  CHECK(differences.none());
  CHECK(kErrors.size() == 47);
  CHECK(catalogue == spec);
}

TEST_CASE("findError finds every 9.2 code - with its section and category") {
  for (const CodeFact& c : kSpecCodes) {
    CAPTURE(c.code);
    const ErrorSpec* e = findError(c.code);
    REQUIRE(e != nullptr);
    CHECK(value(e->code) == c.code);
    CHECK(std::string{e->section} == "9.2");
    CHECK(std::string{e->category} == c.category);
    CHECK_FALSE(e->description.empty());
  }
}

TEST_CASE("600 is 1.2's answer to ATQ - apart from the 9.2 table") {
  const ErrorSpec* e = findError(600);
  REQUIRE(e != nullptr);
  CHECK(value(e->code) == 600);
  CHECK(std::string{e->section} == "1.2");
  // 1.2: 'replies +CME ERROR:600 ("Not allowed by embedded application")'
  CHECK(std::string{e->description} == "Not allowed by embedded application");
  for (const ErrorSpec& listed : kErrors) CHECK(value(listed.code) != 600);
}

TEST_CASE("codes the spec does not define are not found") {
  // 28980/28981 appear only in 2.2.3.2, as typos of 38980/38981 (docs/spec-decisions.md #2).
  for (int code : {28980, 28981, 0, -1, 1, 4, 3077, 34816, 34818, 34820, 34880, 34883, 35839,
                   35842, 35872, 36871, 36873, 37119, 37124, 38015, 38019, 38021, 38032, 38079,
                   38082, 38979, 38982, 49152, 49159, 599, 601, 65535, -34817, INT_MIN,
                   INT_MAX}) {
    CAPTURE(code);
    CHECK(findError(code) == nullptr);
  }
}

struct MessageFact {
  std::string verbose;
  int numeric;
  std::string description;
};

// 9.1, both tables, in their order.
const std::vector<MessageFact> kSpecMessages{
    {"OK", 0, "Operation or command success"},
    {"NO CARRIER", 3, "No physical layer connection"},
    {"BUSY", 7, "Destination busy"},
    {"NO ANSWER", 8, "No answer from destination"},
    {"ERROR", 4, "Operation or command unsuccessful"},
    {"RING", 2, "Incoming call indication"},
    {"CONNECT 300", 10, "Physical layer connected at 300 baud"},
    {"CONNECT 1200", 11, "Physical layer connected at 1200 baud"},
    {"CONNECT 1200/75", 12, "Physical layer connected at 1200/75 baud"},
    {"CONNECT 2400", 13, "Physical layer connected at 2400 baud"},
    {"CONNECT 4800", 14, "Physical layer connected at 4800 baud"},
    {"CONNECT 9600", 15, "Physical layer connected at 9600 baud"},
    {"CONNECT 14400", 16, "Physical layer connected at 14400 baud"},
    {"Ok_Info_DataBegin", 1025, "Start of data"},
    {"Ok_Info_WaitingForData", 1028, "Send data"},
    {"Ok_Info_SocketClosed", 3074, "Socket connection closed successfully"},
    {"Ok_Info_NoMail", 3072, "No mail to retrieve on server"},
    {"Ok_Info_Mail", 3073, "Mail ready to be retrieved on server"},
    {"Ok_Info_Ppp", 3077, "PPP connection successful"},
    {"Ok_Info_GprsActivation", 3086, "GPRS connection successful"},
};

struct TableOnlyMessage {
  std::string verbose;
  std::string section;  // where a command table uses it
};

// Used by the command tables, absent from 9.1: no numeric form (docs/spec-decisions.md #39).
const std::vector<TableOnlyMessage> kTableOnlyMessages{
    {"DIALING", "2.2.3.2"},
    {"PPP OK", "2.2.1.2"},
    {"PPP ERROR", "2.2.1.2"},
    {"TIMEOUT", "2.1.6"},
    {"#NO SERVICE", "8.2.2"},
};

TEST_CASE("every 9.1 message - verbose and numeric - found both ways") {
  for (const MessageFact& m : kSpecMessages) {
    CAPTURE(m.verbose);
    const std::optional<Result> byText = findVerboseResult(m.verbose);
    REQUIRE(byText.has_value());
    const ResultSpec& r = spec(*byText);
    CHECK(std::string{r.verbose} == m.verbose);
    CHECK(r.numeric == m.numeric);
    CHECK(std::string{r.section} == "9.1");
    CHECK(std::string{r.description} == m.description);

    const std::optional<Result> byCode = findNumericResult(m.numeric);
    REQUIRE(byCode.has_value());
    CHECK(*byCode == *byText);
  }
}

TEST_CASE("4.3.2's Ok_WaitingForData is read as Ok_Info_WaitingForData") {
  const std::optional<Result> variant = findVerboseResult("Ok_WaitingForData");
  REQUIRE(variant.has_value());
  CHECK(std::string{spec(*variant).verbose} == "Ok_Info_WaitingForData");
  CHECK(spec(*variant).numeric == 1028);
  CHECK(variant == findVerboseResult("Ok_Info_WaitingForData"));
}

TEST_CASE("the messages the tables use beyond 9.1 are present - with no numeric form") {
  for (const TableOnlyMessage& m : kTableOnlyMessages) {
    CAPTURE(m.verbose);
    const std::optional<Result> found = findVerboseResult(m.verbose);
    REQUIRE(found.has_value());
    const ResultSpec& r = spec(*found);
    CHECK(std::string{r.verbose} == m.verbose);
    CHECK(r.numeric == -1);
    CHECK(std::string{r.section} == m.section);
  }
  CHECK_FALSE(findNumericResult(-1).has_value());
}

TEST_CASE("the catalogue has exactly the 9.1 messages and the table-only ones") {
  std::vector<std::string> expected;
  for (const MessageFact& m : kSpecMessages) expected.push_back(m.verbose);
  for (const TableOnlyMessage& m : kTableOnlyMessages) expected.push_back(m.verbose);
  std::vector<std::string> actual;
  for (const ResultSpec& r : kResults) actual.emplace_back(r.verbose);
  CHECK(actual == expected);
  for (std::size_t i = 0; i < kResults.size(); ++i) {
    CAPTURE(i);
    CHECK(static_cast<std::size_t>(kResults[i].id) == i);
  }
}

TEST_CASE("lines and numbers that are no message are not found") {
  for (const char* line : {"", "CONNECT", "CONNECT 19200", "CONNECT 1200/", "NO SERVICE",
                           "Ok_Info", "Ok_Info_", "OK OK", "PPP", "#CME ERROR: 38027",
                           "+CME ERROR: 600", "Ok_Info_Ppp ", " OK", "OK\r", "RING 2",
                           "Ok_WaitingForData2"}) {
    CAPTURE(line);
    CHECK_FALSE(findVerboseResult(line).has_value());
  }
  for (int code : {1, 5, 6, 9, 17, 300, 1024, 1026, 1027, 1029, 3071, 3075, 3076, 3078, 3085,
                   3087, 600, 34817, -1, INT_MIN, INT_MAX}) {
    CAPTURE(code);
    CHECK_FALSE(findNumericResult(code).has_value());
  }
}

}  // namespace
}  // namespace atsharp::catalogue
