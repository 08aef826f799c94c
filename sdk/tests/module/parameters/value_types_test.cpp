// The value types on their own: what each takes, what it refuses and how it says so, its text
// for the module and back, and its default. No module is involved.

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <type_traits>

#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/module.hpp"
#include "for_each_parameter.hpp"
#include "sample_values.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;
using namespace std::chrono_literals;

// The message of the IllegalValueError @p make throws; "" when it throws none.
template <class Make>
std::string refusal(Make make) {
  try {
    make();
  } catch (const IllegalValueError& error) {
    return error.what();
  }
  return "";
}

// The message of the IllegalValueError that making a V of @p from (as `V v = from;`) throws.
template <class V, class From>
std::string refusalOf(const From& from) {
  return refusal([&] {
    [[maybe_unused]] const V value = from;
  });
}

}  // namespace

TEST_CASE("ValueOf follows the catalogue's kind of value") {
  static_assert(std::is_same_v<ValueOf<Param::Answermode>, AnswerMode>);
  static_assert(std::is_same_v<ValueOf<Param::Dialselect>, DialSelect>);
  static_assert(std::is_same_v<ValueOf<Param::Gprsmode>, GprsMode>);
  static_assert(std::is_same_v<ValueOf<Param::Pppmode>, PppMode>);
  static_assert(std::is_same_v<ValueOf<Param::Pop3headermode>, Pop3HeaderMode>);
  static_assert(std::is_same_v<ValueOf<Param::Ftptype>, FtpType>);
  static_assert(std::is_same_v<ValueOf<Param::Dlemode>, DleMode>);
  static_assert(std::is_same_v<ValueOf<Param::Pppmyip>, Ipv4Address>);
  static_assert(std::is_same_v<ValueOf<Param::Dnsserv2>, Ipv4Address>);
  static_assert(std::is_same_v<ValueOf<Param::Callscreennum>, CallScreen>);
  static_assert(std::is_same_v<ValueOf<Param::Pingnum>, Number<Param::Pingnum>>);
  static_assert(std::is_same_v<ValueOf<Param::Phytimeout>::Unit, std::chrono::minutes>);
  static_assert(std::is_same_v<ValueOf<Param::Callbacktimer>::Unit, std::chrono::seconds>);
  static_assert(std::is_same_v<ValueOf<Param::Tcptxdelay>::Unit, std::chrono::milliseconds>);
  static_assert(std::is_same_v<ValueOf<Param::Ftpport>, Port<Param::Ftpport>>);
  static_assert(std::is_same_v<ValueOf<Param::Dialn1>, PhoneNumber<Param::Dialn1>>);
  static_assert(std::is_same_v<ValueOf<Param::Tcpserv>, Host<Param::Tcpserv>>);
  // The three mail combinations share a type per family.
  static_assert(std::is_same_v<ValueOf<Param::Rec3>, AddressList<Param::Rec1>>);
  static_assert(std::is_same_v<ValueOf<Param::Ccrec2>, AddressList<Param::Ccrec1>>);
  static_assert(std::is_same_v<ValueOf<Param::Subj2>, Text<Param::Subj1>>);
  static_assert(std::is_same_v<ValueOf<Param::Body3>, MailBody<Param::Body1>>);
  static_assert(param::Tcpport.bySocket && !param::Udpport.bySocket);
  static_assert(ParameterTag<std::remove_cvref_t<decltype(param::Ispun)>> && !ParameterTag<int>);
  CHECK(param::Tcptxdelay.spec().name == "TCPTXDELAY");
}

TEST_CASE("defaultOf is the catalogue's default of every parameter - a default-made value too") {
  forEachParameter([&]<Param P>() {
    const catalogue::ParameterSpec& spec = catalogue::spec(P);
    CAPTURE(spec.name);
    CHECK(ValueText<ValueOf<P>>::write(defaultOf<P>()) == spec.defaultValue);
    CHECK(param::Tag<P>::defaultValue() == defaultOf<P>());
    if constexpr (!std::is_enum_v<ValueOf<P>>) CHECK(ValueOf<P>{} == defaultOf<P>());
  });
  CHECK(defaultOf<Param::Gprsmode>() == GprsMode::Gprs);
  CHECK(defaultOf<Param::Ftptype>() == FtpType::Binary);
}

TEST_CASE("every legal sample reads as a value that writes the same text") {
  forEachParameter([&]<Param P>() {
    const catalogue::ParameterSpec& spec = catalogue::spec(P);
    for (int variant : {0, 1}) {
      const std::string sample = legalSample(spec, variant);
      CAPTURE(spec.name);
      CAPTURE(sample);
      const std::optional<ValueOf<P>> value = ValueText<ValueOf<P>>::read(sample);
      REQUIRE(value.has_value());
      CHECK(ValueText<ValueOf<P>>::write(*value) == sample);
    }
  });
}

