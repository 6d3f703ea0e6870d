#!/usr/bin/env python3
"""Checks a FHIR R4 (4.0.1) JSON Bundle, and optional standalone resources, with an independent reader.

Usage: check-fhir.py BUNDLE.json [RESOURCE.json ...]

Needs: pip install "fhir.resources==6.4.0" "pydantic[email]==1.10.27"

Why that version: fhir.resources 6.4.0 is the last release whose models are FHIR R4 4.0.1
(`fhir.resources.__fhir_version__ == "4.0.1"`, imported as `fhir.resources.<module>`, e.g.
`from fhir.resources.bundle import Bundle`). 6.5.0 switched the default to R4B (4.3.0); 7.x and 8.x
default to R5 (5.0.0) and ship only R4B and STU3 as subpackages: no release has an `R4` subpackage.
6.4.0 needs pydantic 1.x but declares no upper bound, so pydantic must be pinned below 2 by hand.

What it does: parses BUNDLE with the R4 Bundle model, then validates every `entry[].resource`
again on its own with the model class named by its `resourceType` (Patient, Observation,
QuestionnaireResponse, Provenance, Questionnaire, ...), then validates each further file as a
standalone resource of its own `resourceType`. The models reject unknown elements, missing required
elements (e.g. Observation.status), two choices of one [x] element, and malformed id, code, date,
instant and impossible dates. They are lenient elsewhere: pydantic 1 coerces "6", 6.5 and true to
an integer, a dateTime with a time but no time zone or no seconds passes, and codes are not checked
against their value sets (Observation.status "done" passes). Nor are invariants (FHIRPath
constraints), profiles or references checked. To close the worst of that gap this script also checks,
itself, the required-binding codes of the elements in REQUIRED_CODES below (status elements, Bundle.type,
Questionnaire item types, Patient.gender, Narrative status), against the R4 4.0.1 value sets.

Prints one line of JSON to stdout, {"resources": N, "by_type": {...}} (N counts the Bundle's entry
resources plus the further files; the Bundle itself is not counted) and exits 0 when everything is
valid. Otherwise prints, for each failure, the file, the entry index, resourceType and id, and the
pydantic message to stderr, and exits 1. Exits 2 on bad usage or the wrong fhir.resources version.
"""

import collections
import json
import sys

try:
    import fhir.resources
    from fhir.resources import get_fhir_model_class
    from fhir.resources.resource import Resource
    from pydantic import ValidationError
except ImportError as error:
    sys.exit(f'check-fhir: {error}; pip install "fhir.resources==6.4.0" "pydantic[email]==1.10.27"')

FHIR_VERSION = "4.0.1"

# Elements with a *required* binding in FHIR R4 4.0.1 that fhir.resources 6.4.0 does not enforce.
# (resourceType, path from the resource root, allowed codes); a path step names a field, and lists
# are walked through. "item*" means item, recursively (Questionnaire / QuestionnaireResponse items).
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
REQUIRED_CODES = [
    ("Bundle", ("type",), {"document", "message", "transaction", "transaction-response", "batch",
                           "batch-response", "history", "searchset", "collection"}),
    ("Bundle", ("entry", "search", "mode"), {"match", "include", "outcome"}),
    ("Observation", ("status",), {"registered", "preliminary", "final", "amended", "corrected",
                                  "cancelled", "entered-in-error", "unknown"}),
    ("QuestionnaireResponse", ("status",), {"in-progress", "completed", "amended",
                                            "entered-in-error", "stopped"}),
    ("Questionnaire", ("status",), PUBLICATION_STATUS),
    ("Questionnaire", ("item*", "type"), {"group", "display", "boolean", "decimal", "integer", "date",
                                          "dateTime", "time", "string", "text", "url", "choice",
                                          "open-choice", "attachment", "reference", "quantity"}),
    ("Questionnaire", ("item*", "enableBehavior"), {"all", "any"}),
    ("Questionnaire", ("item*", "enableWhen", "operator"), {"exists", "=", "!=", ">", "<", ">=", "<="}),
    ("Patient", ("gender",), {"male", "female", "other", "unknown"}),
    ("Provenance", ("entity", "role"), {"derivation", "revision", "quotation", "source", "removal"}),
    ("*", ("text", "status"), {"generated", "extensions", "additional", "empty"}),
]


