"""End to end, in every output format: the planted error is found at its line and column.

The draft tests/drafts/ceasefire-typo.md repeats 001's error, "October 7, 2022",
against the seed coverage (fixtures/ceasefire); the figure stands on line 7,
columns 41 to 56 (end exclusive). The clean draft differs only in the year.
Formats are documented in docs/formats.md; a format this build has not
registered is skipped, naming it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimcheck.render import FORMATS

ROOT = Path(__file__).resolve().parent.parent
TYPO = "tests/drafts/ceasefire-typo.md"
CLEAN = "tests/drafts/ceasefire-clean.md"
REFERENCES = "fixtures/ceasefire"
LINE, COLUMN, END_COLUMN = 7, 41, 56


def run(draft: str, format: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", draft, "--against", REFERENCES, "-f", format],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def located_text(out: str) -> None:
    # "path:7:41", or the path as a heading over "7:41" lines (grouped by file).
    assert TYPO in out
    assert re.search(rf"(?<![\d]){LINE}:{COLUMN}(?!\d)", out), out
    assert "CC102" in out and "October 7, 2022" in out


def located_concise(out: str) -> None:
    lines = [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: CC\d{3} ", line)]
    assert len(lines) == 1, out
    assert lines[0].startswith(f"{TYPO}:{LINE}:{COLUMN}: CC102 ")


def located_json(out: str) -> None:
    report = json.loads(out)
    (finding,) = report["discrepancies"]
    span = finding["claims"][0]["span"]
    assert (finding["rule"], finding["claims"][0]["role"]) == ("CC102", "subject")
    assert (span["line"], span["column"], span["end_line"], span["end_column"]) == (LINE, COLUMN, LINE, END_COLUMN)
    (draft,) = [s for s in report["sources"] if s["role"] == "draft"]
    assert draft["path"] == TYPO


def located_github(out: str) -> None:
    commands = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(commands) == 1, out
    properties = dict(part.split("=", 1) for part in commands[0][len("::error ") :].split("::", 1)[0].split(","))
    assert properties["file"] == TYPO
    assert (properties["line"], properties["col"]) == (str(LINE), str(COLUMN))
    assert properties.get("endColumn", str(END_COLUMN)) == str(END_COLUMN)


def located_sarif(out: str) -> None:
    log = json.loads(out)
    (run_,) = log["runs"]
    assert run_.get("columnKind") == "unicodeCodePoints"
    (result,) = [r for r in run_["results"] if r["ruleId"] == "CC102"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"].endswith(TYPO)
    region = physical["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (LINE, COLUMN, LINE, END_COLUMN)


def located_junit(out: str) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    failed = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert len(failed) == 1, out
    case = failed[0]
    assert case.find("failure").get("type") == "CC102"  # type: ignore[union-attr]
    at_name = case.get("name", "").endswith(f"@ {LINE}:{COLUMN}")
    at_attributes = (case.get("line"), case.get("column")) == (str(LINE), str(COLUMN))
    assert at_name or at_attributes, ET.tostring(case, encoding="unicode")


def clean_text(out: str) -> None:
    assert "CC1" not in out


def clean_concise(out: str) -> None:
    assert not [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+: CC\d{3} ", line)]


def clean_json(out: str) -> None:
    assert json.loads(out)["discrepancies"] == []


def clean_github(out: str) -> None:
    assert not [line for line in out.splitlines() if line.startswith(("::error", "::warning"))]


def clean_sarif(out: str) -> None:
    assert json.loads(out)["runs"][0]["results"] == []


def clean_junit(out: str) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    assert [case for case in root.iter("testcase") if case.find("failure") is not None] == []
    assert len(list(root.iter("testcase"))) >= 1  # a passing case for the clean draft


FORMATS_CHECKED = {
    "text": (located_text, clean_text),
    "concise": (located_concise, clean_concise),
    "json": (located_json, clean_json),
    "github": (located_github, clean_github),
    "sarif": (located_sarif, clean_sarif),
    "junit": (located_junit, clean_junit),
}


def _registered(format: str) -> None:
    if format not in FORMATS:
        pytest.skip(f"format {format!r} is not registered in this build (claimcheck.render.FORMATS has {', '.join(sorted(FORMATS))})")


@pytest.mark.parametrize("format", list(FORMATS_CHECKED))
def test_the_planted_error_at_its_line_and_column(format: str) -> None:
    _registered(format)
    result = run(TYPO, format)
    assert result.returncode == 1, result.stderr
    FORMATS_CHECKED[format][0](result.stdout)


@pytest.mark.parametrize("format", list(FORMATS_CHECKED))
def test_a_clean_draft_passes(format: str) -> None:
    _registered(format)
    result = run(CLEAN, format)
    assert result.returncode == 0, result.stderr
    FORMATS_CHECKED[format][1](result.stdout)
