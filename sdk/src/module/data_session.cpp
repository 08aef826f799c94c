// A data session: payload in and out, with the DLE/ETX coding of the line, and its end.

#include "atsharp/module/data_session.hpp"

#include <algorithm>

#include "atsharp/codec/dle_encoder.hpp"
#include "module_line.hpp"
#include "pass_through_end.hpp"

namespace atsharp {
namespace {

// Payload is written in pieces, each with the Module's command timeout, so a slow line (the
// module pacing a UART) fails only when it stops taking bytes, not for being slow.
constexpr std::size_t kWritePiece = 4096;
// Under DLEMODE 0, an ETX the scanner holds back is payload once the line stays quiet this long:
// the module writes its end lines right behind the ETX.
constexpr Milliseconds kPassThroughGrace{200};

}  // namespace

DataSession::DataSession(Module& module, std::string label, DataCoding coding)
    : module_(module), label_(std::move(label)), coding_(coding), lastByte_(Clock::now()) {
  if (coding_ == DataCoding::PassThrough) {
    passThroughEnd_ = std::make_unique<detail::PassThroughEnd>();
  }
}

DataSession::~DataSession() {
  if (state_ == State::Open && coding_ == DataCoding::Dle) {
    try {
      close();
    } catch (const Error&) {
      // The line is gone or the module does not answer: nothing more can be done here.
    }
  }
  release();
}

void DataSession::write(ByteView payload) {
  if (state_ != State::Open) throw UsageError(label_ + ": the session has ended");
  Bytes encoded;
  ByteView out = payload;
  if (coding_ == DataCoding::Dle) {
    DleEncoder::encode(payload, encoded);
    out = encoded;
  }
  while (!out.empty()) {
    const std::size_t piece = std::min(out.size(), kWritePiece);
    module_.line_->write(out.first(piece), module_.options_.commandTimeout, label_);
    out = out.subspan(piece);
  }
}

Bytes DataSession::read(Milliseconds wait) {
  const Deadline deadline = after(wait);
  while (state_ == State::Open) {
    const bool holding = passThroughEnd_ && passThroughEnd_->holding();
    const Deadline until = holding ? std::min(deadline, lastByte_ + kPassThroughGrace) : deadline;
    std::optional<detail::LineEvent> event = module_.line_->next(until);
    if (!event) {
      if (holding && Clock::now() >= lastByte_ + kPassThroughGrace) {
        return passThroughEnd_->release();
      }
      if (Clock::now() >= deadline) return {};
      continue;
    }
    if (auto* chunk = std::get_if<detail::DataChunk>(&*event)) {
      lastByte_ = Clock::now();
      if (!passThroughEnd_) return std::move(chunk->bytes);
      detail::PassThroughEnd::Scan scan = passThroughEnd_->feed(chunk->bytes);
      if (scan.tail) endPassThrough(std::move(*scan.tail));
      if (!scan.payload.empty() || state_ != State::Open) return std::move(scan.payload);
    } else if (std::holds_alternative<DataModeEnded>(*event)) {
      finish(State::ClosedByPeer, module_.options_.commandTimeout);
    }
  }
  return {};
}

void DataSession::close(std::optional<Milliseconds> timeout) {
  if (state_ != State::Open) return;
  if (coding_ == DataCoding::PassThrough) {
    throw UsageError(label_ + ": under DLEMODE 0 only the peer or an error ends a session");
  }
  const Milliseconds wait = timeout.value_or(module_.options_.commandTimeout);
  Bytes etx;
  DleEncoder::finish(etx);
  module_.line_->write(etx, wait, label_);
  const Deadline deadline = after(wait);
  // The module answers the ETX with its own ETX (the end of its data) and then its result.
  while (state_ == State::Open) {
    std::optional<detail::LineEvent> event = module_.line_->next(deadline);
    if (!event) {
      state_ = State::Failed;
      module_.stale_ = true;  // the next command starts afresh (Exchange)
      throw TimeoutError(label_ + " (closing with ETX)", wait);
    }
    if (std::holds_alternative<DataModeEnded>(*event)) finish(State::ClosedByHost, wait);
  }
}

void DataSession::drain(const std::function<void(ByteView)>& sink, Milliseconds idle) {
  while (state_ == State::Open) {
    const Bytes payload = read(idle);
    if (!payload.empty()) {
      if (sink) sink(payload);
    } else if (state_ == State::Open) {
      throw TimeoutError(label_ + " (nothing came)", idle);
    }
  }
}

void DataSession::finish(State success, Milliseconds timeout) {
  const Deadline deadline = after(timeout);
  while (state_ == State::Open) {
    std::optional<detail::LineEvent> event = module_.line_->next(deadline);
    if (!event) {
      state_ = State::Failed;
      module_.stale_ = true;
      release();
      throw TimeoutError(label_ + " (the module's answer after data mode)", timeout);
    }
    if (const auto* error = std::get_if<CmeErrorLine>(&*event)) {
      state_ = State::Failed;
      errorCode_ = error->code;
    } else if (const auto* result = std::get_if<ResultLine>(&*event)) {
      if (result->result == catalogue::Result::Ok) state_ = success;
      if (result->result == catalogue::Result::Error) state_ = State::Failed;
    }
  }
  release();
}

void DataSession::endPassThrough(Bytes tail) {
  module_.line_->resumeLines(std::move(tail));
  finish(State::ClosedByPeer, module_.options_.commandTimeout);
}

void DataSession::release() {
  const std::lock_guard lock(module_.mutex_);
  module_.sessionOpen_ = false;
  module_.pendingSession_.reset();
}

}  // namespace atsharp
