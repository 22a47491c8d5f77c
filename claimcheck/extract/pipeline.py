"""extract(): a source's figures read as typed claims with provenance.

For each sentence that holds a figure: read the sentence (tokens, events,
places, attribution), find part/whole structures, then read each figure —
its measure, population, place, event, temporal class and attribution — and
build a `Claim` whose `Span` slices exactly to its quote.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import cast

from .._build import build
from ..model import (
    Attribution,
    Claim,
    ClaimKind,
    DateRole,
    DateValue,
    EventMention,
    Interval,
    Qualifier,
    Quantity,
    Source,
    TemporalClass,
)
from ..text import LineIndex, Sentence, make_span, split_sentences
from ..vocabulary import Vocabulary
from .figures import Figure, find_figures
from .lexicon import TOKEN, Lexicon, compile_lexicon
from .measures import STOP_WORDS, NounPhrase, linked_bound, noun_phrase, read_measure
from .numbers import quantity
from .reading import FIGURE, NOT_NAMES, EventCue, SourceEvents, SentenceReading, read_sentence
from .revisions import clause_date, is_difference, is_reference, is_running, is_subset
from .structure import Structure, find_structures
from .periods import sum_period
from .windows import window_end
from .day_counts import day_counts

__all__ = ["extract", "iter_claims"]

_ORDER = {"condition": 0, "nationality": 1, "role": 2}
_BREAKS = frozenset(";()")


def extract(source: Source, *, vocabulary: Vocabulary | None = None, reading_text: str | None = None) -> list[Claim]:
    """Every figure in `source` as a typed claim, in text order.

    `reading_text`, when given, is what figures and sentences are read from
    instead of `source.text`: a copy of the same length in which markup has
    been blanked (see `claimcheck.markdown.reading_text`). Spans still slice
    `source.text`, so offsets, lines, columns and quotes point into the raw
    text.

    >>> from claimcheck import Source
    >>> import datetime as dt
    >>> [c.span.quote for c in extract(Source(id="s", text="Hamas seized 251 hostages on Oct. 7, 2023.", published=dt.date(2024, 1, 1)))]
    ['251', 'Oct. 7, 2023']
    >>> [c.span.quote for c in extract(Source(id="s", text="Hamas seized **251** hostages."), reading_text="Hamas seized   251   hostages.")]
    ['251']
    """
    return list(iter_claims(source, vocabulary=vocabulary, reading_text=reading_text))


def iter_claims(source: Source, *, vocabulary: Vocabulary | None = None, reading_text: str | None = None) -> Iterator[Claim]:
    """Like `extract`, one claim at a time (for streaming large corpora)."""
    lexicon = compile_lexicon(vocabulary)
    text = source.text if reading_text is None else reading_text
    if len(text) != len(source.text):
        raise ValueError("reading_text must have the length of the source text, so that offsets stay true")
    sentences = split_sentences(text)
    figures = find_figures(text, sentences, lexicon, source.published)
    if not figures:
        return
    sentences = _join_split_figures(sentences, figures)
    index = LineIndex(source.text, source.line_offset)
    reader = _SourceReader(source, text, sentences, figures, lexicon, index)
    yield from reader.claims()


def _join_split_figures(sentences: list[Sentence], figures: list[Figure]) -> list[Sentence]:
    """The sentences, with any two a figure's quote runs across made one ("about\\nTwelve
    people" on two lines): a quote always lies in its sentence. Figures are renumbered."""
    starts = [s.start for s in sentences]
    joins: set[int] = set()  # sentence i joins sentence i + 1
    for figure in figures:
        first = max(0, bisect.bisect_right(starts, figure.start) - 1)
        last = max(0, bisect.bisect_right(starts, figure.end - 1) - 1)
        joins.update(range(first, last))
    if not joins:
        return sentences
    joined: list[Sentence] = []
    new_index: list[int] = []
    for i, s in enumerate(sentences):
        if i - 1 in joins:
            previous = joined[-1]
            joined[-1] = Sentence(previous.start, s.end, previous.paragraph)
        else:
            joined.append(s)
        new_index.append(len(joined) - 1)
    for figure in figures:
        figure.sentence = new_index[figure.sentence]
    return joined


