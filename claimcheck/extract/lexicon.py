"""The vocabulary compiled for the extractor: figure patterns and phrase tables.

Compiling is done once per vocabulary (cached by its fingerprint). Patterns
use bounded repetitions only, so every one runs in time linear in its input.
Phrase tables map a token sequence to what it names; lookups are by first
token, longest phrase first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..vocabulary import Vocabulary, default_vocabulary

__all__ = ["Lexicon", "PhraseTable", "compile_lexicon", "tokenize_phrase", "TOKEN"]

#: A word token: letters and digits, joined by inner hyphens, apostrophes or dots
#: ("cease-fire", "Israel's", "U.S").
TOKEN = re.compile(r"\w+(?:[-'’.]\w+){0,6}")


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case token tuple the tables are keyed by."""
    return tuple(t.lower().replace("’", "'") for t in TOKEN.findall(phrase))


@dataclass(slots=True)
class PhraseTable:
    """Token phrases → values, looked up by position in a token list.

    A phrase may carry several values (two measures can share a verb); the
    lookups return the first value added, and `values_*` return them all in
    the order they were added.
    """

    by_first: dict[str, list[tuple[tuple[str, ...], list[object]]]] = field(default_factory=dict)
    longest: int = 1
    #: The last word of every phrase: most words end none, and are turned away at once.
    by_last: set[str] = field(default_factory=set)

    def add(self, phrase: str | tuple[str, ...], value: object) -> None:
        """Add a phrase (text or token tuple) with a value."""
        tokens = tokenize_phrase(phrase) if isinstance(phrase, str) else phrase
        if not tokens:
            return
        self.by_last.add(tokens[-1])
        bucket = self.by_first.setdefault(tokens[0], [])
        for existing, values in bucket:
            if existing == tokens:
                values.append(value)
                return
        bucket.append((tokens, [value]))
        bucket.sort(key=lambda item: -len(item[0]))
        self.longest = max(self.longest, len(tokens))

    def values_at(self, words: list[str], i: int) -> tuple[int, list[object]] | None:
        """The longest phrase starting at `words[i]`, as (length, values)."""
        bucket = self.by_first.get(words[i])
        if not bucket:
            return None
        n = len(words)
        for tokens, values in bucket:
            k = len(tokens)
            if i + k <= n and (k == 1 or tuple(words[i : i + k]) == tokens):
                return k, values
        return None

    def values_ending_at(self, words: list[str], j: int) -> tuple[int, list[object]] | None:
        """The longest phrase ending at `words[j]` (inclusive), as (length, values)."""
        if words[j] not in self.by_last:
            return None
        for k in range(min(self.longest, j + 1), 0, -1):
            bucket = self.by_first.get(words[j - k + 1])
            if not bucket:
                continue
            for tokens, values in bucket:
                if len(tokens) == k and tuple(words[j - k + 1 : j + 1]) == tokens:
                    return k, values
        return None

    def match_at(self, words: list[str], i: int) -> tuple[int, object] | None:
        """The longest phrase starting at `words[i]`, as (length, first value)."""
        # Most words start no phrase: turned away before a second call (some 300,000 a 3 MB corpus).
        if words[i] not in self.by_first:
            return None
        hit = self.values_at(words, i)
        return (hit[0], hit[1][0]) if hit else None

    def match_ending_at(self, words: list[str], j: int) -> tuple[int, object] | None:
        """The longest phrase ending at `words[j]`, as (length, first value)."""
        hit = self.values_ending_at(words, j)
        return (hit[0], hit[1][0]) if hit else None


@dataclass(frozen=True, slots=True)
class MeasureCue:
    """One way a measure is named: which measure, the head classes it accepts, and its kind (count or money)."""

    measure: str
    heads: frozenset[str]
    kind: str = "count"


