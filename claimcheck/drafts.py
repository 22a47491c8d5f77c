"""Reading the drafts of a check, and giving each an id no other source has.

A source's id defaults to its file name without the ending (``story`` for
``drafts/story.md``). Drafts often share file names — Hugo page bundles are
``content/*/index.md`` — and a draft may be named like a reference, so in a
check a draft whose id is its file name's and is taken (by another draft or
by a reference) gets its path instead: relative to the working directory,
without the ending (``content/ceasefire/index``), or the absolute path when
it lies outside. The rule depends only on the draft's own path, so it is the
same from run to run. An id given in a draft's front matter is kept as
written: two drafts that give the same id, or a draft that gives a
reference's id, are an error, as in `load_sources`.

A draft that is itself among the references (a file inside the folder
``--against`` names, or the same path given to both) is checked against the
other references only: `References.leave_out` drops it from them.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError, read_input_file
from .model import Role, Source
from .sources import discover_files, read_source_bytes

__all__ = ["load_drafts", "distinct_ids"]


def load_drafts(drafts: Iterable[Source | str | Path] | Source | str | Path) -> list[Source]:
    """The drafts as sources with role draft, each with an id no other draft has.

    `drafts` are `Source` objects, files and folders (read whole). A file
    named twice (``drafts/`` and ``drafts/story.md``) is read once. Raises
    `InputError` for a missing, unreadable or empty draft, and for two
    drafts whose front matter gives them the same id.
    """
    items = [drafts] if isinstance(drafts, (Source, str, Path)) else list(drafts)
    if not items:
        raise InputError("no drafts to check")
    sources: list[Source] = []
    files: set[tuple[str, str]] = set()
    for item in items:
        for source in _read(item):
            where = _absolute(source.path) if source.path else None
            if where is not None and not isinstance(item, Source):
                if (where, source.id) in files:
                    continue
                files.add((where, source.id))
            if not source.text.strip():
                raise InputError("empty draft: there is nothing to check", path=source.path or source.id)
            sources.append(source if source.role is Role.DRAFT else source.model_copy(update={"role": Role.DRAFT}))
    return distinct_ids(sources, {})


def _read(item: Source | str | Path) -> list[Source]:
    if isinstance(item, Source):
        return [item]
    return [s for path in discover_files([item]) for s in read_source_bytes(read_input_file(path, "draft"), path)]


def distinct_ids(drafts: list[Source], reference_ids: dict[str, str]) -> list[Source]:
    """The drafts, those whose file-name id is taken given their path as id (see the module docstring).

    `reference_ids` maps each reference id to where it comes from (for the
    error message). Raises `InputError` when an id given in front matter is
    another draft's or a reference's.
    """
    settled = list(drafts)
    # First the path without its ending; where that is taken too (drafts at the top of the
    # working directory, "story.md" beside "story.txt"), the path as it is.
    for name in (_path_id, _full_path_id):
        counts = Counter(d.id for d in settled)
        settled = [
            d.model_copy(update={"id": name(d)}) if (counts[d.id] > 1 or d.id in reference_ids) and _named_by_its_file(d) else d
            for d in settled
        ]
    seen: dict[str, str] = {}
    for d in settled:
        where = d.path or d.id
        if d.id in reference_ids:
            raise InputError(
                f'the draft\'s id "{d.id}" is also a reference\'s ({reference_ids[d.id]}); give the draft another id in its front matter (id: …)',
                path=where,
            )
        if d.id in seen:
            raise InputError(f'two drafts have the id "{d.id}" (also {seen[d.id]}); give one another id in its front matter', path=where)
        seen[d.id] = where
    return settled


def _absolute(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _named_by_its_file(source: Source) -> bool:
    """Whether a source's id is one its path gives (so no one chose it): the file name's, or one made by `distinct_ids`."""
    if not source.path:
        return False
    return _rest(source) is not None


def _rest(source: Source) -> str | None:
    """What follows the file-name part of a source's id ("" for ``story``, "-3" for line 3 of a .jsonl file), if it has one."""
    assert source.path is not None
    for base in (Path(source.path).stem, _path_id_base(source, ending=False), _path_id_base(source, ending=True)):
        if source.id == base:
            return ""
        if source.path.lower().endswith(".jsonl") and re.fullmatch(rf"{re.escape(base)}-\d+", source.id):
            return source.id[len(base) :]
    return None


def _path_id(source: Source) -> str:
    """The source's path as an id: relative to the working directory when below it, without its ending."""
    return _path_id_base(source, ending=False) + (_rest(source) or "")


def _full_path_id(source: Source) -> str:
    """The source's path as an id, ending included."""
    return _path_id_base(source, ending=True) + (_rest(source) or "")


def _path_id_base(source: Source, *, ending: bool) -> str:
    assert source.path is not None
    path = Path(os.path.abspath(source.path))
    try:
        path = path.relative_to(Path.cwd())
    except ValueError:
        pass
    return (path if ending else path.with_suffix("")).as_posix()

