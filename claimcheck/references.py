"""Reference coverage for a check: articles, ledgers and claims files, read as a draft needs them.

`load_references` takes what ``--against`` names:

* folders: every article in them (.txt, .md, .json, .jsonl, as
  `load_sources` reads them) and every ledger (``*.ledger.yaml``);
* article files, ledgers, and claims files (``*.claims.json``, written by
  ``claimcheck extract -f json``); a claims file is read only when named
  (never found in a folder, where it would repeat the articles it was made
  from);
* `Source` objects (a source with role ``ledger`` is read as a ledger).

Every reference plays the role ``reference`` in the check, except ledgers,
which keep the role ``ledger``. `References.claims_for` gives the claims a
set of drafts needs (see `claimcheck.claimsfile.needed_blocks`): claims that
could line up with a draft's, and those that shape the events a draft's
claims are tied to; the rest could not change what the check reports about
the drafts, so they are left unread (claims files) or unaligned (articles).
`References.leave_out` drops the references read from given files: drafts
that lie among the references are not checked against themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
import os
from dataclasses import dataclass, field
from pathlib import Path

from .claimsfile import ClaimsFile, block_key, is_claims_file, load_claims_file, needed_blocks
from .errors import InputError
from .extract import extract
from .ledger import is_ledger, load_ledger, read_ledger_text
from .model import Claim, Role, Source, TemporalClass
from .sources import SOURCE_SUFFIXES, load_sources
from .vocabulary import Vocabulary

__all__ = ["References", "load_references", "needs_of"]


@dataclass
class References:
    """The reference coverage of a check: sources read in full, and claims files opened lazily."""

    sources: list[Source] = field(default_factory=list)
    ledger_claims: list[Claim] = field(default_factory=list)
    claims_files: list[ClaimsFile] = field(default_factory=list)
    vocabulary: Vocabulary | None = None
    #: Ids of claims files' sources left out (`leave_out`).
    left_out: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        """How many references there are, claims files' sources included."""
        return len(self.sources) + sum(len(self._kept_ids(f)) for f in self.claims_files)

    def ids(self) -> dict[str, str]:
        """Every reference id, with where it comes from (for duplicate checks)."""
        seen: dict[str, str] = {}
        for s in self.sources:
            seen[s.id] = s.path or s.id
        for f in self.claims_files:
            for source_id in self._kept_ids(f):
                seen.setdefault(source_id, str(f.path))
        return seen

    def leave_out(self, paths: Iterable[str]) -> None:
        """Drop the references read from these files: drafts under check that lie among the references.

        A claims file's sources are matched by the path it recorded for them,
        taken from the working directory. Ledgers are never dropped.
        """
        targets = {_absolute(p) for p in paths}
        if not targets:
            return
        # File names first: most references cannot be a draft, and a path made absolute costs more.
        names = {os.path.basename(p) for p in targets}

        def is_draft(path: str | None, role: object) -> bool:
            if not path or role in (Role.LEDGER, Role.LEDGER.value):
                return False
            return os.path.normcase(os.path.basename(path)) in names and _absolute(path) in targets

        self.sources = [s for s in self.sources if not is_draft(s.path, s.role)]
        for f in self.claims_files:
            self.left_out.update(s["id"] for s in f.header["sources"] if is_draft(s.get("path"), s.get("role")))

    def newest_date(self) -> dt.date | None:
        """The latest published date among the references (the default as-of date of a draft)."""
        dates = [s.published for s in self.sources if s.published] + [d for f in self.claims_files for d in f.published(self.left_out)]
        return max(dates) if dates else None

    def _kept_ids(self, f: ClaimsFile) -> list[str]:
        return [i for i in f.source_ids if i not in self.left_out] if self.left_out else f.source_ids

    def claims_for(self, kinds: set[str], measures: set[str]) -> tuple[list[Source], list[Claim]]:
        """The sources and claims drafts with these event kinds and measures need."""
        assert self.vocabulary is not None
        claims: list[Claim] = []
        articles = [s for s in self.sources if s.role is not Role.LEDGER]
        for source in articles:
            extracted = extract(source, vocabulary=self.vocabulary)
            claims.extend(_needed(extracted, kinds, measures))
        claims.extend(_needed(self.ledger_claims, kinds, measures))
        sources = list(self.sources)
        for f in self.claims_files:
            found = f.claims(needed_blocks(f.block_keys, kinds, measures))
            if self.left_out:
                found = [c for c in found if c.source_id not in self.left_out]
            ids = {c.source_id for c in found}
            sources.extend(_as_reference(s) for s in f.sources(ids))
            claims.extend(found)
        return sources, claims


    def everything(self) -> tuple[list[Source], list[Claim]]:
        """Every source and every claim (for `claimcheck extract`)."""
        assert self.vocabulary is not None
        claims = [c for s in self.sources if s.role is not Role.LEDGER for c in extract(s, vocabulary=self.vocabulary)]
        claims.extend(self.ledger_claims)
        sources = list(self.sources)
        for f in self.claims_files:
            sources.extend(_as_reference(s) for s in f.sources())
            claims.extend(f.claims())
        return sources, claims


