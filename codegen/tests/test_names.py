"""Identifier mapping: keywords, odd wire names, collisions, enumerators."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from workos_codegen import names as N  # noqa: E402


class FieldNames(unittest.TestCase):
    def test_keywords_get_a_trailing_underscore(self):
        self.assertEqual(N.field_identifier("default"), "default_")
        self.assertEqual(N.field_identifier("delete"), "delete_")
        self.assertEqual(N.field_identifier("class"), "class_")

    def test_invalid_identifiers_become_snake_case(self):
        self.assertEqual(N.field_identifier("x5t#S256"), "x5t_s256")
        self.assertEqual(N.field_identifier("2fa"), "v2fa")

    def test_valid_wire_names_are_kept(self):
        self.assertEqual(N.field_identifier("createdAt"), "createdAt")
        self.assertEqual(N.field_identifier("created_at"), "created_at")

    def test_collisions_are_resolved_in_favour_of_the_exact_wire_name(self):
        m = N.unique_field_names(["x5t#S256", "x5t_s256", "created_at", "createdAt"])
        self.assertEqual(m["x5t_s256"], "x5t_s256")
        self.assertEqual(m["x5t#S256"], "x5t_s256_")
        self.assertEqual(m["created_at"], "created_at")
        self.assertEqual(m["createdAt"], "createdAt")
        self.assertEqual(len(set(m.values())), 4)

    def test_mapping_does_not_depend_on_order_for_exact_names(self):
        a = N.unique_field_names(["x5t#S256", "x5t_s256"])
        b = N.unique_field_names(["x5t_s256", "x5t#S256"])
        self.assertEqual(a, b)


class Enumerators(unittest.TestCase):
    def test_values_differing_only_in_separators_stay_distinct(self):
        e = N.enumerator_names(["sign-up", "sign_up", "sign up"])
        self.assertEqual(len(set(e.values())), 3)
        self.assertEqual(e["sign-up"], "kSignDashUp")
        self.assertEqual(e["sign_up"], "kSign_up")
        self.assertEqual(e["sign up"], "kSignSpaceUp")

    def test_plain_values_get_pascal_case(self):
        e = N.enumerator_names(["active", "inactive", "okta scim v2.0"])
        self.assertEqual(e["active"], "kActive")
        self.assertEqual(e["okta scim v2.0"], "kOktaScimV20")

    def test_unknown_is_never_reused(self):
        e = N.enumerator_names(["unknown", "Unknown"])
        self.assertNotIn("kUnknown", e.values())
        self.assertEqual(len(set(e.values())), 2)

    def test_case_only_differences_stay_distinct(self):
        e = N.enumerator_names(["SAML", "saml"])
        self.assertEqual(len(set(e.values())), 2)


class Words(unittest.TestCase):
    def test_pascal_and_snake(self):
        self.assertEqual(N.pascal("dsync.user.created"), "DsyncUserCreated")
        self.assertEqual(N.pascal("organization_id"), "OrganizationId")
        self.assertEqual(N.snake("dsync.user.created"), "dsync_user_created")
        self.assertEqual(N.snake("organizationId"), "organization_id")

    def test_singular(self):
        self.assertEqual(N.singular("domains"), "domain")
        self.assertEqual(N.singular("redirect_uris"), "redirect_uri")
        self.assertEqual(N.singular("addresses"), "address")
        self.assertEqual(N.singular("metadata"), "metadata")

    def test_cpp_string_escapes(self):
        self.assertEqual(N.cpp_string('a"b\\c\n'), '"a\\"b\\\\c\\n"')

    def test_raw_string_delimiter_avoids_the_content(self):
        s = N.raw_string('x)json"y')
        self.assertTrue(s.startswith('R"json1('))

    def test_doc_lines_never_end_with_a_backslash(self):
        for line in N.doc_lines("a\\\nb */ c"):
            self.assertFalse(line.endswith("\\"))
            self.assertNotIn("*/", line)


if __name__ == "__main__":
    unittest.main()
