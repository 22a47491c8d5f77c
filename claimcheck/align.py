"""Lining claims up: which event each is about, and which claims speak of the same quantity.

Events first. Every source names events in its own words ("the October 7
attacks", "the last truce, which Israel ended in mid-March", "the ceasefire
that began in January"). An event mention with a date constrains when the
event started and ended; mentions of one kind whose constraints can all hold
are one event (clustered greedily, in date order). Two events of one kind
whose dates differ the way typos do — the year by one, or the day by a few —
are one event with conflicting dates: the date rule then says which source is
out. Mentions without a date are resolved against the source's publication
date: "the last truce" is the latest one over by then, "the current ceasefire"
the one under way, a proposal is a proposal.

Then groups: claims with the same measure, event, population and (where both
give one) place. Blocking by measure and event comes first, so the work stays
near-linear in the number of claims; a claim that names no place joins the
one group of its block that does, if there is exactly one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass, field

from .config import Tolerances
from .names import place_members, places_overlap, same_place
from .model import Claim, ClaimKind, DatePrecision, DateRole, EventMention, Source, TemporalClass
from .report import ClaimGroup, Event, EventMentionRef
from .vocabulary import Vocabulary

__all__ = ["Alignment", "align"]

_FAR_PAST = dt.date.min.toordinal()
_FAR_FUTURE = dt.date.max.toordinal()


@dataclass
class Alignment:
    """The result of lining claims up."""

    events: list[Event]
    groups: list[ClaimGroup]
    event_of: dict[str, str]
    group_of: dict[str, str]
    #: Claims tied to their event only by a guess: an undated mention naming a
    #: place the event's dated mentions do not ("the campaign … in Lebanon").
    weak: set[str] = field(default_factory=set)
    #: Events whose sources date them a typo apart with no majority: by event id, the
    #: (earliest, latest) starts, as ordinals, that as many sources give as the date kept.
    disputed_starts: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(eq=False)  # compared by identity: two mentions alike are still two mentions
class _Mention:
    """One event mention in one source, with the constraints its date puts on the event."""

    source: Source
    mention: EventMention
    kind: str
    span: str  # instant, bounded or ongoing
    start: tuple[int, int] = (_FAR_PAST, _FAR_FUTURE)
    end: tuple[int, int] = (_FAR_PAST, _FAR_FUTURE)
    month_day: tuple[int, int] | None = None  # a date with no year: month and day only
    dated: bool = False

    @property
    def discriminator(self) -> str | None:
        m = self.mention
        return m.name or m.target or m.place


@dataclass(eq=False)  # compared by identity, like the events they become
class _Cluster:
    """An event being assembled from mentions."""

    kind: str
    span: str
    start: tuple[int, int] = (_FAR_PAST, _FAR_FUTURE)
    end: tuple[int, int] = (_FAR_PAST, _FAR_FUTURE)
    mentions: list[_Mention] = field(default_factory=list)
    discriminators: set[str] = field(default_factory=set)
    proposed: bool = False
    dated: bool = False
    id: str = ""
    merged_from: int = 1
    outbreak_of: set[str] = field(default_factory=set)
    order: int = 0  # when it was made: ties go to the earlier cluster
    #: The starts of the clusters merged into this one as typos of its date — what the
    #: sources that disagree with the surviving date say instead — each with how many
    #: sources gave it; and how many gave the surviving date itself.
    other_starts: list[tuple[tuple[int, int], int]] = field(default_factory=list)
    own_sources: int = 0
    gazetteer: _Gazetteer | None = None

    def fits(self, m: _Mention) -> bool:
        start = _intersect(self.start, m.start)
        end = _intersect(self.end, m.end)
        if start is None or end is None or start[0] > end[1]:
            return False
        if m.discriminator and self.discriminators and not _compatible_place(m.discriminator, self.discriminators, self.gazetteer):
            return False
        return True

    def add(self, m: _Mention) -> None:
        self.start = _intersect(self.start, m.start) or self.start
        self.end = _intersect(self.end, m.end) or self.end
        self.mentions.append(m)
        if m.discriminator:
            self.discriminators.add(m.discriminator)
        self.dated = self.dated or m.dated
        self.outbreak_of.update(m.mention.outbreak_of)


@dataclass(frozen=True)
class _Bounds:
    """Dated clusters with the earliest day each may have begun and the latest it may
    still be under way (an instant never is), so that which had begun, and which were
    still going on, by a day is found by C-level passes rather than a loop per mention
    (an undated mention asks this of every event of its kind in the corpus)."""

    clusters: list[_Cluster]
    starts: list[int]
    until: list[int]

    @classmethod
    def of(cls, clusters: list[_Cluster]) -> _Bounds:
        return cls(clusters, [c.start[0] for c in clusters], [c.end[1] if c.span != "instant" else _FAR_PAST - 1 for c in clusters])

    def begun_and_ongoing(self, day: int) -> tuple[list[_Cluster], list[_Cluster]]:
        """The clusters that may have begun by `day`, and those of them that may still be under way then, in order."""
        begun_by = list(map(day.__ge__, self.starts))
        still_on = map(operator.and_, begun_by, map(day.__le__, self.until))
        return list(itertools.compress(self.clusters, begun_by)), list(itertools.compress(self.clusters, still_on))


def _intersect(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _compatible_place(name: str, names: set[str], gazetteer: _Gazetteer | None = None) -> bool:
    """Whether an event's place or front may be one of `names`, allowing for near-equal
    spellings ("Gaza Strip", "Gaza") and for a broader description of the same event
    ("the earthquake in Turkey and Syria", "the earthquake in Turkey"; "the storm across
    the Caribbean", "the storm in Puerto Rico"; "across the region")."""
    if name in names or any(places_overlap(name, n) for n in names):
        return True
    return gazetteer is not None and any(gazetteer.related(name, n) for n in names)


@dataclass(frozen=True)
class _Gazetteer:
    """What the vocabulary's places say about each other: which lies within which, and
    which are no place in particular ("the region")."""

    within: dict[str, str]
    broad: frozenset[str]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> _Gazetteer:
        return cls({p.name: p.within for p in vocabulary.places if p.within}, frozenset(p.name for p in vocabulary.places if p.broad))

    def related(self, a: str, b: str) -> bool:
        """Whether one place lies within the other, or either is no place in particular."""
        if a in self.broad or b in self.broad:
            return True
        return self._inside(a, b) or self._inside(b, a)

    def _inside(self, a: str, b: str) -> bool:
        seen = set()
        while a in self.within and a not in seen:
            seen.add(a)
            a = self.within[a]
            if a == b:
                return True
        return False


def _same_place(name: str, names: set[str]) -> bool:
    """Whether a figure's place is one of `names`: a figure for several places together is a
    different quantity from the figure for any one of them."""
    return name in names or any(same_place(name, n) for n in names)


def align(claims: list[Claim], sources: list[Source], vocabulary: Vocabulary, tolerances: Tolerances) -> Alignment:
    """Resolve the events claims are tied to, and group the claims that speak of the same quantity."""
    resolver = _EventResolver(sources, vocabulary, tolerances)
    event_of = resolver.resolve(claims)
    events = resolver.events()
    groups, group_of = _group(claims, event_of, vocabulary, resolver, tolerances)
    # A start as many sources give as the surviving one is as likely: the date is undecided.
    disputed = {c.id: [s for s, n in c.other_starts if n >= c.own_sources and s[0] > _FAR_PAST] for c in resolver.clusters}
    return Alignment(events=events, groups=groups, event_of=event_of, group_of=group_of, weak=resolver.weak, disputed_starts={k: v for k, v in disputed.items() if v})


class _EventResolver:
    def __init__(self, sources: list[Source], vocabulary: Vocabulary, tolerances: Tolerances) -> None:
        self.sources = {s.id: s for s in sources}
        self.vocabulary = vocabulary
        self.gazetteer = _Gazetteer.of(vocabulary)
        self.tolerances = tolerances
        self.clusters: list[_Cluster] = []
        # The clusters of each event kind, and each cluster by its id once named: every
        # lookup goes through these, so resolving stays near linear in the mentions.
        self._of_kind: dict[str, list[_Cluster]] = defaultdict(list)
        self._by_id: dict[str, _Cluster] = {}
        self._made = 0
        # Dated clusters by (kind, month) their start may fall in, and those whose start
        # is known only loosely; then, once all dated mentions are placed, by kind.
        self._dated_by_month: dict[tuple[str, int], list[_Cluster]] = defaultdict(list)
        self._dated_wide: dict[str, list[_Cluster]] = defaultdict(list)
        self._dated_of_kind: dict[str, _Bounds] = {}
        self._begun: dict[tuple[str, tuple[object, ...], int], tuple[list[_Cluster], list[_Cluster]]] = {}
        # The dated clusters of a kind by the month of their day-precise start, and those a
        # place or name picks out, or that none tells apart (with the count of discriminators
        # the kind's clusters had then: attaching a mention can add one), so that an undated
        # mention looks only at the clusters it could join, not at every event of its kind.
        self._by_month_day: dict[str, dict[int, list[_Cluster]]] = {}
        self._picked: dict[tuple[str, str | None], tuple[int, _Bounds]] = {}
        self._discriminator_count: dict[str, int] = defaultdict(int)
        # The first undated cluster of each (kind, proposed, place or name): undated
        # clusters are made only once the dated ones are placed, each with at most one
        # place or name, which it keeps.
        self._undated: dict[tuple[str, bool, str | None], _Cluster] = {}
        self.cluster_of: dict[tuple[str, int, int], _Cluster] = {}
        self.weak: set[str] = set()
        self._weak_keys: set[tuple[str, int, int]] = set()

    # ------------------------------------------------------------ mentions

    def _mention(self, claim: Claim) -> _Mention:
        assert claim.event is not None
        source = self.sources[claim.source_id]
        kind = claim.event.kind
        entry = self.vocabulary.event_kind(kind)
        m = _Mention(source=source, mention=claim.event, kind=kind, span=entry.span if entry else "bounded")
        date = claim.event.date
        if date is None:
            return m
        if not (date.year_stated or date.resolved):
            m.month_day = (date.start.month, date.start.day) if date.precision is DatePrecision.DAY else None
            return m
        lo, hi = date.start.toordinal(), date.end.toordinal()
        role = claim.event.date_role
        if claim.event.phase:
            # A phase's dates date the phase: the event was under way then, no more.
            m.start, m.end = (_FAR_PAST, hi), (lo, _FAR_FUTURE)
        elif role is DateRole.START:
            m.start, m.end = (lo, hi), (lo, _FAR_FUTURE)
        elif role is DateRole.END:
            m.start, m.end = (_FAR_PAST, hi), (lo, hi)
        else:
            m.start, m.end = (lo, hi), (lo, hi)
        m.dated = True
        return m

    def resolve(self, claims: list[Claim]) -> dict[str, str]:
        mentions: dict[tuple[str, int, int], _Mention] = {}
        owners: dict[str, tuple[str, int, int]] = {}
        for claim in claims:
            if claim.event is None:
                continue
            key = (claim.source_id, claim.event.start, claim.event.end)
            if key not in mentions:
                mentions[key] = self._mention(claim)
                for kind in claim.event.outbreak_of:
                    # "The war began when Hamas attacked on Oct. 7": the war started that day.
                    self._add_outbreak(mentions, claim, kind)
            owners[claim.id] = key
        dated = sorted(
            (k for k, m in mentions.items() if m.dated and not m.mention.proposed),
            key=lambda k: (mentions[k].start[0], mentions[k].end[0], k),
        )
        for key in dated:
            self._place_dated(key, mentions[key])
        self._merge_typos()
        for key, m in sorted(mentions.items()):
            if key in self.cluster_of:
                continue
            self.cluster_of[key] = self._place_undated(m)
            if self._last_weak:
                self._weak_keys.add(key)
        self._name_clusters()
        self.weak = {claim_id for claim_id, key in owners.items() if key in self._weak_keys}
        return {claim_id: self.cluster_of[key].id + _phase(mentions[key]) for claim_id, key in owners.items()}

    _last_weak = False

    def _add_outbreak(self, mentions: dict[tuple[str, int, int], _Mention], claim: Claim, kind: str) -> None:
        assert claim.event is not None
        date = claim.event.date
        if date is None or not (date.year_stated or date.resolved):
            return
        entry = self.vocabulary.event_kind(kind)
        started = claim.event.model_copy(update={"kind": kind, "date_role": DateRole.START, "outbreak_of": ()})
        m = _Mention(source=self.sources[claim.source_id], mention=started, kind=kind, span=entry.span if entry else "ongoing")
        m.start, m.end = (date.start.toordinal(), date.end.toordinal()), (date.start.toordinal(), _FAR_FUTURE)
        m.dated = True
        mentions[(claim.source_id, -claim.event.start - 1, -claim.event.end - 1)] = m

    def _new_cluster(self, cluster: _Cluster) -> _Cluster:
        cluster.gazetteer = self.gazetteer
        self._made += 1
        cluster.order = self._made
        self.clusters.append(cluster)
        self._of_kind[cluster.kind].append(cluster)
        return cluster

    def _place_dated(self, key: tuple[str, int, int], m: _Mention) -> None:
        candidates = [c for c in self._dated_near(m) if c.fits(m)]
        if candidates:
            best = max(candidates, key=lambda c: (len(c.mentions), -c.order))
        else:
            best = self._new_cluster(_Cluster(kind=m.kind, span=m.span))
            self._index_dated(best, m.start)
        best.add(m)
        self.cluster_of[key] = best

    def _index_dated(self, cluster: _Cluster, start: tuple[int, int]) -> None:
        """File a new dated cluster under the months its start may fall in (a cluster's
        range only narrows as mentions join, so the months stay a superset)."""
        months = _months(start)
        if months is None:
            self._dated_wide[cluster.kind].append(cluster)
        else:
            for month in months:
                self._dated_by_month[(cluster.kind, month)].append(cluster)

    def _dated_near(self, m: _Mention) -> list[_Cluster]:
        """The dated clusters of the mention's kind whose start may share a month with its own."""
        months = _months(m.start)
        if months is None:
            return [c for c in self._of_kind[m.kind] if c.dated and not c.proposed]
        near = {id(c): c for month in months for c in self._dated_by_month[(m.kind, month)]}
        near.update((id(c), c) for c in self._dated_wide[m.kind])
        return list(near.values())

    def _merge_typos(self) -> None:
        """Merge events of one kind whose dates differ as a typo would: a year, or a few days.

        One pair at a time, the first in order of support (how many sources date the
        event at or a typo from a cluster's date), until none is left. A merge
        keeps the surviving cluster's date, so which clusters are a typo apart never
        changes and is worked out once (through the parts of the date a typo leaves
        alone, not pair by pair); what a merge changes is the survivor's weight and
        places, which decide the next merges, so each pass starts from the top again.
        """
        days, years = self.tolerances.date_typo_days, self.tolerances.date_typo_years
        dated = [c for c in self.clusters if c.dated]
        position = {id(c): i for i, c in enumerate(dated)}
        buckets: dict[tuple[object, ...], list[_Cluster]] = defaultdict(list)
        for c in dated:
            p = _typo_point(c)
            if p is not None:
                for key in _typo_keys(c, p)[0]:
                    buckets[key].append(c)
        partners: dict[int, list[_Cluster]] = {}
        need_name = {k.id for k in self.vocabulary.event_kinds if k.typos_need_name}
        for a in dated:
            p = _typo_point(a)
            if p is None:
                continue
            named = bool(a.discriminators) or a.kind not in need_name
            near = {
                id(b): b
                for key in _typo_keys(a, p)[1]
                for b in buckets[key]
                if b is not a and (named or b.discriminators) and _typo_apart(a, b, days, years)
            }
            if near:
                partners[id(a)] = sorted(near.values(), key=lambda b: position[id(b)])
        if not partners:
            return
        # A date a typo away from more of the others is the likelier true one: "Oct. 7,
        # 2023" between "Oct. 7, 2022" and "Oct. 4, 2023" is one typo from each, which
        # are two apart. Such a date is looked at first and survives its merges; between
        # two dates only (as supported as each other) more sources decide.
        support = {id(a): len({m.source.id for c in [a, *partners[id(a)]] for m in c.mentions}) for a in dated if id(a) in partners}
        candidates = sorted((a for a in dated if id(a) in partners), key=lambda a: (-support[id(a)], position[id(a)]))
        gone_to: dict[int, _Cluster] = {}
        # Where the search for the next pair resumes: every candidate before it has no pair
        # left, and a merge can give one back only to the survivor or to those that count it
        # among their partners (its names and places grew), so the search need not start
        # over from the first candidate each time.
        index = {id(a): i for i, a in enumerate(candidates)}
        partnered_by: dict[int, list[int]] = defaultdict(list)
        for a in candidates:
            for b in partners[id(a)]:
                partnered_by[id(b)].append(index[id(a)])
        resume = 0
        while (found := _first_pair(candidates, partners, gone_to, resume)) is not None:
            at, (a, b) = found
            # The date more sources give survives (then more mentions, then the earlier).
            keep, gone = (a, b) if (support[id(a)], _weight(a)) >= (support[id(b)], _weight(b)) else (b, a)
            if not keep.other_starts:
                keep.own_sources = len({m.source.id for m in keep.mentions})
            gone_own = gone.own_sources if gone.other_starts else len({m.source.id for m in gone.mentions})
            keep.other_starts += [(gone.start, gone_own), *gone.other_starts]
            keep.mentions.extend(gone.mentions)
            keep.discriminators |= gone.discriminators
            keep.outbreak_of |= gone.outbreak_of
            keep.merged_from += gone.merged_from
            gone_to[id(gone)] = keep
            resume = min([at, *partnered_by[id(keep)], *([index[id(keep)]] if id(keep) in index else [])])
        if gone_to:
            # Dropped once, after the merges (which read neither list): removing each merged
            # cluster as it went was a pass over all clusters a merge, quadratic in the corpus.
            self.clusters = [c for c in self.clusters if id(c) not in gone_to]
            for kind, clusters in self._of_kind.items():
                self._of_kind[kind] = [c for c in clusters if id(c) not in gone_to]
        self._dated_by_month.clear()  # only `_place_dated` used these, and it is done
        self._dated_wide.clear()
        for key, cluster in self.cluster_of.items():
            while id(cluster) in gone_to:
                cluster = gone_to[id(cluster)]
            self.cluster_of[key] = cluster

    def _place_undated(self, m: _Mention) -> _Cluster:
        """Resolve a mention without a usable date against its source's publication date."""
        self._last_weak = False
        kind = m.kind
        mention = m.mention
        if mention.proposed:
            return self._cluster_for(kind, m.span, proposed=True, discriminator=None, mention=m)
        entry = self.vocabulary.event_kind(kind)
        if entry is not None and entry.named and mention.name is None and _plural(mention.cue):
            # "the fires now burning across California": several of a kind whose events have
            # names, not the one under way.
            return self._cluster_for(kind, m.span, proposed=False, discriminator=m.discriminator, mention=m)
        published = m.source.published.toordinal() if m.source.published else None
        # Once every dated mention is placed and merged, the dated clusters stay put.
        if kind not in self._dated_of_kind:
            self._index_kind(kind)
        pick = self._dated_of_kind[kind]
        same_kind = pick.clusters
        if (month_day := m.month_day) is not None:
            # "the October 7 attacks": the event of that month and day, or one a typo away.
            same_month = self._by_month_day[kind].get(month_day[0], [])
            near = [c for c in same_month if _day_distance(_month_day_of(c), month_day) <= self.tolerances.date_typo_days]
            if near:
                chosen = min(near, key=lambda c: (_day_distance(_month_day_of(c), month_day), -len(c.mentions)))
                chosen.mentions.append(m)
                return chosen
        placed = False  # whether the clusters left are those the mention's place or name picks
        # Which of the kind's dated clusters `same_kind` holds, as a key for the `begun` cache
        # (a place or name picks a set that attaching a mention can change: hence the count).
        which: tuple[object, ...] = ()
        if m.discriminator:
            named = self._clusters_picked(kind, m.discriminator)
            if named.clusters:
                pick, placed = named, True
                which = (m.discriminator, self._discriminator_count[kind])
            elif mention.name:
                # "the Woolsey Fire", which no dated mention names: an event of its own, not
                # a guess at whichever unnamed one the sources date ("the 2017 fires").
                return self._cluster_for(kind, m.span, proposed=False, discriminator=m.discriminator, mention=m)
            else:
                pick = self._clusters_picked(kind, None)
                which = (None, self._discriminator_count[kind])
                self._last_weak = bool(pick.clusters)
            same_kind = pick.clusters
        begun: list[_Cluster] = same_kind
        if published is not None:
            cached = self._begun.get((kind, which, published))
            if cached is None:
                cached = self._begun[(kind, which, published)] = pick.begun_and_ongoing(published)
            begun, ongoing = cached
            if mention.relative == "last":
                over = [c for c in begun if c.end[1] < published]
                if over:
                    return self._attach(max(over, key=lambda c: c.end[0]), m)
            if len(ongoing) == 1:
                return self._attach(ongoing[0], m)
            if m.span == "ongoing" and ongoing:
                return self._attach(min(ongoing, key=lambda c: (c.start[0], -len(c.mentions))), m)
            if len(begun) == 1 and m.span != "instant" and not mention.relative:
                return self._attach(begun[0], m)
        elif len(same_kind) == 1 and m.span != "instant":
            return self._attach(same_kind[0], m)
        self._last_weak = False
        if m.span == "instant" and (placed or not m.discriminator):
            # An undated attack, strike or quake is the one dated event of its kind (of its
            # place, when it names one: "the partial collapse of a tower in Surfside"), if
            # the sources date exactly one by then; otherwise it is not known to be any.
            # (`begun`: those of `same_kind` begun by the publication date, or all of them.)
            if len(begun) == 1 and len({c.kind for c in begun}) == 1 and not mention.relative:
                return self._attach(begun[0], m)
            if placed:
                return self._cluster_for(kind, m.span, proposed=False, discriminator=m.discriminator, mention=m)
            cluster = self._new_cluster(_Cluster(kind=kind, span=m.span))
            cluster.add(m)
            self._undated.setdefault((kind, False, None), cluster)
            return cluster
        self._last_weak = False
        return self._cluster_for(kind, m.span, proposed=False, discriminator=m.discriminator, mention=m)

    def _index_kind(self, kind: str) -> None:
        """File the dated clusters of `kind`, once every dated mention is placed and merged
        (from then on they keep their dates, so the month of each stays put)."""
        dated = [c for c in self._of_kind[kind] if c.dated and not c.proposed]
        self._dated_of_kind[kind] = _Bounds.of(dated)
        by_month: dict[int, list[_Cluster]] = defaultdict(list)
        for c in dated:
            month_day = _month_day_of(c)
            if month_day is not None:
                by_month[month_day[0]].append(c)
        self._by_month_day[kind] = by_month

    def _clusters_picked(self, kind: str, discriminator: str | None) -> _Bounds:
        """The dated clusters of `kind`, in order, whose places or names `discriminator` fits,
        or, for None, those no place or name tells apart."""
        count = self._discriminator_count[kind]
        cached = self._picked.get((kind, discriminator))
        if cached is not None and cached[0] == count:
            return cached[1]
        dated = self._dated_of_kind[kind].clusters
        if discriminator is None:
            clusters = [c for c in dated if not c.discriminators]
        else:
            clusters = [c for c in dated if c.discriminators and _compatible_place(discriminator, c.discriminators, self.gazetteer)]
        picked = _Bounds.of(clusters)
        self._picked[(kind, discriminator)] = (count, picked)
        return picked

    def _attach(self, cluster: _Cluster, m: _Mention) -> _Cluster:
        # A guessed link does not lend the event its place: the next guess stays free.
        cluster.mentions.append(m)
        if m.discriminator and not self._last_weak and m.discriminator not in cluster.discriminators:
            cluster.discriminators.add(m.discriminator)
            self._discriminator_count[cluster.kind] += 1
        return cluster

    def _cluster_for(self, kind: str, span: str, *, proposed: bool, discriminator: str | None, mention: _Mention | None = None) -> _Cluster:
        """The first undated cluster of `kind` with this place or name (or none), made if there is none yet."""
        key = (kind, proposed, discriminator or None)
        found = self._undated.get(key)
        if found is not None:
            if mention is not None:
                found.mentions.append(mention)
            return found
        cluster = _Cluster(kind=kind, span=span, proposed=proposed)
        if discriminator:
            cluster.discriminators.add(discriminator)
        if mention is not None:
            cluster.mentions.append(mention)
        self._undated[key] = cluster
        return self._new_cluster(cluster)

    # ------------------------------------------------------------ naming

    def _name_clusters(self) -> None:
        taken: set[str] = set()
        next_number: dict[str, int] = {}  # per base name: where to look for a free "-n"
        for c in sorted(self.clusters, key=_cluster_order):
            base = _slug(c.kind)
            if c.proposed:
                base += "-proposed"
            elif c.dated:
                base += "-" + _date_slug(c)
            elif c.discriminators:
                base += "-" + _slug(sorted(c.discriminators)[0])
            else:
                base += "-undated"
            name = base
            n = next_number.get(base, 2)
            while name in taken:
                name = f"{base}-{n}"
                n += 1
            next_number[base] = n
            taken.add(name)
            c.id = name
            self._by_id[name] = c

    def events(self) -> list[Event]:
        result = []
        for c in sorted(self.clusters, key=_cluster_order):
            mentions = sorted(
                {(m.source.id, m.mention.start, m.mention.end, m.mention.cue) for m in c.mentions}
            )
            entry = self.vocabulary.event_kind(c.kind)
            result.append(
                Event(
                    id=c.id,
                    kind=c.kind,
                    label=_label(c, entry.label if entry and entry.label else c.kind),
                    start=_range(c.start) if c.dated else None,
                    end=_range(c.end) if c.dated else None,
                    proposed=c.proposed,
                    ongoing=c.span == "ongoing" and c.end[1] == _FAR_FUTURE,
                    mentions=[EventMentionRef(source_id=s, cue=cue, start=a, end=b) for s, a, b, cue in mentions],
                )
            )
        return result

    def start_of(self, event_id: str) -> tuple[int, int] | None:
        """The (earliest, latest) start of an event, as ordinals, if the sources date it."""
        c = self._by_id.get(event_id.split("/")[0])
        if c is not None and c.dated and c.start[0] > _FAR_PAST:
            return c.start
        return None

    def cluster(self, event_id: str) -> _Cluster | None:
        """The event (cluster) with this id, phase aside."""
        return self._by_id.get(event_id.split("/")[0])


def _plural(cue: str) -> bool:
    """Whether an event cue is a plural ("the fires"), not a possessive ("the fire's")."""
    last = cue.split()[-1].lower() if cue.split() else ""
    return last.endswith("s") and not last.endswith(("'s", "’s"))


def _weight(c: _Cluster) -> tuple[int, int, int]:
    return (len({m.source.id for m in c.mentions}), len(c.mentions), -c.start[0])


def _phase(m: _Mention) -> str:
    return f"/phase-{m.mention.phase}" if m.mention.phase else ""


def _typo_apart(a: _Cluster, b: _Cluster, days: int, years: int) -> bool:
    """Whether two dated events of a kind are one event with a typo in a date."""
    if a.kind != b.kind:
        return False
    ta, tb = _typo_point(a), _typo_point(b)
    if ta is None or tb is None or ta[0] != tb[0] or ta == tb:
        return False  # a start is never a typo of an end
    (ya, ma, dya, pa), (yb, mb, dyb, pb) = ta[1], tb[1]
    if pa != pb:
        if "year" in (pa, pb):
            # "Hurricane Lorne … in 2006" and "Lorne struck on Aug. 29, 2005", "the Harvard
            # survey's window through the end of 2018" and "… through December 2017": a year
            # a year off a finer date is a typo only under one name or place.
            return abs(ya - yb) == 1 and bool(a.discriminators & b.discriminators)
        # "the January 2010 quake" and "the quake of 12 January 2011": the month a year off.
        return {pa, pb} == {"day", "month"} and ma == mb and abs(ya - yb) == 1
    if pa == "day":
        if (ma, dya) == (mb, dyb) and 0 < abs(ya - yb) <= years:
            return True
        return (ya, ma) == (yb, mb) and 0 < abs(dya - dyb) <= days
    if pa == "year":
        # "Hurricane Katrina … in 2005" and "… in 2006": a year alone is one event a year
        # off only when both give it the same name or place; else two years, two events.
        return abs(ya - yb) == 1 and bool(a.discriminators & b.discriminators)
    return ma == mb and abs(ya - yb) == 1


def _first_pair(
    candidates: list[_Cluster], partners: dict[int, list[_Cluster]], gone: dict[int, _Cluster], start: int = 0
) -> tuple[int, tuple[_Cluster, _Cluster]] | None:
    """The first two clusters still there, in cluster order from candidate `start` on, one
    typo apart and not told apart by the places or names they give; with the first's index."""
    for at in range(start, len(candidates)):
        a = candidates[at]
        if id(a) in gone:
            continue
        for b in partners[id(a)]:
            if id(b) in gone:
                continue
            if a.discriminators and b.discriminators and not (a.discriminators & b.discriminators):
                continue
            return at, (a, b)
    return None


def _typo_keys(c: _Cluster, anchored: tuple[str, tuple[int, int, int, str]]) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Keys under which two clusters one typo apart meet, as (keys to file the cluster
    under, keys to look its partners up by): the parts of the date a typo leaves alone
    (month and day for a year typo; year and month for a day typo; the month, a year
    either way, between a day and a month; the name or place between two years, or
    between a year and a finer date a year off). Starts meet starts, ends ends."""
    anchor, (year, month, day, precision) = anchored
    kind = (c.kind, anchor)
    names = sorted(c.discriminators)
    same: list[tuple[object, ...]]
    if precision == "year":
        same = [(kind, "y", d) for d in names]
        return same + [(kind, "year-of", d, year) for d in names], same + [(kind, "finer", d, y) for d in names for y in (year - 1, year + 1)]
    across: list[tuple[object, ...]] = [(kind, "mon", year - 1, month), (kind, "mon", year + 1, month)]
    if precision == "day":
        same = [(kind, "md", month, day), (kind, "ym", year, month)]
    else:
        same = [(kind, "m", month)]
    finer = [(kind, "finer", d, year) for d in names]
    year_of = [(kind, "year-of", d, y) for d in names for y in (year - 1, year + 1)]
    return same + [(kind, "mon", year, month)] + finer, same + across + year_of


def _months(start: tuple[int, int]) -> range | None:
    """The months (as year * 12 + month) a start range covers, when it covers a few."""
    lo, hi = start
    if lo <= _FAR_PAST or hi >= _FAR_FUTURE:
        return None
    a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    first, last = a.year * 12 + a.month, b.year * 12 + b.month
    return range(first, last + 1) if last - first < 3 else None


def _point(c: _Cluster) -> tuple[int, int, int, str] | None:
    """A cluster's date as (year, month, day, precision) when it is a single day, month or year."""
    return _point_of(c.start)


def _typo_point(c: _Cluster) -> tuple[str, tuple[int, int, int, str]] | None:
    """The date typos are judged on: the start, or for an event the sources date only by
    its end (a study's window "through December 2017"), the end; with which it is."""
    if c.start[0] > _FAR_PAST:
        point = _point_of(c.start)
        return ("start", point) if point is not None else None
    point = _point_of(c.end)
    return ("end", point) if point is not None else None


@lru_cache(maxsize=4096)
def _point_of(start: tuple[int, int]) -> tuple[int, int, int, str] | None:
    lo, hi = start
    if lo <= _FAR_PAST or hi >= _FAR_FUTURE:
        return None
    a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    if a == b:
        return a.year, a.month, a.day, "day"
    if (a.year, a.month) == (b.year, b.month):
        return a.year, a.month, 0, "month"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return a.year, 0, 0, "year"
    return None


def _day_distance(a: tuple[int, int] | None, b: tuple[int, int]) -> int:
    """Days between two month-days of the same month (a large number across months)."""
    if a is None or a[0] != b[0]:
        return 10**6
    return abs(a[1] - b[1])


def _month_day_of(c: _Cluster) -> tuple[int, int] | None:
    p = _point(c)
    return (p[1], p[2]) if p and p[3] == "day" else None


def _cluster_order(c: _Cluster) -> tuple[object, ...]:
    return (c.kind, not c.dated, c.start[0], c.proposed, sorted(c.discriminators), min((m.source.id, m.mention.start) for m in c.mentions) if c.mentions else ("", 0))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"


def _date_slug(c: _Cluster) -> str:
    lo, hi = c.start
    if lo > _FAR_PAST:
        a = dt.date.fromordinal(lo)
        b = dt.date.fromordinal(hi) if hi < _FAR_FUTURE else a
        if a == b:
            return a.isoformat()
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.year:04d}-{a.month:02d}"
        if a.year == b.year and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year:04d}"
        return a.isoformat()
    hi = c.end[1]
    if hi < _FAR_FUTURE:
        return "until-" + dt.date.fromordinal(hi).isoformat()
    return "dated"


