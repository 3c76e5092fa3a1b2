// Copyright workos-cpp authors. Handwritten.
#pragma once

// The JSON inside a sealed session cookie (internal), in the two layouts of the official SDKs:
//   Node   {"organizationId","user":{camelCase},"accessToken","refreshToken",
//           "authenticationMethod","impersonator"}
//   Python {"access_token","refresh_token","user":{as the API sends it},"impersonator"}
// Both are read whatever the codec; the codec's style decides what is written.

#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>

#include <string>
#include <string_view>

namespace workos::auth::detail {

/// Encodes `data` in `style`.
std::string encode_session_data(const SessionData& data, SessionPayloadStyle style);

/// Writes into `out` a copy of the JSON `text` in which every `\uXXXX` escape of a UTF-16
/// surrogate that is not part of a high+low pair is replaced by `\ufffd`; true when it did.
/// False (and `out` untouched) when `text` has none, the usual case.
bool replace_unpaired_surrogate_escapes(std::string_view text, std::string& out);

/// The session data of an authenticate response (organization id from the access token's
/// `org_id`, as the Node SDK does, else the response's).
SessionData session_data_from_response(const workos::AuthenticateResponse& response);

}  // namespace workos::auth::detail