class _SourceReader:
    """Reads the figures of one source, sentence by sentence."""

    def __init__(self, source: Source, text: str, sentences: list[Sentence], figures: list[Figure], lexicon: Lexicon, index: LineIndex) -> None:
        self.source = source
        self.text = text
        self.sentences = sentences
        self.figures = figures
        self.lexicon = lexicon
        self.index = index
        self.vocabulary = lexicon.vocabulary
        self.names = _source_events(text, lexicon)
        #: The counts with a measure read so far in the current paragraph, for "the nine".
        self._paragraph_counts: list[Claim] = []
        #: Speakers the source has named with their party ("Butte County Sheriff Kory Honea"),
        #: for a later mention by surname ("Honea said").
        self._speakers: list[Attribution] = []

    def claims(self) -> Iterator[Claim]:
        by_sentence: dict[int, list[int]] = {}
        for f, figure in enumerate(self.figures):
            by_sentence.setdefault(figure.sentence, []).append(f)
        previous_events: list[EventCue] = []
        previous_claim_event: EventMention | None = None
        previous_index = -2
        for s_index in sorted(by_sentence):
            sentence = self.sentences[s_index] if self.sentences else Sentence(0, len(self.text), 0)
            prior = self.sentences[s_index - 1] if s_index > 0 and self.sentences else None
            carry = _Carry()
            if prior is not None and prior.paragraph == sentence.paragraph:
                if previous_index == s_index - 1:
                    carry.value = previous_claim_event or _main_event(previous_events, self.lexicon.count_event_kinds)
                    carry.known = True
                else:
                    carry.sentence = prior
            indices = by_sentence[s_index]
            if prior is None or prior.paragraph != sentence.paragraph:
                self._paragraph_counts = []
            reading = read_sentence(self.text, sentence.start, sentence.end, self.figures, indices[0], self.lexicon, self.names)
            claims = [self._known_speaker(c) for c in self._read_sentence(sentence, reading, indices, carry)]
            previous_events = reading.events
            counted = self.lexicon.count_event_kinds
            previous_claim_event = next((c.event for c in reversed(claims) if c.event is not None and c.event.kind in counted), None)
            previous_index = s_index
            self._paragraph_counts.extend(c for c in claims if c.kind is ClaimKind.COUNT and c.measure != "count" and not c.derived_from)
            yield from claims

    def _carried(self, carry: _Carry) -> EventMention | None:
        """The event carried over from the previous sentence, read only when a claim needs it."""
        if not carry.known:
            carry.known = True
            if carry.sentence is not None:
                carry.value = _main_event(self._events_of(carry.sentence), self.lexicon.count_event_kinds)
        return carry.value

    def _events_of(self, sentence: Sentence) -> list[EventCue]:
        first = len(self.figures)
        return read_sentence(self.text, sentence.start, sentence.end, self.figures, first, self.lexicon, self.names).events

    # ------------------------------------------------------------ one sentence

    def _read_sentence(self, sentence: Sentence, reading: SentenceReading, indices: list[int], carried: _Carry) -> list[Claim]:
        counts = {f for f in indices if self.figures[f].kind in (ClaimKind.COUNT, ClaimKind.MONEY)}
        structure = find_structures(reading.tokens, reading.words, counts) if counts else Structure()
        references = {reading.figure_token[f] for f in counts if is_reference(reading.words, reading.figure_token[f], self.lexicon)}
        # A linked subject may be reached across dates and earlier values ("raised the
        # death toll from 64 to 121"), not across another current figure.
        crossable = frozenset(t for g, t in reading.figure_token.items() if self.figures[g].kind is ClaimKind.DATE) | references
        readings = {f: self._read_count(f, reading, carried, references, crossable) for f in indices if f in counts}
        self._refer_back(reading, readings)
        _inherit(structure, readings)
        _inherit_current(readings)
        links = _links(structure, {f: self._claim_id(self.figures[f]) for f in counts})
        claims: list[Claim] = []
        by_figure: dict[int, Claim] = {}
        for f in indices:
            figure = self.figures[f]
            if f in readings:
                claim = self._count_claim(figure, sentence, reading, readings[f], links.get(f, {}))
            elif figure.kind is ClaimKind.DATE:
                claim = self._date_claim(f, figure, sentence, reading)
            else:
                claim = self._duration_claim(f, figure, sentence, reading)
            claims.append(claim)
            by_figure[f] = claim
        self._study_windows(reading, claims, by_figure)
        self._sum_periods(reading, claims, by_figure)
        claims.extend(self._day_count_starts(sentence, reading, by_figure))
        for head_token, parts in structure.derived:
            derived = self._derived_total(sentence, reading, head_token, [by_figure[p] for p in parts if p in by_figure])
            if derived is not None:
                claims.append(derived)
        return claims

    def _study_windows(self, reading: SentenceReading, claims: list[Claim], by_figure: dict[int, Claim]) -> None:
        """Dates that end the window of a study's estimate become dates of the study (`windows`)."""
        if not self.lexicon.window_kind:
            return
        dates = [f for f, c in by_figure.items() if c.kind is ClaimKind.DATE and c.event is None]
        if not dates:
            return
        counts = {reading.figure_token[f]: c for f, c in by_figure.items() if c.kind is ClaimKind.COUNT}
        for f in dates:
            claim = by_figure[f]
            assert isinstance(claim.value, DateValue)
            mention = window_end(reading, reading.figure_token[f], claim.value, counts, self.lexicon, self.text)
            if mention is None:
                continue
            # The window is a fact about the study that the source states, not a figure the
            # body puts forward: a source that misstates it is wrong, not in a dispute.
            dated = claim.model_copy(update={"event": mention, "measure_class": TemporalClass.EVENT_BOUND, "attribution": None})
            claims[claims.index(claim)] = dated
            by_figure[f] = dated

    def _sum_periods(self, reading: SentenceReading, claims: list[Claim], by_figure: dict[int, Claim]) -> None:
        """Durations that give the period a sum is to pay for become lengths of an event of
        their own ("an appeal for $415 million … over the next three months": `periods`)."""
        if not self.lexicon.period_kind:
            return
        durations = [f for f, c in by_figure.items() if c.kind is ClaimKind.DURATION and c.event is None and not c.elapsed]
        if not durations:
            return
        sums = {reading.figure_token[f]: c for f, c in by_figure.items() if c.kind in (ClaimKind.COUNT, ClaimKind.MONEY)}
        for f in durations:
            claim = by_figure[f]
            mention = sum_period(reading, reading.figure_token[f], sums, self.lexicon, self.text)
            if mention is None:
                continue
            lasting = claim.model_copy(update={"event": mention, "measure_class": TemporalClass.EVENT_BOUND})
            claims[claims.index(claim)] = lasting
            by_figure[f] = lasting

    def _day_count_starts(self, sentence: Sentence, reading: SentenceReading, by_figure: dict[int, Claim]) -> list[Claim]:
        """The start of an event a counted day implies ("Tuesday, the thirteenth day of the
        search"), as a date claim derived from that day's (`day_counts`)."""
        values = {reading.figure_token[f]: c.value for f, c in by_figure.items() if c.kind is ClaimKind.DATE}
        if not values:
            return []
        derived = []
        for count in day_counts(reading, values, self.lexicon):
            day = by_figure[count.figure]
            start = min(day.span.start, reading.tokens[count.first_token].start)
            end = max(day.span.end, reading.tokens[count.last_token].end)
            derived.append(
                build(
                    Claim,
                    id=f"{day.id}+day-{count.day}",
                    source_id=self.source.id,
                    kind=ClaimKind.DATE,
                    measure="event_date",
                    measure_class=TemporalClass.EVENT_BOUND,
                    event=count.mention,
                    as_of=self.source.published,
                    value=count.mention.date,
                    span=make_span(self.source, self.index, sentence, start, end),
                    derived_from=(day.id,),
                )
            )
        return derived

    def _claim_id(self, figure: Figure) -> str:
        return f"{self.source.id}:{figure.start}-{figure.end}"

    # ------------------------------------------------------------ counts

    def _read_count(self, f: int, reading: SentenceReading, carried: _Carry, references: set[int], crossable: frozenset[int]) -> _CountReading:
        i = reading.figure_token[f]
        tokens, words = reading.tokens, reading.words
        np = noun_phrase(tokens, words, i, self.lexicon)
        figure = self.figures[f]
        if figure.kind is ClaimKind.MONEY:
            # A sum no cue names ("$25 million") stays "money": kept, but lined up with nothing.
            measure: str | None = read_measure(tokens, words, i, np, self.lexicon, kind="money", date_tokens=crossable) or "money"
        elif getattr(figure.value, "unit", None) is not None:
            # "46,300 acres", "8.2 metres": a measurement; "40 percent of deaths": a share.
            # Neither is ever a count of people, so neither is lined up with one.
            measure = None
        else:
            measure = read_measure(tokens, words, i, np, self.lexicon, date_tokens=crossable)
        if measure is not None and isinstance(figure.value, Quantity) and figure.value.qualifier is Qualifier.EXACT:
            bound = linked_bound(words, i, self.lexicon, kind="money" if figure.kind is ClaimKind.MONEY else "count", date_tokens=crossable)
            if bound is not None:
                # "The death toll passed 46,000": more than 46,000, not exactly it.
                v = figure.value
                verb = self.lexicon.linking_qualifiers.match_ending_at(words, i - 1)
                figure.value = quantity(
                    v.value, Qualifier(bound), self.vocabulary.qualifiers.tolerances, rounding=v.rounding, unit=v.unit,
                    qualifier_text=" ".join(words[i - verb[0] : i]) if verb else None,
                )
        result = _CountReading(i=i, np=np, measure=measure)
        clauses = reading.clauses
        result.running = is_running(words, i, clauses, self.lexicon)
        result.subset = is_subset(words, i, np) or is_difference(words, i, self.lexicon)
        if i in references:
            # An earlier value: compared only if the text dates it ("up from 99 on Thursday").
            result.reference = True
            dated = clause_date(reading, self.figures, i, clauses, self.source.published, after_only=True)
            result.superseded = dated is None
        else:
            dated = clause_date(reading, self.figures, i, clauses, self.source.published)
        if dated is not None:
            result.as_of = dated.end
        if measure is not None:
            entry = self.vocabulary.measure(measure)
            if entry is not None and entry.takes_event and entry.class_ != "stock":
                result.other_time = self._another_time(reading, i)
                if not result.other_time:
                    result.event = _nearest_event(reading, i, kinds=self.lexicon.count_event_kinds) or self._carried(carried)
        return result

    def _known_speaker(self, claim: Claim) -> Claim:
        """A speaker named by surname after the source gave the full name takes its party:
        "Honea said" after "Butte County Sheriff Kory Honea told reporters" is the sheriff,
        an official body, not a party of its own."""
        a = claim.attribution
        if a is None or a.who is None:
            return claim
        if a.party is not None:
            if a not in self._speakers:
                self._speakers.append(a)
            return claim
        surname = a.who.split()
        if not all(w[:1].isupper() for w in a.text.split()[: len(surname)]):
            return claim  # "officials said": a common noun is no surname
        earlier = next((s for s in reversed(self._speakers) if s.who is not None and s.who.split()[-len(surname) :] == surname), None)
        if earlier is None:
            return claim
        return claim.model_copy(update={"attribution": a.model_copy(update={"who": earlier.who, "party": earlier.party, "side": earlier.side})})

    def _refer_back(self, reading: SentenceReading, readings: dict[int, _CountReading]) -> None:
        """A bare count that points back takes the measure and event of what it points to:
        "the other four" (the count before it in its sentence: "Ten of the victims … and the
        other four"), "the nine" (an earlier count of nine in its paragraph: "The toll had
        stood at nine on Friday; five of the nine were found in cars")."""
        words = reading.words
        for f, r in readings.items():
            if r.measure is not None or r.np.head is not None or r.i < 1 or words[r.i - 1] not in ("other", "the"):
                continue
            # Only a count after "the" or "the other" looks back: looking back from every
            # count made a run of bare figures ("12 12 12 …") quadratic in its length.
            earlier = [q for g, q in readings.items() if q.i < r.i and q.measure is not None]
            if words[r.i - 1] == "other" and r.i >= 2 and words[r.i - 2] == "the" and earlier:
                source = max(earlier, key=lambda q: q.i)
                r.measure, r.event = source.measure, r.event or source.event
                continue
            value = self.figures[f].value
            if words[r.i - 1] != "the" or not isinstance(value, Quantity):
                continue
            # "the nine" is the nine told before, as of the day it was told.
            same = [q for g, q in readings.items() if q in earlier and _value_of(self.figures[g].value) == value.value]
            if same:
                r.measure, r.event, r.as_of = same[-1].measure, r.event or same[-1].event, same[-1].as_of or r.as_of
                continue
            told = [c for c in self._paragraph_counts if _value_of(c.value) == value.value]
            if told:
                r.measure, r.event = told[-1].measure, r.event or told[-1].event
                if told[-1].as_of_stated:
                    r.as_of = told[-1].as_of

    def _another_time(self, reading: SentenceReading, i: int) -> bool:
        """"The deadliest quake since 1999, when about 17,000 people died": a count in a
        "when" clause after a date is of that time, not of the event named before it (unless
        the clause names its own event: "in 1999, when an earthquake killed 17,000")."""
        words = reading.words
        for w in range(i - 1, max(-1, i - 12), -1):
            if words[w] in (";", "—", "–", ":", "(") or (words[w] == FIGURE and w != i and reading.tokens.figures[w] >= 0 and self.figures[reading.tokens.figures[w]].kind is not ClaimKind.DATE):
                return False
            if words[w] != "when":
                continue
            d = w - 1 if w >= 1 and words[w - 1] != "," else w - 2
            if d < 0 or reading.tokens.figures[d] < 0 or self.figures[reading.tokens.figures[d]].kind is not ClaimKind.DATE:
                return False
            return not any(w < cue.index < i for cue in reading.events)
        return False

    def _count_claim(self, figure: Figure, sentence: Sentence, reading: SentenceReading, r: _CountReading, links: dict[str, object]) -> Claim:
        measure = r.measure or "count"
        head = None if r.measure else _head_text(reading, r.np)
        place = self._place(reading, r.i, r.event)
        population, population_text = self._population(reading, r, measure, place)
        event = r.event if measure != "count" else None
        span_class = self.lexicon.event_span.get(event.kind) if event is not None else None
        if event is not None and event.proposed:
            span_class = "bounded"
        if r.running and not (event is not None and event.proposed):
            span_class = "ongoing"  # a running count may still grow, whatever it counts
        if r.other_time:
            span_class = "instant"  # a toll of a past moment the text names only by its date
        measure_class = self.vocabulary.measure_class(measure, span_class) if measure != "count" else TemporalClass.UNKNOWN
        return _claim(
            self,
            figure,
            sentence,
            kind=figure.kind,
            measure=measure,
            measure_class=measure_class,
            head=head,
            population=population,
            population_text=population_text,
            place=place,
            event=event,
            attribution=_attribution(reading, r.i),
            as_of=r.as_of or self.source.published,
            as_of_stated=r.as_of is not None,
            superseded=r.superseded,
            subset=r.subset,
            **links,
        )

    def _population(self, reading: SentenceReading, r: _CountReading, measure: str, place: str | None) -> tuple[str | None, str | None]:
        words = reading.words
        np = r.np
        positions = list(np.modifiers)
        if np.head_index is not None:
            positions.append(np.head_index)
        if np.bodies:
            positions.extend(range(r.i + 1, min(len(words), r.i + 5)))
        labels: dict[str, str] = {}
        texts: list[str] = []
        for p in positions:
            if p >= len(words) or words[p] in STOP_WORDS or words[p] == FIGURE:
                if np.bodies and p > r.i:
                    break
                continue
            hit = self.lexicon.populations.match_at(words, p)
            if hit:
                label = str(hit[1])
                labels[label] = self.lexicon.population_dimension.get(label, "generic")
                texts.append(words[p])
        labels = {k: d for k, d in labels.items() if d != "generic"}
        # A role word standing in for the counted noun, with no other role in the
        # sentence, restricts nothing; a part ("including three children") keeps it.
        if np.head_index is not None and not r.part:
            head_hit = self.lexicon.populations.match_at(words, np.head_index)
            if head_hit and labels.get(str(head_hit[1])) == "role":
                roles_elsewhere = {
                    str(h[1])
                    for k in range(len(words))
                    if k not in positions and (h := self.lexicon.populations.match_at(words, k)) and self.lexicon.population_dimension.get(str(h[1])) == "role"
                }
                if not roles_elsewhere - {str(head_hit[1])}:
                    labels.pop(str(head_hit[1]))
        entry = self.vocabulary.measure(measure)
        if entry is not None:
            for implied in entry.implies:
                labels.pop(implied, None)
        # "30 hostages and the bodies of eight more": the 30 are the living ones.
        if "condition" not in labels.values() and measure in ("hostages_released", "hostages_held"):
            tail = words[np.end : np.end + 4]
            if tail[:1] == ["and"] and "bodies" in tail:
                labels["living"] = "condition"
        if "nationality" not in labels.values() and place is not None:
            for entry_p in self.vocabulary.populations:
                for default in entry_p.default_for:
                    if measure in default.measures and place in default.places:
                        labels[entry_p.label] = entry_p.dimension
        if not labels:
            return None, " ".join(texts) or None
        ordered = sorted(labels, key=lambda k: (_ORDER.get(labels[k], 3), k))
        return " ".join(ordered), " ".join(texts) or None

    def _place(self, reading: SentenceReading, i: int, event: EventMention | None) -> str | None:
        """Where the claim's figure is: a place the clause puts it in ("killed 17 people in central Gaza")."""
        words = reading.words
        for index, name in reading.places:
            if index <= i or index > i + 10 or not _locative_before(words, index):
                continue
            if any(w in _BREAKS for w in words[i:index]):
                continue
            if _inside_attribution(reading, index):
                continue
            if event is not None and any(i < cue.index < index and cue.mention.start != event.start for cue in reading.events):
                continue  # "29 on Sunday, … that of the 1933 fire in Los Angeles": the other fire's place
            return name
        for index, name in reading.places:
            if i - 8 <= index < i and _locative_before(words, index) and not any(w in _BREAKS for w in words[index:i]) and not _inside_attribution(reading, index):
                return name
        if event is not None and event.place:
            return event.place
        return None

    def _derived_total(self, sentence: Sentence, reading: SentenceReading, head_token: int, parts: list[Claim]) -> Claim | None:
        """The whole of a breakdown whose whole the text names without a figure."""
        words = reading.words
        measure = None
        for k in range(max(0, head_token - 3), head_token + 1):
            hit = self.lexicon.measure_modifiers.match_at(words, k)
            if hit:
                measure = hit[1].measure  # type: ignore[attr-defined]
                break
        if measure is None or len(parts) < 2 or not all(isinstance(p.value, Quantity) for p in parts):
            return None
        values = [cast(Quantity, p.value) for p in parts]
        strict = _sum_intervals([v.strict for v in values])
        newsroom = _sum_intervals([v.newsroom for v in values])
        exact = all(v.qualifier is Qualifier.EXACT for v in values)
        total = sum(v.value for v in values)
        value = build(Quantity, 
            type="quantity",
            value=total,
            high=None,
            qualifier=Qualifier.EXACT if exact else Qualifier.APPROXIMATE,
            qualifier_text="sum of the parts",
            rounding=1.0,
            unit=None,
            strict=strict,
            newsroom=newsroom,
        )
        start, end = parts[0].span.start, parts[-1].span.end
        span = make_span(self.source, self.index, sentence, start, end)
        place = self._place(reading, head_token, None)
        return build(Claim, 
            id=f"{self.source.id}:{start}-{end}+sum",
            source_id=self.source.id,
            kind=ClaimKind.COUNT,
            measure=measure,
            measure_class=self.vocabulary.measure_class(measure, None),
            head=None,
            population=None,
            population_text=None,
            place=place,
            event=None,
            as_of=self.source.published,
            as_of_stated=False,
            attribution=_attribution(reading),
            value=value,
            span=span,
            elapsed=False,
            derived_from=tuple(p.id for p in parts),
            parts=tuple(p.id for p in parts),
            parts_sum=True,
            part_of=None,
        )

    # ------------------------------------------------------------ dates and durations

    def _date_claim(self, f: int, figure: Figure, sentence: Sentence, reading: SentenceReading) -> Claim:
        # A date shared by an attack and the war it began dates the attack.
        dated = [c.mention for c in _cues_dated_by(reading).get(f, ())]
        event = next((m for m in dated if self.lexicon.event_span.get(m.kind) == "instant"), dated[0] if dated else None)
        return _claim(
            self,
            figure,
            sentence,
            kind=ClaimKind.DATE,
            measure="event_date",
            measure_class=TemporalClass.EVENT_BOUND if event is not None else TemporalClass.UNKNOWN,
            event=event,
            attribution=_attribution(reading),
        )

    def _duration_claim(self, f: int, figure: Figure, sentence: Sentence, reading: SentenceReading) -> Claim:
        i = reading.figure_token[f]
        elapsed = self._elapsed(figure, sentence)
        since = elapsed and _after_event(reading.words, i)
        # "two years after the earthquake": the time since that event, not its length.
        event = _event_after(reading, i + 1) if since else _duration_event(reading, i, self.lexicon)
        if not since and words_after(reading.words, i, tuple(self.lexicon.offset_words)):
            # "up from 900 a day earlier", "three days later": a distance in time, not a length,
            # unless it runs from an event's start to a verb that ends it ("contained it 17 days later").
            event, elapsed = _length_to_end(reading, i, self.lexicon), False
        if elapsed and not since and (event is None or self.lexicon.event_span.get(event.kind) != "ongoing"):
            event = _nearest_event(reading, i, kinds={k for k, span in self.lexicon.event_span.items() if span == "ongoing"}) or event
        if event is not None and elapsed and not since and self.lexicon.event_span.get(event.kind) != "ongoing":
            elapsed = False  # "12 days of truce" is the truce's length, not time since it began
        if elapsed and words_after(reading.words, i, ("after", "since")) and not since:
            elapsed = False  # "for six months after the storm": a period, not time elapsed
        # "died on 29 January, seven months after the fire": elapsed as of that date.
        dated = clause_date(reading, self.figures, i, reading.clauses, self.source.published, recent_only=False) if elapsed else None
        if since and dated is None and reading.words[i + 1] == "after" and self.lexicon.present_markers.isdisjoint(reading.words):
            elapsed = False  # "Power returned two weeks after the storm": a delay, told in the past
        if _since_closing(reading.words, i):
            # "no quake in the more than eight decades since had been as deadly": time since a
            # moment told before, with no event named after it; never an event's length.
            event, elapsed = None, False
        measure_class = TemporalClass.CUMULATIVE if elapsed else TemporalClass.EVENT_BOUND if event is not None else TemporalClass.UNKNOWN
        return _claim(
            self,
            figure,
            sentence,
            kind=ClaimKind.DURATION,
            measure="duration",
            measure_class=measure_class,
            event=event,
            attribution=_attribution(reading),
            elapsed=elapsed,
            as_of=dated.end if dated is not None else self.source.published,
            as_of_stated=dated is not None,
        )

    def _elapsed(self, figure: Figure, sentence: Sentence) -> bool:
        left = self.text[max(sentence.start, figure.start - 40) : figure.core_start]
        right = self.text[figure.end : min(sentence.end, figure.end + 50)]
        quote = self.text[figure.core_start : figure.end]
        suffix = quote[-5:] if quote.lower().endswith("-long") else "long" if quote.lower().endswith("long") else ""
        snippet = f"{left}⟨T⟩{suffix}{right}"
        return any(p.search(snippet) for p in self.lexicon.elapsed)


