#!/usr/bin/python3
"""The `workos` API commands against a loopback server started here: every error class's exit
code, --all paging with its progress line, table output, the request id, the request body from
flags and --data, the profile file and its permission check, and that the API key is never
printed.

    cli_api_test.py WORKOS_BINARY
"""

import http.server
import json
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

BINARY = None
API_KEY = "sk_test_cli_api_secret_0123456789"
PROFILE_KEY = "sk_test_cli_profile_secret_987654"


def org(id_, name="Acme"):
    return {"object": "organization", "id": id_, "name": name, "domains": [], "metadata": {},
            "external_id": None, "created_at": "2026-01-15T12:00:00.000Z",
            "updated_at": "2026-01-15T12:00:00.000Z",
            "allow_profiles_outside_organization": False}


def user(n):
    return {"object": "user", "id": "user_%d" % n, "email": "u%d@example.com" % n,
            "first_name": "U", "last_name": str(n), "email_verified": True,
            "profile_picture_url": None, "last_sign_in_at": None, "external_id": None,
            "metadata": {}, "locale": None, "created_at": "2026-01-15T12:00:00.000Z",
            "updated_at": "2026-01-15T12:00:00.000Z"}


PAGES = {None: ([1, 2], "c1"), "c1": ([3], "c2"), "c2": ([4], None)}
ERRORS = {"org_401": 401, "org_403": 403, "org_404": 404, "org_429": 429, "org_500": 500,
          "org_422": 422}


