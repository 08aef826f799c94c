#!/usr/bin/env python3
"""Checks JSON documents against a JSON Schema with python3-jsonschema (Draft 2020-12), to
cross-check the harness's own validator and the schema itself.

usage: schema_check.py SCHEMA INSTANCE...

Checks SCHEMA against the draft's meta-schema (exit status 2 if it is not valid), then prints
one line per INSTANCE: "valid" or "invalid".
"""
import json
import sys

import jsonschema


def main(arguments):
    if len(arguments) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(arguments[1], encoding="utf-8") as file:
        schema = json.load(file)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"the schema is not valid: {error.message}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    for path in arguments[2:]:
        with open(path, encoding="utf-8") as file:
            instance = json.load(file)
        print("valid" if validator.is_valid(instance) else "invalid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
