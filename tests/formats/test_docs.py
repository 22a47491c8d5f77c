"""docs/formats.md shows real output: each pasted `claimcheck compare` run is run again and compared."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "formats.md"


def _examples() -> list[tuple[str, str]]:
    """(command, output) for every fenced block that is one `$ claimcheck compare …` and its output."""
    blocks = re.findall(r"^```\n(\$ claimcheck compare [^\n]*)\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)
    return [(command[2:], output) for command, output in blocks if "\n$ " not in output]


def test_the_doc_has_examples() -> None:
    formats = {shlex.split(command)[-1] if "-f" in command else "text" for command, _ in _examples()}
    assert formats >= {"text", "concise", "github", "junit"}


@pytest.mark.parametrize(("command", "output"), _examples(), ids=lambda v: v if v.startswith("claimcheck") else "")
def test_example_output_is_what_the_command_prints(
    command: str, output: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    main(shlex.split(command)[1:])
    captured = capsys.readouterr()
    printed = captured.out + captured.err  # as a terminal shows it: the report, then any error line
    if "  …\n" in output:  # an excerpt: every run of lines between the ellipses is in the real output
        for part in output.split("  …\n"):
            assert part in printed, f"docs/formats.md is out of date for `{command}`; paste its output again"
    else:
        assert printed == output, f"docs/formats.md is out of date for `{command}`; paste its output again"


def test_the_json_excerpt_is_the_seed_report_now(seed_report: Report) -> None:
    """The top level of the seed report's JSON as docs/formats.md shows it: counts, summary and rules.

    The vocabulary fingerprint is left out: it changes with every vocabulary file.
    """
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"^```json\n(\{\n  \"schema_version\".*?)^```$", text, re.S | re.M).group(1)
    counts = {key: int(n) for key, n in re.findall(r'"(\w+)": \[ … (\d+) ', block)}
    assert counts == {key: len(getattr(seed_report, key)) for key in ("sources", "claims", "events", "groups", "discrepancies")}
    shown = json.loads(re.sub(r"\[ … [^]]* \]", "[]", block))
    current = json.loads(seed_report.to_json())
    for key in ("schema_version", "tool", "summary", "input_errors", "rules"):
        assert shown[key] == current[key], f"docs/formats.md's JSON excerpt is out of date at {key!r}"
