#include "libserialport_line.hpp"

#include <fcntl.h>
#include <libserialport.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <utility>

#include "atsharp/error.hpp"
#include "system_error.hpp"

namespace atsharp::detail {
namespace {

struct PortFree {
  void operator()(sp_port* port) const noexcept { sp_free_port(port); }
};
using PortPtr = std::unique_ptr<sp_port, PortFree>;

struct ConfigFree {
  void operator()(sp_port_config* config) const noexcept { sp_free_config(config); }
};
using ConfigPtr = std::unique_ptr<sp_port_config, ConfigFree>;

// sp_nonblocking_read/write return the byte count as an int.
constexpr std::size_t kMaxChunk = INT_MAX;

std::string lastErrorText() {
  char* message = sp_last_error_message();
  std::string text = message != nullptr ? message : "unknown error";
  sp_free_error_message(message);
  return text;
}

// What a libserialport call that failed with @p result means, for a message.
std::string reasonFor(int result) {
  switch (result) {
    case SP_ERR_FAIL:
      return lastErrorText();  // the operating system's reason, from errno
    case SP_ERR_ARG:
      return "invalid argument";
    case SP_ERR_MEM:
      return "out of memory";
    case SP_ERR_SUPP:
      return "not supported by this port";
    default:
      break;
  }
  return "libserialport error " + std::to_string(result);
}

PortPtr lookUp(const std::string& name) {
  sp_port* port = nullptr;
  if (sp_get_port_by_name(name.c_str(), &port) != SP_OK) {
    return nullptr;
  }
  return PortPtr(port);
}

// The ports libserialport knows are named /dev/<entry of /sys/class/tty>.
PortPtr findPort(const std::string& device, const std::string& resolved) {
  PortPtr port = lookUp(resolved);
  if (!port && resolved != device) {
    port = lookUp(device);
  }
  if (!port) {
    throw TransportError("cannot open " + device +
                         " with libserialport: device not found (libserialport knows the "
                         "serial ports listed in /sys/class/tty; not ptys, for instance)");
  }
  return port;
}

/// An open libserialport port as a LineIo.
///
/// Waiting is PolledLine's poll() on the port's descriptor (sp_get_port_handle(), which
/// libserialport provides for this), not sp_wait(): sp_wait() cannot watch the close event
/// beside the port, so close() from another thread could not wake a reader blocked in it, and
/// it does not say whether it returned for data, a hang-up or the timeout (and would take a
/// timeout of 0 ms as "wait forever").
class LibSerialPortLine final : public LineIo {
 public:
  LibSerialPortLine(PortPtr port, int fd, std::string name)
      : port_(std::move(port)), fd_(fd), name_(std::move(name)) {}
  ~LibSerialPortLine() override { sp_close(port_.get()); }
  LibSerialPortLine(const LibSerialPortLine&) = delete;
  LibSerialPortLine& operator=(const LibSerialPortLine&) = delete;

  int readFd() const noexcept override { return fd_; }
  int writeFd() const noexcept override { return fd_; }

  // libserialport returns byte counts in its enum sp_return. They are taken as the int they
  // are at once: held in an sp_return they would be outside the enum's range (UBSan says so).
  Step readSome(std::span<Byte> buffer) override {
    const auto size = std::min(buffer.size(), kMaxChunk);
    const int result = sp_nonblocking_read(port_.get(), buffer.data(), size);
    return stepFor(result, "read");
  }

  Step writeSome(ByteView bytes) override {
    const auto size = std::min(bytes.size(), kMaxChunk);
    const int result = sp_nonblocking_write(port_.get(), bytes.data(), size);
    return stepFor(result, "write");
  }

  sp_port* port() const noexcept { return port_.get(); }

 private:
  // A count of 0 is also what a read of a hung-up terminal returns (libserialport sets VMIN and
  // VTIME to 0); PolledLine tells the two apart by poll()'s hang-up flags.
  Step stepFor(int result, const char* what) const {
    if (result > 0) {
      return {Step::Kind::Moved, static_cast<std::size_t>(result)};
    }
    if (result == SP_OK) {
      return {Step::Kind::WouldBlock};
    }
    const int error = sp_last_error_code();
    if (result == SP_ERR_FAIL && (error == EAGAIN || error == EINTR)) {
      return {Step::Kind::WouldBlock};
    }
    if (result == SP_ERR_FAIL && isHangUp(error)) {
      return {Step::Kind::Closed};
    }
    throw TransportError(name_ + ": " + what + ": " + reasonFor(result));
  }

  PortPtr port_;
  int fd_;
  std::string name_;
};

void check(sp_return result, const std::string& what) {
  if (result != SP_OK) {
    throw TransportError(what + ": " + reasonFor(result));
  }
}

// 8N1, the baud rate, flow control, DTR and RTS, in one sp_set_config().
void configure(sp_port* port, const SerialSettings& settings, const std::string& device) {
  const std::string what = "cannot configure " + device + " with libserialport";
  sp_port_config* raw = nullptr;
  check(sp_new_config(&raw), what);
  const ConfigPtr config(raw);
  check(sp_set_config_baudrate(config.get(), static_cast<int>(settings.baud)), what);
  check(sp_set_config_bits(config.get(), 8), what);
  check(sp_set_config_parity(config.get(), SP_PARITY_NONE), what);
  check(sp_set_config_stopbits(config.get(), 1), what);
  check(sp_set_config_dtr(config.get(), SP_DTR_ON), what);
  check(sp_set_config_rts(config.get(), SP_RTS_ON), what);
  // After DTR and RTS: RTS/CTS hands RTS to the driver.
  const sp_flowcontrol flow = settings.flow == FlowControl::RtsCts    ? SP_FLOWCONTROL_RTSCTS
                              : settings.flow == FlowControl::XonXoff ? SP_FLOWCONTROL_XONXOFF
                                                                      : SP_FLOWCONTROL_NONE;
  check(sp_set_config_flowcontrol(config.get(), flow), what);
  check(sp_set_config(port, config.get()), what);
}

// libserialport 0.1.1 opens the device non-blocking (which sp_nonblocking_write() relies on:
// a write that blocked could not be woken by close()), but inheritable; a child process (a
// fixture server the harness starts) must not keep the UART open. Both are made sure of here.
void prepareDescriptor(int fd, const std::string& device) {
  const int status = ::fcntl(fd, F_GETFL);
  const int descriptor = ::fcntl(fd, F_GETFD);
  if (status < 0 || descriptor < 0 || ::fcntl(fd, F_SETFL, status | O_NONBLOCK) < 0 ||
      ::fcntl(fd, F_SETFD, descriptor | FD_CLOEXEC) < 0) {
    throwSystemError("cannot configure " + device, errno);
  }
}

}  // namespace

std::unique_ptr<LineIo> openLibSerialPortLine(const std::string& device,
                                              const std::string& resolved,
                                              const SerialSettings& settings) {
  PortPtr port = findPort(device, resolved);
  check(sp_open(port.get(), SP_MODE_READ_WRITE), "cannot open " + device + " with libserialport");
  int fd = -1;
  sp_get_port_handle(port.get(), &fd);
  auto line = std::make_unique<LibSerialPortLine>(std::move(port), fd, device);
  prepareDescriptor(fd, device);
  configure(line->port(), settings, device);
  return line;
}

}  // namespace atsharp::detail