def _range(bounds: tuple[int, int]) -> tuple[dt.date, dt.date] | None:
    lo, hi = bounds
    if lo <= _FAR_PAST and hi >= _FAR_FUTURE:
        return None
    return (dt.date.fromordinal(max(lo, 1)), dt.date.fromordinal(min(hi, _FAR_FUTURE)))


def _label(c: _Cluster, kind_label: str) -> str:
    """"the attack of October 7, 2023", "the ceasefire that began in January 2025", "the proposed ceasefire"."""
    if c.proposed:
        return f"the proposed {kind_label}"
    shown = _shown_discriminators(c)
    where = f" ({', '.join(shown)})" if shown else ""
    if not c.dated:
        return f"the {kind_label}{where}"
    point = _point(c)
    if point:
        y, mo, d, precision = point
        when = dt.date(y, max(mo, 1), max(d, 1))
        text = f"{when:%B} {when.day}, {when.year}" if precision == "day" else f"{when:%B} {when.year}" if precision == "month" else str(y)
        if c.span == "ongoing" and c.end[1] >= _FAR_FUTURE:
            return f"the {kind_label}{where} that began {'in ' if precision == 'year' else ''}{text}"
        return f"the {kind_label}{where} of {text}"
    lo = c.start[0]
    if lo > _FAR_PAST:
        when = dt.date.fromordinal(lo)
        return f"the {kind_label}{where} that began in {when:%B} {when.year}"
    hi = c.end[1]
    if hi < _FAR_FUTURE:
        when = dt.date.fromordinal(hi)
        return f"the {kind_label}{where} that ended by {when:%B} {when.year}"
    return f"the {kind_label}{where}"


