"""Operations: naming, response kinds, security, servers, URL builders, examples; and the whole
generation on the real spec (skipped when ../shared/openapi is absent)."""

import json
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

from workos_codegen import api as A  # noqa: E402
from workos_codegen import emit_services as S  # noqa: E402
from workos_codegen import emit_tests as T  # noqa: E402
from workos_codegen import main as M  # noqa: E402
from workos_codegen.cpp import BANNER  # noqa: E402
from workos_codegen.examples import Examples  # noqa: E402

SPEC = os.path.join(M.REPO_ROOT, "..", "shared", "openapi", "open-api-spec.yaml")
NAMES = os.path.join(M.REPO_ROOT, "..", "shared", "openapi", "operation-names.json")


def _resp(schema=None, status="200"):
    r = {"description": "ok"}
    if schema is not None:
        r["content"] = {"application/json": {"schema": schema}}
    return {status: r}


def small_api():
    schemas = {
        "Org": {"type": "object", "properties": {"id": {"type": "string", "example": "org_1"}},
                "required": ["id"]},
        "OrgList": {"type": "object", "properties": {
            "data": {"type": "array", "items": {"$ref": "#/components/schemas/Org"}},
            "list_metadata": {"type": "object", "properties": {
                "before": {"type": ["string", "null"]}, "after": {"type": ["string", "null"]}}}}},
    }
    q = [{"name": "after", "in": "query", "schema": {"type": "string"}},
         {"name": "before", "in": "query", "schema": {"type": "string"}},
         {"name": "limit", "in": "query", "schema": {"type": "integer"}}]
    paths = {
        "/orgs": {"get": {"operationId": "List", "parameters": q,
                          "responses": _resp({"$ref": "#/components/schemas/OrgList"})}},
        "/orgs/{id}": {"delete": {"operationId": "Del", "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": _resp(None, "204")}},
        "/authorize": {"get": {"operationId": "Authz", "security": [], "servers": [
            {"url": "https://auth.example.com/"}], "parameters": [
            {"name": "client_id", "in": "query", "required": True,
             "schema": {"type": "string"}},
            {"name": "response_type", "in": "query", "required": True,
             "schema": {"type": "string", "const": "code"}}], "responses": _resp(None, "302")}},
        "/profile": {"get": {"operationId": "Prof", "security": [{"access_token": []}],
                             "parameters": [],
                             "responses": _resp({"type": "array", "items": {"type": "string"}})}},
    }
    names = [
        {"operationId": "List", "method": "GET", "path": "/orgs", "module": "orgs",
         "name": "list_orgs"},
        {"operationId": "Del", "method": "DELETE", "path": "/orgs/{id}", "module": "orgs",
         "name": "delete_org"},
        {"operationId": "Authz", "method": "GET", "path": "/authorize", "module": "sso",
         "name": "get_authorization_url", "url_builder": True},
        {"operationId": "Prof", "method": "GET", "path": "/profile", "module": "sso",
         "name": "get_profile"},
    ]
    spec = {"openapi": "3.1.1", "paths": paths, "components": {"schemas": schemas}}
    return A.analyze(spec, names, {"builtin_components": {}})


