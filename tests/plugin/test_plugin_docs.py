"""docs/pytest-plugin.md's known-miss example is what the plugin prints for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[2] / "docs" / "pytest-plugin.md"


def _blocks(section: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(f"### {section}\n")
    end = text.index("\n#", start + 1)
    return re.findall(r"```[a-z]*\n(.*?)```", text[start:end], re.S)


def _contains_in_order(output: list[str], expected: list[str]) -> bool:
    found = iter(output)
    return all(any(line == wanted for line in found) for wanted in expected)


def test_the_known_miss_example_is_real_output(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    entry, summary, found = _blocks("Known misses")
    (bridge / "expected.yaml").write_text(entry, encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(passed=1)
    # The rule of dashes is as wide as the terminal; the lines under it are exact.
    head, *lines = summary.splitlines()
    assert head.strip("- ") == "claimcheck"
    assert _contains_in_order(result.stdout.lines, lines), "\n".join(result.stdout.lines)

    plant_wrong_year(bridge)
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    assert _contains_in_order(result.stdout.lines, found.splitlines()), "\n".join(result.stdout.lines)
    reason = re.search(r'missed: "(.*)"', entry).group(1)
    result.stdout.fnmatch_lines([f'      It was marked missed: "{reason}". It is found now: delete that "missed:" line.'])
