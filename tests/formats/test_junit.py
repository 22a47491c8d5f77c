"""The junit format, parsed with the standard library as a CI system would read it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from synthetic import discrepancy, ref, report, source

from claimcheck import Role
from claimcheck.render import render
from claimcheck.report import InputProblem, Report


def parse(r: Report) -> ET.Element:
    """The document's root, after checking that every count attribute is right."""
    text = render(r, "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("name") == "claimcheck"
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors", "")) == sum(1 for c in cases if c.find("error") is not None)
        names = [c.get("name") for c in cases]
        assert len(names) == len(set(names)), f"duplicate test names in {suite.get('name')}"
    for attribute in ("tests", "failures", "errors"):
        assert int(root.get(attribute, "")) == sum(int(s.get(attribute, "")) for s in suites)
    keys = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(keys) == len(set(keys))
    return root


def test_seed_report_one_suite_per_source_and_one_failure_per_discrepancy(seed_report: Report) -> None:
    root = parse(seed_report)
    suites = root.findall("testsuite")
    assert len(suites) == len(seed_report.sources)
    assert int(root.get("failures", "")) == len(seed_report.discrepancies)
    (clean,) = [s for s in suites if s.get("failures") == "0"]
    assert clean.get("name", "").endswith("003.md")
    assert [c.get("name") for c in clean.findall("testcase")] == ["no discrepancies"]
    (case,) = [c for c in root.iter("testcase") if c.get("name") == "CC102 date-mismatch @ 9:190"]
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "CC102"
    assert failure.get("message") == "001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"
    assert "against" not in (failure.text or "") and "consensus" in (failure.text or "")
    assert case.get("line") == "9" and (case.get("file") or "").endswith("001.md")
    assert {p.get("name"): p.get("value") for p in case.iter("property")}["severity"] == "error"


def test_with_drafts_only_the_drafts_get_suites() -> None:
    draft = source("d", "We say 12 and 7.\n", path="drafts/d.md", role=Role.DRAFT)
    clean = source("c", "Nothing.\n", path="drafts/clean.md", role=Role.DRAFT)
    wire = source("w", "They say 14.\n", path="refs/w.md")
    r = report([draft, clean, wire], [discrepancy("CC101", [ref(draft, "12"), ref(wire, "14", "consensus")])])
    root = parse(r)
    assert [s.get("name") for s in root.findall("testsuite")] == ["drafts/d.md", "drafts/clean.md"]
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_two_discrepancies_at_one_place_get_distinct_names() -> None:
    s = source("s", "12 died\n", path="s.md")
    ds = [
        discrepancy("CC202", [ref(s, "12", "related")], severity="info", name="timeline", fingerprint="a"),
        discrepancy("CC202", [ref(s, "12", "related")], severity="info", name="timeline", fingerprint="b"),
        discrepancy("CC202", [ref(s, "12", "related")], severity="info", name="timeline", fingerprint="c"),
    ]
    names = [c.get("name") for c in parse(report([s], ds)).iter("testcase")]
    assert names == ["CC202 timeline @ 1:1", "CC202 timeline @ 1:1 #2", "CC202 timeline @ 1:1 #3"]


def test_characters_xml_cannot_carry_are_replaced() -> None:
    s = source("s", "bad \x01 text 12\x1b\n", path="s.md")
    root = parse(report([s], [discrepancy("CC101", [ref(s, "12")], message="a\x00b & <c>")]))
    failure = next(root.iter("failure"))
    assert failure.get("message") == "a\ufffdb & <c>"
    assert "\ufffd text 12\ufffd" in (failure.text or "")


def test_input_errors_are_test_errors() -> None:
    s = source("s", "Fine.\n", path="drafts/s.md", role=Role.DRAFT)
    r = report([s], input_errors=[InputProblem(path="refs/x.md", line=2, message="not UTF-8"), InputProblem(message="no references")])
    root = parse(r)
    assert root.get("errors") == "2" and root.get("failures") == "0"
    counts = Counter(s.get("name") for s in root.findall("testsuite") for _ in s.iter("error"))
    assert counts == {"refs/x.md": 1, "claimcheck": 1}
    error = next(root.iter("error"))
    assert (error.get("type"), error.get("message")) == ("input-error", "not UTF-8")


def test_an_empty_report_is_still_a_valid_document() -> None:
    root = parse(report([]))
    assert root.findall("testsuite") == [] and root.get("tests") == "0"