@dataclass(slots=True)
class Lexicon:
    """Everything the extractor matches, compiled from one vocabulary."""

    vocabulary: Vocabulary
    trigger: re.Pattern[str]
    trigger_kind: dict[str, str]
    number_words: dict[str, int]
    #: Ordinal words with their numbers ("thirteenth", "twenty-first"); digits ("13th") are read apart.
    ordinal_words: dict[str, int]
    scale_words: dict[str, float]
    word_number: re.Pattern[str]
    list_item_one: re.Pattern[str]
    digit_number: re.Pattern[str]
    joined_number: re.Pattern[str]
    measure_unit: re.Pattern[str] | None
    measure_unit_names: dict[str, str]
    vague: re.Pattern[str]
    vague_amounts: dict[str, tuple[float, float, float]]
    qualifier_before: PhraseTable
    qualifier_before_counts: PhraseTable
    qualifier_after: re.Pattern[str]
    qualifier_after_kinds: dict[str, str]
    linking_qualifiers: PhraseTable
    date: re.Pattern[str]
    month_number: dict[str, int]
    weekday_number: dict[str, int]
    duration: re.Pattern[str]
    duration_compound: re.Pattern[str]
    duration_range: re.Pattern[str]
    duration_article: re.Pattern[str]
    unit_days: dict[str, tuple[float, float, float]]  # (days per unit, strict slack in units, calendar days)
    unit_of_word: list[tuple[re.Pattern[str], str]]
    elapsed: list[re.Pattern[str]]
    present_markers: frozenset[str]
    offset_words: frozenset[str]
    length_offsets: frozenset[str]
    effort_nouns: frozenset[str]
    #: The period a sum is to pay for (`extract/periods.py`): the phrases that introduce
    #: it, and per measure id the kind of event whose length it is.
    period_cues: PhraseTable
    period_kind: dict[str, str]
    noise_line_starts: re.Pattern[str] | None
    noise_line_anywhere: tuple[tuple[re.Pattern[str], bool], ...]
    noise_spans: tuple[re.Pattern[str], ...]
    label_words: frozenset[str]
    non_count_units: frozenset[str]
    head_class: dict[str, str]
    person_suffixes: tuple[str, ...]
    group_nouns: frozenset[str]
    #: Per measure id, the phrases that undo it later in the clause (`unless`).
    measure_unless: dict[str, PhraseTable]
    default_measure: dict[str, str]
    measure_nouns: PhraseTable
    measure_verbs: PhraseTable
    measure_predicates: PhraseTable
    measure_modifiers: PhraseTable
    measure_subjects: PhraseTable
    links: PhraseTable
    populations: PhraseTable
    population_dimension: dict[str, str]
    event_cues: PhraseTable
    event_starters: frozenset[str]
    #: "Hurricane Maria", "Tropical Storm Elsa": a capitalised cue of a named kind and
    #: the name after it (group 2); group 1 is the cue, looked up in `named_cue_kind`.
    event_names: re.Pattern[str] | None
    named_cue_kind: dict[str, str]
    #: "the Camp Fire", "the Northridge Earthquake": a capitalised cue (group 1) of a kind
    #: named that way, looked up in `prefix_cue_kind`; the name before it is read apart.
    event_prefix_names: re.Pattern[str] | None
    prefix_cue_kind: dict[str, str]
    #: Lower-cased names that look like a named event and are not one ("cal fire").
    not_event_names: frozenset[str]
    #: Start and end verbs of one kind of event ("ignited"), valued by the kind's id.
    kind_start_cues: PhraseTable
    kind_end_cues: PhraseTable
    kind_start_cues_kinds: frozenset[str]
    #: "the disaster", "the events of": a mention of the source's main kind of event.
    anaphoric_cues: PhraseTable
    anaphora: re.Pattern[str] | None
    #: A study's window (`extract/windows.py`): its event kind, the nouns that name a
    #: study, the phrases that introduce the window's end, and a range's words.
    window_kind: str
    window_nouns: frozenset[str]
    window_end_cues: PhraseTable
    range_openers: frozenset[str]
    range_joiners: frozenset[str]
    day_count_links: frozenset[str]
    event_span: dict[str, str]
    #: The kinds of event counts may be tied to (all but those with `counts = false`).
    count_event_kinds: frozenset[str]
    #: The kinds a date dates only as a start or an end (`occurrence_dates = false`).
    start_end_kinds: frozenset[str]
    start_cues: PhraseTable
    occurrence_cues: PhraseTable
    end_cues: PhraseTable
    proposal_cues: PhraseTable
    relative_cues: PhraseTable
    phase_cues: PhraseTable
    outbreak_connectors: frozenset[str]
    meeting_words: frozenset[str]
    history_words: frozenset[str]
    places: PhraseTable
    place_within: dict[str, str]
    parties: PhraseTable
    attribution_before: PhraseTable
    attribution_verbs: PhraseTable
    attribution_possessive: PhraseTable
    attribution_official: PhraseTable
    attribution_estimates: frozenset[str]
    speakers: frozenset[str]
    attribution_triggers: frozenset[str]
    authority_words: frozenset[str]
    not_speakers: PhraseTable
    side_words: tuple[tuple[str, frozenset[str]], ...]
    official_side: str | None
    local_parties: PhraseTable
    future_cues: PhraseTable
    revision_before: PhraseTable
    change_verbs: frozenset[str]
    reference_nouns: frozenset[str]
    reference_modifiers: frozenset[str]
    contrast_words: frozenset[str]
    differences_after: frozenset[str]
    running_cues: PhraseTable
    opposing: frozenset[tuple[str, str]]


