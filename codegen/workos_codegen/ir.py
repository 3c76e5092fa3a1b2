"""The model IR: turns OpenAPI schemas into structs, enums and unions.

Every component schema and every inline object becomes a model. Inline models get names made
of their parent's name and the property path (PascalCase); structurally identical models are
folded afterwards (see `fold`). Nothing here knows about C++ syntax except identifiers.
"""

import json

from . import names as N

NO_CONST = object()  # sentinel: the field has no `const`
NO_EXAMPLE = object()


class SpecError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Types


class TypeRef:
    """A field / parameter type. kind: string int number bool timestamp raw array map model
    listmeta."""

    __slots__ = ("kind", "inner", "model")

    def __init__(self, kind, inner=None, model=None):
        self.kind = kind
        self.inner = inner
        self.model = model

    def __repr__(self):
        if self.kind in ("array", "map"):
            return "%s<%r>" % (self.kind, self.inner)
        if self.kind == "model":
            return "model:%s" % self.model.final().name
        return self.kind

    def resolved_model(self):
        return self.model.final() if self.model is not None else None


PRIMS = ("string", "int", "number", "bool", "timestamp", "raw", "listmeta")


def prim(kind):
    return TypeRef(kind)


# --------------------------------------------------------------------------------------------
# Models


class Model:
    kind = "?"

    def __init__(self, name, description=None, component=None, origin=None):
        self.name = name
        self.description = description
        self.component = component
        self.origin = origin
        self.replaced_by = None
        self.modules = set()
        self.in_request = False
        self.in_response = False
        self.fragment = False
        self.short_name = None  # the name without its owner's, taken when free (`name_short`)

    def final(self):
        m = self
        while m.replaced_by is not None:
            m = m.replaced_by
        return m

    def __repr__(self):
        return "<%s %s>" % (self.kind, self.name)


class Field:
    def __init__(self, wire, type_, required, nullable, description=None, const=NO_CONST,
                 example=NO_EXAMPLE, schema=None):
        self.wire = wire
        self.name = None  # set by the struct (unique identifiers)
        self.type = type_
        self.required = required
        self.nullable = nullable
        self.description = description
        self.const = const
        self.example = example
        self.schema = schema

    def has_const(self):
        return self.const is not NO_CONST


class Group:
    """Mutually exclusive request fields (`x-mutually-exclusive-*-groups`): exactly one variant
    (or none when optional) may be sent."""

    def __init__(self, wire_name, optional, variants):
        self.wire_name = wire_name
        self.name = None
        self.optional = optional
        self.variants = variants  # list of (variant wire name, Struct fragment)


class Struct(Model):
    kind = "struct"

    def __init__(self, name, **kw):
        super().__init__(name, **kw)
        self.fields = []
        self.groups = []
        self.example = NO_EXAMPLE

    def assign_field_names(self, overrides=None):
        """C++ member names from the wire names; `overrides` (config `field_names`) maps a wire
        name to another member name where the spec names one concept differently across
        modules."""
        wires = [f.wire for f in self.fields]
        mapping = N.unique_field_names(wires)
        for wire, name in (overrides or {}).items():
            if wire not in mapping:
                raise SpecError("field_names: %s has no field %s" % (self.name, wire))
            if name in mapping.values():
                raise SpecError("field_names: %s.%s is taken" % (self.name, name))
            mapping[wire] = name
        for f in self.fields:
            f.name = mapping[f.wire]
        taken = set(mapping.values())
        for g in self.groups:
            n = N.field_identifier(g.wire_name)
            while n in taken:
                n += "_group"
            g.name = n
            taken.add(n)


class Enum(Model):
    kind = "enum"

    def __init__(self, name, values, **kw):
        super().__init__(name, **kw)
        self.values = list(values)
        self.example = NO_EXAMPLE
        self.enumerators = N.enumerator_names(self.values)


def tag_enum_field(t, wire, array):
    """Records on an inline enum the name of the field that holds it (see `name_short`)."""
    while t is not None and t.kind == "array":
        t = t.inner
    if t is not None and t.kind == "model" and isinstance(t.model, Enum) and \
            not t.model.component:
        t.model.short_name = N.pascal(N.singular(wire) if array else wire)


class UnionAlt:
    def __init__(self, model, conds, suffix):
        self.model = model  # Struct (or a component model)
        self.conds = conds  # list of (path tuple, const value)
        self.suffix = suffix  # PascalCase suffix used for the accessor name


