"""Every rule's cases, from tests/rules/cases/<CODE>.yaml, as one parametrised test.

Test ids are ``<CODE>_<case name>``, so ``pytest -k CC101`` runs one rule. A
case marked ``xfail`` is a known misreading of the engine, run as a strict
xfail: when the engine is fixed the test fails until the mark is removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.rules import RULES
from claimcheck.rule_cases import CaseFile, RuleCase, check_case, load_case_files

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES: dict[str, CaseFile] = load_case_files(CASES_DIR)


def _params() -> list[object]:
    params: list[object] = []
    for code, case_file in CASE_FILES.items():
        for case in case_file.cases:
            marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
            params.append(pytest.param(code, case, id=f"{code}_{case.name}", marks=marks))
    return params


@pytest.mark.parametrize(("code", "case"), _params())
def test_rule_case(code: str, case: RuleCase) -> None:
    outcome = check_case(case, code)
    if not outcome.holds:
        pytest.fail(f"{code} on case {case.name!r} (- missing, + unexpected):\n{outcome.explain()}", pytrace=False)


def test_every_rule_has_a_case_file() -> None:
    assert sorted(CASE_FILES) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_has_three_cases_each_way(code: str) -> None:
    cases = CASE_FILES[code].cases
    assert sum(c.flags for c in cases) >= 3, f"{code}: fewer than three cases it must flag"
    assert sum(not c.flags for c in cases) >= 3, f"{code}: fewer than three cases it must not flag"
