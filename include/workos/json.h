// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::from_json<T>(text)`: decodes any generated model from JSON text, the counterpart of
/// `workos::to_json(model)` (the official SDKs' `from_dict` / `to_dict`).
///
/// Every generated model `M` (structs and unions of `workos/<module>/models.h`) comes with two
/// non-template functions declared next to it:
///
///     workos::Result<void> workos::from_json(std::string_view json, M& out);
///     std::string workos::to_json(const M& value);
///
/// This header adds the generic form that returns the model. Decoding follows DESIGN §4: a
/// value of the wrong JSON type (or text that is not JSON) is a `DecodeError` naming model and
/// field; unknown fields are ignored, unknown enum values and union tags are kept, and a missing
/// required field keeps its default value.
///
/// @code
/// auto user = workos::from_json<workos::User>(error.user_json());
/// if (user) std::cout << user->email << "\n";
/// std::string text = workos::to_json(*user);
/// @endcode

#include <workos/result.h>

#include <string_view>
#include <utility>

namespace workos {

/// Decodes `json` into a new `T` (any generated model). Thread-safe.
///
/// @return the model, or a `DecodeError` naming model and field.
template <class T>
Result<T> from_json(std::string_view json) {
  T out{};
  Result<void> decoded = from_json(json, out);  // the generated overload for T (found by ADL)
  if (!decoded) return decoded.error();
  return Result<T>(std::move(out));
}

}  // namespace workos