TEST_CASE("no illegal sample reads as a value") {
  forEachParameter([&]<Param P>() {
    const catalogue::ParameterSpec& spec = catalogue::spec(P);
    CAPTURE(spec.name);
    CHECK_FALSE(ValueText<ValueOf<P>>::read(illegalSample(spec)).has_value());
  });
}

TEST_CASE("bounded integers - counts - refuse what is out of range with the parameter named") {
  ValueOf<Param::Pingnum> count = 10;
  CHECK(count == 10);
  CHECK(count.value() == 10);
  CHECK(count.text() == "10");
  CHECK(refusalOf<ValueOf<Param::Pingnum>>(300) ==
        "PINGNUM \"300\": must be an integer from 1 to 255");
  CHECK(refusalOf<ValueOf<Param::Redialcount>>(-1) ==
        "REDIALCOUNT \"-1\": must be an integer from 0 to 14");
  // docs/spec-decisions.md #5: REDIALDELAY 0 is not legal.
  CHECK(refusalOf<ValueOf<Param::Redialdelay>>(0s) ==
        "REDIALDELAY \"0\": must be an integer from 5 to 14");
  CHECK(Number<Param::Gprscid>::min == 1);
  CHECK(Number<Param::Gprscid>::max == 4);
  CHECK(Number<Param::Gprscid>::fromText("4") == 4);
  CHECK_FALSE(Number<Param::Gprscid>::fromText("5"));
  CHECK_FALSE(Number<Param::Gprscid>::fromText("x"));
}

TEST_CASE("timers are durations in the parameter's unit - TXDELAY a multiple of 20 ms") {
  const ValueOf<Param::Tcptxdelay> delay = 200ms;
  CHECK(delay.duration() == 200ms);
  CHECK(delay == 200ms);
  CHECK(delay.text() == "200");
  const ValueOf<Param::Udptxdelay> fromSeconds = 2s;  // converts without loss
  CHECK(fromSeconds.count() == 2000);
  CHECK(refusalOf<ValueOf<Param::Tcptxdelay>>(30ms) ==
        "TCPTXDELAY \"30\": must be a multiple of 20 from 0 to 32760");
  CHECK(refusalOf<ValueOf<Param::Udptxdelay>>(32780ms) ==
        "UDPTXDELAY \"32780\": must be a multiple of 20 from 0 to 32760");
  const ValueOf<Param::Phytimeout> timeout = 2h;
  CHECK(timeout.duration() == 120min);
  CHECK(refusalOf<ValueOf<Param::Phytimeout>>(0min) ==
        "PHYTIMEOUT \"0\": must be an integer from 1 to 255");
  static_assert(!std::is_convertible_v<std::chrono::seconds, ValueOf<Param::Phytimeout>>,
                "seconds would lose precision in a timer of minutes");
  static_assert(!std::is_convertible_v<int, ValueOf<Param::Pingdelay>>,
                "a timer takes a duration, never a bare number");
  CHECK(Timer<Param::Tcptxdelay>::step == 20ms);
  CHECK(Timer<Param::Callbacktimer>::min == 2s);
  CHECK(Timer<Param::Tcptxdelay>::fromText("32760") == 32760ms);
  CHECK_FALSE(Timer<Param::Tcptxdelay>::fromText("10"));
}

TEST_CASE("ports are 1 to 65535 - TCPPORT and UDPPORT start not set") {
  const ValueOf<Param::Ftpport> ftp = 2121;
  CHECK(ftp.number() == 2121);
  CHECK(ftp.isSet());
  CHECK(ValueOf<Param::Ftpport>{} == 21);
  CHECK(refusalOf<ValueOf<Param::Ftpport>>(0) ==
        "FTPPORT \"0\": must be a port number from 1 to 65535");
  CHECK(refusalOf<ValueOf<Param::Smtpport>>(65536) ==
        "SMTPPORT \"65536\": must be a port number from 1 to 65535");
  static_assert(Port<Param::Tcpport>::hasNotSet && Port<Param::Udpport>::hasNotSet);
  static_assert(!Port<Param::Ftpport>::hasNotSet && !Port<Param::Pop3port>::hasNotSet);
  const Port<Param::Tcpport> unset;
  CHECK_FALSE(unset.isSet());
  CHECK(unset == Port<Param::Tcpport>::notSet());
  CHECK(unset.text() == "0");
  CHECK(Port<Param::Udpport>::fromText("0") == Port<Param::Udpport>::notSet());
  CHECK_FALSE(Port<Param::Pop3port>::fromText("0"));
  CHECK_FALSE(Port<Param::Pop3port>::fromText("123456"));
}

