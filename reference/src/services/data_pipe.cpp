#include "data_pipe.hpp"

#include "atsharp/codec/dle_encoder.hpp"

namespace atsharp::reference {

DataPipe::FromHost DataPipe::fromHost(ByteView bytes) {
  FromHost result;
  if (coding_ == DataCoding::PassThrough) {
    result.payload.assign(bytes.begin(), bytes.end());
    result.consumed = bytes.size();
    return result;
  }
  result.payload.resize(bytes.size());
  const DleDecoder::Step step = decoder_.decode(bytes, result.payload);
  result.payload.resize(step.produced);
  result.consumed = step.consumed;
  result.ended = step.ended;
  return result;
}

void DataPipe::toHost(HostOutput& out, ByteView payload) const {
  if (coding_ == DataCoding::PassThrough) {
    out.raw(payload);
    return;
  }
  Bytes coded;
  DleEncoder::encode(payload, coded);
  out.raw(coded);
}

void DataPipe::endToHost(HostOutput& out) const {
  const Byte etx = kEtx;
  out.raw({&etx, 1});
}

}  // namespace atsharp::reference