class Operations(unittest.TestCase):
    def setUp(self):
        self.api = small_api()
        self.ops = {o.op_id: o for o in self.api.ops}

    def test_list_operations_return_pages_of_their_items(self):
        o = self.ops["List"]
        self.assertEqual(o.response_kind, "page")
        self.assertEqual(S.return_type(o), "Result<Page<workos::Org>>")
        self.assertFalse(o.params_required())

    def test_no_content_is_void_and_path_parameters_are_arguments(self):
        o = self.ops["Del"]
        self.assertEqual(S.return_type(o), "Result<void>")
        self.assertEqual(S.args(o, True), ["std::string_view id",
                                           "const RequestOptions& options = {}"])

    def test_security_servers_and_url_builders(self):
        a = self.ops["Authz"]
        self.assertEqual(a.security, "none")
        self.assertEqual(a.server_override, "https://auth.example.com")
        self.assertTrue(a.url_builder)
        self.assertEqual(S.return_type(a), "Result<std::string>")
        self.assertTrue(a.params_required())  # client_id; the const response_type is not
        p = self.ops["Prof"]
        self.assertEqual(p.security, "access_token")
        self.assertEqual(S.args(p, True)[0], "std::string_view access_token")
        self.assertEqual(S.return_type(p), "Result<std::vector<std::string>>")

    def test_generated_request_uses_the_seam_and_encodes_the_path(self):
        builder = S.emit_builder(self.ops["Del"])
        self.assertIn('req.path = std::string("/orgs/") + detail::encode_path_segment(id);',
                      builder)
        body = S.impl_body(self.ops["Del"], self.api)
        self.assertIn("request_for_delete_org(id)", body)
        self.assertIn("detail::call_void", body)

    def test_sync_and_async_share_one_request_builder(self):
        o = self.ops["Del"]
        sync = S.impl_body(o, self.api, "sync")
        async_ = S.impl_body(o, self.api, "async")
        self.assertIn("request_for_delete_org(id)", sync)
        self.assertIn("request_for_delete_org(id)", async_)
        self.assertIn("detail::call_async_void(core_, req, options)", async_)
        self.assertEqual(S.async_service_return(o), "Future<void>")
        requests = S.emit_requests_header(self.api, "orgs")
        self.assertEqual(requests.count("detail::ApiRequest request_for_delete_org("), 1)
        self.assertNotIn("request_for_delete_org(std::string_view",
                         S.emit_source(self.api, "orgs", {}))
        self.assertIn("detail::to_async_page", S.emit_async_source(self.api, "orgs", {}))
        self.assertNotIn("detail::to_async_page", S.emit_source(self.api, "orgs", {}))
        hdr = S.emit_async_header(self.api, "orgs", {})
        self.assertIn("class AsyncOrgsConnection", hdr)
        self.assertIn("class AsyncOrgsService", hdr)

    def test_url_builders_take_the_client_id_from_the_client(self):
        a = self.ops["Authz"]
        self.assertIn("const std::string& default_client_id", S.emit_builder(a))
        self.assertIn("core_->client().client_id()", S.impl_body(a, self.api, "async"))
        self.assertIn("make_ready_future", S.impl_body(a, self.api, "async"))

    def test_pagination_lives_in_the_service(self):
        src = S.emit_source(self.api, "orgs", {})
        self.assertIn("page->set_fetcher", src)
        self.assertIn("next.after = cursor;", src)
        self.assertIn("next.before.reset();", src)

    def test_expected_urls_encode_hostile_ids(self):
        c = T.OpCase(self.api, self.ops["Del"], Examples(self.api.builder), hostile=True)
        self.assertEqual(c.url("https://h"), "https://h/orgs/a%2F..%2Fb%3Fx%23")
        self.assertEqual(T.enc_segment(".."), "%2E%2E")

    def test_examples_come_from_the_spec(self):
        ex = Examples(self.api.builder)
        org = [m for m in self.api.models if m.name == "Org"][0]
        self.assertEqual(ex.model(org), {"id": "org_1"})