def _source_events(text: str, lexicon: Lexicon) -> SourceEvents:
    """The events a source names ("Hurricane Maria"), every place it names them, the
    bare name included ("Maria came ashore"), and — if it speaks of "the disaster" —
    the kind of event it names most.

    A name that is also a word the sentence reader must keep (a month, a
    weekday, a title) is left out.
    """
    events = SourceEvents()
    if lexicon.event_names is not None:
        written: dict[str, str] = {}
        for m in lexicon.event_names.finditer(text):
            name = m.group(2)
            if name.lower() not in NOT_NAMES and name.lower() not in events.kinds:
                events.kinds[name.lower()] = lexicon.named_cue_kind[" ".join(m.group(1).lower().split())]
                written[name.lower()] = name
        if written:
            bare = re.compile(r"\b(" + "|".join(re.escape(n) for n in written.values()) + r")\b")
            events.at = [(m.start(), events.kinds[m.group(1).lower()], m.group(1)) for m in bare.finditer(text)]
    if lexicon.event_prefix_names is not None:
        prefixed = [(start, lexicon.prefix_cue_kind[m.group(1).lower()], name) for m in lexicon.event_prefix_names.finditer(text) if (found := _prefix_name(text, m, lexicon)) for start, name in [found]]
        for start, kind, name in prefixed:
            events.prefixed.setdefault(" ".join(name.lower().split()), kind)
        if prefixed:
            events.at = sorted(events.at + prefixed)
    if lexicon.anaphora is not None and lexicon.anaphora.search(text):
        events.main_kind = _main_kind(text, lexicon)
    return events


