// The actions' default timeouts, derived from the parameters where the spec makes an action's
// duration depend on them: PINGNUM x PINGDELAY (7.1), the attempts and REDIALDELAYs of a GSM
// connection (2.1.4, 2.1.5).

#include <doctest/doctest.h>

#include "actions/action_timeouts.hpp"

namespace atsharp::test {

TEST_CASE("default timeouts: PINGNUM x PINGDELAY - attempts and REDIALDELAYs of a GSM call") {
  using std::chrono::seconds;
  CHECK(detail::pingTimeout(4, 1) == detail::kPingLookup + seconds(4));
  // The example: 255 requests 255 s apart is no 5 s command.
  CHECK(detail::pingTimeout(255, 255) == detail::kPingLookup + seconds(255 * 255));
  CHECK(detail::gsmConnectionTimeout(0, 5) == detail::kConnectionAttempt);
  CHECK(detail::gsmConnectionTimeout(14, 14) ==
        15 * detail::kConnectionAttempt + seconds(14 * 14));
}

}  // namespace atsharp::test