def needs_of(claims: Iterable[Claim]) -> tuple[set[str], set[str]]:
    """The event kinds and the (event-less) measures a set of draft claims lines up by."""
    kinds: set[str] = set()
    measures: set[str] = set()
    for c in claims:
        if c.measure_class is TemporalClass.UNKNOWN:
            continue
        if c.event is not None:
            kinds.add(c.event.kind)
            kinds.update(c.event.outbreak_of)
        else:
            measures.add("elapsed" if c.elapsed else c.measure)
    return kinds, measures


def _needed(claims: list[Claim], kinds: set[str], measures: set[str]) -> list[Claim]:
    wholes = {c.id: c for c in claims if c.parts}
    keys = {block_key(c, wholes) for c in claims}
    chosen = set(needed_blocks(sorted(keys), kinds, measures))
    return [c for c in claims if block_key(c, wholes) in chosen]


def load_references(items: Iterable[Source | str | Path], vocabulary: Vocabulary) -> References:
    """Read the references `items` names (see the module docstring)."""
    refs = References(vocabulary=vocabulary)
    any_item = False
    for item in items:
        any_item = True
        if isinstance(item, Source):
            _add_source(refs, item, vocabulary)
            continue
        path = Path(item)
        if is_claims_file(path):
            refs.claims_files.append(load_claims_file(path, vocabulary))
        elif is_ledger(path):
            _add_ledger(refs, *load_ledger(path, vocabulary))
        elif path.is_dir():
            _add_folder(refs, path, vocabulary)
        elif path.exists() or path.name.endswith(SOURCE_SUFFIXES):
            for source in load_sources(path):
                _add_source(refs, source, vocabulary)
        else:
            raise InputError("no such file or directory", path=path)
    if not any_item:
        raise InputError("no references to check against: give --against PATH (or references in the configuration)")
    _check_duplicates(refs)
    return refs


def _add_folder(refs: References, folder: Path, vocabulary: Vocabulary) -> None:
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and not _hidden(p.relative_to(folder))]
    ledgers = [p for p in files if is_ledger(p)]
    if any(p.name.endswith(SOURCE_SUFFIXES) and not is_claims_file(p) for p in files):
        for source in load_sources(folder):
            _add_source(refs, source, vocabulary)
    elif not ledgers:
        raise InputError("nothing to read here: no articles (.txt, .md, .json, .jsonl) and no ledgers (*.ledger.yaml)", path=folder)
    for ledger in ledgers:
        _add_ledger(refs, *load_ledger(ledger, vocabulary))


def _absolute(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "_")) for part in relative.parts)


def _add_source(refs: References, source: Source, vocabulary: Vocabulary) -> None:
    if source.role is Role.LEDGER:
        _add_ledger(refs, *read_ledger_text(source.text, source.path or source.id, vocabulary))
        return
    refs.sources.append(_as_reference(source))


def _add_ledger(refs: References, source: Source, claims: list[Claim]) -> None:
    refs.sources.append(source)
    refs.ledger_claims.extend(claims)


def _as_reference(source: Source) -> Source:
    """A source as a reference: its role is reference, unless it is a ledger."""
    if source.role in (Role.REFERENCE, Role.LEDGER):
        return source
    return source.model_copy(update={"role": Role.REFERENCE})


def _check_duplicates(refs: References) -> None:
    seen: dict[str, str] = {}
    for s in refs.sources:
        where = s.path or s.id
        if s.id in seen:
            raise InputError(f'duplicate reference id "{s.id}" (also in {seen[s.id]})', path=where)
        seen[s.id] = where
    for f in refs.claims_files:
        for source_id in f.source_ids:
            if source_id in seen:
                raise InputError(f'duplicate reference id "{source_id}" (also in {seen[source_id]})', path=f.path)
            seen[source_id] = str(f.path)
