"""The JSON format: the documented, versioned report shape, read back exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic import discrepancy, ref, report, source

from claimcheck.render import render
from claimcheck.report import SCHEMA_VERSION, Report

DOCS = Path(__file__).resolve().parents[2] / "docs" / "report.md"


def test_seed_report_round_trips(seed_report: Report) -> None:
    text = render(seed_report, "json")
    assert Report.from_json(text) == seed_report
    # Same data; key order inside a claim may differ (it follows how the claim was built).
    assert json.loads(render(Report.from_json(text), "json")) == json.loads(text)


def test_seed_report_has_the_documented_top_level_fields(seed_report: Report) -> None:
    data = json.loads(render(seed_report, "json"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert (data["tool"], data["tool_version"]) == ("claimcheck", seed_report.tool_version)
    assert data["summary"]["errors"] == 1
    assert data["input_errors"] == []
    assert data["rules"] == sorted(data["rules"]) and "CC102" in data["rules"]
    span = data["discrepancies"][0]["claims"][0]["span"]
    assert set(span) >= {"start", "end", "line", "column", "end_line", "end_column", "quote", "sentence"}


def test_seed_report_validates_against_the_published_schema(seed_report: Report) -> None:
    schema = Report.model_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(render(seed_report, "json")), schema, cls=jsonschema.Draft202012Validator)


def test_a_version_1_0_report_without_rules_still_reads(seed_report: Report) -> None:
    data = json.loads(render(seed_report, "json"))
    data["schema_version"] = "1.0"
    del data["rules"]
    assert Report.model_validate(data).rules is None


def test_docs_describe_every_field_of_every_object() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    schema = Report.model_json_schema()
    objects = {name: d for name, d in schema["$defs"].items() if d.get("properties")}
    objects["Report"] = schema
    missing = []
    for name, definition in objects.items():
        section = re.search(rf"^### `{name}`\n(.*?)(?=^### |\Z)", docs, re.S | re.M)
        if section is None:
            missing.append(name)
            continue
        documented = set(re.findall(r"^\| `(\w+)` \|", section.group(1), re.M))
        missing += [f"{name}.{field}" for field in definition["properties"] if field not in documented]
    assert not missing, f"docs/report.md does not describe: {', '.join(missing)}"


_text = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(quote=_text, before=st.text(max_size=20).filter(lambda t: "\x00" not in t), message=_text)
def test_any_text_round_trips(quote: str, before: str, message: str) -> None:
    s = source("s", before + quote + " end", path="a b/ü.md")
    r = report([s], [discrepancy("CC101", [ref(s, quote, occurrence=before.count(quote) if quote in before else 0)], message=message)])
    assert Report.from_json(render(r, "json")) == r