TEST_CASE("strings keep to their maximum length and refuse a double quote") {
  static_assert(Text<Param::Ispun>::maxLength == 64 && Text<Param::Apnserv>::maxLength == 120);
  const ValueOf<Param::Ispun> user = std::string(64, 'u');
  CHECK(user.str().size() == 64);
  CHECK(refusalOf<ValueOf<Param::Ispun>>(std::string(65, 'u')) ==
        "ISPUN \"" + std::string(65, 'u') +
            "\": ASCII text of at most 64 characters, without '\"' (this one has 65 characters)");
  CHECK(refusalOf<ValueOf<Param::Domain>>("a\"b") ==
        "DOMAIN \"a\"b\": ASCII text of at most 120 characters, without '\"'");
  CHECK(refusalOf<ValueOf<Param::Apnserv>>("apn\x01") != "");
  // A mail family's value does not know its combination: it is named as the spec names it.
  CHECK(refusalOf<ValueOf<Param::Subj2>>(std::string(121, 's'))
            .starts_with("SUBJi \""));
  CHECK(ValueOf<Param::Ftpgetpath>{} == "");
}

TEST_CASE("a credential never appears in the refusal of its value") {
  try {
    [[maybe_unused]] const ValueOf<Param::Isppw> password = "hunter\"2";
    FAIL("no IllegalValueError");
  } catch (const IllegalValueError& error) {
    CHECK(std::string(error.what()) ==
          "ISPPW \"****\": ASCII text of at most 64 characters, without '\"'");
    CHECK(error.parameter() == "ISPPW");
    CHECK(error.value() == "****");
  }
  int secrets = 0;
  forEachParameter([&]<Param P>() {
    if constexpr (catalogue::spec(P).secret) {
      const catalogue::ParameterSpec& spec = catalogue::spec(P);
      CAPTURE(spec.name);
      ++secrets;
      const std::string message = refusalOf<ValueOf<P>>(std::string(spec.maxLength + 1, 'S'));
      CHECK(message.starts_with(std::string(spec.name) + " \"****\": "));
      CHECK(message.find("SSS") == std::string::npos);
    }
  });
  CHECK(secrets == 6);  // ISPPW, PPPSERVPW, APNPW, FTPPW, POP3PW, SMTPPW
}

TEST_CASE("phone numbers - hosts - CALLSCREENNUM") {
  const ValueOf<Param::Dialn1> number = "+33612345678";
  CHECK(number == "+33612345678");
  CHECK(refusalOf<ValueOf<Param::Dialn2>>("06 12") ==
        "DIALN2 \"06 12\": must be a phone number (digits, an optional leading +) of at most 64 "
        "characters");

  const ValueOf<Param::Tcpserv> name = "ftp.example.com";
  CHECK(name.isName());
  CHECK_FALSE(name.address());
  const ValueOf<Param::Tcpserv> address = Ipv4Address(127, 0, 0, 1);
  CHECK(address == "127.0.0.1");
  CHECK(address.address() == Ipv4Address(127, 0, 0, 1));
  CHECK_FALSE(address.isName());
  CHECK(refusalOf<ValueOf<Param::Pingremote>>("bad host!").starts_with("PINGREMOTE"));
  // Digits and dots are meant as an address, and must be a whole one (A.5.1's "xxx.xxx.xxx").
  CHECK(refusalOf<ValueOf<Param::Udpserv>>("10.0.0") != "");

  CHECK(CallScreen{} == CallScreen::nobody());
  CHECK(CallScreen::nobody().letsNobodyIn());
  CHECK(CallScreen::everybody().letsEverybodyIn());
  CHECK(CallScreen::everybody().text() == "*");
  CHECK_FALSE(CallScreen::everybody().caller());
  CHECK(CallScreen("0612345678").caller() == "0612345678");
  CHECK(refusalOf<CallScreen>(std::string(65, '1')).starts_with("CALLSCREENNUM"));
  CHECK(refusalOf<CallScreen>(std::string()) ==
        "CALLSCREENNUM \"\": must be 0 (nobody), * (everybody) or a number of at most 64 "
        "characters");
}

