#include "terminal_mode.hpp"

#include <termios.h>

#include <array>
#include <cerrno>
#include <optional>
#include <utility>

#include "atsharp/error.hpp"
#include "system_error.hpp"

namespace atsharp::detail {
namespace {

// The standard rates of Linux termios; others need termios2 (BOTHER), which libserialport does
// for real UARTs and which a pty has no use for.
constexpr std::array<std::pair<unsigned, speed_t>, 30> kSpeeds{{
    {50, B50},           {75, B75},           {110, B110},         {134, B134},
    {150, B150},         {200, B200},         {300, B300},         {600, B600},
    {1200, B1200},       {1800, B1800},       {2400, B2400},       {4800, B4800},
    {9600, B9600},       {19200, B19200},     {38400, B38400},     {57600, B57600},
    {115200, B115200},   {230400, B230400},   {460800, B460800},   {500000, B500000},
    {576000, B576000},   {921600, B921600},   {1000000, B1000000}, {1152000, B1152000},
    {1500000, B1500000}, {2000000, B2000000}, {2500000, B2500000}, {3000000, B3000000},
    {3500000, B3500000}, {4000000, B4000000},
}};

std::optional<speed_t> speedFor(unsigned baud) {
  for (const auto& [rate, speed] : kSpeeds) {
    if (rate == baud) {
      return speed;
    }
  }
  return std::nullopt;
}

termios currentSettings(int fd, const std::string& name) {
  termios settings{};
  if (::tcgetattr(fd, &settings) < 0) {
    throwSystemError(name + ": tcgetattr", errno);
  }
  return settings;
}

void apply(int fd, const termios& settings, const std::string& name) {
  if (::tcsetattr(fd, TCSANOW, &settings) < 0) {
    throwSystemError(name + ": tcsetattr", errno);
  }
}

void setFlowControl(termios& settings, FlowControl flow) {
  settings.c_cflag &= ~tcflag_t{CRTSCTS};
  settings.c_iflag &= ~tcflag_t{IXON | IXOFF | IXANY};
  if (flow == FlowControl::RtsCts) {
    settings.c_cflag |= CRTSCTS;
  } else if (flow == FlowControl::XonXoff) {
    settings.c_iflag |= IXON | IXOFF;
  }
}

}  // namespace

void makeRaw(int fd, const std::string& name) {
  termios settings = currentSettings(fd, name);
  ::cfmakeraw(&settings);
  settings.c_cc[VMIN] = 1;
  settings.c_cc[VTIME] = 0;
  apply(fd, settings, name);
}

void configureSerialTerminal(int fd, const SerialSettings& settings, const std::string& name) {
  const std::optional<speed_t> speed = speedFor(settings.baud);
  if (!speed) {
    throw UsageError(name + ": baud " + std::to_string(settings.baud) +
                     " is not a standard termios rate (50 ... 4000000)");
  }
  termios terminal = currentSettings(fd, name);
  ::cfmakeraw(&terminal);  // also 8 bits, no parity
  terminal.c_cflag &= ~tcflag_t{CSTOPB};
  terminal.c_cflag |= CLOCAL | CREAD;
  terminal.c_cc[VMIN] = 1;
  terminal.c_cc[VTIME] = 0;
  setFlowControl(terminal, settings.flow);
  if (::cfsetispeed(&terminal, *speed) < 0 || ::cfsetospeed(&terminal, *speed) < 0) {
    throwSystemError(name + ": cfsetspeed", errno);
  }
  apply(fd, terminal, name);
}

}  // namespace atsharp::detail