class Union(Model):
    kind = "union"

    def __init__(self, name, **kw):
        super().__init__(name, **kw)
        self.alts = []
        self.tag_paths = []
        self.ambiguous = []


class ScalarUnion(Model):
    """anyOf / oneOf of JSON scalars (string | number | boolean)."""

    kind = "scalar"

    def __init__(self, name, kinds, **kw):
        super().__init__(name, **kw)
        self.kinds = kinds  # list of prim kinds in spec order


# --------------------------------------------------------------------------------------------
# Schema helpers

_DOC_KEYS = ("description", "example", "examples", "title", "x-exclude-from-lint", "default",
             "deprecated", "x-feature-flag")


def shape_key(schema):
    """JSON text of a schema without its documentation keys (to compare alternatives)."""

    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in sorted(x.items()) if k not in _DOC_KEYS}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    return json.dumps(strip(schema), sort_keys=True)


def is_null_schema(s):
    if not isinstance(s, dict):
        return False
    t = s.get("type")
    return t == "null" or t == ["null"]


class Builder:
    """Builds the model IR for a spec. Usage: b = Builder(spec, config); b.component_type(name),
    b.type_of(schema, hint) ...; then b.finish() folds duplicates and names everything."""

    def __init__(self, spec, config=None):
        self.spec = spec
        self.config = config or {}
        self.schemas = spec.get("components", {}).get("schemas", {})
        self.renames = dict(self.config.get("renames", {}))
        self.tag_prefixes = list(self.config.get("tag_value_strip_prefixes", []))
        self.builtin_components = dict(self.config.get("builtin_components", {}))
        self.reserved = set(self.config.get("reserved_names", []))
        self.models = []
        self.taken = set(self.reserved)
        self.comp_types = {}
        self.building = set()
        self.notes = []  # special cases met (reported)
        patterns = list(self.config.get("rename_patterns", []))
        originals = set(self.schemas)
        for comp in self.schemas:
            if comp in self.renames or comp in self.builtin_components:
                continue
            n = comp
            for old, new in patterns:
                n = n.replace(old, new)
            if n != comp and n and n not in originals and n not in self.reserved and \
                    n not in self.renames.values():
                self.renames[comp] = n
        for comp in self.schemas:
            if comp in self.builtin_components:
                continue
            n = self.renames.get(comp, comp)
            if n in self.taken:
                raise SpecError("component name %s (from %s) is taken" % (n, comp))
            self.taken.add(n)

    # ---- naming ----------------------------------------------------------------------------

    def unique(self, hint):
        hint = self.renames.get(hint, hint)
        n = hint
        i = 2
        while n in self.taken:
            n = "%s%d" % (hint, i)
            i += 1
        if n != hint and n in self.renames and self.renames[n] not in self.taken:
            n = self.renames[n]  # a rename for a de-duplicated name (`Foo2` -> `FooBar`)
        self.taken.add(n)
        return n

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    # ---- resolution --------------------------------------------------------------------------

    def resolve(self, s):
        """Follows `$ref`s: (schema, component name or None)."""
        comp = None
        seen = 0
        while isinstance(s, dict) and "$ref" in s:
            ref = s["$ref"]
            if not ref.startswith("#/components/schemas/"):
                raise SpecError("unsupported $ref " + ref)
            comp = ref.split("/")[-1]
            s = self.schemas[comp]
            seen += 1
            if seen > 50:
                raise SpecError("$ref loop at " + ref)
        return s, comp

    def _alternatives(self, s):
        for key in ("oneOf", "anyOf"):
            if key in s:
                return key, s[key]
        return None, None

    def strip_null(self, s):
        """(schema without its null alternative, nullable)."""
        if not isinstance(s, dict) or "$ref" in s:
            return s, False
        t = s.get("type")
        if isinstance(t, list):
            rest = [x for x in t if x != "null"]
            nullable = len(rest) != len(t)
            if len(rest) == 1:
                s2 = dict(s)
                s2["type"] = rest[0]
                return s2, nullable
            if nullable:
                s2 = dict(s)
                s2["type"] = rest
                return s2, nullable
            return s, False
        key, alts = self._alternatives(s)
        if key and "allOf" not in s:
            flat = []
            nullable = False

            def expand(a):
                nonlocal nullable
                if is_null_schema(a):
                    nullable = True
                    return
                k2, alts2 = self._alternatives(a) if isinstance(a, dict) and "$ref" not in a \
                    else (None, None)
                if k2 and not a.get("properties") and "allOf" not in a:
                    inner, inner_null = self.strip_null(a)
                    if inner is not a:
                        nullable = nullable or inner_null
                        if self._alternatives(inner)[0] and not inner.get("properties"):
                            for x in self._alternatives(inner)[1]:
                                expand(x)
                            return
                        flat.append(inner)
                        return
                    for x in alts2:
                        expand(x)
                    return
                flat.append(a)

            for a in alts:
                expand(a)
            if not nullable and len(flat) == len(alts):
                return s, False
            uniq = []
            keys = set()
            for a in flat:
                k = shape_key(a)
                if k not in keys:
                    keys.add(k)
                    uniq.append(a)
            outer = {k: v for k, v in s.items() if k not in (key,)}
            if len(uniq) == 1:
                inner = uniq[0]
                if "$ref" in inner:
                    return inner, nullable
                merged = dict(inner)
                for k in ("description", "example"):
                    if k in outer and k not in merged:
                        merged[k] = outer[k]
                return merged, nullable
            merged = dict(outer)
            merged[key] = uniq
            return merged, nullable
        return s, False

    # ---- types ---------------------------------------------------------------------------------

    def component_type(self, comp):
        if comp in self.comp_types:
            return self.comp_types[comp]
        if comp in self.builtin_components:
            t = TypeRef(self.builtin_components[comp])
            self.comp_types[comp] = t
            return t
        if comp in self.building:
            raise SpecError("recursive component schema %s is not supported" % comp)
        self.building.add(comp)
        schema = self.schemas[comp]
        name = self.renames.get(comp, comp)
        t, _ = self.type_of(schema, name, component=comp)
        self.building.discard(comp)
        self.comp_types[comp] = t
        return t

    def type_of(self, s, hint, component=None, groups=None):
        """(TypeRef, nullable) for schema `s`; `hint` names the model it may create."""
        if s is True or s == {} or s is None:
            return prim("raw"), False
        s, nullable = self.strip_null(s)
        if "$ref" in s:
            _, comp = self.resolve(s)
            return self.component_type(comp), nullable
        t = s.get("type")
        if groups or "x-mutually-exclusive-body-groups" in s:
            return self.group_struct(s, hint, groups or s["x-mutually-exclusive-body-groups"],
                                     component), nullable
        if "allOf" in s:
            return self.all_of(s, hint, component), nullable
        if self._alternatives(s)[0]:
            return self.union_type(s, hint, component), nullable
        if t == "object" or "properties" in s:
            if s.get("properties") or ("properties" in s and not s.get("additionalProperties")
                                       and not s.get("patternProperties")):
                return TypeRef("model", model=self.struct(s, hint, component)), nullable
            ap = s.get("additionalProperties")
            pp = s.get("patternProperties")
            if isinstance(ap, dict) and ap:
                inner, _ = self.type_of(ap, hint + "Value")
                return TypeRef("map", inner=inner), nullable
            if isinstance(pp, dict) and len(pp) == 1:
                inner, _ = self.type_of(list(pp.values())[0], hint + "Value")
                return TypeRef("map", inner=inner), nullable
            return prim("raw"), nullable
        if t == "array":
            items = s.get("items", {})
            inner, inner_null = self.type_of(items, hint)
            if inner_null:
                self.note("%s: array items admit null; kept as the item type" % hint)
            return TypeRef("array", inner=inner), nullable
        if t == "string" or (t is None and ("enum" in s or "x-extensible-enum" in s)):
            values = s.get("x-extensible-enum") or (s.get("enum") if "const" not in s else None)
            if values:
                return TypeRef("model", model=self.enum(values, s, hint, component)), nullable
            if s.get("format") == "date-time":
                return prim("timestamp"), nullable
            return prim("string"), nullable
        if t == "integer":
            return prim("int"), nullable
        if t == "number":
            return prim("number"), nullable
        if t == "boolean":
            return prim("bool"), nullable
        if t is None and "const" in s:
            c = s["const"]
            if isinstance(c, bool):
                return prim("bool"), nullable
            if isinstance(c, str):
                return prim("string"), nullable
        return prim("raw"), nullable

    # ---- structs -------------------------------------------------------------------------------

    def struct(self, s, hint, component=None, fragment=False):
        name = self.renames.get(component, component) if component else self.unique(hint)
        m = Struct(name, description=s.get("description"), component=component, origin=hint)
        m.fragment = fragment
        if "example" in s:
            m.example = s["example"]
        self.models.append(m)
        required = list(dict.fromkeys(s.get("required", [])))
        for wire, ps in (s.get("properties") or {}).items():
            m.fields.append(self.field(m.name, wire, ps, wire in required))
        m.assign_field_names(self.config.get("field_names", {}).get(m.name))
        return m

    def field(self, owner, wire, ps, required):
        child_hint = owner + N.pascal(wire)
        raw, _ = self.strip_null(ps) if isinstance(ps, dict) else (ps, False)
        if isinstance(raw, dict) and raw.get("type") == "array":
            child_hint = owner + N.pascal(N.singular(wire))
        t, nullable = self.type_of(ps, child_hint)
        tag_enum_field(t, wire, isinstance(raw, dict) and raw.get("type") == "array")
        desc = None
        const = NO_CONST
        example = NO_EXAMPLE
        if isinstance(ps, dict):
            desc = ps.get("description")
            r, _ = self.resolve(ps) if "$ref" in ps else (raw, None)
            if desc is None and isinstance(r, dict):
                desc = r.get("description")
            if isinstance(raw, dict):
                if "const" in raw:
                    const = raw["const"]
                if "example" in ps:
                    example = ps["example"]
                elif "example" in raw:
                    example = raw["example"]
        return Field(wire, t, required, nullable, desc, const, example, ps)

    def merge_objects(self, parts):
        """Merges object schemas (allOf): properties in first-seen order, later ones override."""
        props = {}
        required = []
        desc = None
        example = NO_EXAMPLE
        for p in parts:
            p, _ = self.resolve(p)
            p, _ = self.strip_null(p)
            if "allOf" in p and not self._alternatives(p)[0]:
                sub = self.merge_objects(p["allOf"])
                p = dict(p, **{"properties": dict(sub.get("properties", {}),
                                                  **p.get("properties", {})),
                               "required": sub.get("required", []) + p.get("required", [])})
            for k, v in (p.get("properties") or {}).items():
                props[k] = v
            for r in p.get("required", []):
                if r not in required:
                    required.append(r)
            if p.get("description"):
                desc = p["description"]
            if "example" in p:
                example = p["example"]
        out = {"type": "object", "properties": props, "required": required}
        if desc:
            out["description"] = desc
        if example is not NO_EXAMPLE:
            out["example"] = example
        return out

    def all_of(self, s, hint, component):
        parts = list(s["allOf"])
        own = {k: v for k, v in s.items() if k != "allOf"}
        if own.get("properties"):
            parts.append({"type": "object", "properties": own["properties"],
                          "required": own.get("required", [])})
        if len(parts) == 1 and not component:
            t, _ = self.type_of(parts[0], hint)
            return t
        has_union = False
        for p in parts:
            r, _ = self.resolve(p)
            r, _ = self.strip_null(r)
            if self._alternatives(r)[0] and not r.get("properties"):
                has_union = True
        if has_union:
            return self.union_type(s, hint, component)
        merged = self.merge_objects(parts)
        if s.get("description"):
            merged["description"] = s["description"]
        if "example" in s:
            merged["example"] = s["example"]
        return TypeRef("model", model=self.struct(merged, hint, component))

    # ---- mutually exclusive groups -------------------------------------------------------------

    def group_struct(self, s, hint, groups, component):
        parts = []
        alt_props = {}

        def collect(x):
            x, _ = self.resolve(x)
            if "allOf" in x:
                for p in x["allOf"]:
                    collect(p)
            key, alts = self._alternatives(x)
            if key:
                for a in alts:
                    a, _ = self.resolve(a)
                    for k, v in (a.get("properties") or {}).items():
                        alt_props.setdefault(k, v)
            if x.get("properties"):
                parts.append(x)

        collect(s)
        group_fields = set()
        for g in groups.values():
            for fl in g["variants"].values():
                group_fields.update(fl)
        merged = self.merge_objects(parts) if parts else {"type": "object", "properties": {},
                                                          "required": []}
        base = {"type": "object",
                "properties": {k: v for k, v in merged["properties"].items()
                               if k not in group_fields},
                "required": [r for r in merged["required"] if r not in group_fields],
                "description": s.get("description") or merged.get("description")}
        all_props = dict(alt_props)
        all_props.update(merged["properties"])
        name = self.renames.get(component, component) if component else self.unique(hint)
        m = Struct(name, description=base["description"], component=component, origin=hint)
        self.models.append(m)
        for wire, ps in base["properties"].items():
            m.fields.append(self.field(m.name, wire, ps, wire in base["required"]))
        for gname, g in groups.items():
            variants = []
            optional_fields = (g.get("optionalFields") or {})
            for vname, fl in g["variants"].items():
                vs = {"type": "object",
                      "properties": {f: all_props.get(f, {"type": "string"}) for f in fl},
                      "required": [f for f in fl if f not in optional_fields.get(vname, [])],
                      "description": "Variant `%s` of the `%s` group: sets %s." % (
                          vname, gname, ", ".join("`%s`" % f for f in fl))}
                vm = self.struct(vs, m.name + N.pascal(gname) + N.pascal(vname), fragment=True)
                vm.short_name = N.pascal(gname) + N.pascal(vname)
                variants.append((vname, vm))
            m.groups.append(Group(gname, bool(g.get("optional")), variants))
        m.assign_field_names()
        self.note("%s: mutually exclusive groups %s as std::variant members" % (
            m.name, ", ".join(sorted(groups))))
        return TypeRef("model", model=m)

    # ---- enums ---------------------------------------------------------------------------------

    def enum(self, values, s, hint, component):
        name = self.renames.get(component, component) if component else self.unique(hint)
        vals = []
        for v in values:
            if not isinstance(v, str):
                raise SpecError("non-string enum value %r in %s" % (v, hint))
            if v not in vals:
                vals.append(v)
        e = Enum(name, vals, description=s.get("description"), component=component, origin=hint)
        if "example" in s:
            e.example = s["example"]
        self.models.append(e)
        return e

    # ---- unions --------------------------------------------------------------------------------

    def expand(self, s, base):
        """Flattens allOf/oneOf nests into a list of alternatives: ('ref', comp) for a bare
        component, ('obj', merged schema) for objects, ('prim', schema) for scalars."""
        if "$ref" in s:
            r, comp = self.resolve(s)
            if not base:
                rr, _ = self.strip_null(r)
                if self._alternatives(rr)[0] or ("allOf" in rr and self._has_union_part(rr)):
                    return self.expand(rr, base)
                return [("ref", comp)]
            return self.expand(r, base)
        s2, _ = self.strip_null(s)
        if s2 is not s and not self._alternatives(s2)[0] and "allOf" not in s2:
            s = s2
        if "allOf" in s:
            parts = list(s["allOf"])
            unions = []
            plain = []
            for p in parts:
                r, _ = self.resolve(p)
                rs, _ = self.strip_null(r)
                if (self._alternatives(rs)[0] and not rs.get("properties")) or \
                        ("allOf" in rs and self._has_union_part(rs)):
                    unions.append(rs)
                else:
                    plain.append(p)
            own = {k: v for k, v in s.items() if k in ("properties", "required")}
            if own.get("properties"):
                plain.append(dict(own, type="object"))
            if not unions:
                return [("obj", self.merge_objects(base + plain))]
            if len(unions) > 1:
                raise SpecError("allOf with several unions is not supported")
            out = []
            for a in self._alternatives(unions[0])[1] if "allOf" not in unions[0] else [unions[0]]:
                out.extend(self.expand(a, base + plain))
            return out
        key, alts = self._alternatives(s)
        if key:
            own = {k: v for k, v in s.items() if k in ("properties", "required")}
            extra = [dict(own, type="object")] if own.get("properties") else []
            out = []
            for a in alts:
                if is_null_schema(a):
                    continue
                out.extend(self.expand(a, base + extra))
            return out
        t = s.get("type")
        if t == "object" or "properties" in s or base:
            return [("obj", self.merge_objects(base + [s]))]
        return [("prim", s)]

    def _has_union_part(self, s):
        for p in s.get("allOf", []):
            r, _ = self.resolve(p)
            r, _ = self.strip_null(r)
            if self._alternatives(r)[0] and not r.get("properties"):
                return True
        return False

    def consts_of(self, schema):
        """{path: const} for an object alternative: top-level consts and consts one level down."""
        out = {}
        s, _ = self.resolve(schema)
        for k, v in (s.get("properties") or {}).items():
            v, _ = self.resolve(v)
            v, _ = self.strip_null(v)
            if "const" in v:
                out[(k,)] = v["const"]
            elif isinstance(v.get("enum"), list) and len(v["enum"]) == 1 \
                    and "x-extensible-enum" not in v:
                out[(k,)] = v["enum"][0]
            elif v.get("properties"):
                for k2, v2 in v["properties"].items():
                    v2, _ = self.resolve(v2)
                    v2, _ = self.strip_null(v2)
                    if "const" in v2:
                        out[(k, k2)] = v2["const"]
        return out

    def tag_word(self, path, value):
        if isinstance(value, bool):
            return N.pascal(path[-1]) + ("True" if value else "False")
        v = str(value)
        for p in self.tag_prefixes:
            if v.startswith(p):
                v = v[len(p):]
                break
        return N.pascal(v)

    def union_type(self, s, hint, component):
        alts = self.expand(s, [])
        if not alts:
            return prim("raw")
        kinds = set(a[0] for a in alts)
        if kinds == {"prim"}:
            pk = []
            for _, ps in alts:
                t, _ = self.type_of(ps, hint)
                if t.kind not in ("string", "int", "number", "bool"):
                    return prim("raw")
                if t.kind not in pk:
                    pk.append(t.kind)
            if len(pk) == 1:
                return prim(pk[0])
            name = self.renames.get(component, component) if component else self.unique(hint)
            m = ScalarUnion(name, pk, description=s.get("description"), component=component,
                            origin=hint)
            self.models.append(m)
            return TypeRef("model", model=m)
        if "prim" in kinds:
            self.note("%s: union of objects and scalars kept as RawJson" % hint)
            return prim("raw")
        name = self.renames.get(component, component) if component else self.unique(hint)
        u = Union(name, description=s.get("description"), component=component, origin=hint)
        self.models.append(u)
        flats = []
        for kind, x in alts:
            flats.append(self.schemas[x] if kind == "ref" else x)
        consts = [self.consts_of(f) for f in flats]
        paths = []
        for c in consts:
            for p in c:
                if p not in paths:
                    paths.append(p)
        paths.sort(key=lambda p: len(p))
        n = len(flats)
        chosen = None
        for p in paths:
            vals = [c.get(p, NO_CONST) for c in consts]
            if all(v is not NO_CONST for v in vals) and len(set(map(repr, vals))) == n:
                chosen = [p]
                break
        if chosen is None:
            chosen = []

            def sigs(cs):
                return set(tuple(repr(c.get(p, None)) for p in cs) for c in consts)

            # Paths present in more alternatives first (a tag every alternative carries is the
            # most robust); a path is taken only when it tells more alternatives apart.
            coverage = {p: sum(1 for c in consts if p in c) for p in paths}
            for p in sorted(paths, key=lambda p: (-coverage[p], len(p))):
                if len(sigs(chosen)) >= n:
                    break
                if len(sigs(chosen + [p])) > len(sigs(chosen)):
                    chosen.append(p)
            if len(sigs(chosen)) < n:
                u.ambiguous = [i for i in range(n)]
                self.note("%s: alternatives cannot all be told apart by const fields; "
                          "the first matching one wins" % name)
        u.tag_paths = chosen
        used_suffixes = set()
        for i, ((kind, x), c) in enumerate(zip(alts, consts)):
            conds = [(p, c[p]) for p in chosen if p in c]
            suffix = "".join(self.tag_word(p, v) for p, v in conds) or "Alt%d" % (i + 1)
            while suffix in used_suffixes:
                suffix += "%d" % (i + 1)
            used_suffixes.add(suffix)
            if kind == "ref":
                t = self.component_type(x)
                model = t.model
                if model is None:
                    raise SpecError("union alternative %s is not an object" % x)
            else:
                model = self.struct(x, name + suffix)
            u.alts.append(UnionAlt(model, conds, suffix))
        if len(chosen) > 1 or any(len(p) > 1 for p in chosen):
            self.note("%s: union decoded by several const fields (%s)" % (
                name, ", ".join(".".join(p) for p in chosen)))
        return TypeRef("model", model=u)

    # ---- whole spec ----------------------------------------------------------------------------

    def build_components(self):
        for comp in self.schemas:
            self.component_type(comp)


