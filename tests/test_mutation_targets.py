"""Which figures the mutation benchmark changes: event-bound facts that two or more sources give."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.mutations import targets
from claimcheck import load_sources

from .conftest import FIXTURES


def _case(tmp_path: Path, texts: dict[str, str], figures: list[dict]) -> Path:  # type: ignore[type-arg]
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(f"---\nid: {name}\npublished: 2011-06-01\n---\n{text}\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"figures": figures}), encoding="utf-8")
    return tmp_path


def _date(source: str, quote: str, event: str, fact: str | None = None) -> dict:  # type: ignore[type-arg]
    item = {"source": source, "quote": quote, "kind": "date", "measure": "event_date", "class": "event_bound", "event": event, "population": None}
    if fact:
        item["fact"] = fact
    return item


def test_one_fact_in_two_sources_is_a_target_and_two_facts_of_one_event_are_not(tmp_path: Path) -> None:
    case = _case(
        tmp_path,
        {
            "a": "The quake struck on 12 January 2010. A survey of it, published in May 2011, covered March 2010.",
            "b": "The quake of 12 January 2010 was studied in a survey published in May 2011.",
        },
        [
            _date("a", "12 January 2010", "quake"),
            _date("b", "12 January 2010", "quake"),
            _date("a", "May 2011", "survey", "published"),
            _date("b", "May 2011", "survey", "published"),
            # The survey's window: a date of the survey that only one source gives.
            _date("a", "March 2010", "survey", "window-end"),
        ],
    )
    found = {(t.source, t.quote) for t in targets(case, load_sources(case))}
    assert found == {("a", "12 January 2010"), ("b", "12 January 2010"), ("a", "May 2011"), ("b", "May 2011")}


def test_counts_of_different_days_are_not_one_figure() -> None:
    # "Four bodies were recovered ... on Sunday", "eight more victims ... on Tuesday",
    # "15 more people ... on Friday": each day's count stands in one source only.
    case = FIXTURES / "surfside"
    quotes = {t.quote for t in targets(case, load_sources(case))}
    assert not quotes & {"Four", "eight", "15"}
    assert {"June 24", "July 4"} <= quotes
