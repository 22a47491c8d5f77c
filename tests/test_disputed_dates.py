"""An event dated a typo apart by its sources: which date it keeps."""

from __future__ import annotations

import datetime as dt

from claimcheck import Source
from claimcheck.compare import compare


def test_the_date_a_typo_from_each_of_the_others_survives() -> None:
    # October 7, 2023 is one typo from October 4, 2023 (a day) and one from October 7,
    # 2022 (a year); those two are two typos apart. The first source to date the war
    # gave 2022, which an order of first-come would have kept.
    texts = {
        "a": "The war in Dorvia began on October 7, 2022.",
        "b": "The war in Dorvia began on October 7, 2023.",
        "c": "The war in Dorvia began on October 4, 2023.",
    }
    sources = [Source(id=k, text=v, published=dt.date(2025, 7, 1)) for k, v in texts.items()]
    wars = [e for e in compare(sources).events if e.kind == "war"]
    assert [e.label for e in wars] == ["the war (Dorvia) that began October 7, 2023"]


def test_a_storm_re_dated_by_its_only_dated_source_leaves_the_tolls_alone() -> None:
    # Maria with only sun-0920 dating the landfall, and that date a year off: the
    # sources published before it still speak of the storm they name, and its tolls
    # (34, then 64, then 2,975; estimates of other bodies) still line up as before.
    from claimcheck import load_sources

    from .conftest import FIXTURES

    edits = {
        "caribe-1004": ("Maria came ashore on Sept. 20 as", "Maria came ashore as"),
        "standard-0810": ("Maria struck on Sept. 20, 2017, two weeks", "Maria struck two weeks"),
        "sun-0920": ("came ashore on Sept. 20, 2017", "came ashore on Sept. 20, 2018"),
    }
    sources = []
    for s in load_sources(FIXTURES / "maria"):
        if s.id in edits:
            old, new = edits[s.id]
            assert old in s.text
            s = s.model_copy(update={"text": s.text.replace(old, new)})
        sources.append(s)
    flagged = [(d.rule, [c.span.quote for c in d.claims if c.role == "subject"]) for d in compare(sources).discrepancies if d.severity.value != "info"]
    assert flagged == [("CC201", ["46"])]  # the case's planted mistake, and nothing else
