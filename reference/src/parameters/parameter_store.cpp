#include "parameter_store.hpp"

#include <cstddef>

#include "atsharp/catalogue/value_rules.hpp"

namespace atsharp::reference {
namespace {

using catalogue::Indexing;
using catalogue::kParameters;
using catalogue::Param;
using catalogue::ParameterSpec;

std::size_t index(Param param) noexcept { return static_cast<std::size_t>(param); }

bool isSocketIndexed(const ParameterSpec& spec) noexcept {
  return spec.indexing == Indexing::SocketId;
}

// A flash value is legal when each of its parts is: address lists are saved joined.
bool legalStoredValue(const ParameterSpec& spec, std::string_view value) {
  if (spec.kind != catalogue::ValueKind::AddressList) {
    return value == spec.defaultValue || !catalogue::checkValue(spec, value);
  }
  std::size_t count = 0;
  for (std::size_t start = 0; start <= value.size();) {
    const std::size_t comma = std::min(value.find(',', start), value.size());
    if (++count > catalogue::kMaxAddresses ||
        catalogue::checkValue(spec, value.substr(start, comma - start))) {
      return false;
    }
    start = comma + 1;
  }
  return true;
}

}  // namespace

std::string flashKey(const ParameterSpec& spec, int socket) {
  std::string key{spec.name};
  if (isSocketIndexed(spec)) key += "/" + std::to_string(socket);
  return key;
}

ParameterStore::ParameterStore() { resetToDefaults(); }

std::string& ParameterStore::slot(Param param, int socket) {
  return socket == 2 && isSocketIndexed(catalogue::spec(param)) ? socket2_[index(param)]
                                                                : values_[index(param)];
}

const std::string& ParameterStore::value(Param param, int socket) const {
  return const_cast<ParameterStore*>(this)->slot(param, socket);
}

void ParameterStore::set(Param param, std::string value, int socket) {
  slot(param, socket) = std::move(value);
}

void ParameterStore::resetToDefaults() {
  for (const ParameterSpec& spec : kParameters) {
    values_[index(spec.id)] = std::string{spec.defaultValue};
    socket2_[index(spec.id)] = isSocketIndexed(spec) ? std::string{spec.defaultValue} : "";
  }
}

FlashImage ParameterStore::image() const {
  FlashImage image;
  for (const ParameterSpec& spec : kParameters) {
    image[flashKey(spec, 1)] = value(spec.id, 1);
    if (isSocketIndexed(spec)) image[flashKey(spec, 2)] = value(spec.id, 2);
  }
  return image;
}

int ParameterStore::load(const FlashImage& image) {
  resetToDefaults();
  int skipped = 0;
  for (const ParameterSpec& spec : kParameters) {
    for (int socket = 1; socket <= (isSocketIndexed(spec) ? 2 : 1); ++socket) {
      const auto it = image.find(flashKey(spec, socket));
      if (it == image.end()) continue;
      if (legalStoredValue(spec, it->second)) {
        slot(spec.id, socket) = it->second;
      } else {
        ++skipped;
      }
    }
  }
  return skipped;
}

}  // namespace atsharp::reference
