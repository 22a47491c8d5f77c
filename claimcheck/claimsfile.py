"""Claims files: the extracted claims of a reference corpus, saved to check drafts against.

`claimcheck extract REFS -f json -o refs.claims.json` writes one;
`claimcheck check DRAFT --against refs.claims.json` reads it instead of
reading every reference again. docs/ci.md documents the format; in short, a
claims file is a JSON array whose first element is a header and whose other
elements are blocks of claims::

    [
    {"format": "claimcheck-claims", "format_version": 1, "claimcheck_version": "0.1.0",
     "vocabulary": "<fingerprint>", "vocabulary_files": [...], "claims": 1234,
     "sources": [{"id": ..., "path": ..., "published": ..., "role": ..., "claims": 14, ...}],
     "blocks": [{"key": "event:attack", "claims": 210, "offset": 0, "length": 181234}, ...]},
    {"key": "event:attack", "claims": [<Claim>, ...]},
    ...
    ]

A source is recorded by its metadata only (its text is not kept: the claims
keep their quotes and sentences). A claim is a `Claim` as `Claim.model_dump`
writes it, less the fields that hold their default values (the ``type`` tag of
a value is always written). Claims are blocked by what lines them up: ``event:<kind>[+<kind>…]``
for claims tied to an event (with the kinds the event is said to start),
``measure:<measure>`` for claims tied to none, ``unlinked`` for figures
claimcheck does not line up. A draft needs only the blocks of the event
kinds and measures it speaks of, so `load_claims_file` reads just those:
each block stands on one line, and `offset`/`length` give its bytes counted
from the start of the third line. A file rewritten by another tool (say,
pretty-printed) is still read, whole.

The file records the claimcheck version and the vocabulary fingerprint it
was made with; a file made by another version or with another vocabulary is
refused (`InputError`), because its claims would not be the ones this
claimcheck reads.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ._version import __version__
from .errors import InputError
from .model import Claim, Source, TemporalClass
from .vocabulary import Vocabulary

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "ClaimsFile",
    "block_key",
    "dump_claims_file",
    "is_claims_file",
    "load_claims_file",
    "needed_blocks",
]

FORMAT = "claimcheck-claims"
FORMAT_VERSION = 1
UNLINKED = "unlinked"

_CLAIMS = TypeAdapter(list[Claim])
_SOURCE_FIELDS = ("id", "title", "outlet", "url", "published", "role", "path", "line_offset", "meta")
_HEADER_KEYS = {"format", "format_version", "claimcheck_version", "vocabulary", "vocabulary_files", "claims", "sources", "blocks"}


def is_claims_file(path: str | Path) -> bool:
    """Whether a path names a claims file (by its name: ``*.claims.json``)."""
    return str(path).lower().endswith(".claims.json")


def block_key(claim: Claim, wholes: dict[str, Claim] | None = None) -> str:
    """The block a claim is saved in (see the module docstring).

    A part goes with its whole, so that a draft that needs one gets both.
    """
    if wholes and claim.part_of is not None and claim.part_of in wholes:
        claim = wholes[claim.part_of]
    if claim.measure_class is TemporalClass.UNKNOWN:
        return UNLINKED
    if claim.event is not None:
        kinds = [claim.event.kind, *sorted(set(claim.event.outbreak_of) - {claim.event.kind})]
        return "event:" + "+".join(kinds)
    return "measure:" + ("elapsed" if claim.elapsed else claim.measure)


def needed_blocks(keys: Iterable[str], kinds: Collection[str], measures: Collection[str]) -> list[str]:
    """The block keys a draft needs: those of its event kinds and of its measures tied to no event.

    >>> needed_blocks(["event:attack", "event:war", "event:attack+war", "measure:killed", "unlinked"], {"war"}, {"killed"})
    ['event:war', 'event:attack+war', 'measure:killed']
    """
    chosen = []
    for key in keys:
        family, _, rest = key.partition(":")
        if family == "event" and not set(rest.split("+")).isdisjoint(kinds):
            chosen.append(key)
        elif family == "measure" and rest in measures:
            chosen.append(key)
    return chosen


def dump_claims_file(sources: list[Source], claims: list[Claim], vocabulary: Vocabulary) -> str:
    """The claims file for `sources` and their `claims`, as text."""
    wholes = {c.id: c for c in claims if c.parts}
    blocks: dict[str, list[Claim]] = {}
    for claim in claims:
        blocks.setdefault(block_key(claim, wholes), []).append(claim)
    lines: list[bytes] = []
    index: list[dict[str, Any]] = []
    offset = 0
    for key in sorted(blocks):
        members = blocks[key]
        body = b'{"key": ' + json.dumps(key).encode() + b', "claims": ' + _lean_json(members) + b"}"
        index.append({"key": key, "claims": len(members), "offset": offset, "length": len(body)})
        lines.append(body)
        offset += len(body) + 2  # the ",\n" after every block but the last
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.source_id] = counts.get(claim.source_id, 0) + 1
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "claimcheck_version": __version__,
        "vocabulary": vocabulary.fingerprint,
        "vocabulary_files": list(vocabulary.files),
        "claims": len(claims),
        "sources": [{**s.model_dump(mode="json", include=set(_SOURCE_FIELDS)), "claims": counts.get(s.id, 0)} for s in sources],
        "blocks": index,
    }
    head = json.dumps(header, ensure_ascii=False).encode()
    body = b",\n".join(lines)
    return (b"[\n" + head + (b",\n" + body if body else b"") + b"\n]\n").decode("utf-8")


def _lean_json(claims: list[Claim]) -> bytes:
    """Claims as JSON without the fields that hold their defaults, on one line.

    Reading them back gives the same claims (the defaults fill in): a third
    fewer bytes to read and validate on every check. The ``type`` tags that
    tell a value's kind (a union) are kept, defaults or not.
    """
    data = [_tagged(c, d) for c, d in zip(claims, _CLAIMS.dump_python(claims, mode="json", exclude_defaults=True), strict=True)]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _tagged(model: BaseModel, data: dict[str, Any]) -> dict[str, Any]:
    """`data` (`model` dumped without defaults) with every ``type`` tag put back, at any depth."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "type":
            data["type"] = value
        elif name not in data:
            continue
        elif isinstance(value, BaseModel):
            _tagged(value, data[name])
        elif isinstance(value, (list, tuple)):
            for item, dumped in zip(value, data[name], strict=True):
                if isinstance(item, BaseModel):
                    _tagged(item, dumped)
    return data


