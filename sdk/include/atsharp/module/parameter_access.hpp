#pragma once
/// @file
/// Module::set and Module::get, the typed parameter calls (parameters.hpp). Included at the end
/// of module.hpp. Both go through the untyped path (setText, getText), so that a value is
/// written, checked and read back the same way whichever call the caller chose.

#include <optional>
#include <string>
#include <string_view>

#include "atsharp/module/module.hpp"
#include "atsharp/module/parameters.hpp"

namespace atsharp {

namespace detail {

/// Throws ProtocolError: the module answered @p command with @p shown, which is no legal value
/// of @p parameter (masked when secret).
[[noreturn]] void throwIllegalShown(catalogue::Param parameter, std::string_view shown);

template <class Value>
Value readShown(catalogue::Param parameter, std::string_view shown) {
  std::optional<Value> value = ValueText<Value>::read(shown);
  if (!value) throwIllegalShown(parameter, shown);
  return *std::move(value);
}

}  // namespace detail

template <class Parameter>
void Module::set(const Parameter&, const typename Parameter::Value& value) {
  static_assert(ParameterTag<Parameter>, "set() takes a tag of namespace atsharp::param");
  static_assert(!Parameter::bySocket,
                "a TCP parameter holds one value per socket: set(tag, SocketId(n), value)");
  setText(Parameter::id, ValueText<typename Parameter::Value>::write(value));
}

template <class Parameter>
typename Parameter::Value Module::get(const Parameter&) {
  static_assert(ParameterTag<Parameter>, "get() takes a tag of namespace atsharp::param");
  static_assert(!Parameter::bySocket,
                "a TCP parameter holds one value per socket: get(tag, SocketId(n))");
  return detail::readShown<typename Parameter::Value>(Parameter::id, getText(Parameter::id));
}

template <class Parameter>
void Module::set(const Parameter&, SocketId id, const typename Parameter::Value& value) {
  static_assert(ParameterTag<Parameter>, "set() takes a tag of namespace atsharp::param");
  static_assert(Parameter::bySocket, "only the TCP parameters take a SocketId");
  setText(Parameter::id, ValueText<typename Parameter::Value>::write(value), id);
}

template <class Parameter>
typename Parameter::Value Module::get(const Parameter&, SocketId id) {
  static_assert(ParameterTag<Parameter>, "get() takes a tag of namespace atsharp::param");
  static_assert(Parameter::bySocket, "only the TCP parameters take a SocketId");
  return detail::readShown<typename Parameter::Value>(Parameter::id, getText(Parameter::id, id));
}

}  // namespace atsharp
