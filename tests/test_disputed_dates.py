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