#: Capitalised words that open a sentence or a phrase and are no part of a name ("The Camp Fire").
_NOT_NAME_WORDS = NOT_NAMES | frozenset("in on at but and as after before while when of for by across since near".split())
_AFTER_NAME = re.compile(r"(?:['’]s)?[ \t]+([A-Z][\w'’-]*)")
#: One to three capitalised words ending where a named event's cue begins.
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?(?:[ \t]+[A-Z][^\W\d_]+(?:-[A-Z]?[^\W\d_]+)?){0,2})[ \t]+\Z")


def _prefix_name(text: str, m: re.Match[str], lexicon: Lexicon) -> tuple[int, str] | None:
    """Where the name of "the Camp Fire" starts, and the name ("Camp"), for the cue `m`
    found; None when the words before it name no event: only words that open a sentence
    ("The"), an agency ("Cal Fire"), or a longer proper name ("the Paradise Fire
    Department", "Miami-Dade Fire Rescue")."""
    before = _NAME_BEFORE.search(text, max(0, m.start() - _NAME_REACH), m.start())
    if before is None:
        return None
    words = [w for w in re.finditer(r"\S+", before.group(1))]
    while words and words[0].group().lower() in _NOT_NAME_WORDS:
        words = words[1:]
    if not words:
        return None
    name = " ".join(w.group() for w in words)
    if f"{name} {m.group(1)}".lower() in lexicon.not_event_names:
        return None
    after = _AFTER_NAME.match(text, m.end())
    if after is not None and after.group(1).lower() not in NOT_NAMES:
        return None
    return before.start(1) + words[0].start(), name