# --------------------------------------------------------------------------------------------
# Folding structurally identical models


def fold(models):
    """Folds structurally identical models into one: components keep their names; an inline
    model identical to a component becomes that component; identical inline models share the
    shortest name. Returns the number of folded models."""
    memo = {}
    active = set()

    def tkey(t):
        if t.kind in ("array", "map"):
            return (t.kind, tkey(t.inner))
        if t.kind == "model":
            return ("model", mkey(t.model))
        return (t.kind,)

    def mkey(m):
        mid = id(m)
        if mid in memo:
            return memo[mid]
        if mid in active:
            raise SpecError("recursive model %s" % m.name)
        active.add(mid)
        if isinstance(m, Struct):
            k = ("S", m.fragment,
                 tuple((f.wire, tkey(f.type), f.required, f.nullable,
                        repr(f.const) if f.has_const() else "-") for f in m.fields),
                 tuple((g.wire_name, g.optional,
                        tuple((vn, mkey(vm)) for vn, vm in g.variants)) for g in m.groups))
        elif isinstance(m, Enum):
            k = ("E", tuple(m.values))
        elif isinstance(m, Union):
            k = ("U", tuple((mkey(a.model), repr(a.conds)) for a in m.alts),
                 repr(m.tag_paths))
        elif isinstance(m, ScalarUnion):
            k = ("P", tuple(m.kinds))
        else:
            raise SpecError("unknown model kind")
        active.discard(mid)
        memo[mid] = k
        return k

    groups = {}
    for m in models:
        groups.setdefault(mkey(m), []).append(m)
    folded = 0
    for k, ms in groups.items():
        if len(ms) == 1:
            continue
        comps = [m for m in ms if m.component]
        if comps:
            target = comps[0]
        else:
            target = sorted(ms, key=lambda m: (len(m.name), m.name))[0]
        for m in ms:
            if m is target or m.component:
                continue
            m.replaced_by = target
            folded += 1
    return folded


