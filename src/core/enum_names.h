// Copyright workos-cpp authors. Handwritten.
#pragma once

// Names of enumerators (internal): one table per enum gives each enumerator its wire code (and,
// where errors need one, its message), read in both directions, instead of a switch per
// direction and a hand-kept list of enumerators for the reverse lookup.

#include <cstddef>
#include <string_view>

namespace workos::detail {

template <class E>
struct EnumName {
  E value;
  const char* code;
  const char* message = "";
};

/// The row of `value` in `table`, or null.
template <class E, std::size_t N>
constexpr const EnumName<E>* row_of(const EnumName<E> (&table)[N], E value) noexcept {
  for (const EnumName<E>& row : table) {
    if (row.value == value) return &row;
  }
  return nullptr;
}

/// The code of `value` in `table`, or `fallback`.
template <class E, std::size_t N>
constexpr const char* code_of(const EnumName<E> (&table)[N], E value,
                              const char* fallback) noexcept {
  const EnumName<E>* row = row_of(table, value);
  return row ? row->code : fallback;
}

/// The enumerator whose code is `code` in `table`, or `fallback`.
template <class E, std::size_t N>
constexpr E value_of(const EnumName<E> (&table)[N], std::string_view code, E fallback) noexcept {
  for (const EnumName<E>& row : table) {
    if (code == row.code) return row.value;
  }
  return fallback;
}

}  // namespace workos::detail