#: How far before its cue a name may begin (three long words).
_NAME_REACH = 80


def _main_kind(text: str, lexicon: Lexicon) -> str | None:
    """The kind of event, not an ongoing one, that the text names most (the first named, on a tie)."""
    words = [w.replace("’", "'") for w in TOKEN.findall(text.lower())]
    counts: dict[str, int] = {}
    for i, word in enumerate(words):
        if word in lexicon.event_cues.by_first and (hit := lexicon.event_cues.match_at(words, i)):
            kind = str(hit[1])
            if lexicon.event_span.get(kind) != "ongoing":
                counts[kind] = counts.get(kind, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None  # dicts keep first-seen order: ties go to the first


class _Carry:
    """The previous sentence's event, worked out lazily."""

    __slots__ = ("known", "value", "sentence")

    def __init__(self) -> None:
        self.known = False
        self.value: EventMention | None = None
        self.sentence: Sentence | None = None


class _CountReading:
    """What was read of one count before its claim is built."""

    __slots__ = ("i", "np", "measure", "event", "part", "running", "subset", "superseded", "reference", "as_of", "other_time")

    def __init__(self, i: int, np: NounPhrase, measure: str | None) -> None:
        self.i = i
        self.np = np
        self.measure = measure
        self.event: EventMention | None = None
        self.part = False
        self.running = False
        self.subset = False
        self.superseded = False
        self.reference = False
        self.as_of: dt.date | None = None
        self.other_time = False


def _value_of(value: object) -> float | None:
    return value.value if isinstance(value, Quantity) else None


def _inherit(structure: Structure, readings: dict[int, _CountReading]) -> None:
    """A part with no measure of its own takes its whole's measure and event."""
    for part, whole in list(structure.part_of.items()) + list(structure.partitive.items()):
        if part not in readings or whole not in readings:
            continue
        p, w = readings[part], readings[whole]
        p.part = True
        if p.measure is None and w.measure is not None:
            p.measure = w.measure
            p.event = p.event or w.event


def _inherit_current(readings: dict[int, _CountReading]) -> None:
    """An earlier value with no measure of its own ("up from 99 on Friday", "from 64 to
    121") takes the measure and event of the nearest current figure in its sentence."""
    current = [r for r in readings.values() if not r.reference and r.measure is not None]
    for r in readings.values():
        if r.reference and r.measure is None and current:
            nearest = min(current, key=lambda c: (abs(c.i - r.i), c.i))
            r.measure = nearest.measure
            r.event = r.event or nearest.event


def _links(structure: Structure, ids: dict[int, str]) -> dict[int, dict[str, object]]:
    """The part/whole fields of each count's claim, by figure index."""
    wholes: dict[int, list[int]] = {}
    for part, whole in structure.part_of.items():
        wholes.setdefault(whole, []).append(part)
    for part, whole in structure.partitive.items():
        if part not in structure.part_of:
            wholes.setdefault(whole, []).append(part)
    links: dict[int, dict[str, object]] = {}
    for whole, parts in wholes.items():
        if whole not in ids:
            continue
        links.setdefault(whole, {}).update(
            parts=tuple(ids[p] for p in parts if p in ids),
            parts_sum=whole in structure.breakdowns,
            parts_listed=whole in structure.listed,
        )
        for p in parts:
            if p in ids:
                links.setdefault(p, {})["part_of"] = ids[whole]
    return links


def _main_event(cues: list[EventCue], kinds: frozenset[str]) -> EventMention | None:
    """The event a sentence is about, for the counts of the next: its last dated mention of
    one of `kinds`, else its last mention of one."""
    dated = [c.mention for c in cues if c.mention.date is not None and not c.mention.proposed and c.mention.kind in kinds]
    if dated:
        return dated[-1]
    plain = [c.mention for c in cues if not c.mention.proposed and c.mention.kind in kinds]
    return plain[-1] if plain else None


def _nearest_event(reading: SentenceReading, i: int, kinds: set[str] | frozenset[str] | None = None) -> EventMention | None:
    """The event cue nearest the figure, in its clause if the clause names one, preferring one before it."""
    best: tuple[tuple[int, float], EventMention] | None = None
    semicolons, breaks = _boundaries(reading)
    for cue in _cues_within(reading, i, _EVENT_REACH):
        if kinds is not None and cue.mention.kind not in kinds:
            continue
        if abs(cue.index - i) > _EVENT_REACH:
            continue  # in a sentence that runs on, an event this far off is another's
        lo, hi = sorted((cue.index, i))
        if semicolons[hi] > semicolons[lo]:
            continue
        other_clause = int(breaks[hi] > breaks[lo] and not _in_relative_on(reading, cue.index, i, breaks))
        distance = (i - cue.index) if cue.index < i else (cue.index - i) * 1.5
        key = (other_clause, distance)
        if best is None or key < best[0]:
            best = (key, cue.mention)
    return best[1] if best else None


#: How many words from a figure its event may stand.
_EVENT_REACH = 60


def _cues_within(reading: SentenceReading, i: int, reach: int) -> list[EventCue]:
    """The sentence's event cues, in order, that may stand within `reach` words of token `i`:
    those in the window when the cues come in text order (found by bisection, so that a
    sentence that runs on with a cue every few words is not read figure by cue), else all."""
    indices = _cue_indices(reading)
    if len(indices) < 16:
        return reading.events
    return reading.events[bisect.bisect_left(indices, i - reach) : bisect.bisect_right(indices, i + reach)]


def _cue_indices(reading: SentenceReading) -> list[int]:
    """Each event cue's token index, in cue order, when the cues come in text order; else empty
    (every cue is then looked at). Worked out once a sentence, not once a figure, so that a
    sentence that runs on is not read figure by cue."""
    if reading.cue_indices is None:
        indices = [cue.index for cue in reading.events]
        reading.cue_indices = indices if all(a <= b for a, b in zip(indices, indices[1:])) else []
    return reading.cue_indices


def _cues_dated_by(reading: SentenceReading) -> dict[int, list[EventCue]]:
    """The sentence's event cues by the index of the date figure that dates them, in cue order.

    Indexed once a sentence: looking through every cue for each date made a
    sentence that runs on with dates and events quadratic (bench.pathological
    run-on-sentence).
    """
    if reading.cues_dated_by is None:
        index: dict[int, list[EventCue]] = {}
        for cue in reading.events:
            if cue.date_figure is not None:
                index.setdefault(cue.date_figure, []).append(cue)
        reading.cues_dated_by = index
    return reading.cues_dated_by


def _in_relative_on(reading: SentenceReading, cue: int, i: int, breaks: list[int]) -> bool:
    """Whether the figure at `i` stands in a relative clause on the words of the event cue at
    `cue`: "The Camp Fire's toll, which stood at 29 on Sunday" is the Camp Fire's, though the
    comma before "which" opens a clause."""
    if cue >= i or breaks[i] - breaks[cue] != 1:
        return False
    words = reading.words
    return any(words[c] == "," and words[c + 1] in _RELATIVE_PRONOUNS for c in range(cue + 1, min(i - 1, cue + _ANTECEDENT_REACH + 1)))


#: Words of the event's noun phrase before ", which": "The Camp Fire's toll, which …".
_ANTECEDENT_REACH = 5
_RELATIVE_PRONOUNS = frozenset("which who that".split())


def _boundaries(reading: SentenceReading) -> tuple[list[int], list[int]]:
    """How many semicolons, and how many clause boundaries (a dash, a colon, or a comma
    before a new clause), stand before each token: counted once per sentence, so that
    "is there one between these two tokens" is a subtraction."""
    if reading.boundaries is None:
        words = reading.words
        n = len(words)
        semicolons, breaks = [0], [0]
        for k, word in enumerate(words):
            semicolons.append(semicolons[-1] + (word == ";"))
            is_break = word in ("—", "–", ":") or (word == "," and k + 1 < n and words[k + 1] in _CLAUSE_OPENERS)
            breaks.append(breaks[-1] + is_break)
        reading.boundaries = (semicolons, breaks)
    return reading.boundaries


_CLAUSE_OPENERS = frozenset("and but while whereas although though which who when after before as so yet".split())


def words_after(words: list[str], i: int, choices: tuple[str, ...]) -> bool:
    """Whether the token after `i` is one of `choices`."""
    return i + 1 < len(words) and words[i + 1] in choices


def _after_event(words: list[str], i: int) -> bool:
    """"two years after the earthquake": a duration measured from an event.

    Not "for six months after the storm" or "in the two weeks after": those are
    periods that start at the event, not the time that has passed since it.
    """
    if i + 1 >= len(words) or words[i + 1] not in ("after", "since"):
        return False
    return not (i >= 1 and words[i - 1] in _PERIOD_WORDS)


def _since_closing(words: list[str], i: int) -> bool:
    """"the eight decades since had been …", "in the years since, …": a "since" with no
    object after the duration at `i`."""
    return i + 1 < len(words) and words[i + 1] == "since" and (i + 2 >= len(words) or words[i + 2] in _AFTER_BARE_SINCE)


#: Words that follow a "since" that has no object: punctuation, auxiliaries, "then".
_AFTER_BARE_SINCE = frozenset(", . ; : ) — – had has have was were is are then".split())

#: Words before "N after the event" that make it a period rather than a point in time.
_PERIOD_WORDS = frozenset("for during over within in the first next past throughout".split())


def _length_to_end(reading: SentenceReading, i: int, lexicon: Lexicon) -> EventMention | None:
    """The event whose length a duration before "later" gives: the sentence starts it and a
    verb right before the duration ends it ("The truce began on Jan. 19 and collapsed 58 days
    later"; "The blaze ignited near Pulga on Nov. 9, 2018, … before crews contained it 17 days
    later"). None for any other distance in time ("three days later, officials said")."""
    words = reading.words
    if i + 1 >= len(words) or words[i + 1] not in lexicon.length_offsets:
        return None
    k = i - 1
    if k >= 0 and words[k] in _OBJECT_PRONOUNS:
        k -= 1
    if k < 0:
        return None
    general = lexicon.end_cues.match_ending_at(words, k)
    started = [c for c in reading.events if c.index < k and c.mention.date_role is DateRole.START and ";" not in words[c.index : k]]
    if not started:
        return None
    cue = started[-1]
    own = lexicon.kind_end_cues.values_ending_at(words, k)
    if (general and words[k] not in _NOT_END_VERBS) or (own and cue.mention.kind in own[1]):
        return cue.mention
    return None


#: Pronouns that stand for the event between its ending verb and the duration ("contained it").
_OBJECT_PRONOUNS = frozenset("it them".split())
#: General end cues that are prepositions, not verbs that end an event ("until two days later").
_NOT_END_VERBS = frozenset("until through".split())


def _duration_event(reading: SentenceReading, i: int, lexicon: Lexicon | None = None) -> EventMention | None:
    """The event a duration measures: "60-day cease-fire", "cease-fire lasting 60 days", "21 months of war",
    "a 17-day fight against the wildfire".

    A duration after a verb of lasting is its subject's length ("The truce in
    Dorvia in January 2024 lasted 54 days before it collapsed"); an event named
    after the duration is the one measured only when nothing but modifiers
    stands between ("six weeks of fighting"), not across a verb or a
    preposition of time ("for six months after the storm").
    """
    words = reading.words
    k = i - 1
    while k >= 0 and words[k] == "for":
        k -= 1
    if k >= 0 and words[k] in _LASTING:
        subject = _subject_before(reading, k)
        if subject is not None:
            return subject.mention
    near = _cues_within(reading, i, 4)
    for cue in near:
        if i < cue.index <= i + 4 and _DURATION_TO_EVENT.isdisjoint(words[i + 1 : cue.index]):
            return cue.mention
    for cue in near:
        if cue.index < i and i - cue.index <= 4 and not any(w in (";",) for w in words[cue.index : i]):
            return cue.mention
    if lexicon is not None and i + 2 < len(words) and words[i + 1] in lexicon.effort_nouns and words[i + 2] in ("against", "with"):
        # "a 17-day fight against the deadliest and most destructive wildfire in California history"
        for cue in _cues_within(reading, i, 2 + _EFFORT_REACH):
            if i + 2 < cue.index <= i + 2 + _EFFORT_REACH and not any(w in _BREAK_WORDS or w == FIGURE for w in words[i + 3 : cue.index]):
                return cue.mention
    return None


def _subject_before(reading: SentenceReading, k: int) -> EventCue | None:
    """The last event cue before token `k` in its clause and between the same semicolons: the
    subject of a verb of lasting at `k` ("The truce in Dorvia … lasted 54 days")."""
    semicolons, breaks = _boundaries(reading)

    def same_clause(cue: EventCue) -> bool:
        return breaks[k] == breaks[cue.index] and semicolons[k] == semicolons[cue.index]

    indices = _cue_indices(reading)
    if len(indices) == len(reading.events):
        # In text order, the cues in k's clause before it are the last ones before it (the
        # counts only grow): the last cue before k is the subject if any cue is.
        j = bisect.bisect_left(indices, k) - 1
        return reading.events[j] if j >= 0 and same_clause(reading.events[j]) else None
    subject = [cue for cue in reading.events if cue.index < k and same_clause(cue)]
    return subject[-1] if subject else None


#: How many words may stand between "a 17-day fight against" and the event's cue.
_EFFORT_REACH = 8
_BREAK_WORDS = frozenset(", ; : ( ) — –".split())


def _event_after(reading: SentenceReading, k: int) -> EventMention | None:
    """The event named right after token `k` ("after the earthquake", "since the war began")."""
    for cue in _cues_within(reading, k, 4):
        if k < cue.index <= k + 4 and _DURATION_TO_EVENT.isdisjoint(reading.words[k + 1 : cue.index]):
            return cue.mention
    return None


#: Verbs whose object is the length of their subject ("the truce lasted 54 days").
_LASTING = frozenset("lasted lasting lasts last spanned spanning ran running stretched endured".split())
#: Words that, between a duration and an event after it, make the event something else than
#: what the duration measures: punctuation, time prepositions, pronouns and auxiliaries.
_DURATION_TO_EVENT = frozenset(
    ", ; — – after before since until following it they he she we was were is are had has have in into to for at on".split()
)


def _locative_before(words: list[str], index: int) -> bool:
    """Whether the place at `index` follows a locative preposition (not "with"/"against")."""
    k = index - 1
    if k >= 0 and words[k] == "the":
        k -= 1
    return k >= 0 and words[k] not in ("with", "against")


def _inside_attribution(reading: SentenceReading, token_index: int) -> bool:
    """Whether a token lies in an attribution phrase ("according to Gaza health authorities")."""
    offset = reading.tokens[token_index].start
    return any(start <= offset < end for start, end, _ in reading.attributions)


def _head_text(reading: SentenceReading, np: NounPhrase) -> str | None:
    if np.head is None or np.head_index is None:
        return None
    head = np.head
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def _attribution(reading: SentenceReading, i: int | None = None) -> Attribution | None:
    """The attribution nearest the figure at token `i`, preferring one in its own clause."""
    if not reading.attributions:
        return None
    chosen = reading.attributions[0][2]
    if i is not None and len(reading.attributions) > 1:
        offset = reading.tokens[i].start
        clause = reading.clauses[i]
        def distance(item: tuple[int, int, object]) -> tuple[int, int]:
            start, end, _ = item
            k = reading.tokens.first_from(start, i)
            return (int(reading.clauses[min(k, len(reading.clauses) - 1)] != clause), min(abs(start - offset), abs(end - offset)))
        chosen = min(reading.attributions, key=distance)[2]  # type: ignore[arg-type,assignment]
    text, who, party, side = chosen
    return build(Attribution, text=text, who=_who_key(who) if who else None, party=party, side=side)


@lru_cache(maxsize=4096)
def _who_key(who: str) -> str:
    """Who is speaking, as compared: lower case, without "the" or "-led" ("the Hamas-run
    health ministry" is "hamas health ministry"). Cached: a sentence's claims mostly share it."""
    return " ".join(re.sub(r"-(?:led|run|backed)$", "", w.lower()) for w in who.split() if w.lower() != "the")


def _sum_intervals(intervals: list[Interval]) -> Interval:
    low = 0.0 if all(i.low is not None for i in intervals) else None
    high = 0.0 if all(i.high is not None for i in intervals) else None
    for i in intervals:
        if low is not None and i.low is not None:
            low += i.low
        if high is not None and i.high is not None:
            high += i.high
    return build(Interval, 
        low=low, high=high, low_open=any(i.low_open for i in intervals), high_open=any(i.high_open for i in intervals)
    )


def _claim(reader: _SourceReader, figure: Figure, sentence: Sentence, **fields: object) -> Claim:
    source = reader.source
    span = make_span(source, reader.index, sentence, figure.start, figure.end)
    data: dict[str, object] = {
        "id": f"{source.id}:{figure.start}-{figure.end}",
        "source_id": source.id,
        "head": None,
        "population": None,
        "population_text": None,
        "place": None,
        "event": None,
        "as_of": source.published,
        "as_of_stated": False,
        "attribution": None,
        "value": figure.value,
        "span": span,
        "elapsed": False,
        "superseded": False,
        "subset": False,
        "derived_from": (),
        "parts": (),
        "parts_sum": False,
        "parts_listed": False,
        "part_of": None,
    }
    data.update(fields)
    return build(Claim, **data)

