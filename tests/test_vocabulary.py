"""The vocabulary: the built-in data loads, users extend it, bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Source, Vocabulary, VocabularyError, extract
from claimcheck.vocabulary import default_vocabulary


def test_builtin_vocabulary_loads_every_data_file() -> None:
    vocabulary = default_vocabulary()
    assert {m.id for m in vocabulary.measures} >= {"killed", "injured", "hostages_taken", "hostages_held", "money", "missing"}
    assert {k.id for k in vocabulary.event_kinds} >= {"attack", "ceasefire", "war", "earthquake", "storm"}
    assert all(f.startswith("claimcheck/data/") for f in vocabulary.files)
    assert len(vocabulary.fingerprint) == 16


def test_user_file_adds_a_measure_and_extends_another(tmp_path: Path) -> None:
    extra = tmp_path / "newsroom.toml"
    extra.write_text(
        '[[measure]]\nid = "evacuated"\nlabel = "the number evacuated"\nclass = "stock"\nheads = ["people", "none"]\n'
        'predicates = ["evacuated", "were evacuated"]\n\n'
        '[[measure]]\nid = "killed"\nclass = "by_event"\nnouns = ["lives lost"]\n',
        encoding="utf-8",
    )
    vocabulary = Vocabulary.load([extra])
    assert vocabulary.measure("evacuated") is not None
    assert "lives lost" in vocabulary.measure("killed").nouns  # type: ignore[union-attr]
    assert "deaths" in vocabulary.measure("killed").nouns  # type: ignore[union-attr]
    assert vocabulary.fingerprint != default_vocabulary().fingerprint
    claims = extract(Source(id="s", text="About 4,000 residents were evacuated on Monday."), vocabulary=vocabulary)
    assert [c.measure for c in claims if c.kind.value == "count"] == ["evacuated"]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        # Named as the file writes it: the key, its [[measure]] entry counted from 1.
        ("[[measure]]\nid = 'x'\nclass = 'sometimes'\n", '"class" in [[measure]] number 1: Input should be', 3),
        ("[[measure]]\nid = 'x'\nclass = 'stock'\ncolour = 'red'\n", 'unknown key "colour" in [[measure]] number 1', 4),
        # A misspelt key is named, not the required key it leaves missing.
        ("[[measure]]\nid = 'x'\nclass = 'stock'\n\n[[measure]]\nidd = 'y'\nclass = 'stock'\n", 'unknown key "idd" in [[measure]] number 2 (did you mean id?)', 6),
        ("[qualifiers.tolerances]\nabuot = 3\n", 'unknown key "abuot" in [qualifiers.tolerances] (known keys: approximate_strict,', 2),
        ("[spelling]\nx = 1\n", 'unknown section "spelling"', 1),
        ("[[measure]\nid = 'x'", "malformed TOML: Expected ']]' at the end of an array declaration (column 10)", 1),
    ],
)
def test_bad_vocabulary_file_is_named(tmp_path: Path, content: str, message: str, line: int) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        Vocabulary.load([path])
    assert caught.value.path == str(path) and message in caught.value.problem, caught.value.problem
    assert caught.value.line == line


def test_missing_vocabulary_file(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="no such vocabulary file"):
        Vocabulary.load([tmp_path / "nope.toml"])
