// A retrieved mail put together from AT#GETMAIL's lines (3.2.2, 3.1.8): the header up to the
// empty line under POP3HEADERMODE 1; every line body under mode 0, empty ones included.

#include <doctest/doctest.h>

#include "action_printing.hpp"
#include "actions/retrieved_mail_builder.hpp"

namespace atsharp::test {
namespace {

RetrievedMail built(bool withHeader, const std::vector<std::string>& lines) {
  detail::RetrievedMailBuilder builder(withHeader);
  for (const std::string& line : lines) builder.take(line);
  return builder.mail();
}

}  // namespace

TEST_CASE("POP3HEADERMODE 1: the header lines - the empty line - the body lines CR LF ended") {
  CHECK(built(true, {"From: a@b.c", "Subject: Hi", " there", "", "Body", "", ".dot"}) ==
        RetrievedMail{{"From: a@b.c", "Subject: Hi", " there"}, "Body\r\n\r\n.dot\r\n"});
  CHECK(built(true, {"From: a@b.c", ""}) == RetrievedMail{{"From: a@b.c"}, ""});
  CHECK(built(true, {"", "only body"}) == RetrievedMail{{}, "only body\r\n"});
}

TEST_CASE("POP3HEADERMODE 0: every line is body - an empty first line too") {
  CHECK(built(false, {"", "Body", ""}) == RetrievedMail{{}, "\r\nBody\r\n\r\n"});
  CHECK(built(false, {}) == RetrievedMail{{}, ""});
}

TEST_CASE("a mail past any size a mail has: lines dropped - overflowed - memory bounded") {
  detail::RetrievedMailBuilder builder(false);
  const std::string line(1000, 'x');
  for (std::size_t i = 0; i < 2 * detail::RetrievedMailBuilder::kMaxSize / line.size(); ++i) {
    builder.take(line);
  }
  CHECK(builder.overflowed());
  CHECK(builder.mail().body.size() <= detail::RetrievedMailBuilder::kMaxSize);
  CHECK(builder.mail().body.size() > detail::RetrievedMailBuilder::kMaxSize - 2 * line.size());
}

}  // namespace atsharp::test