def values_at(node, path):
    """Yields the values found at `path` under `node` (a JSON object), walking through lists."""
    if not path:
        yield node
        return
    step, rest = path[0], path[1:]
    if isinstance(node, list):
        for element in node:
            yield from values_at(element, path)
        return
    if not isinstance(node, dict):
        return
    if step == "item*":
        for item in node.get("item", []) if isinstance(node.get("item"), list) else []:
            yield from values_at(item, rest)
            yield from values_at(item, path)
        return
    if step in node:
        yield from values_at(node[step], rest)


def check_codes(resource):
    """Returns messages for required-binding codes outside their R4 value set."""
    problems = []
    for resource_type, path, allowed in REQUIRED_CODES:
        if resource_type not in ("*", resource.get("resourceType")):
            continue
        for value in values_at(resource, path):
            if isinstance(value, str) and value not in allowed:
                problems.append(
                    f"{'.'.join(path).replace('*', '')} = {value!r} is not in the required R4 value set"
                )
    return problems


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as error:
        return error


def describe(resource):
    if not isinstance(resource, dict):
        return "(not a JSON object)", None
    return resource.get("resourceType"), resource.get("id")


def validate(resource):
    """Returns None when `resource` is a valid resource of its resourceType, else a message."""
    if not isinstance(resource, dict):
        return "not a JSON object"
    resource_type = resource.get("resourceType")
    if not isinstance(resource_type, str) or not resource_type:
        return "no resourceType"
    try:
        model = get_fhir_model_class(resource_type)
    except KeyError:
        return f"unknown resourceType {resource_type!r} in FHIR {FHIR_VERSION}"
    if not issubclass(model, Resource) or resource_type in ("Resource", "DomainResource"):
        return f"{resource_type!r} is not a concrete resource type"
    try:
        model.parse_obj(resource)
    except ValidationError as error:
        return str(error)
    except (LookupError, TypeError, ValueError) as error:
        # fhir.resources raises LookupError, not a ValidationError, for an unknown
        # resourceType nested inside (e.g. Bundle.entry.resource or contained).
        return f"{type(error).__name__}: {error}"
    problems = check_codes(resource)
    return "; ".join(problems) if problems else None


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if fhir.resources.__fhir_version__ != FHIR_VERSION:
        print(
            f"check-fhir: fhir.resources {fhir.resources.__version__} models FHIR "
            f"{fhir.resources.__fhir_version__}, not {FHIR_VERSION}; "
            'pip install "fhir.resources==6.4.0" "pydantic[email]==1.10.27"',
            file=sys.stderr,
        )
        return 2

    failures = []
    by_type = collections.Counter()

    def fail(where, resource, message):
        resource_type, resource_id = describe(resource)
        failures.append(f"{where} resourceType={resource_type} id={resource_id}: {message}")

    bundle_path, *extra_paths = argv[1:]
    bundle = load(bundle_path)
    if isinstance(bundle, Exception):
        failures.append(f"{bundle_path}: cannot read JSON: {bundle}")
    elif not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        fail(f"{bundle_path}:", bundle, "the first file is not a Bundle")
    else:
        message = validate(bundle)
        if message:
            fail(f"{bundle_path}: Bundle as a whole", bundle, message)
        entries = bundle.get("entry", [])
        if not isinstance(entries, list):
            entries = []
        for index, entry in enumerate(entries):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if resource is None:
                continue  # e.g. a request-only entry; the Bundle model has judged it
            resource_type, _ = describe(resource)
            by_type[resource_type] += 1
            message = validate(resource)
            if message:
                fail(f"{bundle_path}: entry[{index}]", resource, message)

    for path in extra_paths:
        resource = load(path)
        if isinstance(resource, Exception):
            failures.append(f"{path}: cannot read JSON: {resource}")
            continue
        by_type[describe(resource)[0]] += 1
        message = validate(resource)
        if message:
            fail(f"{path}:", resource, message)

    if failures:
        for failure in failures:
            print(f"check-fhir: {failure}", file=sys.stderr)
        print(f"check-fhir: {len(failures)} failure(s)", file=sys.stderr)
        return 1
    summary = {"resources": sum(by_type.values()), "by_type": dict(sorted(by_type.items()))}
    print(json.dumps(summary, sort_keys=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
