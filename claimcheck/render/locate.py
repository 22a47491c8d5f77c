"""Where a discrepancy stands: its primary claim, the others, and their places in files.

Every format locates a discrepancy the same way: its first "subject" claim
is the primary location (the first claim when it has no subject, as in a
timeline); the consensus and related claims are related locations.

A claim's `Span` gives 1-based lines and columns in code points, `end_column`
exclusive, counted in the raw file for text and Markdown sources. For a
source embedded in a JSON or JSON Lines file they count inside the source's
own text, not in that file; such a place is `in_file=False`, and formats
that point into files (SARIF, GitHub) point at the file as a whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Role, Source
from ..report import ClaimRef, Discrepancy, Report, Severity

__all__ = ["Place", "place", "source_label", "primary", "others", "ordered", "count_phrase", "Scope", "scope_of", "scope_phrase"]

_CONTAINERS = (".json", ".jsonl")


@dataclass(frozen=True, slots=True)
class Place:
    """A claim's place, for display and for formats that point into files.

    `label` is what a person reads: the source's path as given, or its id
    when it has no file of its own. `file` is the file the source was read
    from (`None` for a source given as a string). `in_file` says whether the
    line and columns count in `file` itself.
    """

    label: str
    file: str | None
    in_file: bool
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def where(self) -> str:
        """``label:line:column``."""
        return f"{self.label}:{self.line}:{self.column}"


def source_label(source: Source) -> str:
    """What a person reads for a source: its path as given, or its id when it has no file of its own."""
    return source.path if _in_file(source.path) and source.path else source.id


def _in_file(path: str | None) -> bool:
    return path is not None and not path.lower().endswith(_CONTAINERS)


def place(report: Report, claim: ClaimRef) -> Place:
    """Where `claim` stands (see `Place`)."""
    try:
        path = report.source(claim.source_id).path
    except KeyError:
        path = None
    in_file = _in_file(path)
    span = claim.span
    return Place(
        label=path if in_file and path else claim.source_id,
        file=path,
        in_file=in_file,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
    )


def primary(d: Discrepancy) -> ClaimRef | None:
    """The claim a discrepancy is reported at: its first subject, else its first claim."""
    return next((c for c in d.claims if c.role == "subject"), d.claims[0] if d.claims else None)


def others(d: Discrepancy) -> list[ClaimRef]:
    """The discrepancy's claims other than its primary one, in order."""
    first = primary(d)
    return [c for c in d.claims if c is not first]


def ordered(report: Report) -> list[tuple[Discrepancy, Place | None]]:
    """Each discrepancy with its primary place, by file, line and column (then rule)."""
    located = []
    for d in report.discrepancies:
        first = primary(d)
        located.append((d, place(report, first) if first is not None else None))

    def key(item: tuple[Discrepancy, Place | None]) -> tuple[object, ...]:
        d, p = item
        where = (p.label, p.line, p.column) if p else ("", 0, 0)
        return (*where, d.severity.rank, d.rule, d.fingerprint)

    return sorted(located, key=key)


def count_phrase(report: Report) -> str:
    """``5 discrepancies (1 error, 4 info)``, or ``no discrepancies``."""
    total = len(report.discrepancies)
    if total == 0:
        return "no discrepancies"
    by_severity = Counter(d.severity for d in report.discrepancies)
    counts = [
        _plural(by_severity[Severity.ERROR], "error") if by_severity[Severity.ERROR] else "",
        _plural(by_severity[Severity.WARNING], "warning") if by_severity[Severity.WARNING] else "",
        f"{by_severity[Severity.INFO]} info" if by_severity[Severity.INFO] else "",
    ]
    counts = [c for c in counts if c]
    return f"{_plural(total, 'discrepancy', 'discrepancies')} ({', '.join(counts)})"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a report's counts cover.

    A `check` report (it holds drafts) counts the drafts and references read,
    the drafts' own claims and the groups they are in; `references` is `None`
    for a `compare` report, whose counts are of every source, claim and group.
    """

    sources: int
    claims: int
    groups: int
    drafts: int = 0
    references: int | None = None

    @property
    def is_check(self) -> bool:
        """Whether the report is a `check` report (drafts against references)."""
        return self.references is not None


def scope_of(report: Report) -> Scope:
    """The report's counts, and whether they are a check's (drafts against references)."""
    s = report.summary
    drafts = sum(1 for source in report.sources if source.role is Role.DRAFT)
    if not drafts:
        return Scope(s.sources, s.claims, s.groups)
    return Scope(s.sources, s.claims, s.groups, drafts=drafts, references=max(0, s.sources - drafts))


def scope_phrase(report: Report) -> str:
    """``5 sources (115 claims, 36 groups)``, or ``2 drafts checked against 5 references (10 claims in the drafts, 5 groups)``."""
    scope = scope_of(report)
    counts = f"{_plural(scope.groups, 'group')}"
    if scope.references is None:
        return f"{_plural(scope.sources, 'source')} ({_plural(scope.claims, 'claim')}, {counts})"
    drafts = _plural(scope.drafts, "draft")
    where = "the draft" if scope.drafts == 1 else "the drafts"
    return f"{drafts} checked against {_plural(scope.references, 'reference')} ({_plural(scope.claims, 'claim')} in {where}, {counts})"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"
