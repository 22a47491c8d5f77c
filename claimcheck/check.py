"""check(): a draft against the reference coverage, reported the way a linter reports.

The pipeline is `compare`'s (`build_report`) over the drafts' claims (role
``draft``) and the references' claims; what `check` adds is reading and
reporting from the drafts' side:

1. Drafts are read (Markdown with its markup blanked, see
   `claimcheck.markdown`) and given an as-of date: the front-matter
   ``published`` date, else `Config.as_of` (``--as-of``), else the newest
   reference's date, else none. Which one was used is recorded in the
   draft's ``meta["as_of_from"]`` ("front matter", "as_of", "newest
   reference", "none"); the wall clock is never read.
2. References are read (`claimcheck.references`): only the claims that could
   line up with the drafts' are aligned. A draft that is also among the
   references is left out of them, and a draft whose file-name id another
   draft or a reference has is given its path as id (`claimcheck.drafts`).
3. `build_report` runs every enabled rule, focused on the drafts (rules build
   only findings about the drafts' claims; the timeline, CC202, which only
   shows figures for context, is not run). A draft is not evidence: it never
   outvotes a reference (it only breaks ties between them), and a ledger
   outweighs every reference (`RuleContext.weight`). Each draft is weighed
   against the references alone: another draft neither counts toward nor is
   named in its consensus.
4. Only findings about a draft's figures are kept: a finding whose subjects
   (the claims it is about) include a draft's claim. Each is reported from
   the draft's side, one finding per draft figure (a figure written three
   times is three findings, each where it stands): the draft's claim first,
   as subject; reference claims on the draft's side become "related", the
   claims it clashes with
   stay "consensus" (at most `MAX_CITED` of each, a ledger's first, then the
   newest; the rules' explanations and readings list the same ones and count
   the rest, `claimcheck.citing`). When the draft sides with the references' consensus and a
   reference is the outlier, that is the reference's problem, not the
   draft's: `check` leaves it to `compare`. A stale figure (CC502) is not
   also reported as a mismatch or a fall. A finding against other drafts
   only, with no reference involved, is dropped. The report keeps, beside
   the claims findings cite, the reference claim that best backs each draft
   figure no finding is about (`rules.draft.backing`), so it is seen to agree.
5. Per-file ignores, inline suppressions (`claimcheck.suppress`) and the
   baseline (`Config.baseline`) are applied, in that order.

Fingerprints of findings against references are recomputed from the rule,
the quantity and the draft's own figure, so that a baseline survives new
references as well as edits elsewhere in the draft; repeats of one figure are
numbered in reading order (`claimcheck.findings.distinct_fingerprints`).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable
from pathlib import Path

from ._gc import no_collections
from .citing import MAX_CITED, citing_key
from .baseline import apply_baseline, load_baseline
from .compare import build_report, enabled_rules
from .config import Config
from .configfile import check_selectors
from .extract import extract
from .findings import distinct_fingerprints, replace_fields, with_discrepancies
from .markdown import is_markdown, reading_text
from .model import Claim, Role, Source
from .drafts import distinct_ids, load_drafts
from .references import References, load_references, needs_of
from .report import ClaimRef, Discrepancy, Report, fingerprint
from .rules import resolve_selector
from .rules.draft import Backing
from .stages import StageTimes
from .suppress import apply_suppressions
from .vocabulary import Vocabulary

__all__ = ["check", "load_drafts", "MAX_CITED"]

#: Rules whose findings cite claims only for context (no subjects): never a finding about a draft.
_CONTEXT_ONLY = ("CC202",)
#: Rules whose finding a stale figure (CC502) replaces.
_SUPERSEDED_BY_STALE = frozenset({"CC101", "CC104", "CC201"})


def check(
    drafts: Iterable[Source | str | Path] | Source | str | Path,
    references: Iterable[Source | str | Path] | Source | str | Path,
    *,
    config: Config | None = None,
) -> Report:
    """Check drafts against references; report what concerns the drafts, located in them.

    `drafts` are `Source` objects or paths (Markdown or text; folders are
    read whole). `references` are `Source` objects or paths: folders and
    files of articles, ledgers (``*.ledger.yaml``) and claims files
    (``*.claims.json``). Raises `InputError` for unreadable or empty input
    and `ConfigError` for a configuration that names unknown rules.

    >>> report = check(["tests/drafts/ceasefire-typo.md"], ["fixtures/ceasefire"])
    >>> [(d.rule, d.claims[0].span.line, d.claims[0].span.column) for d in report.discrepancies if d.severity == "error"]
    [('CC102', 7, 41)]
    """
    return _check(drafts, references, config or Config(), None)


def _check(
    drafts: Iterable[Source | str | Path] | Source | str | Path,
    references: Iterable[Source | str | Path] | Source | str | Path,
    config: Config,
    times: StageTimes | None,
) -> Report:
    """`check`, marking the end of each stage on `times` when given (bench/check_speed.py)."""
    # The collector is kept off while the stages build their objects, and comes back on only
    # once `_stages` has returned and freed them: were it switched on inside, the first
    # collection would walk every reference claim still alive.
    with no_collections():
        report = _stages(drafts, references, config, times)
    if times is not None:
        times.mark("free what the stages built, the collector back on")
    return report


def _stages(
    drafts: Iterable[Source | str | Path] | Source | str | Path,
    references: Iterable[Source | str | Path] | Source | str | Path,
    config: Config,
    times: StageTimes | None,
) -> Report:
    mark = times.mark if times is not None else _no_mark
    if times is not None:
        times.start()
    check_selectors(config)
    vocabulary = Vocabulary.load(config.vocabulary)
    mark("load the vocabulary")
    draft_sources = load_drafts(drafts)
    refs = load_references(_as_list(references), vocabulary)
    refs.leave_out(d.path for d in draft_sources if d.path)
    draft_sources = distinct_ids(draft_sources, refs.ids())
    draft_sources = [_with_as_of(d, config, refs) for d in draft_sources]
    mark("read the drafts, open the references")
    draft_claims = [c for d in draft_sources for c in _extract_draft(d, vocabulary)]
    mark("extract the drafts")
    kinds, measures = needs_of(draft_claims)
    ref_sources, ref_claims = refs.claims_for(kinds, measures)
    mark("read the reference claims needed")
    engine = config.model_copy(update={"ignore": [*config.ignore, *_CONTEXT_ONLY]})
    full = build_report(
        draft_sources + ref_sources,
        draft_claims + ref_claims,
        vocabulary=vocabulary,
        config=engine,
        focus=[d.id for d in draft_sources],
        times=times,
    )
    report = _draft_view(full, draft_sources, refs.count)
    report = _per_file_ignores(report, config, draft_sources)
    # Numbered again: the suppression comments' own findings (CC901, CC902) may repeat one another.
    report = with_discrepancies(report, distinct_fingerprints(apply_suppressions(report.discrepancies, draft_sources, enabled_rules(config))))
    if config.baseline is not None:
        report = apply_baseline(report, load_baseline(config.baseline))
    mark("the drafts' view, suppressions, baseline")
    return report


def _no_mark(stage: str) -> None:
    pass


def _as_list(items: Iterable[Source | str | Path] | Source | str | Path) -> list[Source | str | Path]:
    if isinstance(items, (Source, str, Path)):
        return [items]
    return list(items)


def _with_as_of(draft: Source, config: Config, refs: References) -> Source:
    """The draft with the date it speaks for as its published date, and where that date came from."""
    date: dt.date | None
    if draft.published is not None:
        origin, date = "front matter", draft.published
    elif config.as_of is not None:
        origin, date = "as_of", config.as_of
    else:
        date = refs.newest_date()
        origin = "newest reference" if date is not None else "none"
    return draft.model_copy(update={"published": date, "meta": {**draft.meta, "as_of_from": origin}})


def _extract_draft(draft: Source, vocabulary: Vocabulary) -> list[Claim]:
    reading = reading_text(draft.text) if is_markdown(draft.path) else None
    return extract(draft, vocabulary=vocabulary, reading_text=reading)


# ---------------------------------------------------------------- the drafts' view


def _draft_view(report: Report, drafts: list[Source], reference_count: int) -> Report:
    """The report reduced to findings about the drafts' figures, seen from the drafts."""
    draft_ids = {d.id for d in drafts}
    sources = {s.id: s for s in report.sources}
    kept: list[Discrepancy] = []
    for d in report.discrepancies:
        for subject in [c for c in d.claims if c.role == "subject" and c.source_id in draft_ids]:
            view = _from_draft(d, subject, draft_ids, sources)
            if view is not None:
                kept.append(view)
    kept = distinct_fingerprints([_draft_fingerprint(d, draft_ids) for d in kept])
    stale = {(d.group_id, d.claims[0].claim_id) for d in kept if d.rule == "CC502"}
    kept = [d for d in kept if not (d.rule in _SUPERSEDED_BY_STALE and all((d.group_id, c.claim_id) in stale for c in d.claims if c.role == "subject"))]
    cited = {c.claim_id for d in kept for c in d.claims} | _backing_claims(report, draft_ids, kept, sources)
    claims = [c for c in report.claims if c.source_id in draft_ids or c.id in cited]
    claim_ids = {c.id for c in claims}
    groups = [
        g.model_copy(update={"claim_ids": [i for i in g.claim_ids if i in claim_ids]})
        for g in report.groups
        if any(i in claim_ids and report.claim(i).source_id in draft_ids for i in g.claim_ids)
    ]
    events = {(g.event_id or "").split("/")[0] for g in groups}
    used_sources = draft_ids | {c.source_id for c in claims}
    # The counts are the drafts' side, like the rest of the view: every draft and
    # reference read, the drafts' own claims, and the groups those are in.
    drafts_claims = sum(1 for c in claims if c.source_id in draft_ids)
    summary = report.summary.model_copy(update={"sources": len(drafts) + reference_count, "claims": drafts_claims, "groups": len(groups)})
    result = replace_fields(
        report,
        sources=[s for s in report.sources if s.id in used_sources],
        claims=claims,
        events=[e for e in report.events if e.id in events],
        groups=groups,
        summary=summary,
    )
    return with_discrepancies(result, kept)


