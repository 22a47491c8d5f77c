"""The vocabulary: words and patterns the extractor reads, kept in data files.

The built-in vocabulary lives in ``claimcheck/data/*.toml``; a user adds to it
with files of the same shape (`Vocabulary.load(["newsroom.toml"])`). Every
file is validated on load: an unknown key or a bad value is a
`VocabularyError` naming the file and the key.

Merging: an entry whose id is already known extends it (its lists are
appended, its scalars replace the old ones); a new id adds an entry. Scalar
settings (tolerances) replace the built-in ones.

Patterns are regular expressions (case-insensitive). A space in a pattern
matches any run of white space. Placeholders are documented in
docs/vocabulary.md: ``{N}`` the figure being read, ``{n}`` any other count,
``{MOD}`` up to three modifier words, ``{AUX}`` auxiliary verbs, ``{ADV}`` an
adverb, ``{PAREN}`` a parenthetical aside, ``{PEOPLE}`` nouns for people.
"""

from __future__ import annotations

import difflib
import hashlib
import typing
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import VocabularyError
from .model import TemporalClass
from .tomlfile import key_line, parse_toml

__all__ = [
    "Vocabulary",
    "MeasureEntry",
    "EventKindEntry",
    "PopulationEntry",
    "PlaceEntry",
    "PartyEntry",
    "VagueAmount",
    "PopulationDefault",
    "QualifierEntry",
    "Tolerances",
    "default_vocabulary",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VagueAmount(_Strict):
    """A vague amount ("thousands") and the interval it stands for."""

    phrase: str
    unit: float
    low: float
    high: float


class NumberWords(_Strict):
    """Cardinal number words and magnitude words."""

    units: dict[str, int] = Field(default_factory=dict)
    tens: dict[str, int] = Field(default_factory=dict)
    scales: dict[str, float] = Field(default_factory=dict)
    dozen: list[str] = Field(default_factory=list)
    ordinals: dict[str, int] = Field(default_factory=dict)
    fractions: dict[str, float] = Field(default_factory=dict)
    measure_units: dict[str, list[str]] = Field(default_factory=dict)
    vague: list[VagueAmount] = Field(default_factory=list)


class QualifierEntry(_Strict):
    """Phrases that hedge a figure, before it or after it, and the qualifier they give.

    `counts_only` phrases hedge counts and money, not durations; `not_after` are the
    words after which a `counts_only` phrase is a particle ("turned over 30"). It
    applies to those phrases only: "took more than 250" keeps its hedge.
    `linking_verbs` hedge a figure only when they link a subject naming a measure to it
    ("the death toll passed 46,000").
    """

    kind: Literal["approximate", "nearly", "more_than", "at_least", "fewer_than", "at_most"]
    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    counts_only: list[str] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    linking_verbs: list[str] = Field(default_factory=list)


class Tolerances(_Strict):
    """How wide a hedged figure reads, as fractions of the figure.

    `approximate` / `nearly`: the strict and newsroom half-widths for "about"
    and "nearly". `bound_newsroom`: how far past its bound "more than N" is
    read to go in the newsroom reading. `round_figure_zeros`: how many
    trailing zeros make a figure round (and carry its rounding).
    """

    approximate_strict: float = 0.15
    approximate_newsroom: float = 0.05
    nearly_strict: float = 0.15
    nearly_newsroom: float = 0.05
    bound_newsroom: float = 0.10
    round_figure_zeros: int = 2


class Qualifiers(_Strict):
    """Qualifier phrases and the tolerances that give them width."""

    tolerances: Tolerances = Field(default_factory=Tolerances)
    entries: list[QualifierEntry] = Field(default_factory=list)


class Dates(_Strict):
    """Month and weekday names and the phrases around dates."""

    months: dict[str, list[str]] = Field(default_factory=dict)
    ambiguous_months: list[str] = Field(default_factory=list)
    weekdays: dict[str, list[str]] = Field(default_factory=dict)
    month_parts: dict[str, list[int]] = Field(default_factory=dict)
    future_cues: list[str] = Field(default_factory=list)


class DurationUnitEntry(_Strict):
    """A time unit: its words (regular expressions), its length in days, its strict slack in
    units, and how far N calendar units may lie from N average units, in days."""

    unit: Literal["second", "minute", "hour", "day", "week", "month", "year", "decade"]
    words: list[str]
    days: float
    strict_slack: float = 0.0
    calendar_days: float = 0.0


class Durations(_Strict):
    """Time units, and the patterns that make a duration an elapsed time."""

    units: list[DurationUnitEntry] = Field(default_factory=list)
    elapsed_patterns: list[str] = Field(default_factory=list)
    present_markers: list[str] = Field(default_factory=list)
    offset_words: list[str] = Field(default_factory=list)
    #: Offset words that, after a verb ending an event the sentence starts, give the
    #: event's length: "began on Jan. 19 and collapsed 58 days later".
    length_offsets: list[str] = Field(default_factory=list)
    #: Nouns of an effort against an event whose length is the event's: "a 17-day fight
    #: against the wildfire".
    effort_nouns: list[str] = Field(default_factory=list)
    #: Words right before a duration that make it the period a sum is to pay for: "an
    #: appeal for $415 million … over the next three months", "meant to cover three months"
    #: (read only in the clause of a measure with a `period_kind`).
    period_cues: list[str] = Field(default_factory=list)


class MeasureEntry(_Strict):
    """A measure: what is counted, its temporal class, and the words that name it.

    See the header of ``claimcheck/data/measures.toml`` for how `nouns`,
    `verbs`, `predicates`, `modifiers` and `heads` are read. `class_` is a
    temporal class, or ``by_event``: event-bound when tied to an instant or
    bounded event, cumulative when tied to an ongoing one or to none.
    `implies` lists population labels the measure already carries, dropped
    from its claims. `event_link` joins the label to its event in a group's
    label ("the damage in the earthquake", "the cost of rebuilding after").
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: str
    label: str = ""
    class_: Literal["event_bound", "cumulative", "stock", "by_event"] = Field(alias="class")
    kind: Literal["count", "money"] = "count"
    heads: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)
    predicates: list[str] = Field(default_factory=list)
    modifiers: list[str] = Field(default_factory=list)
    implies: list[str] = Field(default_factory=list)
    default_heads: list[str] = Field(default_factory=list)
    subjects: list[str] = Field(default_factory=list)
    #: Phrases later in the figure's clause that undo the measure: people "reported missing
    #: [who] have since been accounted for" are found, not missing.
    unless: list[str] = Field(default_factory=list)
    takes_event: bool = True
    #: False: a figure of this measure tied to no event is still lined up, with the others
    #: tied to none. An appeal is told far from the disaster's name ("The UN's $415 million
    #: appeal, launched last week"), and a story speaks of one appeal.
    needs_event: bool = True
    #: The kind of event (in events.toml) whose length is the period a sum of this measure
    #: is to pay for, when its clause names the measure by a noun and gives a duration after
    #: one of [durations] `period_cues`: "a flash appeal for $415 million … over the next
    #: three months" is the length of the appeal. Empty: a sum of it has no period.
    period_kind: str = ""
    event_link: str = "in"
    replace: bool = False


class Links(_Strict):
    """Linking phrases between a subject that names a measure and its figure ("the toll rose to 36")."""

    phrases: list[str] = Field(default_factory=list)


class PopulationDefault(_Strict):
    """Where an unrestricted count of these measures carries a population."""

    measures: list[str]
    places: list[str]


class PopulationEntry(_Strict):
    """A population label, its dimension, and the words that carry it."""

    label: str
    dimension: Literal["condition", "nationality", "role", "generic"]
    words: list[str]
    default_for: list[PopulationDefault] = Field(default_factory=list)
    #: How messages write the label; by default a nationality is capitalised ("Palestinian").
    display: str | None = None
    replace: bool = False

    def shown(self) -> str:
        """The label as messages write it."""
        if self.display is not None:
            return self.display
        return self.label.capitalize() if self.dimension == "nationality" else self.label


class EventKindEntry(_Strict):
    """A kind of event: its cue words, and whether it is instant, bounded or ongoing."""

    id: str
    label: str = ""
    span: Literal["instant", "bounded", "ongoing"]
    cues: list[str]
    #: Events of the kind usually have a proper name ("Hurricane Maria", "the Camp Fire"):
    #: an unnamed mention ("the storm", "the fire") is the one its source last named.
    named: bool = False
    #: Where the name stands: after the cue ("Hurricane Maria") or before it, both
    #: capitalised ("the Camp Fire", "the Northridge Earthquake").
    name_position: Literal["after", "before"] = "after"
    #: Verbs that say an event of this kind began, besides the general start cues: "the
    #: blaze ignited near Pulga on Nov. 9" dates the fire's start.
    start_cues: list[str] = Field(default_factory=list)
    #: Verbs that say an event of this kind ended, besides the general end cues ("crews
    #: contained it").
    end_cues: list[str] = Field(default_factory=list)
    #: Many events of the kind run at once (studies): two dated a typo apart are one
    #: event with a typo only when one of them is named.
    typos_need_name: bool = False
    #: Whether counts are tied to events of the kind: a search is when bodies were found,
    #: not what killed them, so its story's tolls stay the disaster's.
    counts: bool = True
    #: Whether a date that says only that the event happened or was under way dates it:
    #: "Sunday's search" is a day the search went on, not the day it began.
    occurrence_dates: bool = True
    replace: bool = False


class EventGrammar(_Strict):
    """Words that attach dates to events and tell proposals, relatives and phases apart."""

    start_cues: list[str] = Field(default_factory=list)
    end_cues: list[str] = Field(default_factory=list)
    occurrence_cues: list[str] = Field(default_factory=list)
    proposal_cues: list[str] = Field(default_factory=list)
    relative_cues: dict[str, list[str]] = Field(default_factory=dict)
    phase_cues: dict[str, int] = Field(default_factory=dict)
    phase_kind: str = "ceasefire"
    outbreak_connectors: list[str] = Field(default_factory=list)
    meeting_words: list[str] = Field(default_factory=list)
    #: Nouns that make a possessive place a stretch of time, not where a thing happened:
    #: "the deadliest wildfire in California's recorded history".
    history_words: list[str] = Field(default_factory=list)
    #: Words that name whatever the source is about ("the disaster", "the events of
    #: 14 June 2017"): a mention of the kind of event the source names most.
    anaphoric_cues: list[str] = Field(default_factory=list)
    #: The window one body's estimate covers: a date one of `window_end_cues` (or the
    #: second date of a range: `range_openers` … `range_joiners`) introduces, in the clause
    #: of a toll that a study (an attribution naming one of `window_nouns`) gives, is the
    #: end of that study's window, an event of kind `window_kind`.
    window_kind: str = ""
    window_nouns: list[str] = Field(default_factory=list)
    window_end_cues: list[str] = Field(default_factory=list)
    range_openers: list[str] = Field(default_factory=list)
    range_joiners: list[str] = Field(default_factory=list)
    #: A counted day of an event dates its start: "early Tuesday, the thirteenth day of the
    #: search" (the first day is the day it began). Words that may join the date to "the Nth
    #: day of" besides a comma ("Sunday marked the 100th day of the war").
    day_count_links: list[str] = Field(default_factory=list)
    #: Names that look like a named event but are not one: "Cal Fire" is California's
    #: fire agency, not a fire.
    not_event_names: list[str] = Field(default_factory=list)


class PlaceEntry(_Strict):
    """A place: its canonical name, other names, and the place it lies in."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    within: str | None = None
    #: No place in particular ("the region"): a figure for it is its own quantity, but an
    #: event described there may be the one another source places more precisely.
    broad: bool = False
    replace: bool = False


class PartyEntry(_Strict):
    """A party figures are attributed to, the names it goes by, and its side."""

    id: str
    side: str
    names: list[str]
    #: Names that mean this party only in a sentence naming one of the `local_to` places
    #: ("the health ministry" in a sentence about Gaza).
    local_names: list[str] = Field(default_factory=list)
    local_to: list[str] = Field(default_factory=list)
    replace: bool = False


class Attribution(_Strict):
    """Phrases that attribute a figure, speaking bodies, official bodies, and which sides oppose each other."""

    before_who: list[str] = Field(default_factory=list)
    verbs: list[str] = Field(default_factory=list)
    possessive: list[str] = Field(default_factory=list)
    estimates: list[str] = Field(default_factory=list)
    official: list[str] = Field(default_factory=list)
    speakers: list[str] = Field(default_factory=list)
    authority_words: list[str] = Field(default_factory=list)
    not_speakers: list[str] = Field(default_factory=list)
    side_words: dict[str, list[str]] = Field(default_factory=dict)
    official_side: str | None = None
    opposing: list[tuple[str, str]] = Field(default_factory=list)


class Revisions(_Strict):
    """Phrases that make a figure an earlier or contrasted value, or a running count (data/revisions.toml)."""

    before: list[str] = Field(default_factory=list)
    change_verbs: list[str] = Field(default_factory=list)
    reference_nouns: list[str] = Field(default_factory=list)
    reference_modifiers: list[str] = Field(default_factory=list)
    contrast_words: list[str] = Field(default_factory=list)
    differences_after: list[str] = Field(default_factory=list)
    running_cues: list[str] = Field(default_factory=list)


class Noise(_Strict):
    """Lines and spans that are not news, label words, and compound modifiers that are not counts."""

    line_patterns: list[str] = Field(default_factory=list)
    span_patterns: list[str] = Field(default_factory=list)
    label_words: list[str] = Field(default_factory=list)
    non_count_units: list[str] = Field(default_factory=list)


class Vocabulary(_Strict):
    """The merged vocabulary: built-in data plus any user files."""

    numbers: NumberWords = Field(default_factory=NumberWords)
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    dates: Dates = Field(default_factory=Dates)
    durations: Durations = Field(default_factory=Durations)
    heads: dict[str, list[str]] = Field(default_factory=dict)
    person_suffixes: list[str] = Field(default_factory=list)
    #: Nouns that only group what they count, after "of": "eight sets of remains" counts remains.
    group_nouns: list[str] = Field(default_factory=list)
    links: Links = Field(default_factory=Links)
    measures: list[MeasureEntry] = Field(default_factory=list)
    populations: list[PopulationEntry] = Field(default_factory=list)
    event_kinds: list[EventKindEntry] = Field(default_factory=list)
    events: EventGrammar = Field(default_factory=EventGrammar)
    places: list[PlaceEntry] = Field(default_factory=list)
    parties: list[PartyEntry] = Field(default_factory=list)
    attribution: Attribution = Field(default_factory=Attribution)
    revisions: Revisions = Field(default_factory=Revisions)
    noise: Noise = Field(default_factory=Noise)
    files: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> Vocabulary:
        """The built-in vocabulary extended by the files in `extra`."""
        extra = tuple(str(p) for p in extra)
        return _load(extra)

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of the merged vocabulary: equal vocabularies, equal fingerprints."""
        data = self.model_dump_json(exclude={"files"})
        return hashlib.sha256(data.encode()).hexdigest()[:16]

    @cached_property
    def _measures_by_id(self) -> dict[str, MeasureEntry]:
        return {m.id: m for m in self.measures}

    @cached_property
    def _kinds_by_id(self) -> dict[str, EventKindEntry]:
        return {k.id: k for k in self.event_kinds}

    def measure(self, measure_id: str) -> MeasureEntry | None:
        """The measure entry with this id, if any."""
        return self._measures_by_id.get(measure_id)

    def event_kind(self, kind_id: str) -> EventKindEntry | None:
        """The event kind with this id, if any."""
        return self._kinds_by_id.get(kind_id)

    def measure_class(self, measure_id: str, event_span: str | None) -> TemporalClass:
        """The temporal class of a measure, given the span of the event it is tied to."""
        entry = self.measure(measure_id)
        if entry is None:
            return TemporalClass.UNKNOWN
        if entry.class_ != "by_event":
            return TemporalClass(entry.class_)
        if event_span in ("instant", "bounded"):
            return TemporalClass.EVENT_BOUND
        return TemporalClass.CUMULATIVE


_SECTIONS = {
    "numbers", "qualifiers", "dates", "durations", "heads", "person_suffixes", "group_nouns", "links", "measure", "population",
    "event_kind", "events", "place", "party", "attribution", "revisions", "noise", "about",
}  # fmt: skip


def _builtin_files() -> list[tuple[str, str]]:
    folder = resources.files("claimcheck") / "data"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    return [(f"claimcheck/data/{p.name}", p.read_text(encoding="utf-8")) for p in files]


@lru_cache(maxsize=16)
def _load(extra: tuple[str, ...]) -> Vocabulary:
    documents = _builtin_files()
    for path in extra:
        try:
            documents.append((path, Path(path).read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise VocabularyError("no such vocabulary file", path=path) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise VocabularyError(f"cannot read vocabulary file: {exc}", path=path) from None
    merged: dict[str, Any] = {}
    for path, text in documents:
        data = parse_toml(text, path, VocabularyError)
        unknown = sorted(set(data) - _SECTIONS)
        if unknown:
            raise VocabularyError(f'unknown section "{unknown[0]}" (expected one of {", ".join(sorted(_SECTIONS))})', path=path, line=key_line(text, unknown[0]))
        _check_section_shapes(data, path, text)
        _merge(merged, data)
    merged["files"] = tuple(path for path, _ in documents)
    try:
        return Vocabulary.model_validate(_rename(merged))
    except ValidationError as exc:
        raise _validation_error(exc, extra[-1] if extra else "claimcheck/data", None) from None


def _check_section_shapes(data: dict[str, Any], path: str, text: str) -> None:
    """Validate each section of one file on its own, so an error names this file."""
    try:
        Vocabulary.model_validate(_rename({k: v for k, v in data.items() if k != "about"}))
    except ValidationError as exc:
        raise _validation_error(exc, path, text) from None


def _validation_error(exc: ValidationError, path: str, text: str | None) -> VocabularyError:
    """One line for a vocabulary file's first problem; an unknown key before anything it may cause.

    A misspelt key (``idd``) also leaves a required one missing (``id``); the
    misspelling is the thing to fix, so it is named first, with the known key
    it is closest to.
    """
    errors = exc.errors()
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = [str(p) if not isinstance(p, int) else p for p in first["loc"]]
    key = loc[-1] if loc and isinstance(loc[-1], str) else None
    line = key_line(text, key) if text is not None and key else None
    if first["type"] != "extra_forbidden":
        what = f'"{key}" in {_where(loc[:-1])}' if key and len(loc) > 1 else _where(loc)
        return VocabularyError(f"{what}: {first['msg']}", path=path, line=line)
    known = _known_keys(loc[:-1])
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f" (did you mean {close[0]}?)" if close else f" (known keys: {', '.join(known)})" if known else ""
    return VocabularyError(f'unknown key "{key}" in {_where(loc[:-1])}{hint}', path=path, line=line)


_SECTION_NAMES = {v: k for k, v in {"measure": "measures", "population": "populations", "event_kind": "event_kinds", "place": "places", "party": "parties"}.items()}


def _where(loc: list[str | int]) -> str:
    """A place in a vocabulary file as its TOML reads: ``[[measure]] number 2``, ``[qualifiers.tolerances]``."""
    if not loc:
        return "the file"
    head, rest = loc[0], loc[1:]
    if head in _SECTION_NAMES and rest and isinstance(rest[0], int):
        where = f"[[{_SECTION_NAMES[str(head)]}]] number {rest[0] + 1}"
        rest = rest[1:]
    else:
        tables = [str(head)]
        while rest and isinstance(rest[0], str):
            tables.append(rest[0])
            rest = rest[1:]
        where = f"[{'.'.join(tables)}]"
    return where + "".join(f".{p}" if isinstance(p, str) else f"[{p}]" for p in rest)


def _known_keys(loc: list[str | int]) -> list[str]:
    """The keys the model at `loc` (within `Vocabulary`) accepts, as a file writes them."""
    model: Any = Vocabulary
    annotation: Any = None
    for part in loc:
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        else:
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                return []
            field = model.model_fields.get(part) or next((f for f in model.model_fields.values() if f.alias == part), None)
            if field is None:
                return []
            annotation = field.annotation
        model = annotation
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


_LISTS = {"measure": "measures", "population": "populations", "event_kind": "event_kinds", "place": "places", "party": "parties"}
_KEYS = {"measure": "id", "population": "label", "event_kind": "id", "place": "name", "party": "id"}


def _rename(data: dict[str, Any]) -> dict[str, Any]:
    return {_LISTS.get(k, k): v for k, v in data.items() if k != "about"}


def _merge(into: dict[str, Any], data: dict[str, Any]) -> None:
    for section, value in data.items():
        if section == "about":
            continue
        if section in _LISTS:
            _merge_entries(into.setdefault(section, []), value, _KEYS[section])
        elif isinstance(value, dict):
            _merge_tables(into.setdefault(section, {}), value)
        else:
            into[section] = value


def _merge_entries(existing: list[dict[str, Any]], new: list[dict[str, Any]], key: str) -> None:
    by_key = {entry.get(key): entry for entry in existing}
    for entry in new:
        old = by_key.get(entry.get(key))
        if old is None or entry.get("replace"):
            if old is not None:
                existing.remove(old)
            entry = dict(entry)
            existing.append(entry)
            by_key[entry.get(key)] = entry
            continue
        for field, value in entry.items():
            if isinstance(value, list) and isinstance(old.get(field), list):
                old[field] = old[field] + value
            else:
                old[field] = value


def _merge_tables(into: dict[str, Any], data: dict[str, Any]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge_tables(into[key], value)
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = into[key] + value
        else:
            into[key] = value


def default_vocabulary() -> Vocabulary:
    """The built-in vocabulary (cached)."""
    return _load(())
