#pragma once
// The two directions of data mode on the serial line (4.2, 4.3, 5.1.1, 6.2): the host's bytes
// decoded up to the ETX that ends data mode, and the network's bytes coded for the host.

#include <cstddef>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "../interpreter/host_output.hpp"

namespace atsharp::reference {

class DataPipe {
 public:
  explicit DataPipe(DataCoding coding) : coding_(coding) {}

  /// What one piece of host input gave.
  struct FromHost {
    Bytes payload;
    std::size_t consumed = 0;  ///< host bytes used, the ending ETX included
    bool ended = false;        ///< the host's unescaped ETX ended data mode
  };

  /// Decodes host bytes. With DLE coding it stops after the first unescaped ETX; without
  /// (DLEMODE 0) every byte is payload and nothing ends data mode.
  FromHost fromHost(ByteView bytes);

  /// Writes network bytes to the host, coded.
  void toHost(HostOutput& out, ByteView payload) const;

  /// Ends the module's side of data mode with an ETX. Under DLEMODE 0 it cannot be told from
  /// payload (5.1.1: no clear indication), but 5.2.2 and 5.4.1 send it on a remote close all
  /// the same.
  void endToHost(HostOutput& out) const;

  DataCoding coding() const noexcept { return coding_; }

 private:
  DataCoding coding_;
  DleDecoder decoder_;
};

}  // namespace atsharp::reference
