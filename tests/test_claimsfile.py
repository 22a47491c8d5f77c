"""Claims files: saved claims that a check reads instead of the articles, and refuses when stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import InputError, check, extract, load_sources
from claimcheck.claimsfile import dump_claims_file, load_claims_file
from claimcheck.references import load_references
from claimcheck.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
LEDGER = ROOT / "docs" / "ci" / "ceasefire.ledger.yaml"
DRAFTS = ROOT / "tests" / "drafts"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    vocabulary = Vocabulary.load()
    sources, claims = load_references([CEASEFIRE, LEDGER], vocabulary).everything()
    path = tmp_path_factory.mktemp("claims") / "refs.claims.json"
    path.write_text(dump_claims_file(sources, claims, vocabulary), encoding="utf-8")
    return path


def test_the_file_records_versions_sources_and_every_claim(saved: Path) -> None:
    vocabulary = Vocabulary.load()
    opened = load_claims_file(saved, vocabulary)
    header = opened.header
    assert (header["format"], header["format_version"], header["vocabulary"]) == ("claimcheck-claims", 1, vocabulary.fingerprint)
    assert [s["id"] for s in header["sources"]] == ["000", "001", "002", "003", "004", "ceasefire-ledger"]
    assert header["sources"][1]["published"] == "2024-12-17" and "text" not in header["sources"][1]
    expected = [c for s in load_sources(CEASEFIRE) for c in extract(s, vocabulary=vocabulary)]
    loaded = opened.claims()
    assert sorted(c.id for c in loaded) == sorted([c.id for c in expected] + [f"ceasefire-ledger:{c.span.start}-{c.span.end}" for c in loaded if c.source_id == "ceasefire-ledger"])
    by_id = {c.id: c for c in loaded}
    assert all(by_id[c.id] == c for c in expected)
    assert json.loads(saved.read_text(encoding="utf-8"))[0] == header  # the whole file is JSON too


def test_a_check_against_the_file_finds_what_a_check_against_the_texts_finds(saved: Path) -> None:
    for draft in ("ceasefire-typo.md", "ceasefire-clean.md", "ceasefire-stale.md"):
        from_texts = check([DRAFTS / draft], [CEASEFIRE, LEDGER])
        from_file = check([DRAFTS / draft], [saved])
        assert [(d.rule, d.message, d.fingerprint) for d in from_file.discrepancies] == [(d.rule, d.message, d.fingerprint) for d in from_texts.discrepancies]


def test_only_the_blocks_a_draft_needs_are_read(saved: Path) -> None:
    opened = load_claims_file(saved, Vocabulary.load())
    assert "unlinked" in opened.block_keys
    needed = opened.claims(["event:attack"])
    assert needed and all(c.event is not None and c.event.kind == "attack" for c in needed)
    assert len(needed) < len(opened.claims())


def test_a_pretty_printed_file_is_still_read(saved: Path, tmp_path: Path) -> None:
    pretty = tmp_path / "pretty.claims.json"
    pretty.write_text(json.dumps(json.loads(saved.read_text(encoding="utf-8")), indent=2), encoding="utf-8")
    vocabulary = Vocabulary.load()
    assert load_claims_file(pretty, vocabulary).claims() == load_claims_file(saved, vocabulary).claims()


def _edit_header(saved: Path, tmp_path: Path, **changes: object) -> Path:
    lines = saved.read_text(encoding="utf-8").split("\n")
    header = json.loads(lines[1].removesuffix(","))
    header.update(changes)
    lines[1] = json.dumps(header) + ","
    path = tmp_path / "edited.claims.json"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_file_from_another_version_or_vocabulary_is_refused(saved: Path, tmp_path: Path) -> None:
    vocabulary = Vocabulary.load()
    with pytest.raises(InputError, match="made by claimcheck 0.0.1, this is claimcheck .*; make it again with `claimcheck extract"):
        load_claims_file(_edit_header(saved, tmp_path, claimcheck_version="0.0.1"), vocabulary)
    with pytest.raises(InputError, match="made with another vocabulary"):
        load_claims_file(_edit_header(saved, tmp_path, vocabulary="0123456789abcdef"), vocabulary)
    with pytest.raises(InputError, match="format 2"):
        load_claims_file(_edit_header(saved, tmp_path, format_version=2), vocabulary)


def test_a_damaged_file_is_refused(saved: Path, tmp_path: Path) -> None:
    vocabulary = Vocabulary.load()
    shifted = _edit_header(saved, tmp_path, blocks=[{**b, "offset": b["offset"] + 1} for b in json.loads(saved.read_text(encoding="utf-8").split("\n")[1].removesuffix(","))["blocks"]])
    with pytest.raises(InputError, match="damaged claims file"):
        load_claims_file(shifted, vocabulary).claims()
    bad = tmp_path / "bad.claims.json"
    bad.write_text('{"not": "a claims file"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a claims file"):
        load_claims_file(bad, vocabulary)
    bad.write_text("[\n{", encoding="utf-8")
    with pytest.raises(InputError, match="malformed JSON"):
        load_claims_file(bad, vocabulary)


def test_the_texts_and_their_claims_file_together_are_duplicates(saved: Path) -> None:
    with pytest.raises(InputError, match='duplicate reference id "000"'):
        check([DRAFTS / "ceasefire-typo.md"], [CEASEFIRE, saved])


def test_claims_are_saved_without_their_defaults_and_read_back_the_same(tmp_path: Path) -> None:
    """Every fixture's claims, and the ledger's, through a claims file: equal, in a fifth fewer bytes at least."""
    vocabulary = Vocabulary.load()
    folders = sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir())
    sources, claims = load_references([*folders, LEDGER], vocabulary).everything()
    path = tmp_path / "all.claims.json"
    path.write_text(dump_claims_file(sources, claims, vocabulary), encoding="utf-8")
    loaded = load_claims_file(path, vocabulary).claims()
    assert len(claims) > 300 and len({c.id for c in claims}) == len(claims)
    assert sorted(loaded, key=lambda c: c.id) == sorted(claims, key=lambda c: c.id)  # saved in blocks, so in another order
    body = path.read_text(encoding="utf-8").split("\n", 2)[2]
    assert '"superseded":false' not in body and '"parts":[]' not in body  # defaults left out
    assert body.count('"type":') >= len(claims)  # every value keeps its tag
    full = sum(len(c.model_dump_json()) for c in claims)
    assert len(body.encode("utf-8")) < 0.8 * full
