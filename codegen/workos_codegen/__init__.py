"""workos-cpp code generator: reads the WorkOS OpenAPI spec and writes the generated C++ surface.

Entry point: ``scripts/generate`` (or ``python3 -m workos_codegen`` with codegen/ on sys.path).
"""