@dataclass
class ClaimsFile:
    """A claims file opened for reading: its header now, its sources and blocks on request."""

    path: Path
    header: dict[str, Any]
    _base: int | None
    _document: list[Any] | None

    @property
    def block_keys(self) -> list[str]:
        """The keys of the file's blocks."""
        return [b["key"] for b in self.header["blocks"]]

    @property
    def source_ids(self) -> list[str]:
        """The ids of every source the file records."""
        return [s["id"] for s in self.header["sources"]]

    def sources(self, ids: Collection[str] | None = None) -> list[Source]:
        """The sources with these ids (all when `None`), as `Source` objects with empty text."""
        return [_source(s, self.path) for s in self.header["sources"] if ids is None or s.get("id") in ids]

    def published(self, leave_out: Collection[str] = ()) -> list[dt.date]:
        """The published dates of the sources that give one (but those whose ids are in `leave_out`)."""
        dates = []
        for s in self.header["sources"]:
            if s.get("id") in leave_out:
                continue
            value = s.get("published")
            if value:
                try:
                    dates.append(dt.date.fromisoformat(value))
                except (TypeError, ValueError):
                    raise InputError(f"damaged claims file: source {s.get('id')!r} has published {value!r}", path=self.path) from None
        return dates

    def claims(self, keys: Iterable[str] | None = None) -> list[Claim]:
        """The claims of the blocks named by `keys` (all blocks when `None`)."""
        wanted = set(self.block_keys if keys is None else keys)
        result: list[Claim] = []
        if self._document is not None:
            for block in self._document[1:]:
                if isinstance(block, dict) and block.get("key") in wanted:
                    result.extend(self._validate(json.dumps(block.get("claims", [])).encode(), block.get("key")))
            return result
        assert self._base is not None
        with self.path.open("rb") as handle:
            for entry in self.header["blocks"]:
                if entry["key"] not in wanted:
                    continue
                handle.seek(self._base + entry["offset"])
                raw = handle.read(entry["length"])
                prefix = b'{"key": ' + json.dumps(entry["key"]).encode() + b', "claims": '
                if not raw.startswith(prefix) or not raw.endswith(b"}"):
                    raise InputError(f'damaged claims file: block "{entry["key"]}" is not where the index says; make it again', path=self.path)
                result.extend(self._validate(raw[len(prefix) : -1], entry["key"]))
        return result

    def _validate(self, data: bytes, key: object) -> list[Claim]:
        try:
            return _CLAIMS.validate_json(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f'damaged claims file: block "{key}", claim {where}: {first["msg"]}', path=self.path) from None


