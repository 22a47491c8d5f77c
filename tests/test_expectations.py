"""The expectations file: reading, checking, writing back, and matching against a report."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimcheck.errors import ExpectationsError
from claimcheck.expectations import (
    Expectations,
    ExpectedDiscrepancy,
    Subject,
    dump_expectations,
    parse_expectations,
)
from claimcheck.report import Report, Severity
from claimcheck.testing import match


def entry(rule: str = "CC102", severity: str = "error", *subjects: tuple[str, str], **extra: str) -> str:
    lines = [f"  - rule: {rule}", f"    severity: {severity}", "    subjects:"]
    for source, quote in subjects or (("001", "October 7, 2022"),):
        lines += [f"      - source: {source}", f"        quote: {quote!r}"]
    lines += [f"    {k}: {v!r}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def test_reads_an_entry() -> None:
    e = parse_expectations("discrepancies:\n" + entry(note="checked")).discrepancies[0]
    assert (e.rule, e.severity, e.subjects, e.note, e.missed, e.line) == (
        "CC102", Severity.ERROR, (Subject("001", "October 7, 2022"),), "checked", None, 2,
    )  # fmt: skip


def test_a_plain_source_id_keeps_its_text() -> None:
    # YAML would read 001 as the number 1; a source id is text.
    assert parse_expectations("discrepancies:\n" + entry()).discrepancies[0].subjects[0].source == "001"


def test_an_alias_is_read_as_its_rule_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.rules import RULES

    monkeypatch.setattr(RULES["CC102"], "aliases", ("CC190",))
    assert parse_expectations("discrepancies:\n" + entry("CC190")).discrepancies[0].rule == "CC102"


BAD = [
    ("discrepancies: [", 'invalid YAML: *', 1),
    ("- rule: CC102\n", 'expected a mapping with a "discrepancies:" list', 1),
    ("discrepancies:\n" + entry("date-mismatch"), 'write the rule code CC102, not its name "date-mismatch"', 2),
    ("discrepancies:\n" + entry("CC102", "fatal"), "severity must be error, warning or info, not 'fatal'", 3),
    ("severities: [error]\ndiscrepancies:\n" + entry("CC202", "info"), "discrepancy 1 is info, a severity this case does not pin (severities: [error])", 4),
    ("discrepancies:\n  - rule: CC102\n    severity: error\n    subjects: []\n", "discrepancy 1: subjects must be a list of source and quote pairs", 4),
    ("discrepancies:\n  - rule: CC102\n    severity: error\n    subjects: [{source: a}]\n", 'discrepancy 1: a subject has no "quote"', 4),
    ("discrepancies:\n" + entry(missed=""), "discrepancy 1: missed must be the reason it is not found yet", 7),
    ("discrepancies: []\ndiscrepancies: []\n", "duplicate or invalid key 'discrepancies'", 2),
    ("discrepancies:\n  - rule: CC102\n", 'discrepancy 1 has no "severity"', 2),
    ("discrepancy: []\n", 'unknown key "discrepancy" at the top level (expected severities, config, discrepancies); did you mean "discrepancies"?', 1),
]


@pytest.mark.parametrize("text, problem, line", BAD)
def test_a_broken_file_names_the_line_and_the_problem(text: str, problem: str, line: int) -> None:
    with pytest.raises(ExpectationsError) as info:
        parse_expectations(text, path="case/expected.yaml")
    assert info.value.path == "case/expected.yaml"
    assert info.value.line == line
    if problem.endswith("*"):
        assert info.value.problem.startswith(problem[:-1])
    else:
        assert info.value.problem == problem


def test_writing_keeps_what_is_outside_the_list_and_the_comments_above_entries() -> None:
    text = (
        "# header\nseverities: [error, info]  # why\ndiscrepancies:\n"
        "  # about the timeline\n" + entry("CC202", "info", ("000", "x"), ("003", "y"))
        + "  # the real error\n" + entry()
        + "\n# settings\nconfig:\n  ignore: [CC401]\n"
    )
    expectations = parse_expectations(text)
    written = dump_expectations(expectations)
    assert written.startswith("# header\nseverities: [error, info]  # why\ndiscrepancies:\n  # the real error\n  - rule: CC102  # date-mismatch\n")
    assert "  # about the timeline\n  - rule: CC202  # timeline\n" in written
    assert written.endswith("\n# settings\nconfig:\n  ignore: [CC401]\n")
    assert parse_expectations(written) == expectations.with_discrepancies(parse_expectations(written).discrepancies)
    assert dump_expectations(parse_expectations(written)) == written


texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1).filter(lambda t: t.strip() != "")


@given(source=texts, quote=texts, note=texts)
@example(source="001", quote="\r\x85\u2028 Oct. 7", note='"quoted" # not a comment')
def test_any_text_survives_a_write_and_a_read(source: str, quote: str, note: str) -> None:
    original = ExpectedDiscrepancy("CC101", Severity.WARNING, (Subject(source, quote),), missed=note.strip(), note=note.strip())
    read = parse_expectations(dump_expectations(Expectations((original,)))).discrepancies
    assert read == (original,)


def test_matching_pairs_by_rule_and_subjects(ceasefire: list) -> None:
    from claimcheck.compare import compare

    report: Report = compare(ceasefire)
    error = "discrepancies:\n" + entry()
    outcome = match(report, parse_expectations("severities: [error]\n" + error))
    assert outcome.passed and len(outcome.matched) == 1
    # White space inside a quote does not matter; the rule does.
    assert match(report, parse_expectations("severities: [error]\n" + error.replace("October 7,", "October  7,"))).passed
    wrong_rule = match(report, parse_expectations("severities: [error]\n" + error.replace("CC102", "CC101")))
    assert (len(wrong_rule.missing), len(wrong_rule.unexpected)) == (1, 1)
    # Expected twice, produced once: one is missing.
    twice = match(report, parse_expectations("severities: [error]\n" + error + entry()))
    assert (len(twice.matched), len(twice.missing)) == (1, 1)
    # Timelines are compared only where info is pinned.
    infos = [d for d in report.discrepancies if d.severity == "info"]
    assert infos and match(report, parse_expectations("severities: [error, info]\n" + error)).unexpected == infos


def test_case_settings_are_read_and_vocabulary_is_relative_to_the_case(tmp_path) -> None:
    path = tmp_path / "case" / "expected.yaml"
    e = parse_expectations("config:\n  ignore: [CC202]\n  vocabulary: [extra.toml]\ndiscrepancies: []\n", path=path)
    assert e.config is not None and e.config.ignore == ["CC202"]
    assert e.config.vocabulary == [str(tmp_path / "case" / "extra.toml")]
