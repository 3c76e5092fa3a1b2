// Copyright workos-cpp authors. Handwritten.
#pragma once

// The five most common tasks, as docs/from-python.md shows them beside the Python SDK. Each
// function is the code of one snippet; tasks_test.cc runs them against the fake transport.

#include <workos/client.h>
#include <workos/events/models.h>

#include <string>

namespace from_python {

// Creates the organization "Acme" and returns its id.
std::string create_organization(const workos::Client& client);
// Adds `user_id` to `org_id` with the role "admin".
void add_member(const workos::Client& client, const std::string& user_id,
                const std::string& org_id);
// Signs a user in with email and password; returns the user's id.
std::string sign_in(const workos::Client& client, const std::string& email,
                    const std::string& password);
// Checks a sealed session cookie; returns the user id, or "" when the session is not valid.
std::string verify_session(const workos::Client& client, const std::string& cookie,
                           const std::string& cookie_password);
// Checks a webhook delivery and returns its event type.
std::string check_webhook(const workos::Client& client, const std::string& payload,
                          const std::string& sig_header, const std::string& secret);

}  // namespace from_python