def load_claims_file(path: str | Path, vocabulary: Vocabulary) -> ClaimsFile:
    """Open a claims file and check that it was made by this claimcheck with this vocabulary.

    Raises `InputError` for a missing or malformed file, and for one made by
    another claimcheck version or with another vocabulary.
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the claims file: {exc.strerror}", path=path) from None
    with handle:
        document: list[Any] | None = None
        base: int | None = None
        header: Any = None
        if handle.readline().strip() == b"[":
            # The layout dump_claims_file writes: the header alone on the second line.
            try:
                header = json.loads(handle.readline().rstrip(b"\r\n").removesuffix(b","))
                base = handle.tell()
            except (json.JSONDecodeError, UnicodeDecodeError):
                header = None
        if not isinstance(header, dict):
            handle.seek(0)
            document = _parse(handle.read(), path)
            base = None
            if not isinstance(document, list) or not document:
                raise InputError("not a claims file: expected a JSON array whose first element is its header", path=path)
            header = document[0]
    _check_header(header, path, vocabulary)
    if not isinstance(header["sources"], list) or not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in header["sources"]):
        raise InputError("damaged claims file: its sources are not a list of objects with an id", path=path)
    fields = ("key", "offset", "length") if base is not None else ("key",)
    kinds = {"key": str, "offset": int, "length": int}
    if not isinstance(header["blocks"], list) or not all(
        isinstance(b, dict) and all(isinstance(b.get(f), kinds[f]) for f in fields) for b in header["blocks"]
    ):
        raise InputError("damaged claims file: its block index is not a list of {key, offset, length}", path=path)
    return ClaimsFile(path=path, header=header, _base=base, _document=document)


def _parse(data: bytes, path: Path) -> Any:
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise InputError("not a claims file: not UTF-8 text", path=path) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not a claims file: malformed JSON ({exc.msg})", path=path) from None


def _check_header(header: Any, path: Path, vocabulary: Vocabulary) -> None:
    remake = f"make it again with `claimcheck extract REFERENCES -f json -o {path.name}`"
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise InputError(f'not a claims file: its header does not say "format": "{FORMAT}"', path=path)
    if header.get("format_version") != FORMAT_VERSION:
        raise InputError(f"claims file format {header.get('format_version')!r}, this claimcheck reads format {FORMAT_VERSION}; {remake}", path=path)
    missing = sorted(_HEADER_KEYS - set(header))
    if missing:
        raise InputError(f'damaged claims file: its header has no "{missing[0]}"', path=path)
    if header["claimcheck_version"] != __version__:
        raise InputError(f"claims file made by claimcheck {header['claimcheck_version']}, this is claimcheck {__version__}; {remake}", path=path)
    if header["vocabulary"] != vocabulary.fingerprint:
        made, now = _extra_files(header["vocabulary_files"]), _extra_files(vocabulary.files)
        files = f"; extra vocabulary files then: {made}, now: {now}" if made != now else ""
        raise InputError(
            f"claims file made with another vocabulary (fingerprint {header['vocabulary']}, now {vocabulary.fingerprint}{files}); "
            f"{remake} with the configuration or --vocabulary files this check uses",
            path=path,
        )


def _extra_files(files: Any) -> str:
    """The vocabulary files beyond the built-in ones, for a message ("none" when there are none)."""
    extra = [str(f) for f in files if not str(f).startswith("claimcheck/data/")] if isinstance(files, list | tuple) else []
    return ", ".join(extra) or "none"


def _source(data: Any, path: Path) -> Source:
    if not isinstance(data, dict):
        raise InputError("damaged claims file: a source is not a JSON object", path=path)
    fields = {k: v for k, v in data.items() if k != "claims"}
    try:
        return Source.model_validate({**fields, "text": ""})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"damaged claims file: source {data.get('id')!r}: {'.'.join(map(str, first['loc']))}: {first['msg']}", path=path) from None

