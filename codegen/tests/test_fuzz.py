"""The model fuzzer's table (tests/fuzz/generated/decode_any_model.cc) and its seeds."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from workos_codegen import api as A  # noqa: E402
from workos_codegen import emit_fuzz  # noqa: E402
from workos_codegen.cpp import BANNER  # noqa: E402


def small_api():
    schemas = {
        "Shared": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Color": {"type": "string", "enum": ["red", "green"]},
        "OnlyA": {"type": "object", "required": ["s"], "properties": {
            "s": {"$ref": "#/components/schemas/Shared"},
            "c": {"$ref": "#/components/schemas/Color"}}},
    }
    paths = {"/a": {"get": {"operationId": "GetA", "parameters": [], "responses": {"200": {
        "description": "ok", "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/OnlyA"}}}}}}}}
    names = [{"operationId": "GetA", "method": "GET", "path": "/a", "module": "ma",
              "name": "get_a"}]
    return A.analyze({"openapi": "3.1.1", "paths": paths, "components": {"schemas": schemas}},
                     names, {})


class ModelTable(unittest.TestCase):
    def test_every_model_once_in_table_order_with_its_module_header(self):
        api = small_api()
        text = emit_fuzz.emit_all(api)[emit_fuzz.PATH]
        self.assertTrue(text.startswith(BANNER))
        names = [m.name for _, m in emit_fuzz.decodable_models(api)]
        self.assertEqual(sorted(names), sorted(m.name for m in api.models))
        positions = [text.index('{"%s", &decode_and_check<workos::%s>}' % (n, n)) for n in names]
        self.assertEqual(positions, sorted(positions))
        self.assertIn('#include "ma/models_json.h"', text)

    def test_seeds_carry_the_model_index_and_an_example(self):
        api = small_api()
        with tempfile.TemporaryDirectory() as d:
            n = emit_fuzz.write_seeds(api, d)
            models = emit_fuzz.decodable_models(api)
            self.assertEqual(n, len(models))
            for i, (_, m) in enumerate(models):
                with open(os.path.join(d, "models", "%04d_%s" % (i, m.name)), "rb") as f:
                    data = f.read()
                self.assertEqual(data[0] | (data[1] << 8), i)
                if m.name == "OnlyA":
                    self.assertIn(b'"s":{"id":', data)


if __name__ == "__main__":
    unittest.main()
