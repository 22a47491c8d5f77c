"""The pipeline: load → extract → align → rules → report.

`compare` runs it over sources that all count as coverage; `build_report`
runs the stages after extraction, for callers that already hold claims (a
saved claims file, a check of a draft).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ._gc import fewer_collections
from ._version import __version__
from .align import align
from .config import Config
from .extract import extract
from .model import Claim, Source
from .report import Discrepancy, Report, Severity, Summary
from .rules import RULES, RuleContext, resolve_selector
from .stages import StageTimes
from .sources import load_sources
from .vocabulary import Vocabulary

__all__ = ["compare", "build_report", "enabled_rules"]


def compare(sources: Iterable[Source | str | Path], *, config: Config | None = None) -> Report:
    """Extract every source's claims, line them up, and report what cannot all be true.

    `sources` are `Source` objects, or paths to files and folders to load.

    >>> report = compare(["fixtures/ceasefire"])
    >>> [d.message for d in report.discrepancies if d.severity == "error"]
    ['001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023']
    """
    config = config or Config()
    with fewer_collections():
        loaded = _as_sources(sources)
        vocabulary = Vocabulary.load(config.vocabulary)
        claims = [claim for source in loaded for claim in extract(source, vocabulary=vocabulary)]
        return build_report(loaded, claims, vocabulary=vocabulary, config=config)


def _as_sources(items: Iterable[Source | str | Path]) -> list[Source]:
    items = list(items)
    paths = [i for i in items if isinstance(i, (str, Path))]
    given = [i for i in items if isinstance(i, Source)]
    return given + (load_sources(paths) if paths else [])


def enabled_rules(config: Config) -> list[str]:
    """The codes of the rules `config` selects, in code order."""
    selected = set(RULES)
    if config.select:
        selected = {code for s in config.select for code in resolve_selector(s)}
    for s in config.ignore:
        selected -= set(resolve_selector(s))
    return [code for code in RULES if code in selected]


def build_report(
    sources: list[Source],
    claims: list[Claim],
    *,
    vocabulary: Vocabulary,
    config: Config,
    focus: Iterable[str] | None = None,
    times: StageTimes | None = None,
) -> Report:
    """Align `claims`, run the enabled rules, and assemble the report.

    `focus`, when given, names the sources the findings must be about (the
    drafts of a check): rules then look only at groups and sources that hold
    their claims, and report only findings whose subjects are among them.
    `times`, when given, gets the end of the alignment and of the rules
    marked on it (for benchmarks).
    """
    # One order for everything downstream: the report must not depend on the order of the inputs.
    sources = sorted(sources, key=lambda s: s.id)
    claims = sorted(claims, key=lambda c: (c.source_id, c.span.start, c.span.end, c.id))
    alignment = align(claims, sources, vocabulary, config.tolerances)
    if times is not None:
        times.mark("align")
    claims_by_id = {c.id: c for c in claims}
    focused = frozenset(focus) if focus is not None else None
    context = RuleContext(
        claims=claims_by_id,
        groups=alignment.groups,
        events={e.id: e for e in alignment.events},
        sources={s.id: s for s in sources},
        vocabulary=vocabulary,
        config=config,
        event_starts={e.id: (e.start[0].toordinal(), e.start[1].toordinal()) for e in alignment.events if e.start},
        disputed_starts=alignment.disputed_starts,
        weak_links=alignment.weak,
        focus=focused,
    )
    groups, scoped_sources = alignment.groups, sources
    if focused is not None:
        groups = [g for g in groups if any(claims_by_id[i].source_id in focused for i in g.claim_ids)]
        scoped_sources = [s for s in sources if s.id in focused]
    discrepancies: list[Discrepancy] = []
    for code in enabled_rules(config):
        rule = RULES[code]()
        override = config.severity.get(code) or config.severity.get(rule.name)
        if rule.scope == "suppression":
            continue  # applied after the report is built, on its findings (claimcheck.suppress)
        found: Iterable[Discrepancy]
        if rule.scope == "group":
            found = (d for g in groups for d in rule.check(context, group=g))
        elif rule.scope == "source":
            found = (d for s in scoped_sources for d in rule.check(context, source=s))
        else:
            found = rule.check(context)
        for d in found:
            discrepancies.append(d.model_copy(update={"severity": override}) if override else d)
    discrepancies.sort(key=_order)
    if times is not None:
        times.mark("run the rules")
    counts = Counter(d.severity for d in discrepancies)
    summary = Summary(
        sources=len(sources),
        claims=len(claims),
        groups=len(alignment.groups),
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        by_rule=dict(sorted(Counter(d.rule for d in discrepancies).items())),
    )
    report = Report(
        tool_version=__version__,
        vocabulary=vocabulary.fingerprint,
        sources=sources,
        claims=claims,
        events=alignment.events,
        groups=alignment.groups,
        discrepancies=discrepancies,
        summary=summary,
        rules=enabled_rules(config),
    )
    if times is not None:
        times.mark("assemble the report")
    return report


def _order(d: Discrepancy) -> tuple[object, ...]:
    first = d.claims[0] if d.claims else None
    where = (first.source_id, first.span.start) if first else ("", 0)
    return (d.severity.rank, d.rule, where, d.fingerprint)
