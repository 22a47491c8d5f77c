"""Value rules: figures for the same quantity that cannot all be true, and disputes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from ..citing import citing_key, first_cited, left_out_note, more_agreeing
from ..model import Claim, ClaimKind, Quantity, Role, TemporalClass
from ..report import ClaimGroup, ClaimRef, Discrepancy, Reading, Severity, fingerprint
from .base import Rule, RuleContext
from .conflicts import (
    Conflict,
    interval_of,
    attributed_apart,
    single_source,
    consensus_year,
    describe_interval,
    differs_only_in_year,
    find_conflicts,
    join_ids,
    party_name,
    sides_oppose,
    value_text,
)

__all__ = ["CountMismatch", "DateMismatch", "DurationMismatch", "AmountMismatch", "DisputedFigures", "comparable_sets"]


def comparable_sets(context: RuleContext, group: ClaimGroup) -> list[list[Claim]]:
    """The sets of a group's claims that must agree with each other.

    Event-bound claims all must. Stock and cumulative claims must agree only
    when their as-of dates are close (within the same-date tolerance); further
    apart they are a timeline. Amounts must share a currency.
    """
    key = ("comparable", group.id)
    cached = context.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    members = context.members(group)
    if group.measure == "elapsed":
        sets: list[list[Claim]] = []
    elif group.measure_class is TemporalClass.EVENT_BOUND:
        sets = [members]
    else:
        window = context.config.tolerances.same_date_days
        ordered = sorted(members, key=lambda c: (c.as_of or dt.date.min, c.source_id))
        # Windows start at their earliest claim (not chained), so a run of daily
        # figures does not become one long "same date".
        sets, current, first = [], [], None
        for c in ordered:
            if c.as_of is None:
                continue
            if first is not None and (c.as_of - first).days > window:
                sets.append(current)
                current, first = [], None
            if first is None:
                first = c.as_of
            current.append(c)
        if current:
            sets.append(current)
    split: list[list[Claim]] = []
    for s in sets:
        by_unit: dict[object, list[Claim]] = {}
        for c in s:
            # Currencies and percent are not comparable; a duration's unit is only how it
            # was written ("weeklong" against "10-day" is one length against another).
            by_unit.setdefault(c.value.unit if isinstance(c.value, Quantity) else None, []).append(c)
        split.extend(v for v in by_unit.values() if len({c.source_id for c in v}) > 1 or len(v) > 1)
    context.cache[key] = split
    return split


def _conflicts(context: RuleContext, group: ClaimGroup) -> list[tuple[Conflict, bool]]:
    """Each conflict in the group, with whether it is a dispute between opposing parties."""
    key = ("conflicts", group.id)
    cached = context.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    from ..extract.lexicon import compile_lexicon

    opposing = compile_lexicon(context.vocabulary).opposing
    result = []
    for claims in comparable_sets(context, group):
        if not context.concerns(claims):
            # In a check, a set with no draft figure holds no conflict about a draft.
            continue
        for weighed in _weighed_sets(context, claims):
            for whole in find_conflicts(weighed, context.weight):
                if single_source(whole):
                    continue
                for conflict in _per_occurrence(context, whole):
                    disputed = sides_oppose(conflict.subjects, conflict.consensus, opposing) or attributed_apart(conflict.subjects, conflict.consensus)
                    if not disputed and _unfolding(context, group, conflict) and _growth_explains(conflict):
                        continue  # an early toll hours apart: the lower figure can be the earlier one
                    result.append((conflict, disputed))
    context.cache[key] = result
    return result


def _weighed_sets(context: RuleContext, claims: list[Claim]) -> list[list[Claim]]:
    """The claims a consensus is found among: in a comparison, the whole set; in a check, the
    references' (and ledgers') claims with one draft's at a time.

    A draft is not evidence, for itself or for another draft: two drafts that
    share a wrong date do not make it right, and one that has the date right
    does not join the references against the other.
    """
    if context.focus is None:
        return [claims]
    evidence: list[Claim] = []
    drafts: dict[str, list[Claim]] = {}
    for c in claims:
        if context.role(c) is Role.DRAFT:
            drafts.setdefault(c.source_id, []).append(c)
        else:
            evidence.append(c)
    return [evidence + own for source_id, own in drafts.items() if source_id in context.focus]


def _unfolding(context: RuleContext, group: ClaimGroup, conflict: Conflict) -> bool:
    """Whether a running total's event is still unfolding (its start within the developing
    days of every claim's as-of date), when a toll can double within a day. A war's toll two
    years on cannot: "more than 57,000" and "more than 112,000" the same day still differ."""
    if group.measure_class is not TemporalClass.CUMULATIVE or group.event_id is None:
        return False
    start = context.event_starts.get(group.event_id.split("/")[0])
    if start is None:
        return False
    limit = context.config.tolerances.developing_days
    return all(c.as_of is not None and 0 <= c.as_of.toordinal() - start[1] <= limit for c in conflict.subjects + conflict.consensus)


def _growth_explains(conflict: Conflict) -> bool:
    """Whether a rise explains a conflict between running totals of nearly the same date: every
    figure below another is dated no later than it (on the same day, either may be the earlier).

    "More than 2,300" and "more than 4,300" killed, reported the same day, are an earthquake's
    toll in the morning and in the evening, not a mismatch; the lower figure dated after the
    higher is still one (as CC201 has it across dates).
    """
    for s in conflict.subjects:
        a = interval_of(s, conflict.reading)
        for c in conflict.consensus:
            b = interval_of(c, conflict.reading)
            if a.overlaps(b) or s.as_of is None or c.as_of is None:
                continue
            below = a.high is not None and b.low is not None and a.high <= b.low  # apart, so one lies below
            lower, higher = (s, c) if below else (c, s)
            if lower.as_of > higher.as_of:  # type: ignore[operator]
                return False
    return True


def _per_occurrence(context: RuleContext, conflict: Conflict) -> list[Conflict]:
    """In a check, one conflict per draft figure, so that each occurrence is reported (and suppressed) where it stands,
    against the references alone (none when no reference takes part).

    A comparison (no focus) keeps one conflict for all the subjects: it
    reports a quantity the sources disagree on, once.
    """
    if context.focus is None:
        return [conflict]
    if not context.concerns(conflict.subjects):
        return []  # a reference's problem, left to compare
    # The draft's own other figures are not evidence either: its consensus is the references'.
    consensus = [c for c in conflict.consensus if context.role(c) is not Role.DRAFT]
    if not consensus:
        return []
    return [Conflict([c], consensus, conflict.reading, conflict.tie) for c in conflict.subjects if c.source_id in context.focus]


class _Mismatch(Rule):
    """Base for the four value-mismatch rules, one per kind of figure."""

    kind: ClaimKind
    verb = "put"

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        members = context.members(group)
        if not members or members[0].kind is not self.kind:
            return
        for conflict, disputed in _conflicts(context, group):
            if disputed or not context.concerns(conflict.subjects):
                continue
            yield build_discrepancy(self, context, group, conflict)


def build_discrepancy(rule: Rule | type[Rule], context: RuleContext, group: ClaimGroup, conflict: Conflict, *, severity: Severity | None = None) -> Discrepancy:
    """A discrepancy for a conflict, with its message, readings and fingerprint."""
    subjects, consensus = conflict.subjects, conflict.consensus
    year = consensus_year(subjects + consensus)
    if severity is None:
        severity = Severity.ERROR if conflict.reading == "strict" else Severity.WARNING
    message = _message(context, group, conflict)
    memo = _memo(context)

    def describe(c: Claim, reading: str) -> str:
        found = memo.get((c.id, reading, year))
        if found is None:
            found = memo[(c.id, reading, year)] = describe_interval(c, reading, year)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def cite(c: Claim, role: str) -> ClaimRef:
        found = memo.get((c.id, role))
        if found is None:
            found = memo[(c.id, role)] = claim_ref(c, role)
        return found  # type: ignore[return-value]

    listed, left_out = _listed_consensus(context, consensus)
    readings = [
        Reading(
            name=reading,
            intervals={c.id: describe(c, reading) for c in subjects + listed},
            holds=reading == "strict" and conflict.reading == "newsroom",
            note=left_out_note(left_out, len(consensus)),
        )
        for reading in ("strict", "newsroom")
    ]
    explanation = _explanation(subjects, listed, left_out, conflict.reading, describe)
    refs = [cite(c, "subject") for c in subjects] + [cite(c, "consensus") for c in listed]
    key = (group.measure, group.event_id, group.population, group.place, group.role)
    values = [(c.source_id, value_text(c)) for c in subjects] + [("=", value_text(c)) for c in consensus]
    return Discrepancy(
        rule=rule.code,
        name=rule.name,
        severity=severity,
        message=message,
        claims=refs,
        explanation=explanation,
        readings=readings,
        group_id=group.id,
        fingerprint=fingerprint(rule.code, key, values),
    )


def _listed_consensus(context: RuleContext, consensus: list[Claim]) -> tuple[list[Claim], int]:
    """The consensus claims a finding lists, and how many it leaves out: in a check, at most
    `MAX_CITED` (a ledger's first, then the newest); in a comparison, all of them.

    A draft's figure against 435 references that agree would otherwise print all 435 in its
    explanation. The occurrences of a repeated figure share one consensus: it is chosen once.
    """
    if context.focus is None:
        return consensus, 0
    memo = _memo(context)
    found = memo.get(("listed", id(consensus)))
    if found is not None and found[0] is consensus:  # type: ignore[index]
        return found[1], found[2]  # type: ignore[index]

    def key(c: Claim) -> tuple[object, ...]:
        return citing_key(context.role(c) is Role.LEDGER, c.as_of, c.source_id, c.span.start)

    listed, left_out = first_cited(consensus, key)
    memo[("listed", id(consensus))] = (consensus, listed, left_out)
    return listed, left_out


def _memo(context: RuleContext) -> dict[tuple[object, ...], object]:
    """Descriptions and citations of claims, made once per run.

    In a check, a figure the draft repeats is a finding per occurrence, each
    citing the same consensus — thousands of references' claims in a large
    corpus; they are described once. (`ClaimRef` is frozen: findings can
    share one.)
    """
    return context.cache.setdefault(("claim descriptions",), {})  # type: ignore[return-value]


def claim_ref(claim: Claim, role: str) -> ClaimRef:
    """How a discrepancy cites a claim."""
    return ClaimRef(
        claim_id=claim.id,
        role=role,  # type: ignore[arg-type]
        source_id=claim.source_id,
        value=claim.describe(),
        as_of=claim.as_of,
        attribution=claim.attribution.text if claim.attribution else None,
        span=claim.span,
    )


def _message(context: RuleContext, group: ClaimGroup, conflict: Conflict) -> str:
    subjects, consensus = conflict.subjects, conflict.consensus
    kind = subjects[0].kind
    event = context.event_name(group.event_id)
    if conflict.tie:
        return _tie_message(context, group, conflict)
    who = join_ids([c.source_id for c in subjects])
    others = join_ids([c.source_id for c in consensus])
    said = _values(subjects)
    if kind is ClaimKind.DATE:
        year = differs_only_in_year(subjects[0], consensus) if _one_date(subjects) else None
        other_values = str(year) if year is not None else _values(consensus)
        what = f"dates {event}" if group.role in (None, "occurrence") else f"gives the {group.role} of {event} as"
        return f"{who} {_plural(what, subjects)} {said}; {others} {_say(consensus)} {other_values}"
    what = group.label
    verb = "gives" if kind is ClaimKind.DURATION else "puts"
    verb = verb if len({c.source_id for c in subjects}) == 1 else verb[:-1] if verb.endswith("s") else verb
    tail = " (as a newsroom reads the qualifiers)" if conflict.reading == "newsroom" else ""
    return f"{who} {verb} {what} at {said}; {others} {_say(consensus)} {_values(consensus)}{tail}"


def _tie_message(context: RuleContext, group: ClaimGroup, conflict: Conflict) -> str:
    """Both sides, in source-id order, with no culprit: with no majority, either may be the one in error."""
    if conflict.subjects[0].kind is ClaimKind.DATE:
        event = context.event_name(group.event_id)
        what = f"the date of {event}" if group.role in (None, "occurrence") else f"the {group.role} of {event}"
    else:
        what = group.label
    sides = sorted((conflict.subjects, conflict.consensus), key=lambda side: min(c.source_id for c in side))
    said = "; ".join(f"{join_ids([c.source_id for c in side])} {_say(side)} {_values(side)}" for side in sides)
    tail = " (as a newsroom reads the qualifiers)" if conflict.reading == "newsroom" else ""
    return f"Sources disagree on {what}: {said}{tail}"


def _one_date(claims: list[Claim]) -> bool:
    """Whether the date claims all give one day (however often a source repeats it)."""
    return len({c.value.describe() for c in claims}) == 1


def _plural(phrase: str, claims: list[Claim]) -> str:
    if len({c.source_id for c in claims}) == 1:
        return phrase
    first, _, rest = phrase.partition(" ")
    return (first[:-1] if first.endswith("s") else first) + (" " + rest if rest else "")


def _say(claims: list[Claim]) -> str:
    return "says" if len({c.source_id for c in claims}) == 1 else "say"


def _values(claims: list[Claim]) -> str:
    texts = list(dict.fromkeys(value_text(c) for c in claims))
    if len(texts) <= 1:
        return "".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def _explanation(subjects: list[Claim], listed: list[Claim], left_out: int, failing: str, describe: Callable[[Claim, str], str]) -> str:
    """Both readings of the claims listed (`left_out` more of the consensus counted, not listed) and their dates."""
    parts = []
    more = more_agreeing(left_out)
    for reading in ("strict", "newsroom"):
        allowed = "; ".join(f"{c.source_id} {describe(c, reading)}" for c in subjects + listed) + more
        if reading == "strict":
            verdict = "no value satisfies all of them" if failing == "strict" else "they can all hold"
            parts.append(f"Strict reading (what logic allows): {allowed} — {verdict}.")
        elif failing == "newsroom":
            parts.append(f"Newsroom reading (a bound read as just past its figure, 'about' as within a few percent): {allowed} — they part ways.")
    as_of = sorted({(c.source_id, c.as_of) for c in subjects + listed if c.as_of}, key=lambda t: t[0])
    if as_of:
        parts.append("As of: " + ", ".join(f"{s} {d.isoformat()}" for s, d in as_of) + ("; the rest not listed" if left_out else "") + ".")
    return " ".join(parts)


class CountMismatch(_Mismatch):
    """Counts of the same quantity that cannot all be true.

    Flags a count that no reading of its qualifiers can reconcile with the
    others for the same measure, event, population and place: "killing about
    600 people" against "about 1,200" in the same attack. An error when even
    the strict reading fails; a warning when only the newsroom reading does
    ("more than 57,000" and "more than 112,000" on the same day). Qualifiers
    and rounding are respected: "more than 250" agrees with 251, "about 1,200"
    with "approximately 1,200", and "1,200" against "1,180" is at most a
    warning. Stock figures (hostages still held) and running totals are
    compared only at nearly the same as-of date; apart, they are a timeline
    (CC202) or a fall (CC201). The toll of an event still unfolding (within
    the developing days of its start) is flagged at nearly the same date only
    when the lower figure is dated after the higher: on the same day either may
    be the earlier, and early tolls rise within hours ("more than 2,300" and
    "more than 4,300" killed in an earthquake the day before). Figures
    attributed to opposing parties are a dispute (CC401), not a mismatch.
    The figure most sources allow is the consensus, each source counted once
    however often it repeats a figure; when the sides have as many sources
    each, the message names both and blames neither.
    """

    code = "CC101"
    name = "count-mismatch"
    severity = Severity.ERROR
    kind = ClaimKind.COUNT


class DateMismatch(_Mismatch):
    """Dates given for the same event that cannot all be true.

    Flags a date for an event that the other sources date differently: "the
    attacks on October 7, 2022" against "Oct. 7, 2023". Dates are intervals
    with a precision, so "last October" agrees with "October 7, 2023", and a
    month and day written without a year ("the October 7 attacks") is compared
    on month and day only. Start, end and occurrence dates are kept apart: the
    day a truce began does not contradict the day it ended. The date most
    sources give is the consensus, each source counted once however often it
    repeats a date; two sources a day apart, one each, are named side by side
    ("Sources disagree on the date of …"), neither as the one in error.
    """

    code = "CC102"
    name = "date-mismatch"
    severity = Severity.ERROR
    kind = ClaimKind.DATE


class DurationMismatch(_Mismatch):
    """Lengths given for the same event that cannot all be true.

    Flags a duration of an event (a truce, a proposal, a campaign) that differs
    from the others': "a 60-day cease-fire" against "a 120-day truce" in the
    same proposal. "Weeklong" is one week; months and years are read as
    calendar lengths. Time elapsed since an ongoing event began is checked
    against the dates instead (CC203).
    """

    code = "CC103"
    name = "duration-mismatch"
    severity = Severity.ERROR
    kind = ClaimKind.DURATION


class AmountMismatch(_Mismatch):
    """Sums of money for the same thing that cannot all be true.

    Flags amounts in the same currency for the same measure and event that no
    reading reconciles: "$11 billion" against "$1.1 billion". Amounts in
    different currencies are not compared.
    """

    code = "CC104"
    name = "amount-mismatch"
    severity = Severity.ERROR
    kind = ClaimKind.MONEY


class DisputedFigures(Rule):
    """Differing figures attributed to different parties: a dispute, reported as such.

    When the figures that disagree are each attributed — to sides of a conflict
    the vocabulary lists as opposing ("according to the Gaza health ministry"
    against "Israeli officials said"), or simply to different bodies (a
    government's count against a university's study) — the difference is
    reported as a dispute between those parties (info), not as an error in
    either source. Figures with no attribution, or attributed to the same
    party, are checked by the mismatch rules as usual.
    """

    code = "CC401"
    name = "disputed-figures"
    severity = Severity.INFO

    def check(self, context: RuleContext, group: ClaimGroup | None = None, source=None) -> Iterator[Discrepancy]:  # type: ignore[no-untyped-def]
        assert group is not None
        for conflict, disputed in _conflicts(context, group):
            if not disputed or not context.concerns(conflict.subjects):
                continue
            d = build_discrepancy(self, context, group, conflict, severity=Severity.INFO)
            sides = [
                f"{_values(claims)} according to {party_name(claims)} ({join_ids([c.source_id for c in claims])})"
                for claims in (conflict.subjects, conflict.consensus)
            ]
            message = f"Disputed: {sides[0]}; {sides[1]} — {group.label}"
            yield d.model_copy(update={"message": message})
