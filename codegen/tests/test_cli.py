"""The command-line tool's generated commands: flags, runners, table columns, invocations."""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))

from test_operations import small_api  # noqa: E402
from workos_codegen import emit_cli as C  # noqa: E402


class CliCommands(unittest.TestCase):
    def setUp(self):
        self.api = small_api()
        self.ops = {o.op_id: C.CliOp(self.api, o) for o in self.api.ops}

    def test_a_list_takes_its_query_flags_and_pages(self):
        c = self.ops["List"]
        self.assertEqual(sorted(c.names), ["after", "before", "limit"])
        self.assertIn("kPaged", c.traits)
        self.assertIn('a.set("limit", params.limit);', c.body)
        self.assertEqual(c.body[-1], "return finish(a, a.client().orgs().list_orgs(params));")
        self.assertIn("Kind::kInteger", " ".join(c.flags))
        self.assertIn('"id"', c.row())  # the item's columns

    def test_path_parameters_are_positional(self):
        c = self.ops["Del"]
        self.assertEqual(c.body, ["return finish(a, a.client().orgs().delete_org(a.positional(0)));"])
        self.assertIn('{"id"}', c.row())
        self.assertIn('"DELETE /orgs/{id}"', c.row())

    def test_a_url_builder_prints_its_url_and_skips_constant_parameters(self):
        c = self.ops["Authz"]
        self.assertEqual(sorted(c.names), ["client-id"])  # response_type is a const
        self.assertEqual(c.body[-1], "return print_url(*url);")

    def test_an_access_token_operation_takes_the_token(self):
        c = self.ops["Prof"]
        self.assertIn("kAccessToken", c.traits)
        self.assertIn('a.need("access-token")', c.body[-1])

    def test_names_and_help(self):
        self.assertEqual(C.flag_name("organization_id"), "organization-id")
        self.assertEqual(C.first_sentence("Lists orgs. Then more.\nText."), "Lists orgs.")
        self.assertEqual(len(C.first_sentence("x" * 400)), 160)
        self.assertEqual(C.first_sentence("A [User](/reference/user) id (e.g. `u_1`). More."),
                         "A User id (e.g. `u_1`).")

    def test_invocations_come_from_the_examples(self):
        from workos_codegen.examples import Examples
        ex = Examples(self.api.builder)
        cases = {c["op"]: c for c in (C._invocation(self.api, o, ex, {}) for o in self.api.ops)}
        self.assertEqual(cases["Del"]["argv"][:2], ["orgs", "delete-org"])
        self.assertEqual(len(cases["Del"]["argv"]), 3)  # the id
        self.assertTrue(cases["List"]["paged"])
        self.assertTrue(cases["Authz"]["url"])


if __name__ == "__main__":
    unittest.main()
