#pragma once
/// @file
/// A check for the catalogue's tables that are indexed by an enumeration: entry i must be the
/// entry of enumerator i, so that a look-up by id is an array index.

#include <cstddef>

namespace atsharp::catalogue::detail {

/// True when every entry of @p table has the id of its position.
template <class Table>
constexpr bool isIndexedById(const Table& table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  }
  return true;
}

}  // namespace atsharp::catalogue::detail