def compile_lexicon(vocabulary: Vocabulary | None = None) -> Lexicon:
    """The compiled lexicon for `vocabulary` (the built-in one by default), cached."""
    vocabulary = vocabulary or default_vocabulary()
    return _compile(vocabulary.fingerprint, vocabulary)


_cache: dict[str, Lexicon] = {}


def _compile(fingerprint: str, vocabulary: Vocabulary) -> Lexicon:
    cached = _cache.get(fingerprint)
    if cached is not None:
        return cached
    lexicon = _build(vocabulary)
    if len(_cache) > 16:
        _cache.clear()
    _cache[fingerprint] = lexicon
    return lexicon


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words`, factored by common prefixes.

    Python's engine tries alternatives one by one; factoring them into a trie
    lets it reject a position after one character, which makes a scan for
    hundreds of words run at tens of megabytes a second.

    >>> trie_pattern(["day", "days", "decade"])
    'd(?:ay(?:s)?|ecade)'
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(root)


def _cased(words: Iterable[str]) -> set[str]:
    """Each word in lower case, Capitalised and UPPER case (the trigger scan is case-sensitive for speed)."""
    result: set[str] = set()
    for word in words:
        result.update((word.lower(), word[:1].upper() + word[1:].lower(), word.upper()))
    return result


def _alternation(items: Iterable[str]) -> str:
    """A regex alternation of `items` (regex fragments), longest first."""
    return "|".join(sorted(set(items), key=lambda s: (-len(s), s)))


def _words(items: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return _alternation(re.escape(w) for w in items)


def _build(v: Vocabulary) -> Lexicon:
    n = v.numbers
    units = {w: int(x) for w, x in n.units.items()}
    tens = {w: int(x) for w, x in n.tens.items()}
    number_words = {**units, **tens}
    small_units = _words(w for w, x in units.items() if 1 <= x <= 9)
    small = rf"(?:(?:{_words(tens)})(?:[- ](?:{small_units}))?|{_words(units)})"
    hundred = rf"(?:(?:{small}|a|one)\s+hundred(?:\s+(?:and\s+)?{small})?)"
    base = rf"(?:{hundred}|{small})"
    big_scales = _words(w for w, x in n.scales.items() if x >= 1000 and len(w) > 2)
    scaled = rf"(?:(?:{base}|a)\s+(?:{big_scales})(?:,?\s+(?:and\s+)?{base}\s+(?:{big_scales}))?(?:,?\s+(?:and\s+)?{base})?)"
    dozen = rf"(?:(?:a|{small})\s+(?:{_words(n.dozen)}))" if n.dozen else r"(?!x)x"
    if n.fractions:
        part = _words(n.fractions)
        # "one and a half million" | "half a million", "a quarter of a million" | "a half-million"
        fraction = (
            rf"(?:(?:{base})\s+and\s+an?\s+(?:{part})|(?:an?\s+)?(?:{part})(?:\s+of)?\s+an?|an?\s+(?:{part}))[\s-]+(?:{big_scales})"
        )
    else:
        fraction = r"(?!x)x"
    # Not the tens of an ordinal: "the twenty-first day" holds no count of twenty.
    unit_ordinals = _words(w for w, x in n.ordinals.items() if 1 <= x <= 9)
    not_ordinal = rf"(?!-(?:{unit_ordinals})(?![\w]))" if unit_ordinals else ""
    word_number = re.compile(rf"(?<![\w-])(?:{fraction}|{scaled}|{dozen}|{hundred}|{small})(?![\w]){not_ordinal}", re.IGNORECASE)
    # Before a "one" that is an item in a list of counts: a count in digits or words ("96 …
    # and one person", "seven of them in Paradise and one in Magalia"), then "and" or a comma.
    counts_before = _words(w for w, x in number_words.items() if x >= 2)
    list_item_one = re.compile(rf"(?:\d[\d,]*|(?<![\w-])(?:{counts_before})(?![\w-]))[^.;:\d]{{1,140}}(?:,|\band)\s+\Z", re.IGNORECASE)

    scale_alt = _words(n.scales)
    number_body = (
        r"(?P<num>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,15}(?:\.\d{1,4})?)(?![\d]|,\d|\.\d)"
        rf"(?:(?P<magsp>\s?)(?P<mag>{scale_alt}|m|k)(?![\w]))?"
        r"(?:\s?(?P<pct>%|percent(?!\w)|per cent(?!\w)))?"
    )
    # Not after a letter, a digit or a dash: "F-16", "COVID-19" and the "30" of "20-30"
    # are not numbers on their own (the range reader takes the last with `joined_number`).
    digit_number = re.compile(
        r"(?:(?<![\w$€£¥₪])(?P<cur>US\$|A\$|C\$|\$|€|£|¥|₪)\s?|(?<![\w.,$€£¥₪/:\-–]))" + number_body, re.IGNORECASE
    )
    unit_names = {form.lower(): name for name, forms in n.measure_units.items() for form in forms}
    unit_forms = _alternation(r"\s+".join(re.escape(w) for w in form.split()) for form in unit_names)
    measure_unit = re.compile(rf"[ \u00a0](?P<unit>{unit_forms})(?![\w])", re.IGNORECASE) if unit_names else None
    joined_number = re.compile(r"(?:(?P<cur>US\$|A\$|C\$|\$|€|£|¥|₪)\s?)?" + number_body, re.IGNORECASE)
    vague_amounts = {a.phrase.lower(): (a.unit, a.low, a.high) for a in n.vague}
    vague = re.compile(rf"(?<![\w-])(?:{_words(vague_amounts)})(?![\w])", re.IGNORECASE)

    q = v.qualifiers
    qualifier_before = PhraseTable()
    qualifier_before_counts = PhraseTable()
    after_parts: list[tuple[str, str]] = []
    linking_qualifiers = PhraseTable()
    for entry in q.entries:
        for phrase in entry.linking_verbs:
            linking_qualifiers.add(phrase, entry.kind)
        # `not_after` guards only the particle forms ("turned over 30"): an unambiguous
        # hedge such as "more than" stays a hedge after any verb ("took more than 250").
        blocked = frozenset(w.lower() for w in entry.not_after)
        unblocked: frozenset[str] = frozenset()
        for phrase in entry.before:
            qualifier_before.add(phrase, (entry.kind, unblocked))
            qualifier_before_counts.add(phrase, (entry.kind, unblocked))
        for phrase in entry.counts_only:
            qualifier_before_counts.add(phrase, (entry.kind, blocked))
        for phrase in entry.after:
            after_parts.append((phrase, entry.kind))
    qualifier_after = re.compile(
        "|".join(rf"(?P<q{i}>\s*{_phrase_regex(p)})(?![\w])" for i, (p, _) in enumerate(after_parts)) or r"(?!x)x",
        re.IGNORECASE,
    )
    qualifier_after_kinds = {f"q{i}": kind for i, (_, kind) in enumerate(after_parts)}

    d = v.dates
    month_number: dict[str, int] = {}
    month_forms: list[str] = []
    for index, (name, forms) in enumerate(d.months.items(), start=1):
        for form in forms:
            month_number[form.replace("\\", "").rstrip(".").lower()] = index
            month_forms.append(form)
        month_number[name.lower()] = index
    weekday_number: dict[str, int] = {}
    weekday_forms: list[str] = []
    for index, (name, forms) in enumerate(d.weekdays.items()):
        for form in forms:
            weekday_number[form.replace("\\", "").rstrip(".").lower()] = index
            weekday_forms.append(form)
    month = rf"(?:{_alternation(month_forms)})(?![\w])"
    weekday = rf"(?:{_alternation(weekday_forms)})(?![\w])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
    year_digits = r"(?:1[89]\d\d|20\d\d)"
    year = year_digits + r"(?![\d])"
    parts = _words(d.month_parts)
    date = re.compile(
        "(?<![\\w])(?:"
        rf"(?P<iso>(?P<iy>{year_digits})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))(?![\d])"
        # "07/14/2014", "14/07/2014": read when the order is plain (one part above 12).
        r"|(?P<num>(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<n3>(?:1[89]|20)\d\d))(?![\d/])"
        rf"|(?P<md>(?P<m1>{month})\s+(?P<d1>{day}),?\s+(?P<y1>{year}))"
        rf"|(?P<dm>(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month}),?\s+(?P<y2>{year}))"
        rf"|(?P<part>(?P<pw>(?i:{parts}))[- ](?P<m3>{month})(?:,?\s+(?P<y3>{year}))?)"
        rf"|(?P<my>(?P<m4>{month}),?\s+(?:of\s+)?(?P<y4>{year}))"
        rf"|(?P<mdn>(?P<m5>{month})\s+(?P<d5>{day}))"
        rf"|(?P<dmn>(?P<d6>{day})\s+(?:of\s+)?(?P<m6>{month}))"
        rf"|(?P<relm>(?P<rw2>(?i:last|next|this|past))\s+(?P<m8>{month}))"
        r"|(?P<rel>(?P<rw>(?i:last|next|this|past|coming))\s+(?P<ru>(?i:week|month|year|weekend)))(?![\w])"
        r"|(?P<yday>(?i:yesterday))(?![\w])"
        rf"|(?P<wd>{weekday})"
        rf"|(?P<mon>{month})"
        # A fiscal or season year ("2012–13", "2019/20") and a decade ("the 1990s").
        rf"|(?P<fy>(?P<fy1>{year_digits})[-–/](?P<fy2>\d\d))(?![\d\w])"
        r"|(?P<dec>(?P<dy>(?:1[89]|20)\d0)s)(?![\w])"
        rf"|(?P<yr>{year})"
        ")",
    )

    du = v.durations
    unit_days: dict[str, tuple[float, float, float]] = {}
    unit_of_word: list[tuple[re.Pattern[str], str]] = []
    unit_words: list[str] = []
    for unit_entry in du.units:
        unit_days[unit_entry.unit] = (unit_entry.days, unit_entry.strict_slack, unit_entry.calendar_days)
        for word in unit_entry.words:
            unit_of_word.append((re.compile(rf"(?:{word})\Z", re.IGNORECASE), unit_entry.unit))
            unit_words.append(word)
    unit_alt = _alternation(unit_words)
    number_any = rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,3}}|\d{{1,6}}(?:\.\d{{1,2}})?|{hundred}|{small})"
    duration = re.compile(
        rf"(?<![\w-])(?P<num>{number_any})(?P<sep>[- ]|\s+)(?P<unit>{unit_alt})(?P<long>[- ]?long)?(?![\w])(?!-old)",
        re.IGNORECASE,
    )
    # "six to eight weeks", "2-3 days"; "between six and eight weeks" (the reader checks "between").
    duration_range = re.compile(
        rf"(?<![\w-])(?P<num>{number_any})\s*(?P<join>-|–|to|and)\s*(?P<num2>{number_any})(?P<sep>[- ]|\s+)(?P<unit>{unit_alt})(?![\w])(?!-old)",
        re.IGNORECASE,
    )
    # "a week earlier", "a day after the collapse", "a year ago": one unit, when what follows
    # makes it a length of time (not "twice a week" or "$500 a week").
    duration_article = re.compile(
        rf"(?<![\w-])(?P<num>an?)\s+(?P<unit>{unit_alt})(?=\s+(?:earlier|later|after|before|ago|since|into|of|long|on|in which)\b)",
        re.IGNORECASE,
    )
    singular_units = _alternation(w.rstrip("?").rstrip("s") if w.endswith("s?") else w for w in unit_words)
    duration_compound = re.compile(rf"(?<![\w-])(?P<unit>{singular_units})[- ]?long(?![\w])", re.IGNORECASE)
    elapsed = [
        re.compile(p.replace("{T}", "(?:⟨T⟩)").replace(" ", r"\s+"), re.IGNORECASE) for p in du.elapsed_patterns
    ]

    # Line patterns anchored at ^ are tried at the start of each short line (a match,
    # not a search); the others are searched for once in the lower-cased text, each
    # on its own, with a leading \b checked by hand, so the engine can scan for their
    # first literal instead of trying an alternation at every character.
    starts = [p[1:] for p in v.noise.line_patterns if p.startswith("^")]
    noise_line_starts = re.compile("|".join(f"(?:{p})" for p in starts), re.IGNORECASE) if starts else None
    noise_line_anywhere = tuple(
        (re.compile(p.removeprefix("\\b")), p.startswith("\\b")) for p in v.noise.line_patterns if not p.startswith("^")
    )

    head_class: dict[str, str] = {}
    for cls, nouns in v.heads.items():
        for noun in nouns:
            head_class.setdefault(noun.lower(), cls)

    measure_nouns, measure_verbs, measure_predicates, measure_modifiers, measure_subjects = (PhraseTable() for _ in range(5))
    links = PhraseTable()
    for phrase in v.links.phrases:
        links.add(phrase, True)
    default_measure: dict[str, str] = {}
    measure_unless: dict[str, PhraseTable] = {}
    for m in v.measures:
        for cls in m.default_heads:
            default_measure.setdefault(cls, m.id)
        if m.unless:
            measure_unless[m.id] = PhraseTable()
            for phrase in m.unless:
                measure_unless[m.id].add(phrase, True)
        measure_cue = MeasureCue(m.id, frozenset(m.heads), m.kind)
        for phrase in m.nouns:
            measure_nouns.add(phrase, measure_cue)
        for phrase in m.verbs:
            measure_verbs.add(phrase, measure_cue)
        for phrase in m.predicates:
            measure_predicates.add(phrase, measure_cue)
        for phrase in m.modifiers:
            measure_modifiers.add(phrase, measure_cue)
        for phrase in m.subjects:
            measure_subjects.add(phrase, measure_cue)

    populations = PhraseTable()
    population_dimension: dict[str, str] = {}
    for p in v.populations:
        population_dimension[p.label] = p.dimension
        for word in p.words:
            populations.add(word, p.label)

    event_cues = PhraseTable()
    event_span: dict[str, str] = {}
    named_cue_kind: dict[str, str] = {}
    prefix_cue_kind: dict[str, str] = {}
    kind_start_cues, kind_end_cues = PhraseTable(), PhraseTable()
    for kind in v.event_kinds:
        event_span[kind.id] = kind.span
        for cue in kind.cues:
            event_cues.add(cue, kind.id)
            # "the fire's first day", "the storm's toll": the possessive is a mention too.
            tokens = tokenize_phrase(cue)
            if tokens and not tokens[-1].endswith("'s"):
                event_cues.add((*tokens[:-1], tokens[-1] + "'s"), kind.id)
            if kind.named and kind.name_position == "after":
                named_cue_kind.setdefault(" ".join(cue.lower().split()), kind.id)
            elif kind.named and len(tokens) == 1 and not cue.lower().endswith("s"):
                # A plural ("the North Bay Fires") names several events, not one.
                prefix_cue_kind.setdefault(cue.lower(), kind.id)
        for phrase in kind.start_cues:
            kind_start_cues.add(phrase, kind.id)
        for phrase in kind.end_cues:
            kind_end_cues.add(phrase, kind.id)
    # Only a title-cased cue names: "Hurricane Maria" is a name, "the storm Rosselló spoke of" is not.
    event_names = (
        re.compile(
            r"\b("
            + "|".join(r"\s+".join(re.escape(w[:1].upper() + w[1:]) for w in cue.split()) for cue in sorted(named_cue_kind, key=len, reverse=True))
            + r")\s+([A-Z][^\W\d_]+)\b"
        )
        if named_cue_kind
        else None
    )
    # "the Camp Fire": the capitalised cue (not its plural) after a space; the scan looks for
    # the cue's letters first, which keeps it fast, and the name is read back from there.
    event_prefix_names = (
        re.compile(r"(?<=[ \t])(" + "|".join(re.escape(cue[:1].upper() + cue[1:]) for cue in sorted(prefix_cue_kind, key=len, reverse=True)) + r")\b(?![-])")
        if prefix_cue_kind
        else None
    )
    g = v.events
    start_cues, end_cues, proposal_cues, relative_cues, phase_cues, occurrence_cues, anaphoric_cues = (PhraseTable() for _ in range(7))
    for phrase in g.anaphoric_cues:
        anaphoric_cues.add(phrase, "anaphoric")
    anaphora = re.compile(r"(?i)\b(?:" + "|".join(_phrase_regex(p) for p in g.anaphoric_cues) + r")\b") if g.anaphoric_cues else None
    for phrase in g.start_cues:
        start_cues.add(phrase, "start")
    for phrase in g.occurrence_cues:
        occurrence_cues.add(phrase, "occurrence")
    for phrase in g.end_cues:
        end_cues.add(phrase, "end")
    period_cues = PhraseTable()
    for phrase in v.durations.period_cues:
        period_cues.add(phrase, "period")
    window_end_cues = PhraseTable()
    for phrase in g.window_end_cues:
        window_end_cues.add(phrase, "window_end")
    for phrase in g.proposal_cues:
        proposal_cues.add(phrase, True)
    for relation, phrases in g.relative_cues.items():
        for phrase in phrases:
            relative_cues.add(phrase, relation)
    for phrase, number in g.phase_cues.items():
        phase_cues.add(phrase, number)

    places = PhraseTable()
    place_within: dict[str, str] = {}
    for place in v.places:
        places.add(place.name, place.name)
        for alias in place.aliases:
            places.add(alias, place.name)
        if place.within:
            place_within[place.name] = place.within

    parties = PhraseTable()
    local_parties = PhraseTable()
    for party in v.parties:
        for name in party.names:
            parties.add(name, (party.id, party.side))
        for name in party.local_names:
            local_parties.add(name, (party.id, party.side, frozenset(party.local_to)))
    a = v.attribution
    attribution_before, attribution_verbs, attribution_possessive, attribution_official = (PhraseTable() for _ in range(4))
    for phrase in a.before_who:
        attribution_before.add(phrase, True)
    for phrase in a.verbs:
        attribution_verbs.add(phrase, True)
    for phrase in a.possessive:
        attribution_possessive.add(phrase, True)
    for phrase in a.official:
        attribution_official.add(phrase, True)
    not_speakers = PhraseTable()
    for phrase in a.not_speakers:
        not_speakers.add(phrase, True)
    # A sentence is read for an attribution only if it has one of these words.
    attribution_triggers = (
        frozenset(t for table in (attribution_before, attribution_verbs, attribution_official) for t in table.by_first)
        | frozenset(w.lower() for w in a.estimates)
        | frozenset(w.lower() for w in a.possessive)
    )

    future_cues = PhraseTable()
    for phrase in d.future_cues:
        future_cues.add(phrase, True)
    r = v.revisions
    revision_before, running_cues = PhraseTable(), PhraseTable()
    for phrase in r.before:
        revision_before.add(phrase, True)
    for phrase in r.running_cues:
        running_cues.add(phrase, True)

    opposing = frozenset((a, b) for a, b in v.attribution.opposing) | frozenset(
        (b, a) for a, b in v.attribution.opposing
    )

    # The trigger scan: every place a figure can start. Words map to what to try there.
    trigger_kind: dict[str, str] = {}
    for word in number_words:
        trigger_kind[word] = "number"
    for word in n.scales:
        trigger_kind.setdefault(word.lower(), "scale")
    for word in n.dozen:
        trigger_kind[word.lower()] = "scale"
    for word in n.fractions:
        trigger_kind[word.lower()] = "fraction"
    for phrase in vague_amounts:
        trigger_kind.setdefault(phrase.split()[0], "vague")
    for form in month_number:
        trigger_kind[form] = "date"
    for form in weekday_number:
        trigger_kind[form] = "date"
    for word in [*d.month_parts, "last", "next", "this", "past", "coming", "yesterday"]:
        trigger_kind[word.lower()] = "date"
    for unit_entry in du.units:
        base = unit_entry.unit
        trigger_kind.setdefault(base, "unit")
        trigger_kind.setdefault(base + "long", "unit")
    trigger = re.compile(r"(?<![\d])(?P<digit>\d)|(?<![\w])(?P<word>" + trie_pattern(_cased(trigger_kind)) + r")(?![a-zA-Z])")

    return Lexicon(
        vocabulary=v,
        trigger=trigger,
        trigger_kind=trigger_kind,
        number_words=number_words,
        scale_words={w.lower(): float(x) for w, x in n.scales.items()},
        word_number=word_number,
        list_item_one=list_item_one,
        digit_number=digit_number,
        joined_number=joined_number,
        measure_unit=measure_unit,
        measure_unit_names=unit_names,
        vague=vague,
        vague_amounts=vague_amounts,
        qualifier_before=qualifier_before,
        qualifier_before_counts=qualifier_before_counts,
        qualifier_after=qualifier_after,
        qualifier_after_kinds=qualifier_after_kinds,
        linking_qualifiers=linking_qualifiers,
        date=date,
        month_number=month_number,
        weekday_number=weekday_number,
        duration=duration,
        duration_compound=duration_compound,
        duration_range=duration_range,
        duration_article=duration_article,
        unit_days=unit_days,
        unit_of_word=unit_of_word,
        elapsed=elapsed,
        present_markers=frozenset(du.present_markers),
        offset_words=frozenset(w.lower() for w in du.offset_words),
        length_offsets=frozenset(w.lower() for w in du.length_offsets),
        effort_nouns=frozenset(w.lower() for w in du.effort_nouns),
        period_cues=period_cues,
        period_kind={m.id: m.period_kind for m in v.measures if m.period_kind},
        noise_line_starts=noise_line_starts,
        noise_line_anywhere=noise_line_anywhere,
        noise_spans=tuple(re.compile(p) for p in v.noise.span_patterns),
        label_words=frozenset(w.lower() for w in v.noise.label_words),
        non_count_units=frozenset(u.lower() for u in v.noise.non_count_units),
        head_class=head_class,
        person_suffixes=tuple(v.person_suffixes),
        group_nouns=frozenset(w.lower() for w in v.group_nouns),
        measure_unless=measure_unless,
        default_measure=default_measure,
        measure_nouns=measure_nouns,
        measure_verbs=measure_verbs,
        measure_predicates=measure_predicates,
        measure_modifiers=measure_modifiers,
        measure_subjects=measure_subjects,
        links=links,
        populations=populations,
        population_dimension=population_dimension,
        event_cues=event_cues,
        event_starters=frozenset(event_cues.by_first) | frozenset(phase_cues.by_first) | frozenset(anaphoric_cues.by_first),
        event_names=event_names,
        named_cue_kind=named_cue_kind,
        event_prefix_names=event_prefix_names,
        prefix_cue_kind=prefix_cue_kind,
        not_event_names=frozenset(" ".join(name.lower().split()) for name in g.not_event_names),
        kind_start_cues=kind_start_cues,
        kind_end_cues=kind_end_cues,
        kind_start_cues_kinds=frozenset(k.id for k in v.event_kinds if k.start_cues),
        anaphoric_cues=anaphoric_cues,
        anaphora=anaphora,
        window_kind=g.window_kind,
        window_nouns=frozenset(w.lower() for w in g.window_nouns),
        window_end_cues=window_end_cues,
        range_openers=frozenset(w.lower() for w in g.range_openers),
        range_joiners=frozenset(w.lower() for w in g.range_joiners),
        day_count_links=frozenset(w.lower() for w in g.day_count_links),
        ordinal_words=_ordinal_words(n.ordinals, tens),
        event_span=event_span,
        count_event_kinds=frozenset(k.id for k in v.event_kinds if k.counts),
        start_end_kinds=frozenset(k.id for k in v.event_kinds if not k.occurrence_dates),
        start_cues=start_cues,
        occurrence_cues=occurrence_cues,
        end_cues=end_cues,
        proposal_cues=proposal_cues,
        relative_cues=relative_cues,
        phase_cues=phase_cues,
        outbreak_connectors=frozenset(c.lower() for c in g.outbreak_connectors),
        meeting_words=frozenset(w.lower() for w in g.meeting_words),
        history_words=frozenset(w.lower() for w in g.history_words),
        places=places,
        place_within=place_within,
        parties=parties,
        attribution_before=attribution_before,
        attribution_verbs=attribution_verbs,
        attribution_possessive=attribution_possessive,
        attribution_official=attribution_official,
        attribution_estimates=frozenset(w.lower() for w in a.estimates),
        speakers=frozenset(w.lower() for w in a.speakers),
        attribution_triggers=attribution_triggers,
        authority_words=frozenset(w.lower() for w in v.attribution.authority_words),
        not_speakers=not_speakers,
        side_words=tuple((side, frozenset(w.lower() for w in words)) for side, words in v.attribution.side_words.items()),
        official_side=v.attribution.official_side,
        local_parties=local_parties,
        future_cues=future_cues,
        revision_before=revision_before,
        change_verbs=frozenset(w.lower() for w in r.change_verbs),
        reference_nouns=frozenset(w.lower() for w in r.reference_nouns),
        reference_modifiers=frozenset(w.lower() for w in r.reference_modifiers),
        contrast_words=frozenset(w.lower() for w in r.contrast_words),
        differences_after=frozenset(w.lower() for w in r.differences_after),
        running_cues=running_cues,
        opposing=opposing,
    )


def _ordinal_words(ordinals: dict[str, int], tens: dict[str, int]) -> dict[str, int]:
    """Ordinal words, with the compounds of a tens word and a unit's ordinal ("twenty-first")."""
    words = {w.lower(): int(x) for w, x in ordinals.items()}
    for ten, t in tens.items():
        for unit, u in list(words.items()):
            if 1 <= u <= 9:
                words[f"{ten.lower()}-{unit}"] = int(t) + u
    return words


def _phrase_regex(phrase: str) -> str:
    """A plain-text phrase as a regex: literal, with any white space between words."""
    return r"\s+".join(re.escape(word) for word in phrase.split())
