"""load_sources: the formats it reads, the text it keeps, and every way input can be bad."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from claimcheck import InputError, Role, load_sources
from claimcheck.text import LineIndex

from .conftest import FIXTURES

# sha256 of the five seed articles as received (../shared/seeds/*.txt): the
# fixture bodies must stay byte for byte what they were.
SEED_SHA256 = {
    "000": "cee3032483b63e8fbd118082403bff0496a49da3e5ddd84e1d7c2939c451fc17",
    "001": "3e281432e741850b9693fc2ba88145f64202abf495293ed802bb096e0dff1df4",
    "002": "385afd679981228610bd31b5f870ad4a7e5eb26c68aabf17ee3a2cae9337e05f",
    "003": "e9a5bfc39c8ebd67828b951b000d2104968ce0c30b76e4de356c0b98cf4bfa9e",
    "004": "f6e83360bed16565c63eec34ae1359f15ba21ee7a335e4c313acc835c1597e3c",
}

SEED_DATES = {"000": "2025-07-02", "001": "2024-12-17", "002": "2024-10-24", "003": "2025-07-07", "004": "2025-03-06"}


def test_seed_bodies_are_byte_for_byte() -> None:
    sources = load_sources(FIXTURES / "ceasefire")
    assert [s.id for s in sources] == sorted(SEED_SHA256)
    for source in sources:
        assert hashlib.sha256(source.text.encode("utf-8")).hexdigest() == SEED_SHA256[source.id]


def test_seed_metadata_from_front_matter() -> None:
    sources = {s.id: s for s in load_sources(FIXTURES / "ceasefire")}
    for sid, date in SEED_DATES.items():
        assert sources[sid].published == dt.date.fromisoformat(date)
        assert sources[sid].role is Role.REFERENCE
    assert sources["000"].outlet == "The New York Times"
    assert sources["004"].outlet == "The Times of Israel"


def test_line_numbers_point_into_the_raw_file() -> None:
    source = next(s for s in load_sources(FIXTURES / "ceasefire") if s.id == "004")
    raw = Path(source.path).read_text(encoding="utf-8")  # type: ignore[arg-type]
    offset = source.text.index("Progress was reported")
    line, column = LineIndex(source.text, source.line_offset).position(offset)
    assert raw.splitlines()[line - 1][column - 1 :].startswith("Progress was reported")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def test_text_file_keeps_every_byte(tmp_path: Path) -> None:
    text = "\r\n  Windows line\r\nand trailing spaces   \n\n"
    write(tmp_path / "a.txt", text)
    [source] = load_sources(tmp_path / "a.txt")
    assert source.id == "a" and source.text == text and source.published is None


def test_markdown_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "story.md", '---\nid: "s1"\ntitle: A story\npublished: 2024-01-31\nrole: draft\ntags: [a, b]\n---\nBody here.\n')
    [source] = load_sources(tmp_path)
    assert (source.id, source.title, source.published, source.role) == ("s1", "A story", dt.date(2024, 1, 31), Role.DRAFT)
    assert source.text == "Body here.\n" and source.line_offset == 7  # seven lines of front matter
    assert source.meta == {"tags": ["a", "b"]}


def test_markdown_without_front_matter_is_all_text(tmp_path: Path) -> None:
    write(tmp_path / "plain.md", "# Heading\n\n---\nnot front matter\n")
    [source] = load_sources(tmp_path)
    assert source.text.startswith("# Heading") and source.line_offset == 0


def test_json_and_jsonl(tmp_path: Path) -> None:
    write(tmp_path / "one.json", json.dumps({"text": "Ten people.", "published": "2024-02-01T10:00:00Z", "outlet": "X"}))
    write(tmp_path / "many.jsonl", '{"id": "m1", "text": "a"}\n\n{"text": "b"}\n')
    sources = load_sources(tmp_path)
    assert [s.id for s in sources] == ["m1", "many-3", "one"]
    assert sources[2].published == dt.date(2024, 2, 1)


def test_folders_are_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.txt", "two")
    write(tmp_path / "a.txt", "one")
    write(tmp_path / "b" / "1.md", "three")
    write(tmp_path / "notes.yaml", "not: a source")
    write(tmp_path / ".hidden" / "x.txt", "hidden")
    write(tmp_path / "refs.claims.json", "{}")
    assert [s.id for s in load_sources(tmp_path)] == ["a", "1", "2"]


def test_role_can_be_forced(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "x")
    assert load_sources(tmp_path, role="draft")[0].role is Role.DRAFT


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("bad.txt", b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)", 1),
        ("bin.txt", b"PK\x03\x04\x00\x00", "binary file, not text (NUL byte at offset 4)", None),
        ("fm.md", "---\ntitle: [unclosed\n---\nbody", "malformed front matter", 3),
        ("open.md", "---\ntitle: x\nbody", "never ends", 1),
        ("list.md", "---\n- a\n- b\n---\nbody", "expected key: value lines", 2),
        ("date.md", "---\npublished: last tuesday\n---\nbody", "published must be a date like 2025-07-02", 2),
        ("day.md", "---\npublished: 2024-02-30\n---\nbody", "got '2024-02-30' (day is out of range for month)", 2),
        ("month.md", "---\ntitle: x\npublished: 2024-13-01\n---\nbody", "got '2024-13-01' (month must be in 1..12)", 3),
        ("day.json", '{"text": "a", "published": "2023-02-29"}', "got '2023-02-29' (day is out of range for month)", None),
        ("id.md", "---\nid: 7\n---\nbody", 'id must be text; write it in quotes (id: "7")', 1),
        ("role.md", "---\nrole: editor\n---\nbody", 'unknown role "editor"', 1),
        ("broken.json", '{"text": "a",', "malformed JSON", 1),
        ("notext.json", '{"title": "a"}', 'missing required field "text"', None),
        ("array.json", "[1, 2]", "expected a JSON object with a text field", None),
        ("lines.jsonl", '{"text": "a"}\n{oops}\n', "malformed JSON", 2),
        ("empty.jsonl", "\n\n", "no sources in this file", None),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, content: str | bytes, message: str, line: int | None) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        load_sources(path)
    error = caught.value
    assert message in error.problem
    assert error.path == str(path) and error.line == line
    assert "\n" not in str(error) and str(error).startswith(str(path))


def test_missing_path_empty_folder_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        load_sources(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no sources found here"):
        load_sources(tmp_path / "empty")
    write(tmp_path / "dup" / "a.txt", "one")
    write(tmp_path / "dup" / "sub" / "a.md", "two")
    with pytest.raises(InputError, match='duplicate source id "a"'):
        load_sources(tmp_path / "dup")
    write(tmp_path / "x.csv", "a,b")
    with pytest.raises(InputError, match="not a source file"):
        load_sources(tmp_path / "x.csv")
    with pytest.raises(InputError, match="no source paths given"):
        load_sources([])


def test_impossible_front_matter_date_exits_2_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """YAML builds an unquoted date itself; one not on the calendar is still an input error."""
    from claimcheck.cli import main

    path = write(tmp_path / "d.md", "---\npublished: 2024-02-30\n---\nTen people died.\n")
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"claimcheck: {path}:2: published must be a date like 2025-07-02, got '2024-02-30' (day is out of range for month)"


def test_other_front_matter_dates_are_kept(tmp_path: Path) -> None:
    """Only the timestamps YAML cannot build stay text; valid ones still become dates."""
    path = write(tmp_path / "m.md", "---\npublished: 2024-02-01\nupdated: 2024-02-03\nembargo: 2024-02-31\n---\nbody")
    source = load_sources(path)[0]
    assert source.published == dt.date(2024, 2, 1)
    assert source.meta == {"updated": "2024-02-03", "embargo": "2024-02-31"}