class Handler(http.server.BaseHTTPRequestHandler):
    received = []

    def log_message(self, *args):
        pass

    def answer(self, status, body, request_id="req_test"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Request-ID", request_id)
        if status == 429:
            self.send_header("Retry-After", "0")
        self.end_headers()
        self.wfile.write(data)

    def authorized(self):
        auth = self.headers.get("Authorization", "")
        if auth in ("Bearer " + API_KEY, "Bearer " + PROFILE_KEY):
            return True
        self.answer(401, {"message": "Unauthorized"}, "req_401")
        return False

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        Handler.received.append(("GET", self.path, None))
        if not self.authorized():
            return
        if url.path.startswith("/organizations/"):
            id_ = url.path.rsplit("/", 1)[1]
            if id_ in ERRORS:
                self.answer(ERRORS[id_], {"message": "failed " + id_, "code": "code_" + id_},
                            "req_" + id_)
            elif id_ == "org_slow":
                time.sleep(3)
                self.answer(200, org(id_))
            elif id_ == "org_esc":
                self.answer(200, org(id_, "Evil\x1b[31m"))
            elif id_ == "org_bad":
                self.answer(200, b"{not json")
            else:
                self.answer(200, org(id_), "req_" + id_)
        elif url.path == "/user_management/users" and "email" in query:
            found = [user(9)] if query["email"] == "known@example.com" else []
            self.answer(200, {"object": "list", "data": found,
                              "list_metadata": {"before": None, "after": None}})
        elif url.path.startswith("/connections/"):
            id_ = url.path.rsplit("/", 1)[1]
            draft = id_ == "conn_draft"
            self.answer(200, {"object": "connection", "id": id_, "organization_id": "org_1",
                              "connection_type": "OktaSAML", "name": "Okta",
                              "state": "draft" if draft else "active",
                              "status": "unlinked" if draft else "linked",
                              "domains": [] if draft else [
                                  {"object": "connection_domain", "id": "cd_1",
                                   "domain": "acme.com"}],
                              "created_at": "2026-01-15T12:00:00.000Z",
                              "updated_at": "2026-01-15T12:00:00.000Z"})
        elif url.path.startswith("/directories/"):
            id_ = url.path.rsplit("/", 1)[1]
            self.answer(200, {"object": "directory", "id": id_, "organization_id": "org_1",
                              "external_key": "key", "type": "okta scim v2.0", "name": "Okta",
                              "state": "linked" if id_ == "dir_ok" else "invalid_credentials",
                              "created_at": "2026-01-15T12:00:00.000Z",
                              "updated_at": "2026-01-15T12:00:00.000Z"})
        elif url.path in ("/directory_users", "/directory_groups"):
            n = 2 if query.get("directory") == "dir_ok" else 0
            self.answer(200, {"object": "list", "data": [{"id": "d_%d" % i} for i in range(n)],
                              "list_metadata": {"before": None, "after": None}})
        elif url.path == "/user_management/users":
            items, after = PAGES[query.get("after")]
            self.answer(200, {"object": "list", "data": [user(n) for n in items],
                              "list_metadata": {"before": None, "after": after}},
                        "req_page_%s" % query.get("after", "first"))
        else:
            self.answer(404, {"message": "no route"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"null")
        Handler.received.append(("POST", self.path, body))
        if self.path != "/sso/token" and not self.authorized():  # the code exchange has no key
            return
        if self.path == "/organizations":
            if body.get("name") == "fail":
                self.answer(422, {"message": "name refused", "code": "invalid"})
            else:
                self.answer(201, org("org_" + body.get("name", "new").lower(), body["name"]),
                            "req_created")
        elif self.path == "/sso/token":
            self.answer(200, {"token_type": "Bearer", "access_token": "at_1", "expires_in": 600,
                              "profile": {"object": "profile", "id": "prof_1"}})
        elif self.path == "/portal/generate_link":
            self.answer(201, {"link": "https://setup.workos.test/portal/launch?secret=x"})
        elif self.path == "/user_management/users":
            self.answer(201, dict(user(0), id="user_new", email=body["email"]))
        elif self.path == "/user_management/organization_memberships":
            self.answer(201, {"object": "organization_membership", "id": "om_" + body["user_id"],
                              "user_id": body["user_id"],
                              "organization_id": body["organization_id"], "status": "active",
                              "role": {"slug": body.get("role_slug", "member")},
                              "created_at": "2026-01-15T12:00:00.000Z",
                              "updated_at": "2026-01-15T12:00:00.000Z"})
        elif self.path == "/user_management/invitations":
            self.answer(201, {"object": "invitation", "id": "inv_1", "email": body["email"],
                              "state": "pending"})
        else:
            self.answer(404, {"message": "no route"})


class CliApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.url = "http://127.0.0.1:%d" % cls.server.server_address[1]
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.home = tempfile.mkdtemp()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def run_cli(self, *args, key=API_KEY, env=None, stdin=None):
        e = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home}
        if key is not None:
            e["WORKOS_API_KEY"] = key
        e.update(env or {})
        p = subprocess.run([BINARY] + list(args), capture_output=True, text=True, env=e,
                           timeout=60, input=stdin)
        for stream in (p.stdout, p.stderr):
            self.assertNotIn(API_KEY, stream)
            self.assertNotIn(PROFILE_KEY, stream)
        return p

    def api(self, *args, **kw):
        return self.run_cli(*args, "--base-url", self.url, "--max-retries", "0", **kw)

    def error_of(self, p):
        return json.loads(p.stderr.strip().splitlines()[-1])["error"]

    # ---- answers ----

    def test_a_value_prints_the_answer_as_json_and_the_request_id(self):
        p = self.api("organizations", "get-organization", "org_1")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["id"], "org_1")
        self.assertIn("request-id: req_org_1", p.stderr)

    def test_a_table_shows_the_members_of_a_value(self):
        p = self.api("organizations", "get-organization", "org_1", "--table")
        self.assertEqual(p.returncode, 0, p.stderr)
        rows = [line.split() for line in p.stdout.splitlines()]
        self.assertIn(["id", "org_1"], rows)
        self.assertIn(["name", "Acme"], rows)

    def test_a_list_as_a_table_has_the_chosen_columns(self):
        p = self.api("user-management", "list-users", "--table")
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.splitlines()
        starts = [m.start() for m in re.finditer(r"\S+", lines[0])] + [None]
        cells = [[line[a:b].strip() for a, b in zip(starts, starts[1:])] for line in lines[:-1]]
        header, first = cells[0], cells[1]
        self.assertEqual(header[0], "ID")
        self.assertEqual(first[0], "user_1")
        self.assertEqual(first[header.index("EMAIL")], "u1@example.com")
        self.assertEqual(len(cells), 3)
        self.assertEqual(lines[-1], "(2 items)")

    def test_all_fetches_every_page_with_a_progress_line(self):
        p = self.api("user-management", "list-users", "--all")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual([u["id"] for u in out["data"]], ["user_1", "user_2", "user_3", "user_4"])
        self.assertIn("4 items, 3 pages", p.stderr)
        self.assertIn("req_page_first, req_page_c1, req_page_c2", p.stderr)

    def test_without_all_one_page_comes_back(self):
        p = self.api("user-management", "list-users", "--limit", "2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(len(json.loads(p.stdout)["data"]), 2)
        self.assertIn("limit=2", Handler.received[-1][1])

    # ---- exit codes ----

    def check_error(self, id_, exit_code, kind, status):
        p = self.api("organizations", "get-organization", id_)
        self.assertEqual(p.returncode, exit_code, p.stderr)
        e = self.error_of(p)
        self.assertEqual((e["kind"], e["exit_code"], e.get("status")), (kind, exit_code, status))
        return e

    def test_auth_errors_exit_3(self):
        self.check_error("org_401", 3, "auth", 401)
        self.check_error("org_403", 3, "auth", 403)

    def test_not_found_exits_4_with_the_request_id(self):
        e = self.check_error("org_404", 4, "not_found", 404)
        self.assertEqual(e["request_id"], "req_org_404")
        self.assertEqual(e["code"], "code_org_404")

    def test_rate_limited_exits_5(self):
        self.check_error("org_429", 5, "rate_limited", 429)

    def test_server_errors_exit_6(self):
        self.check_error("org_500", 6, "server", 500)

    def test_an_answer_that_does_not_decode_exits_6(self):
        p = self.api("organizations", "get-organization", "org_bad")
        self.assertEqual(p.returncode, 6, p.stderr)
        self.assertEqual(self.error_of(p)["kind"], "server")

    def test_other_api_errors_exit_8(self):
        self.check_error("org_422", 8, "api", 422)

    def test_no_server_exits_7(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()  # nothing listens on it now
        p = self.run_cli("organizations", "get-organization", "org_1", "--base-url",
                         "http://127.0.0.1:%d" % port, "--max-retries", "0")
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertEqual(self.error_of(p)["kind"], "network")

    def test_timeout_bounds_the_whole_command(self):
        # The server answers after 3 s: a success would mean the deadline was not kept.
        p = self.run_cli("organizations", "get-organization", "org_slow", "--base-url", self.url,
                         "--timeout", "0.5")
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertEqual(self.error_of(p)["kind"], "network")
        self.assertIn("timeout", self.error_of(p)["code"])
        p = self.api("organizations", "get-organization", "org_1", "--timeout", "0")
        self.assertEqual(p.returncode, 2, p.stderr)

    def test_a_wrong_key_is_auth_and_never_printed(self):
        p = self.api("organizations", "get-organization", "org_1", key="sk_test_wrong_key_555")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertNotIn("sk_test_wrong_key_555", p.stdout + p.stderr)

    # ---- usage ----

    def test_usage_errors_exit_2(self):
        cases = [
            ("user-management", "list-users", "--limit", "ten"),
            ("organizations", "get-organization"),  # missing id
            ("organizations", "get-organization", "org_1", "--colour", "red"),
            ("organizations", "create-organization", "--data", "{"),
            ("organizations", "create-organization", "--data", '{"name": 5}'),
            ("organizations", "create-organization", "--allow-profiles-outside-organization",
             "maybe", "--name", "x"),
            ("organizations", "create-organization"),  # --name is required
            ("user-management", "list-users", "--order"),  # no value
        ]
        for args in cases:
            p = self.api(*args)
            self.assertEqual(p.returncode, 2, (args, p.stderr))
            self.assertEqual(self.error_of(p)["kind"], "usage")
        p = self.api("organizations", "create-organization", "--data", '{"name": 5}')
        self.assertIn("name", self.error_of(p)["message"])

    def test_usage_errors_never_repeat_the_value(self):
        p = self.api("user-management", "list-users", "--limit", "sk_live_looks_secret_1")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertNotIn("sk_live_looks_secret_1", p.stderr)

    def test_an_enum_value_this_version_does_not_know_is_sent_with_a_note(self):
        p = self.api("user-management", "list-users", "--order", "dsc_looks_secret_2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("note: --order: not a value this version knows", p.stderr)
        self.assertNotIn("dsc_looks_secret_2", p.stderr)
        self.assertIn("order=dsc_looks_secret_2", Handler.received[-1][1])
        p = self.api("user-management", "list-users", "--order", "desc")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("note:", p.stderr)
        self.assertIn("order=desc", Handler.received[-1][1])

    def test_switches_take_true_or_false_and_flags_come_once(self):
        p = self.api("user-management", "list-users", "--all=false")
        self.assertEqual((p.returncode, len(json.loads(p.stdout)["data"])), (0, 2), p.stderr)
        p = self.api("user-management", "list-users", "--all=maybe")
        self.assertEqual(p.returncode, 2, p.stderr)
        p = self.api("user-management", "list-users", "--email", "a@x", "--email", "b@x")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("twice", self.error_of(p)["message"])

    def test_the_command_comes_first_and_must_exist(self):
        p = self.run_cli("--base-url", self.url, "organizations", "list-organizations")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(self.error_of(p)["kind"], "usage")
        p = self.run_cli("organizations", "no-such-command", "--help")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("no-such-command", self.error_of(p)["message"])

    def test_an_empty_api_key_is_refused(self):
        p = self.api("organizations", "get-organization", "org_1", "--api-key", "")
        self.assertEqual(p.returncode, 2, p.stderr)

    def test_a_table_never_sends_control_characters_to_the_terminal(self):
        p = self.api("organizations", "get-organization", "org_esc", "--table")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("\x1b", p.stdout)
        self.assertIn("Evil?[31m", p.stdout)

    def test_shared_flag_names_stay_the_connections(self):
        p = self.run_cli("pipes", "update-data-integration", "--help", "--json")
        flags = {f["name"]: f for f in json.loads(p.stdout)["commands"][0]["flags"]}
        self.assertEqual(flags["body-api-key"]["body"], "api_key")
        self.assertNotIn("body", flags["api-key"])

    def test_credentials_in_a_body_come_from_the_connection(self):
        p = self.api("sso", "get-profile-and-token", "--code", "code_1",
                     env={"WORKOS_CLIENT_ID": "client_from_env"})
        self.assertEqual(p.returncode, 0, p.stderr)
        method, path, body = Handler.received[-1]
        self.assertEqual(path, "/sso/token")
        self.assertEqual((body["client_id"], body["client_secret"], body["code"]),
                         ("client_from_env", API_KEY, "code_1"))

    # ---- the request body ----

    def test_a_member_given_whole_and_by_parts_is_refused(self):
        p = self.api("organizations", "create-organization", "--name", "x",
                     "--metadata", '{"a": "1"}', "--metadata.b", "2")
        self.assertEqual(p.returncode, 2, p.stderr)

    def test_a_leading_at_sign_is_doubled_for_a_literal(self):
        p = self.api("organizations", "create-organization", "--name", "@@acme")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(Handler.received[-1][2]["name"], "@acme")

    def test_body_flags_lay_over_data(self):
        p = self.api("organizations", "create-organization",
                     "--data", '{"name": "From data", "external_id": "ext_1"}',
                     "--name", "From flag", "--domains", "a.example,b.example",
                     "--metadata.tier", "gold",
                     "--domain-data", '[{"domain": "c.example", "state": "verified"}]',
                     "--allow-profiles-outside-organization", "true")
        self.assertEqual(p.returncode, 0, p.stderr)
        method, path, body = Handler.received[-1]
        self.assertEqual((method, path), ("POST", "/organizations"))
        self.assertEqual(body["name"], "From flag")
        self.assertEqual(body["external_id"], "ext_1")
        self.assertEqual(body["domains"], ["a.example", "b.example"])
        self.assertEqual(body["metadata"], {"tier": "gold"})
        self.assertEqual(body["domain_data"], [{"domain": "c.example", "state": "verified"}])
        self.assertIs(body["allow_profiles_outside_organization"], True)

    def test_data_from_stdin(self):
        p = self.api("organizations", "create-organization", "--data", "-",
                     stdin='{"name": "Piped"}')
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(Handler.received[-1][2]["name"], "Piped")

    # ---- workflows ----

    def posts(self, since):
        return [(path, body) for method, path, body in Handler.received[since:]
                if method == "POST"]

    def test_setup_org_creates_the_organization_and_a_portal_link(self):
        n = len(Handler.received)
        p = self.api("setup-org", "--name", "Acme", "--domains", "acme.com,acme.org",
                     "--intent", "dsync")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual(out["organization"]["id"], "org_acme")
        self.assertTrue(out["admin_portal_link"].startswith("https://setup.workos.test/"))
        posts = self.posts(n)
        self.assertEqual(posts[0], ("/organizations", {"name": "Acme", "domain_data": [
            {"domain": "acme.com", "state": "pending"},
            {"domain": "acme.org", "state": "pending"}]}))
        self.assertEqual(posts[1], ("/portal/generate_link",
                                    {"organization": "org_acme", "intent": "dsync"}))

    def test_onboard_user_reuses_a_user_found_by_email(self):
        n = len(Handler.received)
        p = self.api("onboard-user", "--email", "known@example.com", "--organization-id", "org_1",
                     "--role", "admin")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual((out["user"]["id"], out["user_created"]), ("user_9", False))
        self.assertEqual(out["membership"]["id"], "om_user_9")
        self.assertEqual(self.posts(n), [("/user_management/organization_memberships", {
            "user_id": "user_9", "organization_id": "org_1", "role_slug": "admin"})])

    def test_onboard_user_creates_a_new_user(self):
        n = len(Handler.received)
        p = self.api("onboard-user", "--email", "new@example.com", "--organization-id", "org_1",
                     "--first-name", "Ada")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual((out["user"]["id"], out["user_created"]), ("user_new", True))
        posts = self.posts(n)
        self.assertEqual(posts[0], ("/user_management/users",
                                    {"email": "new@example.com", "first_name": "Ada"}))
        self.assertEqual(posts[1][1]["user_id"], "user_new")

    def test_onboard_user_can_invite_instead(self):
        n = len(Handler.received)
        p = self.api("onboard-user", "--email", "new@example.com", "--organization-id", "org_1",
                     "--role", "admin", "--invite")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["invitation"]["id"], "inv_1")
        self.assertEqual(self.posts(n), [("/user_management/invitations", {
            "email": "new@example.com", "organization_id": "org_1", "role_slug": "admin"})])

    def write_seed(self, organizations):
        path = os.path.join(self.home, "seed.json")
        with open(path, "w") as f:
            json.dump({"organizations": organizations}, f)
        return path

    def test_seed_creates_organizations_and_members(self):
        path = self.write_seed([
            {"name": "One", "domains": ["one.example"],
             "users": [{"email": "known@example.com", "role": "admin"},
                       {"email": "fresh@example.com"}]},
            {"name": "Two"}])
        p = self.api("seed", "--file", path)
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)["organizations"]
        self.assertEqual([o["id"] for o in out], ["org_one", "org_two"])
        self.assertEqual([(u["id"], u["created"], u["membership_id"]) for u in out[0]["users"]],
                         [("user_9", False, "om_user_9"), ("user_new", True, "om_user_new")])

    def test_seed_checks_the_whole_file_before_creating_anything(self):
        n = len(Handler.received)
        path = self.write_seed([{"name": "Fine"}, {"users": [{"email": "a@example.com"}]}])
        p = self.api("seed", "--file", path)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(self.posts(n), [])

    def test_seed_prints_what_it_made_before_a_failure(self):
        path = self.write_seed([{"name": "Kept"}, {"name": "fail"}, {"name": "Never"}])
        p = self.api("seed", "--file", path)
        self.assertEqual(p.returncode, 8, p.stderr)
        self.assertEqual([o["id"] for o in json.loads(p.stdout)["organizations"]], ["org_kept"])
        self.assertEqual(self.error_of(p)["status"], 422)

    def test_debug_sso_passes_an_active_connection(self):
        p = self.api("debug-sso", "conn_ok")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual((out["healthy"], out["findings"]), (True, []))

    def test_debug_sso_explains_a_draft_connection(self):
        p = self.api("debug-sso", "conn_draft")
        self.assertEqual(p.returncode, 1, p.stderr)
        out = json.loads(p.stdout)
        self.assertFalse(out["healthy"])
        levels = {f["level"]: f["message"] for f in out["findings"]}
        self.assertIn("draft", levels["error"])
        self.assertIn("no domains", levels["warning"])

    def test_debug_sync_counts_users_and_groups(self):
        p = self.api("debug-sync", "dir_ok")
        self.assertEqual(p.returncode, 0, p.stderr)
        out = json.loads(p.stdout)
        self.assertEqual((out["users"]["count"], out["groups"]["count"]), (2, 2))
        self.assertTrue(out["healthy"])

    def test_debug_sync_explains_invalid_credentials(self):
        p = self.api("debug-sync", "dir_bad")
        self.assertEqual(p.returncode, 1, p.stderr)
        out = json.loads(p.stdout)
        messages = [f["message"] for f in out["findings"]]
        self.assertTrue(any("credentials" in m for m in messages), messages)
        self.assertTrue(any("no users" in m for m in messages), messages)

    # ---- configuration ----

    def write_profile(self, mode):
        path = os.path.join(self.home, "profile-%o.json" % mode)
        with open(path, "w") as f:
            json.dump({"default": {"api_key": "sk_wrong_default_00"},
                       "test": {"api_key": PROFILE_KEY, "base_url": self.url}}, f)
        os.chmod(path, mode)
        return path

    def test_a_profile_gives_key_and_base_url(self):
        path = self.write_profile(0o600)
        p = self.run_cli("organizations", "get-organization", "org_1", "--config", path,
                         "--profile", "test", key=None)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["id"], "org_1")

    def test_the_environment_wins_over_the_profile(self):
        path = self.write_profile(0o600)
        p = self.run_cli("organizations", "get-organization", "org_1", "--profile", "test",
                         key=None, env={"WORKOS_CONFIG": path, "WORKOS_API_KEY": "sk_env_wrong_1"})
        self.assertEqual(p.returncode, 3, p.stderr)

    def test_a_profile_others_can_read_is_refused(self):
        path = self.write_profile(0o644)
        p = self.run_cli("organizations", "get-organization", "org_1", "--config", path,
                         "--profile", "test", key=None)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn("chmod 600", self.error_of(p)["message"])

    def test_the_api_key_from_a_file(self):
        path = os.path.join(self.home, "key")
        with open(path, "w") as f:
            f.write(API_KEY + "\n")  # as `echo $KEY > key` writes it
        p = self.api("organizations", "get-organization", "org_1", "--api-key", "@" + path,
                     key=None)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_help_of_an_api_command(self):
        p = self.run_cli("organizations", "get-organization", "--help", "--json")
        self.assertEqual(p.returncode, 0, p.stderr)
        c = json.loads(p.stdout)["commands"][0]
        self.assertEqual(c["http"], "GET /organizations/{id}")
        self.assertEqual(c["positional"], ["id"])
        self.assertIn("api-key", [f["name"] for f in c["flags"]])


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
