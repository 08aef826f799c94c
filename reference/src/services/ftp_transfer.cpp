#include "ftp_transfer.hpp"

#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;
using catalogue::Result;

}  // namespace

FtpTransfer::FtpTransfer(ModuleCore& core, Direction direction)
    : ServiceBase(/*dataCoded=*/true), direction_(direction),
      server_(core.params.value(Param::Ftpserv)) {
  const bool get = direction == Direction::Get;
  request_.localAddress = localAddress(core);
  request_.server.port = portOf(core, Param::Ftpport);
  request_.user = core.params.value(Param::Ftpun);
  request_.password = core.params.value(Param::Ftppw);
  request_.path = core.params.value(get ? Param::Ftpgetpath : Param::Ftpputpath);
  request_.file = core.params.value(get ? Param::Ftpgetfilename : Param::Ftpputfilename);
  request_.ascii = core.params.value(Param::Ftptype) == "A";
}

Outcome FtpTransfer::begin(ModuleCore& core) {
  if (server_.empty() || request_.file.empty()) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  return lookUpAndReach(core, server_);
}

void FtpTransfer::reached(ModuleCore& core, const std::string& address) {
  request_.server.address = address;
  transfer_ = newActivity(core);
  if (direction_ == Direction::Get) {
    core.services.port()->ftpGet(transfer_, request_);
  } else {
    core.services.port()->ftpPut(transfer_, request_);
  }
}

void FtpTransfer::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (std::holds_alternative<Ready>(event)) {
    ready(core);
  } else if (const auto* received = std::get_if<Received>(&event)) {
    core.link.activity(core);
    pipe_.toHost(core.out, received->data);
  } else if (std::holds_alternative<Closed>(event)) {
    ended(transfer_);
    completed(core);
  } else if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(transfer_);
    // 4.2.2, 4.3.2: a failure once the transfer started is preceded by an ETX (the one of the
    // host's data already came back for FTPPUT).
    if (started_ && !hostDone_ && phase() == Phase::Command) writeEtx(core);
    fail(core, failed->code);
  }
}

// FTPGET: Ok_Info_DataBegin, then the file; the host's input waits meanwhile (it has nothing
// to send). FTPPUT: Ok_Info_WaitingForData, then the line is the host's data.
void FtpTransfer::ready(ModuleCore& core) {
  started_ = true;
  if (direction_ == Direction::Get) {
    core.out.result(Result::DataBegin);
    return;
  }
  core.out.result(Result::WaitingForData);
  holdLine(core);
}

void FtpTransfer::completed(ModuleCore& core) {
  if (direction_ == Direction::Get) writeEtx(core);  // the end of the file's data
  succeed(core, Result::Ok);
}

// FTPPUT's data, streamed to the server as it comes. The host's ETX ends it, and comes back to
// the host at once (A.7.1: "This character is echoed"); OK follows the server's confirmation.
std::size_t FtpTransfer::onHostData(ModuleCore& core, ByteView bytes) {
  DataPipe::FromHost input = pipe_.fromHost(bytes);
  core.link.activity(core);
  if (!input.payload.empty()) core.services.port()->send(transfer_, input.payload, std::nullopt);
  if (input.ended) {
    hostDone_ = true;
    core.services.port()->finish(transfer_);
    writeEtx(core);
    awaitFinal(core);
  }
  return input.consumed;
}

bool FtpTransfer::reads(Param param, int) const {
  return commandReads(direction_ == Direction::Get ? "FTPGET" : "FTPPUT", param);
}

}  // namespace atsharp::reference
