"""The rule-case format (claimcheck.rule_cases): strict on load, exact when checking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.report import Severity
from claimcheck.rule_cases import CaseSource, ExpectedClaim, ExpectedDiscrepancy, RuleCase, check_case, load_case_file

GOOD = """\
rule: CC101
cases:
  - name: about_600_against_about_1200
    sources:
      - {id: a, published: 2024-05-02, text: "The attack on Pelna on January 12, 2024 killed about 600 people."}
      - {id: b, published: 2024-05-02, text: "The attack on Pelna on January 12, 2024 killed about 1,200 people."}
      - {id: c, published: 2024-05-03, text: "About 1,200 people died in the attack on Pelna on January 12, 2024."}
    expect:
      - rule: CC101
        severity: error
        subjects:
          - {source: a, quote: "about 600"}
"""


def _write(tmp_path: Path, text: str, name: str = "CC101.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    cases = load_case_file(_write(tmp_path, GOOD))
    assert cases.rule == "CC101"
    assert [c.name for c in cases.cases] == ["about_600_against_about_1200"]
    assert cases.cases[0].flags


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("    sources:", "    colour: red\n    sources:"), 'case "about_600_against_about_1200" colour: unknown key'),
        (('{source: a, quote: "about 600"}', '{source: a, quote: "about 600", start: 49}'), "start: unknown key"),
        (('quote: "about 600"', 'quote: "about 700"'), 'quote "about 700" is not in source "a"'),
        (("{source: a,", "{source: z,"), 'names source "z", which the case does not have'),
        (("      - rule: CC101", "      - rule: CC102"), "expects CC102, but this file holds CC101 cases"),
        (("severity: error", "severity: fatal"), "severity"),
        (("name: about_600_against_about_1200", "name: About 600"), "must be lower-case words joined by underscores"),
        (("{id: b,", "{id: a,"), 'source id "a" used twice'),
        (("    expect:", "    xfail: ''\n    expect:"), "xfail needs a reason"),
        (("published: 2024-05-02, text: \"The attack on Pelna on January 12, 2024 killed about 600", "published: someday, text: \"The attack on Pelna on January 12, 2024 killed about 600"), "published"),
    ],
    ids=["unknown_key", "offsets", "quote_not_in_source", "unknown_source", "other_rule", "bad_severity", "bad_name", "duplicate_source", "empty_xfail", "bad_date"],
)
def test_a_bad_file_is_an_input_error_naming_it(tmp_path: Path, change: tuple[str, str], problem: str) -> None:
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        load_case_file(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_case_names_are_an_error(tmp_path: Path) -> None:
    case = GOOD.split("cases:\n", 1)[1]
    with pytest.raises(InputError, match='case name "about_600_against_about_1200" used twice'):
        load_case_file(_write(tmp_path, GOOD + case))


def test_the_file_is_named_by_its_rule(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="name it CC101.yaml"):
        load_case_file(_write(tmp_path, GOOD, name="CC102.yaml"))


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"CC101\.yaml:\d+: malformed YAML"):
        load_case_file(_write(tmp_path, GOOD + "  - name: [unclosed\n"))


def _case(expect: list[ExpectedDiscrepancy]) -> RuleCase:
    day = dt.date(2024, 5, 2)
    return RuleCase(
        name="probe",
        sources=[
            CaseSource(id="a", published=day, text="The attack on Pelna on January 12, 2024 killed about 600 people."),
            CaseSource(id="b", published=day, text="The attack on Pelna on January 12, 2024 killed about 1,200 people."),
            CaseSource(id="c", published=day, text="About 1,200 people died in the attack on Pelna on January 12, 2024."),
        ],
        expect=expect,
    )


def _about_600(severity: Severity = Severity.ERROR) -> ExpectedDiscrepancy:
    return ExpectedDiscrepancy(rule="CC101", severity=severity, subjects=[ExpectedClaim(source="a", quote="about 600")])


def test_check_case_holds_on_exactly_the_expected() -> None:
    assert check_case(_case([_about_600()]), "CC101").holds


def test_check_case_reports_an_unexpected_discrepancy() -> None:
    outcome = check_case(_case([]), "CC101")
    assert not outcome.holds
    assert outcome.explain().startswith('+ CC101 error: a "about 600"  (a puts the number killed')


def test_check_case_reports_a_wrong_severity_as_missing_and_unexpected() -> None:
    outcome = check_case(_case([_about_600(Severity.WARNING)]), "CC101")
    assert outcome.explain().splitlines() == [
        '- CC101 warning: a "about 600"',
        '+ CC101 error: a "about 600"  (a puts the number killed in the attack of January 12, 2024 at about 600; b and c say about 1,200)',
    ]


def test_check_case_counts_duplicates() -> None:
    outcome = check_case(_case([_about_600(), _about_600()]), "CC101")
    assert [d.key() for d in outcome.missing] == [_about_600().key()]


def test_check_case_ignores_other_rules() -> None:
    assert check_case(_case([]), "CC401").holds
