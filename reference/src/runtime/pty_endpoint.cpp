#include "pty_endpoint.hpp"

#include <boost/asio/posix/stream_descriptor.hpp>

#include "atsharp/error.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "stream_line.hpp"

namespace atsharp::reference {

PtyEndpoint::PtyEndpoint(boost::asio::io_context& io, LineHub& hub) {
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  slavePath_ = pty.slavePath;
  slave_ = std::move(pty.slave);
  boost::asio::posix::stream_descriptor master(io);
  boost::system::error_code error;
  master.assign(pty.master.get(), error);
  if (error) throw TransportError("cannot watch the pty master: " + error.message());
  pty.master.release();  // the stream descriptor owns it now
  using PtyLine = StreamLine<boost::asio::posix::stream_descriptor>;
  std::make_shared<PtyLine>(std::move(master), hub)->start();
}

}  // namespace atsharp::reference