def _shown_discriminators(c: _Cluster) -> list[str]:
    """What tells an event apart, for its label: its names and places, a set of places
    ("Syria and Turkey") shown as its members, each once."""
    shown: list[str] = []
    for name in sorted(c.discriminators):
        for member in place_members(name):
            if not any(same_place(member, kept) for kept in shown):
                shown.append(member)
    return sorted(shown)


# ---------------------------------------------------------------- groups


def _group(
    claims: list[Claim], event_of: dict[str, str], vocabulary: Vocabulary, resolver: _EventResolver, tolerances: Tolerances
) -> tuple[list[ClaimGroup], dict[str, str]]:
    by_id = {c.id: c for c in claims}
    blocks: dict[tuple[str, str | None, str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.measure_class is TemporalClass.UNKNOWN or claim.superseded or claim.subset:
            continue  # no quantity to line up, an earlier value, or a part of an unnamed whole
        if claim.part_of is not None:
            whole = by_id.get(claim.part_of)
            if whole is not None and (whole.measure, whole.population) == (claim.measure, claim.population):
                continue  # a subset of its whole with nothing to tell it apart: checked inside its source
        event = event_of.get(claim.id)
        if claim.elapsed and claim.id in resolver.weak:
            # "the nearly month-long campaign … in Lebanon": only a guess ties it to the war
            # begun elsewhere, and time since a start means nothing without its start.
            continue
        if claim.kind is not ClaimKind.DATE and claim.measure_class is TemporalClass.EVENT_BOUND and event is None and _needs_event(claim, vocabulary):
            continue  # an event-bound figure tied to no event cannot be lined up
        role = None
        if claim.kind is ClaimKind.DATE:
            if event is None:
                continue
            role = _date_role(claim)
        measure = "elapsed" if claim.elapsed else claim.measure
        key = (measure, event, claim.population, role)
        blocks[key].append(claim)

    groups: list[ClaimGroup] = []
    group_of: dict[str, str] = {}
    for (measure, event, population, role), members in sorted(blocks.items(), key=lambda kv: tuple(str(x) for x in kv[0])):
        for place, part in _split_by_place(members):
            first = part[0]
            # A quantity any source gives as a level or a running count is one: the weakest class rules.
            classes = {_developing(c, event, resolver, tolerances) for c in part}
            group_class = next((k for k in (TemporalClass.STOCK, TemporalClass.CUMULATIVE) if k in classes), first.measure_class)
            gid = "|".join(str(x) for x in (measure, event or "-", population or "-", place or "-", role or "-"))
            label = _group_label(str(measure), first, event, resolver, place)
            groups.append(
                ClaimGroup(
                    id=gid,
                    label=label,
                    measure=str(measure),
                    measure_class=group_class,
                    event_id=event,
                    population=population,
                    place=place,
                    role=role,
                    claim_ids=[c.id for c in part],
                )
            )
            for c in part:
                group_of[c.id] = gid
    return groups, group_of


def _needs_event(claim: Claim, vocabulary: Vocabulary) -> bool:
    entry = vocabulary.measure(claim.measure) if claim.measure else None
    return entry is None or entry.needs_event


def _developing(claim: Claim, event: str | None, resolver: _EventResolver, tolerances: Tolerances) -> TemporalClass:
    """An event-bound count reported while its event is still recent is a running count."""
    if claim.measure_class is not TemporalClass.EVENT_BOUND or claim.kind not in (ClaimKind.COUNT,) or event is None or claim.as_of is None:
        return claim.measure_class
    start = resolver.start_of(event)
    if start is None or start[1] >= _FAR_FUTURE:
        return claim.measure_class
    days = claim.as_of.toordinal() - start[1]
    return TemporalClass.CUMULATIVE if 0 <= days <= tolerances.developing_days else claim.measure_class


def _date_role(claim: Claim) -> str:
    event = claim.event
    if event is None:
        return "occurrence"
    # When an event began and when it happened are the same question for an
    # instant or a day-long event; only an end date is kept apart.
    if event.date_role is DateRole.END:
        return "end"
    return "occurrence"


def _split_by_place(members: list[Claim]) -> list[tuple[str | None, list[Claim]]]:
    """Claims that name different places are apart; one that names none joins the only place named."""
    places = sorted({c.place for c in members if c.place})
    if not places:
        return [(None, members)]
    merged = _merge_contained(places)
    by_place: dict[str | None, list[Claim]] = defaultdict(list)
    for c in members:
        if c.place is None:
            by_place[merged[0] if len(merged) == 1 else None].append(c)
        else:
            by_place[next(p for p in merged if _same_place(c.place, {p}))].append(c)
    return sorted(by_place.items(), key=lambda kv: str(kv[0]))


def _merge_contained(places: list[str]) -> list[str]:
    """Place names, with one that contains another ("Gaza Strip" and "Gaza") counted once."""
    kept: list[str] = []
    for p in sorted(places, key=len):
        if not any(_same_place(p, {k}) for k in kept):
            kept.append(p)
    return kept


def _group_label(measure: str, claim: Claim, event: str | None, resolver: _EventResolver, place: str | None) -> str:
    entry = resolver.vocabulary.measure(measure)
    what = entry.label if entry and entry.label else measure.replace("_", " ")
    if measure == "event_date":
        what = "the date of"
    elif measure == "elapsed":
        what = "time elapsed since the start of"
    elif measure == "duration":
        what = "the length of"
    population = f" ({_shown_population(claim.population, resolver.vocabulary)})" if claim.population else ""
    where = f" in {place}" if place else ""
    if event:
        event_label = resolver.cluster(event)
        if event_label is not None and place and _shown_discriminators(event_label) == sorted(place_members(place)):
            where = ""  # the event's label already says where
        label = _label(event_label, event_label.kind) if event_label else event
        phase = f", phase {event.split('/phase-')[1]}" if "/phase-" in event else ""
        if measure in ("event_date", "duration", "elapsed"):
            return f"{what} {label}{phase}"
        link = entry.event_link if entry else "in"
        return f"{what}{population}{where} {link} {label}{phase}"
    return f"{what}{population}{where}"


def _shown_population(population: str, vocabulary: Vocabulary) -> str:
    """A population key as messages write it: "living Israeli", "Palestinian"."""
    entries = {p.label: p for p in vocabulary.populations}
    return " ".join(entries[label].shown() if label in entries else label for label in population.split())
