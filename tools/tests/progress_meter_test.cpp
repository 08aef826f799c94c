// The progress line's text: sizes in binary units, the rate once some time has passed, and the
// time left when the size is known.

#include <doctest/doctest.h>

#include "progress_meter.hpp"

namespace atsharp::cli::lab {
namespace {

TEST_SUITE_BEGIN("lab-parts");

using namespace std::chrono_literals;

TEST_CASE("sizes in binary units") {
  CHECK(formatBytes(0) == "0 B");
  CHECK(formatBytes(1023) == "1023 B");
  CHECK(formatBytes(1024) == "1.0 KiB");
  CHECK(formatBytes(1536) == "1.5 KiB");
  CHECK(formatBytes(5u * 1024 * 1024) == "5.0 MiB");
  CHECK(formatBytes(3ull * 1024 * 1024 * 1024) == "3.0 GiB");
}

TEST_CASE("the line with and without a known size") {
  CHECK(describeProgress("ftp get a.bin", 2048, std::nullopt, 100ms) == "ftp get a.bin  2.0 KiB");
  CHECK(describeProgress("ftp get a.bin", 2048, std::nullopt, 2s) ==
        "ftp get a.bin  2.0 KiB  1.0 KiB/s");
  CHECK(describeProgress("ftp put b.bin", 1024 * 1024, 4 * 1024 * 1024, 4s) ==
        "ftp put b.bin  1.0 MiB of 4.0 MiB  25%  256.0 KiB/s  ETA 0:12");
  CHECK(describeProgress("ftp put b.bin", 4096, 1024 * 1024 * 1024, 1s) ==
        "ftp put b.bin  4.0 KiB of 1.0 GiB  0%  4.0 KiB/s  ETA 72:49:03");
  CHECK(describeProgress("ftp put c", 0, 0, 1s) == "ftp put c  0 B  0 B/s");
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::cli::lab