def _backing_claims(report: Report, draft_ids: set[str], kept: list[Discrepancy], sources: dict[str, Source]) -> set[str]:
    """For each draft figure no finding is about, the reference claim that best backs it, if one does
    (a ledger's first, then the newest).

    The report keeps it so that the figure is seen to agree with the coverage
    (an HTML view marks it so, `claimcheck.render.outcomes`), not left alone
    in its group as if nothing backed it; one per figure keeps the report the
    drafts' size, whatever the size of the coverage.
    """
    about = {c.claim_id for d in kept for c in d.claims if c.role == "subject"}
    drafts = {c.id for c in report.claims if c.source_id in draft_ids and c.id not in about}
    chosen: set[str] = set()
    for g in report.groups:
        if not any(i in drafts for i in g.claim_ids):
            continue
        members = [report.claim(i) for i in g.claim_ids]
        # Sorted once in citing order, so that each figure's best backer is the first that backs it.
        backed = Backing((c for c in members if c.source_id not in draft_ids), order=lambda c: _citing_order(c.source_id, c.as_of, c.span.start, sources))
        for draft in (c for c in members if c.id in drafts):
            best = backed.first(draft)
            if best is not None:
                chosen.add(best.id)
    return chosen


def _citing_order(source_id: str, as_of: dt.date | None, start: int, sources: dict[str, Source]) -> tuple[object, ...]:
    source = sources.get(source_id)
    return citing_key(source is not None and source.role is Role.LEDGER, as_of, source_id, start)


