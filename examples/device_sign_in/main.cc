// Copyright workos-cpp authors. Handwritten.
// device_sign_in: signs a user in on a device without a browser of its own.
//
//   WORKOS_CLIENT_ID=client_... ./device_sign_in
//
// No API key is needed on the device: it is a public client.

#include <workos/client.h>

#include <iostream>

#include "device_sign_in.h"

int main() {
  workos::ClientOptions options;
  options.public_client = true;  // WORKOS_CLIENT_ID from the environment, no secret on the device
  auto client = workos::Client::create(options);
  if (!client) {
    std::cerr << client.error().message() << "\n";
    return 2;
  }
  auto who = device_sign_in::sign_in(*client, [](const workos::DeviceAuthorizationResponse& d) {
    std::cout << "Open " << d.verification_uri_complete.value_or(d.verification_uri)
              << " and enter the code " << d.user_code << "\n";
  });
  if (!who) {
    std::cerr << "sign-in failed: " << who.error().message() << "\n";
    return 1;
  }
  std::cout << "Signed in as " << who->email << " (" << who->user_id << ")\n";
  return 0;
}
