// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::webhooks::WebhooksClient`: the generated `WebhooksService` (webhook endpoints) plus
/// the local helpers to verify, decode and sign deliveries. `client.webhooks()` returns one.

#include <workos/webhooks/service.h>
#include <workos/webhooks/webhook_helpers.h>

namespace workos::webhooks {

/// The webhooks service with the delivery helpers. Thread-safe; cheap to copy.
class WebhooksClient : public WebhooksService, public WebhookHelpers {
 public:
  using WebhooksService::WebhooksService;
};

}  // namespace workos::webhooks
