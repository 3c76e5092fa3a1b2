"""Model IR on small synthetic specs: types, nullability, inline names, folding, enums, unions,
mutually exclusive groups, placement."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from workos_codegen import api as A  # noqa: E402
from workos_codegen import ir  # noqa: E402


def spec(schemas, paths=None):
    return {"openapi": "3.1.1", "paths": paths or {}, "components": {"schemas": schemas}}


def build(schemas, config=None):
    b = ir.Builder(spec(schemas), config or {})
    b.build_components()
    ir.fold(b.models)
    return b


def model(b, name):
    for m in b.models:
        if m.final().name == name:
            return m.final()
    raise KeyError(name)


def field(m, wire):
    return [f for f in m.fields if f.wire == wire][0]


class Types(unittest.TestCase):
    def test_primitives_and_formats(self):
        b = build({"T": {"type": "object", "properties": {
            "s": {"type": "string"}, "i": {"type": "integer"}, "n": {"type": "number"},
            "b": {"type": "boolean"}, "t": {"type": "string", "format": "date-time"},
            "free": {"type": "object", "additionalProperties": {}},
            "any": {}, "m": {"type": "object", "additionalProperties": {"type": "string"}},
            "a": {"type": "array", "items": {"type": "string"}}}}})
        t = model(b, "T")
        kinds = {f.wire: f.type.kind for f in t.fields}
        self.assertEqual(kinds, {"s": "string", "i": "int", "n": "number", "b": "bool",
                                 "t": "timestamp", "free": "raw", "any": "raw", "m": "map",
                                 "a": "array"})

    def test_nullable_forms(self):
        b = build({"T": {"type": "object", "properties": {
            "a": {"type": ["string", "null"]},
            "b": {"oneOf": [{"type": "string"}, {"type": "null"}]},
            "c": {"oneOf": [{"type": "string"}, {"oneOf": [{"type": "string"},
                                                           {"type": "null"}]}]},
            "d": {"oneOf": [{"$ref": "#/components/schemas/R"}, {"type": "null"}]},
            "e": {"type": "string"}}},
            "R": {"type": "object", "properties": {"x": {"type": "string"}}}})
        t = model(b, "T")
        for w in "abc":
            self.assertTrue(field(t, w).nullable, w)
            self.assertEqual(field(t, w).type.kind, "string", w)
        self.assertTrue(field(t, "d").nullable)
        self.assertEqual(field(t, "d").type.model.final().name, "R")
        self.assertFalse(field(t, "e").nullable)

    def test_empty_properties_is_a_struct_and_no_properties_is_free_form(self):
        b = build({"E": {"type": "object", "properties": {}},
                   "T": {"type": "object", "properties": {"x": {"type": "object"}}}})
        self.assertIsInstance(model(b, "E"), ir.Struct)
        self.assertEqual(field(model(b, "T"), "x").type.kind, "raw")


class InlineModels(unittest.TestCase):
    def test_inline_objects_get_parent_and_property_names(self):
        b = build({"Org": {"type": "object", "properties": {
            "domains": {"type": "array", "items": {"type": "object", "properties": {
                "state": {"type": "string", "enum": ["a", "b"]}}}}}}})
        d = field(model(b, "Org"), "domains").type.inner.model.final()
        self.assertEqual(d.name, "OrgDomain")
        self.assertEqual(field(d, "state").type.model.final().name, "OrgDomainState")

    def test_identical_inline_objects_are_folded(self):
        obj = {"type": "object", "properties": {"id": {"type": "string"}}}
        b = build({"A": {"type": "object", "properties": {"x": obj}},
                   "B": {"type": "object", "properties": {"yy": obj}}})
        ax = field(model(b, "A"), "x").type.model.final()
        by = field(model(b, "B"), "yy").type.model.final()
        self.assertIs(ax, by)
        self.assertEqual(ax.name, "AX")

    def test_inline_copy_of_a_component_becomes_the_component(self):
        comp = {"type": "object", "properties": {"id": {"type": "string"}},
                "required": ["id"]}
        b = build({"Role": comp,
                   "Holder": {"type": "object", "properties": {"role": dict(comp)}}})
        self.assertEqual(field(model(b, "Holder"), "role").type.model.final().name, "Role")

    def test_structurally_different_inline_objects_are_kept_apart(self):
        b = build({"A": {"type": "object", "properties": {
            "x": {"type": "object", "properties": {"id": {"type": "string"}}},
            "y": {"type": "object", "properties": {"id": {"type": "integer"}}}}}})
        a = model(b, "A")
        self.assertIsNot(field(a, "x").type.model.final(), field(a, "y").type.model.final())

    def test_renames_apply_to_components(self):
        b = build({"UserlandUser": {"type": "object", "properties": {"id": {"type": "string"}}},
                   "EventSchema": {"type": "object", "properties": {"id": {"type": "string"}}}},
                  {"renames": {"EventSchema": "Event"}, "rename_patterns": [["Userland", ""]]})
        names = set(m.final().name for m in b.models)
        self.assertIn("User", names)
        self.assertIn("Event", names)


class Enums(unittest.TestCase):
    def test_extensible_enum_and_const(self):
        b = build({"T": {"type": "object", "properties": {
            "kind": {"type": "string", "x-extensible-enum": ["a", "b"], "const": "a"},
            "object": {"type": "string", "const": "thing"}}}})
        t = model(b, "T")
        self.assertIsInstance(field(t, "kind").type.model.final(), ir.Enum)
        self.assertEqual(field(t, "kind").const, "a")
        self.assertEqual(field(t, "object").type.kind, "string")
        self.assertEqual(field(t, "object").const, "thing")

    def test_identical_enums_fold(self):
        e = {"type": "string", "enum": ["x", "y"]}
        b = build({"A": {"type": "object", "properties": {"p": e}},
                   "B": {"type": "object", "properties": {"q": dict(e)}}})
        self.assertIs(field(model(b, "A"), "p").type.model.final(),
                      field(model(b, "B"), "q").type.model.final())


class ShortNames(unittest.TestCase):
    def named(self, schemas, config=None):
        b = build(schemas, config)
        ir.name_short(b.models, [], set((config or {}).get("renames", {}).values()))
        return b

    def test_a_two_word_field_names_its_enum(self):
        b = self.named({"CreateThingRequest": {"type": "object", "properties": {
            "hash_type": {"type": "string", "enum": ["bcrypt", "scrypt"]}}}})
        e = field(model(b, "CreateThingRequest"), "hash_type").type.model.final()
        self.assertEqual(e.name, "HashType")

    def test_a_one_word_field_keeps_its_owner(self):
        b = self.named({"Directory": {"type": "object", "properties": {
            "state": {"type": "string", "enum": ["active", "inactive"]}}}})
        e = field(model(b, "Directory"), "state").type.model.final()
        self.assertEqual(e.name, "DirectoryState")

    def test_two_value_sets_with_one_field_name_keep_their_owners(self):
        b = self.named({
            "A": {"type": "object", "properties": {
                "connection_type": {"type": "string", "enum": ["x", "y"]}}},
            "B": {"type": "object", "properties": {
                "connection_type": {"type": "string", "enum": ["x", "y", "z"]}}}})
        self.assertEqual(field(model(b, "A"), "connection_type").type.model.final().name,
                         "AConnectionType")
        self.assertEqual(field(model(b, "B"), "connection_type").type.model.final().name,
                         "BConnectionType")

    def test_a_group_variant_is_named_after_its_group(self):
        s = {"type": "object", "properties": {"email": {"type": "string"}},
             "x-mutually-exclusive-body-groups": {"role": {
                 "optional": True,
                 "variants": {"single": ["role_slug"], "multiple": ["role_slugs"]}}},
             "allOf": [{"oneOf": [
                 {"properties": {"role_slug": {"type": "string"}}},
                 {"properties": {"role_slugs": {"type": "array",
                                                "items": {"type": "string"}}}}]}]}
        b = self.named({"CreateMembership": s})
        g = model(b, "CreateMembership").groups[0]
        self.assertEqual([vm.final().name for _, vm in g.variants], ["RoleSingle", "RoleMultiple"])

    def test_a_configured_field_name_keeps_the_wire_name(self):
        b = build({"GenerateLink": {"type": "object", "properties": {
            "organization": {"type": "string"}}, "required": ["organization"]}},
            {"field_names": {"GenerateLink": {"organization": "organization_id"}}})
        f = field(model(b, "GenerateLink"), "organization")
        self.assertEqual((f.wire, f.name), ("organization", "organization_id"))

    def test_a_configured_rename_wins(self):
        b = self.named({"CreateHook": {"type": "object", "properties": {
            "events": {"type": "array", "items": {"type": "string", "enum": ["a.b"]}}}}},
            {"renames": {"CreateHookEvent": "HookEvent"}})
        t = field(model(b, "CreateHook"), "events").type
        self.assertEqual(t.inner.model.final().name, "HookEvent")


def _alt(tag_prop, value, extra=None):
    props = {tag_prop: {"type": "string", "const": value}}
    props.update(extra or {})
    return {"type": "object", "properties": props, "required": [tag_prop]}


class Unions(unittest.TestCase):
    def test_single_string_tag(self):
        b = build({"Owner": {"oneOf": [_alt("type", "organization"), _alt("type", "user")]}})
        u = model(b, "Owner")
        self.assertIsInstance(u, ir.Union)
        self.assertEqual(u.tag_paths, [("type",)])
        self.assertEqual([a.model.final().name for a in u.alts],
                         ["OwnerOrganization", "OwnerUser"])

    def test_all_of_base_distributed_over_alternatives(self):
        base = {"type": "object", "properties": {
            "id": {"type": "string"}, "event": {"type": "string"},
            "data": {"type": "object", "additionalProperties": {}}},
            "required": ["id", "event"]}
        a1 = _alt("event", "user.created", {"data": {"type": "object", "properties": {
            "email": {"type": "string"}}}})
        a2 = _alt("event", "user.deleted")
        b = build({"EventSchema": {"allOf": [base, {"oneOf": [a1, a2]}]}},
                  {"renames": {"EventSchema": "Event"}})
        u = model(b, "Event")
        self.assertEqual(u.tag_paths, [("event",)])
        first = u.alts[0].model.final()
        self.assertEqual(first.name, "EventUserCreated")
        self.assertEqual([f.wire for f in first.fields], ["id", "event", "data"])
        self.assertEqual(field(first, "data").type.kind, "model")  # typed payload wins
        second = u.alts[1].model.final()
        self.assertEqual(field(second, "data").type.kind, "raw")

    def test_boolean_tags_and_several_paths(self):
        oauth = {"allOf": [_alt("application_type", "oauth"), {"oneOf": [
            {"type": "object", "properties": {"first": {"type": "boolean", "const": True}}},
            {"type": "object", "properties": {"first": {"type": "boolean", "const": False}}}]}]}
        m2m = _alt("application_type", "m2m")
        b = build({"App": {"oneOf": [oauth, m2m]}})
        u = model(b, "App")
        self.assertEqual(u.tag_paths, [("application_type",), ("first",)])
        self.assertEqual(len(u.alts), 3)
        self.assertEqual(u.alts[0].conds, [(("application_type",), "oauth"), (("first",), True)])
        self.assertEqual(u.alts[2].conds, [(("application_type",), "m2m")])

    def test_nested_tag_path(self):
        def cred(method):
            return {"type": "object", "properties": {
                "active": {"type": "boolean", "const": True},
                "credential": {"type": "object", "properties": {
                    "auth_method": {"type": "string", "const": method}}}}}
        inactive = {"type": "object", "properties": {"active": {"type": "boolean",
                                                                "const": False}}}
        b = build({"R": {"oneOf": [cred("oauth"), cred("api_key"), inactive]}})
        u = model(b, "R")
        self.assertEqual(u.tag_paths, [("active",), ("credential", "auth_method")])
        self.assertEqual(u.alts[2].conds, [(("active",), False)])

    def test_scalar_union(self):
        b = build({"T": {"type": "object", "properties": {"v": {"anyOf": [
            {"type": "string"}, {"type": "number"}, {"type": "boolean"}]}}}})
        s = field(model(b, "T"), "v").type.model.final()
        self.assertIsInstance(s, ir.ScalarUnion)
        self.assertEqual(s.kinds, ["string", "number", "bool"])

    def test_tag_prefixes_are_stripped_from_names(self):
        b = build({"Req": {"oneOf": [_alt("grant_type", "urn:x:grant:magic"),
                                     _alt("grant_type", "password")]}},
                  {"tag_value_strip_prefixes": ["urn:x:grant:"]})
        self.assertEqual([a.model.final().name for a in model(b, "Req").alts],
                         ["ReqMagic", "ReqPassword"])


class Groups(unittest.TestCase):
    def test_mutually_exclusive_body_group_becomes_variants(self):
        s = {"allOf": [
            {"type": "object", "properties": {"email": {"type": "string"}},
             "required": ["email"]},
            {"oneOf": [
                {"type": "object", "not": {}},
                {"type": "object", "properties": {"password": {"type": "string"}},
                 "required": ["password"]},
                {"type": "object", "properties": {
                    "password_hash": {"type": "string"},
                    "password_hash_type": {"type": "string", "enum": ["bcrypt"]}},
                 "required": ["password_hash", "password_hash_type"]}]}],
            "x-mutually-exclusive-body-groups": {"password": {
                "optional": True,
                "variants": {"plaintext": ["password"],
                             "hashed": ["password_hash", "password_hash_type"]}}}}
        b = build({"CreateUser": s})
        m = model(b, "CreateUser")
        self.assertEqual([f.wire for f in m.fields], ["email"])
        self.assertEqual(len(m.groups), 1)
        g = m.groups[0]
        self.assertTrue(g.optional)
        self.assertEqual(g.name, "password")
        self.assertEqual([vm.final().name for _, vm in g.variants],
                         ["CreateUserPasswordPlaintext", "CreateUserPasswordHashed"])
        hashed = g.variants[1][1].final()
        self.assertTrue(hashed.fragment)
        self.assertEqual([f.wire for f in hashed.fields], ["password_hash", "password_hash_type"])


class Placement(unittest.TestCase):
    def _api(self):
        schemas = {
            "Shared": {"type": "object", "properties": {"id": {"type": "string"}}},
            "OnlyA": {"type": "object", "properties": {"s": {"$ref": "#/components/schemas/Shared"},
                                                        "x": {"type": "string"}}},
            "OnlyB": {"type": "object", "properties": {"s": {"$ref": "#/components/schemas/Shared"},
                                                        "y": {"type": "integer"}}},
            "ListOfA": {"type": "object", "properties": {"items": {
                "type": "array", "items": {"$ref": "#/components/schemas/OnlyA"}}}},
        }

        def op(op_id, ref):
            return {"operationId": op_id, "parameters": [], "responses": {"200": {
                "description": "ok", "content": {"application/json": {"schema": {
                    "$ref": "#/components/schemas/" + ref}}}}}}

        paths = {"/a": {"get": op("GetA", "OnlyA")}, "/b": {"get": op("GetB", "OnlyB")}}
        names = [{"operationId": "GetA", "method": "GET", "path": "/a", "module": "ma",
                  "name": "get_a"},
                 {"operationId": "GetB", "method": "GET", "path": "/b", "module": "mb",
                  "name": "get_b"}]
        return A.analyze(spec(schemas, paths), names, {})

    def test_models_go_to_their_only_module_or_to_common(self):
        api = self._api()
        where = {m.name: api.placement[m] for m in api.models}
        self.assertEqual(where["OnlyA"], "ma")
        self.assertEqual(where["OnlyB"], "mb")
        self.assertEqual(where["Shared"], "common")

    def test_an_unused_model_follows_the_models_it_uses(self):
        api = self._api()
        where = {m.name: api.placement[m] for m in api.models}
        self.assertEqual(where["ListOfA"], "ma")

    def test_header_order_puts_dependencies_first(self):
        api = self._api()
        order = [m.name for m in A.models_of(api, "ma")]
        self.assertLess(order.index("OnlyA"), order.index("ListOfA"))


if __name__ == "__main__":
    unittest.main()
