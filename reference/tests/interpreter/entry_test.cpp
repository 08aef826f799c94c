// Multi-line entry: AT#BODYi (3.1.7), AT#RECiADD (3.1.5) and AT#CCRECiADD, ended by Ctrl-Z.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kOk = "\r\nOK\r\n";

TEST_CASE("AT#BODY1 then text then Ctrl-Z sets BODY1 (3.1.7's example)") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#BODY1") == "");
  CHECK(module.send("Text string\r\x1a") == kOk);
  CHECK(module.at("AT#BODY1?") == "\r\n#BODY1: \"Text string\"\r\n" + kOk);
}

TEST_CASE("a body over several lines keeps its line breaks - shown as backslash n") {
  ModuleDriver module = quietDriver();
  module.at("AT#BODY2");
  CHECK(module.send("Hello\rWorld\r\n\x1a") == kOk);
  CHECK(module.at("AT#BODY2?") == "\r\n#BODY2: \"Hello\\nWorld\"\r\n" + kOk);
}

TEST_CASE("the entry is echoed under ATE1 and backspace edits it") {
  ModuleDriver module;
  CHECK(module.at("AT#BODY1") == "AT#BODY1\r");
  CHECK(module.send("Ab\bc\x1a") == "Ab\bc\r\nOK\r\n");
  CHECK(module.at("AT#BODY1?") == "AT#BODY1?\r\r\n#BODY1: \"Ac\"\r\n" + kOk);
}

TEST_CASE("a body over 120 characters answers 34882 and keeps the old body") {
  ModuleDriver module = quietDriver();
  module.at("AT#BODY1");
  module.send("old\x1a");
  module.at("AT#BODY1");
  CHECK(module.send(std::string(121, 'x') + "\x1a") == "\r\n#CME ERROR: 34882\r\n");
  CHECK(module.at("AT#BODY1?") == "\r\n#BODY1: \"old\"\r\n" + kOk);
}

TEST_CASE("ESC abandons the entry: OK - nothing changes") {
  ModuleDriver module = quietDriver();
  module.at("AT#BODY1");
  CHECK(module.send("half typed\x1b") == kOk);
  CHECK(module.at("AT#BODY1?") == "\r\n#BODY1: \"\"\r\n" + kOk);
}

TEST_CASE("an entry too long for memory answers 34881 at Ctrl-Z") {
  ModuleDriver module = quietDriver();
  module.at("AT#BODY1");
  CHECK(module.send(std::string(10000, 'x') + "\x1a") == "\r\n#CME ERROR: 34881\r\n");
  CHECK(module.at("AT") == kOk);
}

TEST_CASE("AT#REC1ADD: one address a line - the example of 3.1.5") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#REC1ADD") == "");
  CHECK(module.send("Email1@domain.fr\r\nEmail2@domain.com\r\n\x1a") == kOk);
  CHECK(module.at("AT#REC1?") == "\r\n#REC1: \"Email1@domain.fr,Email2@domain.com\"\r\n" + kOk);
}

TEST_CASE("AT#RECiADD keeps ten addresses and ignores the 11th and later (3.1.5 NOTE2)") {
  ModuleDriver module = quietDriver();
  module.at("AT#REC2ADD");
  std::string typed;
  std::string kept;
  for (int i = 1; i <= 12; ++i) {
    const std::string address = "r" + std::to_string(i) + "@x.y";
    typed += address + "\r\n";
    if (i <= 10) kept += (kept.empty() ? "" : ",") + address;
  }
  CHECK(module.send(typed + "\x1a") == kOk);
  CHECK(module.at("AT#REC2?") == "\r\n#REC2: \"" + kept + "\"\r\n" + kOk);
}

TEST_CASE("AT#RECiADD overwrites the list - AT#RECi sets a single address again") {
  ModuleDriver module = quietDriver();
  module.at("AT#REC1ADD");
  module.send("a@b.c\rd@e.f\r\x1a");
  module.at("AT#REC1ADD");
  CHECK(module.send("g@h.i\x1a") == kOk);
  CHECK(module.at("AT#REC1?") == "\r\n#REC1: \"g@h.i\"\r\n" + kOk);
  CHECK(module.at("AT#REC1=\"j@k.l\"") == kOk);
  CHECK(module.at("AT#REC1?") == "\r\n#REC1: \"j@k.l\"\r\n" + kOk);
}

TEST_CASE("AT#CCREC3ADD fills CCREC3 - a bad address refuses the whole entry") {
  ModuleDriver module = quietDriver();
  module.at("AT#CCREC3ADD");
  CHECK(module.send("cc@x.y\r\n\x1a") == kOk);
  CHECK(module.at("AT#CCREC3?") == "\r\n#CCREC3: \"cc@x.y\"\r\n" + kOk);
  module.at("AT#CCREC3ADD");
  CHECK(module.send("ok@x.y\r\nbad\"quote@x.y\r\n\x1a") == "\r\n#CME ERROR: 34882\r\n");
  CHECK(module.at("AT#CCREC3?") == "\r\n#CCREC3: \"cc@x.y\"\r\n" + kOk);
}

TEST_CASE("an unsolicited line waits until the entry ends") {
  ModuleDriver module = quietDriver();
  module.at("AT#BODY1");
  CHECK(module.inject(IncomingCall{"0612345678"}) == "");
  CHECK(module.send("x\x1a") == kOk + "\r\nRING\r\n");
}

TEST_CASE("Ctrl-Z outside an entry is ignored") {
  ModuleDriver module = quietDriver();
  CHECK(module.send("\x1a\x1a") == "");
  CHECK(module.at("AT\x1a") == kOk);
}

}  // namespace
}  // namespace atsharp::reference::test
