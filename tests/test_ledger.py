"""Ledgers: established figures, validated strictly, lined up with the drafts' claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import InputError, Role, Source, check
from claimcheck.ledger import load_ledger
from claimcheck.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "ci" / "ceasefire.ledger.yaml"
CEASEFIRE = ROOT / "fixtures" / "ceasefire"


def test_the_example_ledger_loads_and_points_at_its_values() -> None:
    source, claims = load_ledger(EXAMPLE, Vocabulary.load())
    assert (source.id, source.role, str(source.published)) == ("ceasefire-ledger", Role.LEDGER, "2025-07-07")
    assert len(claims) == 7
    text = EXAMPLE.read_text(encoding="utf-8")
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.span.quote
        assert text.splitlines()[claim.span.line - 1].lstrip().startswith("value:")
    attack = claims[1]
    assert (attack.measure, attack.measure_class.value, attack.describe(), attack.event.kind if attack.event else None) == ("killed", "event_bound", "about 1,200", "attack")
    held = claims[-1]
    assert (held.measure, held.place, str(held.as_of), held.attribution.text if held.attribution else None) == (
        "hostages_held",
        "Gaza",
        "2025-07-07",
        "Israeli government count (reported 2025-07-07)",
    )


def test_the_example_ledger_agrees_with_the_seed_coverage() -> None:
    report = check([ROOT / "tests" / "drafts" / "ceasefire-clean.md"], [CEASEFIRE, EXAMPLE])
    assert report.discrepancies == []


def test_a_ledger_in_a_reference_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "desk.ledger.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    draft = Source(id="d", text="Hamas took 240 hostages in the attack on October 7, 2023.", path="d.md")
    report = check([draft], [tmp_path / "refs"])
    assert [(d.rule, d.claims[1].source_id) for d in report.discrepancies] == [("CC101", "ceasefire-ledger")]


FIGURE = "figures:\n  - measure: hostages_taken\n    event: {kind: attack, date: 2023-10-07}\n    value: \"251\"\n    citation: count\n"


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("titel: x\n" + FIGURE, 'unknown key "titel" in the ledger', 1),
        (FIGURE + "    sorce: x\n", 'unknown key "sorce" in figure 1', 6),
        (FIGURE.replace("hostages_taken", "hostages_tken"), 'unknown measure "hostages_tken"', 2),
        (FIGURE.replace("kind: attack", "kind: atack"), 'unknown event kind "atack"', 3),
        (FIGURE.replace("kind: attack,", "kind: attack, when: 1,"), 'unknown key "when"', 3),
        (FIGURE.replace('"251"', "lots"), "value 'lots' is not one figure", 4),
        (FIGURE.replace('"251"', "October 7, 2023"), "reads as a date; this measure takes a count", 4),
        (FIGURE.replace("    citation: count\n", ""), 'figure 1 has no "citation"', 2),
        (FIGURE.replace("date: 2023-10-07", "date: 2023-13"), "date must be a day", 3),
        ("figures:\n  - measure: hostages_held\n    value: \"50\"\n    citation: c\n", "a stock figure needs as_of", 2),
        ("figures:\n  - measure: killed\n    population: martians\n    value: \"5\"\n    as_of: 2025-01-01\n    citation: c\n", 'unknown population label "martians"', 3),
        (FIGURE + "  - measure: event_date\n    value: October 7, 2023\n    citation: c\n", "an event_date figure needs an event", 6),
        ("figures: []\n", "at least one figure", 1),
        ("figures: [\n", "malformed YAML", 2),
        ("", "empty ledger", 1),
    ],
)
def test_a_bad_ledger_is_one_error_naming_the_file_and_the_line(tmp_path: Path, content: str, problem: str, line: int | None) -> None:
    path = tmp_path / "desk.ledger.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_ledger(path, Vocabulary.load())
    assert problem in caught.value.problem
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_figure_ids_are_unique(tmp_path: Path) -> None:
    path = tmp_path / "desk.ledger.yaml"
    body = FIGURE.split("\n", 1)[1].replace("  - measure", "  - id: one\n    measure")
    path.write_text("figures:\n" + body + body, encoding="utf-8")
    with pytest.raises(InputError, match='figure id "one" used twice'):
        load_ledger(path, Vocabulary.load())
