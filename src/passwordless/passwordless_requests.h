// Copyright workos-cpp authors. Handwritten.
#pragma once

// Request building and decoding of the passwordless endpoints, shared by the sync service and
// the async client: the network part stays in ClientCore.

#include <workos/passwordless/passwordless.h>

#include "core/call.h"
#include "core/json.h"

namespace workos::detail::passwordless_requests {

/// `POST /passwordless/sessions` with the JSON body of `params`.
ApiRequest create_session(const passwordless::CreateSessionParams& params);
/// `POST /passwordless/sessions/{id}/send` with body `{}`.
ApiRequest send_session(std::string_view session_id);

}  // namespace workos::detail::passwordless_requests

namespace workos::passwordless {
// JSON (de)serializers, found by argument-dependent lookup from core/json.h.
void read(detail::json::Value v, PasswordlessSession& out, detail::json::DecodeContext& c);
void read(detail::json::Value v, SendSessionResponse& out, detail::json::DecodeContext& c);
void write(detail::json::Writer& w, const CreateSessionParams& params);
}  // namespace workos::passwordless
