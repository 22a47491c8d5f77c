"""check(): what a draft is told about its figures, and what it is not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck import InputError, Role, Source, check
from claimcheck.report import Report
from claimcheck.compare import compare
from claimcheck.check import MAX_CITED
from claimcheck.config import Config, Tolerances
from claimcheck.render import render

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "tests" / "drafts"
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
LEDGER = ROOT / "docs" / "ci" / "ceasefire.ledger.yaml"

ATTACK = "Hamas seized {} hostages in the attack on October 7, 2023."


def ref(source_id: str, text: str, published: dt.date = dt.date(2025, 3, 1)) -> Source:
    return Source(id=source_id, text=text, published=published)


def draft(text: str, source_id: str = "draft") -> Source:
    return Source(id=source_id, text=text, path=f"{source_id}.md")


def findings(report: Report) -> list[tuple[str, str, str]]:
    """(rule, severity, the draft's quote) of each finding."""
    return [(d.rule, d.severity.value, d.claims[0].span.quote) for d in report.discrepancies]


def test_the_planted_error_is_reported_on_the_draft_line_against_the_references() -> None:
    report = check([DRAFTS / "ceasefire-typo.md"], [CEASEFIRE])
    (finding,) = report.discrepancies
    assert (finding.rule, finding.severity.value) == ("CC102", "error")
    subject = finding.claims[0]
    assert (subject.role, subject.source_id, subject.span.quote) == ("subject", "ceasefire-typo", "October 7, 2022")
    assert (subject.span.line, subject.span.column, subject.span.end_column) == (7, 41, 56)
    assert {c.role for c in finding.claims[1:]} == {"consensus"}
    assert {c.source_id for c in finding.claims[1:]} == {"000", "002", "003", "004"}
    assert finding.message == "ceasefire-typo dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"


def test_a_clean_draft_gets_nothing_and_a_reference_outlier_is_not_its_problem() -> None:
    # 001 dates the attack 2022 and compare reports it; the clean draft sides with
    # the consensus, so check reports nothing.
    assert [d.rule for d in compare([CEASEFIRE]).discrepancies if d.severity == "error"] == ["CC102"]
    report = check([DRAFTS / "ceasefire-clean.md"], [CEASEFIRE])
    assert report.discrepancies == []
    assert report.summary.sources == 6


def test_the_report_holds_the_drafts_and_only_the_references_it_cites() -> None:
    report = check([DRAFTS / "ceasefire-typo.md"], [CEASEFIRE])
    assert [s.id for s in report.sources if s.role is Role.DRAFT] == ["ceasefire-typo"]
    cited = {c.source_id for d in report.discrepancies for c in d.claims}
    assert {s.id for s in report.sources} == cited | {"ceasefire-typo"}
    assert Report.from_json(report.to_json()) == report


def test_a_draft_is_not_evidence_it_breaks_ties_between_references_only() -> None:
    references = [ref("a", ATTACK.format(251)), ref("b", ATTACK.format(251)), ref("c", ATTACK.format(240))]
    # With the majority: nothing, though reference c is out.
    assert findings(check([draft(ATTACK.format(251))], references)) == []
    # With the minority: the draft is reported against the majority, not excused by c.
    report = check([draft(ATTACK.format(240))], references)
    assert findings(report) == [("CC101", "error", "240")]
    assert {c.source_id for c in report.discrepancies[0].claims if c.role == "consensus"} == {"a", "b"}
    # References split evenly: the draft sides with one of them and is not reported.
    assert findings(check([draft(ATTACK.format(240))], references[1:])) == []


def test_a_ledger_outweighs_the_references(tmp_path: Path) -> None:
    ledger = tmp_path / "desk.ledger.yaml"
    ledger.write_text(
        "figures:\n"
        "  - measure: hostages_taken\n"
        "    event: {kind: attack, date: 2023-10-07}\n"
        '    value: "251"\n'
        "    citation: Israeli government count\n",
        encoding="utf-8",
    )
    split = [ref("b", ATTACK.format(251)), ref("c", ATTACK.format(240))]
    agreeing = [ref("b", ATTACK.format(240)), ref("c", ATTACK.format(240))]
    for references in (split, agreeing):
        report = check([draft(ATTACK.format(240))], [*references, ledger])
        assert findings(report) == [("CC101", "error", "240")]
        consensus = [c for c in report.discrepancies[0].claims if c.role == "consensus"]
        assert consensus[0].source_id == "desk"  # the ledger is cited first
        assert consensus[0].span.line == 4 and consensus[0].span.quote == "251"
    assert findings(check([draft(ATTACK.format(251))], [*agreeing, ledger])) == []


def test_a_stale_figure_is_reported_as_stale_not_as_a_mismatch() -> None:
    report = check([DRAFTS / "ceasefire-stale.md"], [CEASEFIRE])
    assert findings(report) == [("CC502", "warning", "97")]
    (finding,) = report.discrepancies
    assert "the figure of 002 as of October 24, 2024" in finding.message
    # The draft's march was "on Saturday", July 5: the newest figure by then is 000's.
    assert "the newest reference, 000 (July 2, 2025), says about 50" in finding.message
    # Speaking for October 25, 2024, 97 was the newest figure.
    assert check([DRAFTS / "ceasefire-stale.md"], [CEASEFIRE], config=Config(as_of=dt.date(2024, 10, 25))).discrepancies == []


def test_the_drafts_as_of_date_and_where_it_came_from() -> None:
    references = [ref("a", ATTACK.format(251), dt.date(2025, 3, 1)), ref("b", ATTACK.format(251), dt.date(2025, 5, 2))]

    def as_of(source: Source, config: Config | None = None) -> tuple[object, object]:
        report = check([source], references, config=config)
        (d,) = [s for s in report.sources if s.role is Role.DRAFT]
        return d.published, d.meta["as_of_from"]

    dated = Source(id="draft", text=ATTACK.format(251), path="draft.md", published=dt.date(2025, 1, 1))
    assert as_of(dated, Config(as_of=dt.date(2025, 6, 1))) == (dt.date(2025, 1, 1), "front matter")
    assert as_of(draft(ATTACK.format(251)), Config(as_of=dt.date(2025, 6, 1))) == (dt.date(2025, 6, 1), "as_of")
    assert as_of(draft(ATTACK.format(251))) == (dt.date(2025, 5, 2), "newest reference")
    undated = [Source(id="a", text=ATTACK.format(251))]
    report = check([draft(ATTACK.format(251))], undated)
    (checked,) = [s for s in report.sources if s.role is Role.DRAFT]
    assert (checked.published, checked.meta["as_of_from"]) == (None, "none")


def test_unsupported_figures() -> None:
    quake = draft("The earthquake that struck Haiti on January 12, 2010 killed more than 200,000 people.")
    report = check([quake], [CEASEFIRE])
    assert sorted(findings(report)) == [("CC501", "info", "January 12, 2010"), ("CC501", "info", "more than 200,000")]
    # A level reported at a date no reference covers, matching no figure of theirs.
    later = check([draft("Israel says 70 hostages are still held in Gaza.")], [CEASEFIRE], config=Config(as_of=dt.date(2025, 9, 1)))
    assert findings(later) == [("CC501", "info", "70")]
    assert "other figures at other dates" in later.discrepancies[0].message
    # Backed by a reference: nothing.
    assert check([draft("Israel says 50 hostages are still held in Gaza.")], [CEASEFIRE]).discrepancies == []


def test_each_draft_gets_its_own_findings() -> None:
    report = check([DRAFTS / "ceasefire-typo.md", DRAFTS / "ceasefire-clean.md"], [CEASEFIRE])
    assert [(d.rule, d.claims[0].source_id) for d in report.discrepancies] == [("CC102", "ceasefire-typo")]
    assert all(c.source_id not in ("ceasefire-clean",) for d in report.discrepancies for c in d.claims)


REPEATED = (
    "The war began with the Hamas attack of October 7, 2022, in which about 1,200 people were killed.\n\n"
    "Families marked the anniversary of the October 7, 2022 attack in Tel Aviv.\n\n"
    "Officials said the attack of October 7, 2022 was the deadliest day.\n"
)


def test_a_repeated_wrong_figure_is_a_finding_at_each_occurrence() -> None:
    report = check([draft(REPEATED)], [CEASEFIRE])
    assert [(d.rule, d.claims[0].span.line, d.claims[0].span.quote) for d in report.discrepancies] == [
        ("CC102", 1, "October 7, 2022"),
        ("CC102", 3, "October 7, 2022"),
        ("CC102", 5, "October 7, 2022"),
    ]
    for d in report.discrepancies:
        assert [c.source_id for c in d.subjects] == ["draft"] and len(d.subjects) == 1  # the others are not its related locations
        assert {c.source_id for c in d.claims if c.role == "consensus"} == {"000", "002", "003", "004"}
        assert d.message == "draft dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023"
    assert len({d.fingerprint for d in report.discrepancies}) == 3
    # Written once, the figure's finding has the fingerprint the first of three has.
    once = check([draft(REPEATED.split("\n\n")[0])], [CEASEFIRE])
    assert once.discrepancies[0].fingerprint == report.discrepancies[0].fingerprint
    # compare() still reports the quantity the sources disagree on once, every occurrence a subject.
    twice = "\n\n".join(REPEATED.split("\n\n")[:2])
    compared = compare([draft(twice), *sorted(CEASEFIRE.glob("*.md"))])
    (mismatch,) = [d for d in compared.discrepancies if d.rule == "CC102" and any(c.source_id == "draft" for c in d.subjects)]
    assert [c.span.line for c in mismatch.subjects if c.source_id == "draft"] == [1, 3]


def test_findings_with_no_reference_get_distinct_fingerprints_too() -> None:
    text = "Israel says 70 hostages are still held in Gaza.\n\nAgain, Israel says 70 hostages are still held in Gaza.\n"
    report = check([draft(text)], [CEASEFIRE], config=Config(as_of=dt.date(2025, 9, 1)))
    assert [(d.rule, d.claims[0].span.line) for d in report.discrepancies] == [("CC501", 1), ("CC501", 3)]
    assert len({d.fingerprint for d in report.discrepancies}) == 2
    single = check([draft(text.split("\n\n")[0])], [CEASEFIRE], config=Config(as_of=dt.date(2025, 9, 1)))
    assert single.discrepancies[0].fingerprint == report.discrepancies[0].fingerprint


def test_two_drafts_that_agree_with_each_other_do_not_make_evidence() -> None:
    one, two = draft(ATTACK.format(240), "one"), draft(ATTACK.format(240), "two")
    report = check([one, two], [ref("a", ATTACK.format(251))])
    assert sorted((d.rule, d.claims[0].source_id) for d in report.discrepancies) == [("CC101", "one"), ("CC101", "two")]
    # Drafts that clash only with each other: no mismatch; each figure is only unsupported.
    report = check([draft(ATTACK.format(240), "one"), draft(ATTACK.format(251), "two")], [ref("a", "Talks resumed in Doha.")])
    assert {d.rule for d in report.discrepancies} == {"CC501"}


def test_another_draft_is_neither_counted_nor_named_in_a_drafts_consensus() -> None:
    right = REPEATED.replace("2022", "2023")
    drafts = [draft(REPEATED, "one"), draft(right, "right"), draft(REPEATED, "two")]
    report = check(drafts, [CEASEFIRE])
    assert sorted({d.claims[0].source_id for d in report.discrepancies}) == ["one", "two"]
    for d in report.discrepancies:
        assert {c.source_id for c in d.claims if c.role == "consensus"} == {"000", "002", "003", "004"}
        assert d.message.endswith("; 000, 002, 003 and 004 say 2023"), d.message
        assert all("right" not in r.intervals and not any(k.startswith("right:") for k in r.intervals) for r in d.readings)
        assert "right" not in d.explanation


def test_other_drafts_do_not_break_a_tie_between_references() -> None:
    split = [ref("a", ATTACK.format(251)), ref("b", ATTACK.format(240))]
    # Alone, a draft that sides with one of two references that disagree is not reported;
    # two other drafts on the other side do not make it so.
    alone = check([draft(ATTACK.format(240), "three")], split)
    together = check([draft(ATTACK.format(251), "one"), draft(ATTACK.format(251), "two"), draft(ATTACK.format(240), "three")], split)
    assert findings(alone) == findings(together) == []


def test_a_finding_against_many_references_lists_a_few_and_counts_the_rest() -> None:
    references = [ref(f"r{i:03}", ATTACK.format(251), dt.date(2025, 1, 1) + dt.timedelta(days=i % 30)) for i in range(435)]
    report = check([draft(ATTACK.format(240))], references)
    (finding,) = report.discrepancies
    listed = [c for c in finding.claims if c.role == "consensus"]
    assert len(listed) == MAX_CITED
    assert all(c.as_of == dt.date(2025, 1, 30) for c in listed)  # the newest first
    # The explanation names the claims cited, and counts the rest, as the claims and readings do.
    named = {r.id for r in references if f"{r.id} 251" in finding.explanation}
    assert named == {c.source_id for c in listed}
    assert "… and 427 more reference figures agreeing with them — no value satisfies all of them." in finding.explanation
    assert len(finding.explanation) < 600
    for reading in finding.readings:
        assert set(reading.intervals) == {c.claim_id for c in finding.claims}
        assert reading.note == "8 of the 435 reference figures compared are listed; 427 more agree with them"
    assert "427 more" in render(report, "text") and len(render(report, "text")) < 3000
    # compare() reports what the sources say, every one of them.
    compared = compare([draft(ATTACK.format(240)), *references[:20]])
    (mismatch,) = compared.discrepancies
    assert all(f"r{i:03} 251" in mismatch.explanation for i in range(20)) and "more reference figures" not in mismatch.explanation


def test_a_stale_figure_against_many_newest_references_lists_a_few() -> None:
    held = "Israel says {} hostages are still held in Gaza."
    newest = [ref(f"n{i:02}", held.format(59), dt.date(2025, 3, 1)) for i in range(20)]
    report = check([draft(held.format(97))], [*newest, ref("old", held.format(97), dt.date(2024, 10, 1))])
    (finding,) = report.discrepancies
    assert finding.rule == "CC502"
    assert len([c for c in finding.claims if c.role == "consensus"]) == MAX_CITED
    assert "… and 12 more of the newest reference figures)" in finding.explanation
    assert sum(f"n{i:02} 59" in finding.explanation for i in range(20)) == MAX_CITED
    assert "(8 of the 20 reference figures compared are listed)" in finding.readings[0].note


def test_per_file_ignores(tmp_path: Path) -> None:
    target = tmp_path / "archive" / "typo.md"
    target.parent.mkdir()
    target.write_text((DRAFTS / "ceasefire-typo.md").read_text(encoding="utf-8"), encoding="utf-8")
    by_name = Config(per_file_ignores={"typo.md": ["date-mismatch"]})
    by_folder = Config(per_file_ignores={f"{tmp_path.as_posix()}/archive/*": ["CC1"]})
    elsewhere = Config(per_file_ignores={"other.md": ["CC102"], f"{tmp_path.as_posix()}/drafts/*": ["CC"]})
    assert check([target], [CEASEFIRE], config=by_name).discrepancies == []
    assert check([target], [CEASEFIRE], config=by_folder).discrepancies == []
    assert findings(check([target], [CEASEFIRE], config=elsewhere)) == [("CC102", "error", "October 7, 2022")]


def test_select_ignore_and_severity_apply_to_draft_rules() -> None:
    stale = DRAFTS / "ceasefire-stale.md"
    assert findings(check([stale], [CEASEFIRE], config=Config(severity={"stale": "error"}))) == [("CC502", "error", "97")]
    # Without the stale rule, the figure is what it also is: a mismatch with the newest reference,
    # once the draft's date (July 5) and that reference's (July 2) count as one day.
    near = Tolerances(same_date_days=3)
    assert findings(check([stale], [CEASEFIRE], config=Config(ignore=["CC502"], tolerances=near))) == [("CC101", "error", "97")]
    assert check([stale], [CEASEFIRE], config=Config(select=["CC1"], ignore=["count-mismatch"])).discrepancies == []


@pytest.mark.parametrize(
    ("drafts", "references", "problem"),
    [
        ([Source(id="d", text="  \n", path="d.md")], [CEASEFIRE], "empty draft"),
        ([], [CEASEFIRE], "no drafts"),
        # An id chosen (not the file name's) that a reference has; a file-name id is made distinct instead.
        ([Source(id="000", text=ATTACK.format(251), path="draft.md")], [CEASEFIRE], "also a reference's"),
        ([draft(ATTACK.format(251))], [], "no references"),
        ([draft(ATTACK.format(251))], ["no/such/folder"], "no such file or directory"),
    ],
)
def test_bad_input(drafts: list[Source], references: list[object], problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        check(drafts, references)  # type: ignore[arg-type]


def test_distinct_ids_keep_a_jsonl_line_number_and_chosen_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.drafts import distinct_ids

    monkeypatch.chdir(tmp_path)
    drafts = [
        Source(id="feed-3", text="x", path="a/feed.jsonl", role=Role.DRAFT),
        Source(id="feed-3", text="x", path="b/feed.jsonl", role=Role.DRAFT),
        Source(id="lead", text="x", path="c/story.md", role=Role.DRAFT),  # chosen in front matter
        Source(id="story", text="x", path=str(tmp_path.parent / "elsewhere" / "story.md"), role=Role.DRAFT),
    ]
    settled = distinct_ids(drafts, {"story": "refs/story.md"})
    assert [d.id for d in settled] == ["a/feed-3", "b/feed-3", "lead", (tmp_path.parent / "elsewhere" / "story").as_posix()]
    with pytest.raises(InputError, match='the draft\'s id "lead" is also a reference\'s'):
        distinct_ids(drafts, {"lead": "refs/lead.md"})


def test_with_front_matter_offsets_count_in_the_body_and_lines_in_the_file(tmp_path: Path) -> None:
    """What docs/ci.md ("Lines and columns") says of a draft's positions."""
    body = (DRAFTS / "ceasefire-typo.md").read_text(encoding="utf-8")
    raw = "---\ntitle: Talks resume\npublished: 2025-07-07\n---\n" + body
    path = tmp_path / "story.md"
    path.write_text(raw, encoding="utf-8")
    (finding,) = check([path], [CEASEFIRE]).discrepancies
    span = finding.claims[0].span
    assert body[span.start : span.end] == span.quote == "October 7, 2022"
    assert raw[span.start : span.end] != span.quote  # not an offset into the file
    assert (span.line, span.column) == (7 + 4, 41)
    assert raw.split("\n")[span.line - 1][span.column - 1 : span.end_column - 1] == span.quote