TEST_CASE("IPv4 addresses in dotted decimal") {
  CHECK(Ipv4Address::parse("10.0.0.1") == Ipv4Address(10, 0, 0, 1));
  CHECK(Ipv4Address::parse("010.000.0.255") == Ipv4Address(10, 0, 0, 255));
  CHECK(Ipv4Address(192, 168, 1, 254).toString() == "192.168.1.254");
  CHECK(Ipv4Address{}.toString() == "0.0.0.0");
  CHECK(Ipv4Address{}.isUnspecified());
  for (const char* bad : {"1.2.3", "256.1.1.1", "1.2.3.4.5", "a.b.c.d", "", "1..2.3", " 1.2.3.4",
                          "1.2.3.4 ", "1234.1.1.1"}) {
    CAPTURE(bad);
    CHECK_FALSE(Ipv4Address::parse(bad));
  }
}

TEST_CASE("recipient lists hold up to ten addresses") {
  const ValueOf<Param::Rec1> list{" a@example.com ", "", "b@example.com"};
  CHECK(list.addresses() == std::vector<std::string>{"a@example.com", "b@example.com"});
  CHECK(list.text() == "a@example.com,b@example.com");
  const ValueOf<Param::Ccrec3> one = "c@example.com";
  CHECK(one.size() == 1);
  CHECK(ValueOf<Param::Rec2>{}.empty());
  std::vector<std::string> eleven;
  for (int i = 0; i < 11; ++i) eleven.push_back("u" + std::to_string(i) + "@example.com");
  CHECK(refusal([&] { (void)ValueOf<Param::Rec1>(eleven); })
            .ends_with("\": holds at most 10 addresses (this list has 11)"));
  CHECK(refusal([&] { (void)ValueOf<Param::Rec1>(eleven); }).starts_with("RECi \"u0@example.com,"));
  CHECK(refusalOf<ValueOf<Param::Ccrec1>>("a@b.c,d@e.f") ==
        "CCRECi \"a@b.c,d@e.f\": an e-mail address of at most 120 characters, without '\"' or ','");
  CHECK(AddressList<Param::Rec1>::fromText("a@b.c,d@e.f") == ValueOf<Param::Rec1>{"a@b.c", "d@e.f"});
  CHECK(AddressList<Param::Rec1>::fromText("") == ValueOf<Param::Rec1>{});
  CHECK_FALSE(AddressList<Param::Rec1>::fromText(
      "1@x,2@x,3@x,4@x,5@x,6@x,7@x,8@x,9@x,10@x,11@x"));
}

TEST_CASE("mail bodies keep their line breaks as CR LF") {
  const ValueOf<Param::Body1> body = "Hello\nworld\r\nbye\r";
  CHECK(body.str() == "Hello\r\nworld\r\nbye");
  CHECK(body == "Hello\r\nworld\r\nbye");
  CHECK(ValueOf<Param::Body1>{"a\rb"}.str() == "a\r\nb");
  CHECK(ValueOf<Param::Body1>{}.empty());
  // 120 characters, a line break counting as the two the module keeps.
  CHECK_NOTHROW(ValueOf<Param::Body2>{std::string(118, 'x') + "\n"});
  CHECK_NOTHROW(ValueOf<Param::Body2>{std::string(117, 'x') + "\ny"});
  CHECK(refusalOf<ValueOf<Param::Body2>>(std::string(119, 'x') + "\ny") ==
        "BODYi \"" + std::string(119, 'x') +
            "\r\ny\": text of at most 120 characters, without '\"' (this one has 122 characters)");
  CHECK(refusalOf<ValueOf<Param::Body3>>("stop\x1A") != "");
}

TEST_CASE("the enumerations stand for the catalogue's choices in order") {
  CHECK(token(PppMode::Specific) == "9");
  CHECK(token(AnswerMode::DynamicCallback) == "3");
  CHECK(token(DialSelect::Primary) == "1");
  CHECK(token(GprsMode::Gsm) == "0");
  CHECK(token(Pop3HeaderMode::HeaderSent) == "1");
  CHECK(token(FtpType::Binary) == "I");
  CHECK(token(FtpType::Ascii) == "A");
  CHECK(token(DleMode::Off) == "0");
  CHECK(meaning(GprsMode::Gprs) == "GPRS");
  CHECK(fromToken<PppMode>("4") == PppMode::ServerOnly);
  CHECK_FALSE(fromToken<PppMode>("5"));
  CHECK_FALSE(fromToken<FtpType>("i"));
  forEachParameter([&]<Param P>() {
    if constexpr (catalogue::spec(P).kind == catalogue::ValueKind::Choice) {
      const auto& choices = catalogue::spec(P).choices;
      for (std::size_t i = 0; i < choices.size(); ++i) {
        CHECK(token(static_cast<ChoiceEnumOf<P>>(i)) == choices[i].token);
      }
    }
  });
}

}  // namespace atsharp::test