def _from_draft(d: Discrepancy, subject: ClaimRef, draft_ids: set[str], sources: dict[str, Source]) -> Discrepancy | None:
    """One finding as it concerns one draft figure, `subject`, or `None` when no reference is left to clash with.

    Each draft figure a finding is about becomes a finding of its own, located
    at that figure: a wrong date repeated three times is three findings, each
    on its own line, each suppressed (or not) where it stands.
    """
    draft_id = subject.source_id
    own_related = [c for c in d.claims if c.source_id == draft_id and c.role != "subject"]
    others = [c for c in d.claims if c.source_id not in draft_ids]
    had_consensus = any(c.role == "consensus" for c in d.claims)
    consensus = [c for c in others if c.role == "consensus"]
    related = [c for c in others if c.role != "consensus"]
    if had_consensus and not consensus:
        return None
    relabelled = [c.model_copy(update={"role": "related"}) if c.role == "subject" else c for c in related]
    claims = [subject] + own_related + _cited(consensus, sources) + _cited(relabelled, sources)
    kept_ids = {c.claim_id for c in claims}
    all_ids = {c.claim_id for c in d.claims}
    readings = [r.model_copy(update={"intervals": {k: v for k, v in r.intervals.items() if k in kept_ids or k not in all_ids}}) for r in d.readings]
    return d.model_copy(update={"claims": claims, "readings": readings})


def _draft_fingerprint(d: Discrepancy, draft_ids: set[str]) -> Discrepancy:
    """A finding against references with a fingerprint of the draft's side only.

    The rule, the quantity (group) and the draft's own figure as written —
    not the references, not offsets — so that a baseline survives new
    coverage as well as edits elsewhere in the draft. Findings with no
    reference keep the rule's own fingerprint.
    """
    subject = d.claims[0]
    if d.group_id is None or not any(c.source_id not in draft_ids for c in d.claims):
        return d
    return d.model_copy(update={"fingerprint": fingerprint(d.rule, ("check", d.group_id), [(subject.source_id, subject.span.quote)])})


def _cited(claims: list[ClaimRef], sources: dict[str, Source]) -> list[ClaimRef]:
    """At most `MAX_CITED` reference claims: a ledger's first, then the newest."""
    return sorted(claims, key=lambda c: _citing_order(c.source_id, c.as_of, c.span.start, sources))[:MAX_CITED]


# ---------------------------------------------------------------- per-file ignores


def _per_file_ignores(report: Report, config: Config, drafts: list[Source]) -> Report:
    if not config.per_file_ignores:
        return report
    paths = {d.id: d.path for d in drafts}
    kept = []
    for d in report.discrepancies:
        path = paths.get(d.claims[0].source_id) if d.claims else None
        if path is not None and any(d.rule in codes for codes in _ignored_here(config, path)):
            continue
        kept.append(d)
    return with_discrepancies(report, kept)


def _ignored_here(config: Config, path: str) -> Iterable[list[str]]:
    """The rule codes per-file ignores name for a draft at `path`."""
    name = Path(path).name
    full = Path(path).resolve().as_posix()
    for pattern, selectors in config.per_file_ignores.items():
        target = name if "/" not in pattern else full
        absolute = pattern if "/" not in pattern or pattern.startswith("/") else (Path.cwd() / pattern).as_posix()
        if fnmatch.fnmatchcase(target, absolute):
            yield [code for s in selectors for code in resolve_selector(s)]