def name_short(models, reserved, kept):
    """Drops the owner's name from an inline name where it says nothing: an enum is named after
    the field that holds it (`PasswordHashType`, `CertificateType`) when that name has two words
    or more, and a variant of a mutually exclusive group after the group and the variant
    (`PasswordPlaintext`, `RoleSingle`), in both cases when every place the type serves gives
    it that one name, no other type claims it and no other type has it. Other inline names keep
    the owner's (`DirectoryState`, not a bare `State`). Names in `kept` (the configured renames)
    stay. Returns the number of renamed types."""
    shorts = {}
    for m in models:
        if m.short_name and not m.component:
            shorts.setdefault(id(m.final()), set()).add(m.short_name)
    finals = []
    seen = set()
    for m in models:
        f = m.final()
        if id(f) not in seen:
            seen.add(id(f))
            finals.append(f)
    claims = {}
    for m in finals:
        ss = shorts.get(id(m), set())
        if len(ss) == 1:
            c = next(iter(ss))
            claims[c] = claims.get(c, 0) + 1
    taken = set(m.name for m in finals) | set(reserved)
    renamed = 0
    for m in finals:
        ss = shorts.get(id(m), set())
        if m.component or m.name in kept or len(ss) != 1:
            continue
        c = next(iter(ss))
        if sum(1 for ch in c if ch.isupper()) < 2 or claims.get(c) != 1 or c in taken:
            continue
        taken.discard(m.name)
        m.name = c
        taken.add(c)
        renamed += 1
    return renamed


def walk_type(t, visit):
    """Calls visit(model) for every model reachable from type t (final models)."""
    if t is None:
        return
    if t.kind in ("array", "map"):
        walk_type(t.inner, visit)
    elif t.kind == "model":
        visit(t.model.final())


def model_deps(m):
    """Models a model's definition needs complete (fields, group variants, union alternatives)."""
    out = []

    def add(x):
        if x not in out:
            out.append(x)

    if isinstance(m, Struct):
        for f in m.fields:
            walk_type(f.type, add)
        for g in m.groups:
            for _, vm in g.variants:
                add(vm.final())
    elif isinstance(m, Union):
        for a in m.alts:
            add(a.model.final())
    return out
