// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::webhooks::AsyncWebhooksClient`: the generated `AsyncWebhooksService` plus the same
/// local delivery helpers as `WebhooksClient` (they make no request, so they answer at once).
/// `async_client.webhooks()` returns one.

#include <workos/webhooks/async_service.h>
#include <workos/webhooks/webhook_helpers.h>

namespace workos::webhooks {

/// The async webhooks service with the delivery helpers. Thread-safe; cheap to copy.
class AsyncWebhooksClient : public AsyncWebhooksService, public WebhookHelpers {
 public:
  using AsyncWebhooksService::AsyncWebhooksService;
};

}  // namespace workos::webhooks