@unittest.skipUnless(os.path.exists(SPEC) and os.path.exists(NAMES), "WorkOS spec not present")
class WholeSpec(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spec = M.load_yaml(SPEC)
        with open(NAMES) as f:
            cls.names = json.load(f)
        cls.config = M.load_json(os.path.join(M.CODEGEN_DIR, "config.json"), {})
        cls.files, cls.api = M.build(cls.spec, cls.names, cls.config, {})

    def test_every_operation_has_a_method_with_its_official_name(self):
        self.assertEqual(len(self.api.ops), len(self.names))
        for e in self.names:
            header = self.files["include/workos/%s/service.h" % e["module"]]
            self.assertRegex(header, r"\b%s\(" % re.escape(e["name"]), e["operationId"])

    def test_output_is_deterministic(self):
        again, _ = M.build(self.spec, self.names, self.config, {})
        self.assertEqual(sorted(again), sorted(self.files))
        for k in self.files:
            self.assertEqual(again[k], self.files[k], k)

    def test_every_file_starts_with_the_banner(self):
        for path, text in self.files.items():
            first = text.split("\n", 1)[0]
            self.assertTrue(first == BANNER or first.startswith("# Generated by workos-cpp"),
                            path)

    def test_every_module_and_the_client_are_generated(self):
        modules = sorted(set(e["module"] for e in self.names))
        self.assertEqual(len(modules), 23)
        for m in modules:
            self.assertIn("include/workos/%s/service.h" % m, self.files)
            self.assertIn("mocks/include/workos/mocks/%s_mock.h" % m, self.files)
        client = self.files["include/workos/client.h"]
        self.assertIn("mfa() const noexcept", client)
        self.assertIn("user_management() const noexcept", client)

    def test_events_union_keeps_every_event_type(self):
        ev = [m for m in self.api.models if m.name == "Event"][0]
        self.assertEqual(len(ev.alts), 111)
        self.assertEqual(ev.tag_paths, [("event",)])

    def test_spec_is_never_copied_into_the_output(self):
        for text in self.files.values():
            self.assertNotIn("openapi: 3.1", text)


if __name__ == "__main__":
    unittest.main()


class ClientExtensions(unittest.TestCase):
    def test_extension_classes_replace_generated_services_and_extras_are_added(self):
        from workos_codegen import emit_client as C
        api = small_api()
        ext = {"sso": {"header": "workos/sso/sso_client.h", "class": "workos::sso::SsoClient"},
               "passwordless": {"header": "workos/passwordless/passwordless.h",
                                "class": "workos::passwordless::PasswordlessService",
                                "extra": True}}
        h = C.emit_client_header(api, ext)
        self.assertIn("const workos::sso::SsoClient& sso() const noexcept;", h)
        self.assertIn("const workos::orgs::OrgsService& orgs() const noexcept;", h)
        self.assertIn(
            "const workos::passwordless::PasswordlessService& passwordless() const noexcept;", h)
        # The header only declares the services: a user includes the module header they call.
        self.assertNotIn("#include <workos/sso/sso_client.h>", h)
        self.assertIn("class SsoClient;", h)
        self.assertIn("std::shared_ptr<workos::orgs::OrgsConnection> orgs;", h)
        # Each accessor builds its service on first use, on the connection when one is set; the
        # generated modules' accessors live in their own service.cc.
        headers, code = C.client_accessor_parts(api, ext, "sso")
        self.assertIn("workos/sso/sso_client.h", headers)
        self.assertIn("services_->sso.get<workos::sso::SsoClient>", code)
        # Without `connection_with_core` an extension is built on the module's HTTP connection,
        # with it from the client's core (its helpers need the client id and API key) through
        # its private constructors.
        self.assertIn("std::make_shared<const workos::sso::SsoClient>(sso::make_sso_connection("
                      "core()))", code)
        ext["sso"]["connection_with_core"] = True
        _, code = C.client_accessor_parts(api, ext, "sso")
        self.assertIn("detail::CoreAccess::make_shared<workos::sso::SsoClient>("
                      "sso::make_sso_connection(core()), core())", code)
        self.assertIn("detail::CoreAccess::make_shared<workos::sso::SsoClient>(connection, core())",
                      code)
        # Its constructors are written with its helpers, not here.
        self.assertNotIn("SsoClient::SsoClient", code)
        _, code = C.client_accessor_parts(api, ext, "orgs")
        self.assertIn("std::make_shared<const workos::orgs::OrgsService>(orgs::make_orgs_connection("
                      "core()))", code)
        src = C.emit_client_source(api, ext)
        self.assertIn("Client::passwordless() const noexcept", src)
        self.assertNotIn("Client::orgs()", src)
        self.assertIn("detail::LazyService orgs;", C.emit_client_services(api, ext))


class SplitModelSources(unittest.TestCase):
    def test_a_split_module_defines_every_model_once_across_its_slices(self):
        from workos_codegen import emit_models as M
        api = small_api()
        module = [m for m in api.modules][0]
        whole = M.emit_sources(api, module, 1)
        self.assertEqual(list(whole), ["src/%s/models.cc" % module])
        split = M.emit_sources(api, module, 2)
        self.assertEqual(sorted(split), ["src/%s/models.cc" % module,
                                         "src/%s/models_2.cc" % module])

        def definitions(text):
            return sorted(l for l in text.splitlines() if l.startswith(("bool read(", "void write(")))

        joined = []
        for text in split.values():
            self.assertTrue(text.startswith("// Generated by workos-cpp codegen"))
            joined += definitions(text)
        self.assertEqual(sorted(joined), definitions(whole["src/%s/models.cc" % module]))
        self.assertTrue(all(definitions(t) for t in split.values()))
