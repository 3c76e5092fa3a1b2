"""Emits the model table of the model fuzzer (tests/fuzz/generated/decode_any_model.cc) and
writes the seed corpora of the model and event fuzzers (scripts/fuzz, never into the tree)."""

import json
import os

from . import api as api_mod
from . import ir
from .cpp import BANNER
from .examples import Examples

PATH = "tests/fuzz/generated/decode_any_model.cc"


def decodable_models(api):
    """Every model with a JSON decoder (all but group fragments), in table order: modules in
    header order (common first), models in dependency-then-name order within a module."""
    out = []
    for module in [api_mod.COMMON] + api.modules:
        for m in api_mod.models_of(api, module):
            if isinstance(m, ir.Struct) and m.fragment:
                continue
            out.append((module, m))
    return out


def emit_all(api):
    models = decodable_models(api)
    modules = []
    for module, _ in models:
        if module not in modules:
            modules.append(module)
    out = [BANNER + "\n"]
    out.append("// Every generated model behind one entry point, for the model fuzzer "
               "(tests/fuzz/fuzz_models.cc):\n// entry i decodes JSON text into model i "
               "with json::decode_document, as the SDK does, then\n// checks the encode / "
               "decode round trip (tests/fuzz/model_fuzzing.h).\n\n")
    out.append('#include "model_fuzzing.h"\n\n')
    for module in sorted(modules):
        out.append('#include "%s/models_json.h"\n' % module)
    out.append("\n#include <cstddef>\n\nnamespace workos::fuzz {\n\n")
    out.append("const ModelEntry kModels[] = {\n")
    for _, m in models:
        out.append('    {"%s", &decode_and_check<workos::%s>},\n' % (m.name, m.name))
    out.append("};\n\nconst std::size_t kModelCount = sizeof(kModels) / sizeof(kModels[0]);\n\n"
               "}  // namespace workos::fuzz\n")
    return {PATH: "".join(out)}


def _dump(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write_seeds(api, out_dir):
    """Seeds: `<model index, 2 bytes little endian><example JSON>` per model under
    out_dir/models, and each event type's example (selector byte 'E') plus one list page
    (selector byte 'L') under out_dir/events. Returns the number of files written."""
    ex = Examples(api.builder)
    count = 0
    models_dir = os.path.join(out_dir, "models")
    events_dir = os.path.join(out_dir, "events")
    os.makedirs(models_dir, exist_ok=True)
    os.makedirs(events_dir, exist_ok=True)
    event_union = None
    for i, (_, m) in enumerate(decodable_models(api)):
        try:
            if isinstance(m, (ir.Enum, ir.ScalarUnion)):
                value = ex.value(ir.TypeRef("model", model=m))
            else:
                value = ex.model(m)
        except (ir.SpecError, TypeError):
            value = None
        if value is None:
            continue
        with open(os.path.join(models_dir, "%04d_%s" % (i, m.name)), "wb") as f:
            f.write(bytes([i & 0xFF, i >> 8]) + _dump(value))
        count += 1
        if m.name == "Event" and isinstance(m, ir.Union):
            event_union = m
    if event_union is not None:
        page = []
        for alt in event_union.alts:
            value = ex.alternative(event_union, alt)
            name = alt.model.final().name
            with open(os.path.join(events_dir, "E_" + name), "wb") as f:
                f.write(b"E" + _dump(value))
            count += 1
            if len(page) < 3:
                page.append(value)
        with open(os.path.join(events_dir, "L_page"), "wb") as f:
            f.write(b"L" + _dump({"object": "list", "data": page,
                                  "list_metadata": {"before": None, "after": "event_01"}}))
        count += 1
    return count
