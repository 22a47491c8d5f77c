"""Reading a sentence: its tokens, the events it names, its places and who is speaking.

A sentence with figures is tokenised once; each figure becomes one token that
points back to it. Event mentions are found by cue words from the vocabulary
and given the date, role, phase, place and target their phrase carries.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from .._build import build
from ..model import DateRole, DateValue, EventMention
from .figures import Figure
from .lexicon import Lexicon, PhraseTable
from ..names import place_members, place_set

__all__ = ["Token", "Tokens", "EventCue", "SourceEvents", "SentenceReading", "read_sentence", "clause_of", "FIGURE", "NOT_NAMES"]

#: The word of a figure's token.
FIGURE = "\x00fig"
_TOKENS = re.compile(r"\w+(?:[-'’.]\w+){0,6}|[,;:()“”\"—–]|(?<=\s)-(?=\s)")
_DETERMINERS = frozenset("the a an all its their his her those these this that some of".split())
_PLACE_PREPOSITIONS = frozenset("in inside across into throughout near from at on".split())
_TARGET_PREPOSITIONS = frozenset("with against on".split())
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")
_CLAUSE_OPENERS = frozenset("and but while whereas although though which who when so yet".split())
_NOT_PLACES = frozenset(
    "the a an his her their its this that january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr president prime".split()
)
#: Capitalised words after a named event's cue that are not its name ("the storm Tuesday").
NOT_NAMES = _NOT_PLACES


@dataclass(slots=True)
class Token:
    """A word, a punctuation mark, or a figure, with its offsets in the source text."""

    start: int
    end: int
    word: str
    figure: int = -1


@dataclass(slots=True)
class EventCue:
    """An event mention at token `index`, and the figure that dates it, if any."""

    index: int
    mention: EventMention
    date_figure: int | None = None


@dataclass(slots=True)
class SentenceReading:
    """What one sentence says besides its figures."""

    tokens: Tokens
    words: list[str]
    events: list[EventCue] = field(default_factory=list)
    places: list[tuple[int, str]] = field(default_factory=list)
    attributions: list[tuple[int, int, tuple[str, str | None, str | None, str | None]]] = field(default_factory=list)
    figure_token: dict[int, int] = field(default_factory=dict)
    clauses: list[int] = field(default_factory=list)
    #: Worked out on first use by the pipeline: the event cues each date figure dates, by figure.
    cues_dated_by: dict[int, list[EventCue]] | None = None
    #: Worked out on first use by `revisions.clause_date`: as-of date candidates, and
    #: how many count figures stand before each token.
    as_of_candidates: tuple[list[tuple[int, DateValue]], list[int]] | None = None
    #: Worked out on first use by the pipeline: semicolons and clause boundaries before each token.
    boundaries: tuple[list[int], list[int]] | None = None
    #: Worked out on first use by the pipeline: each event cue's token index, in cue order.
    cue_indices: list[int] | None = None


class Tokens:
    """A sentence's tokens, in order; each is made a `Token` only when it is looked at.

    A sentence with a figure is tokenised whole, but most of its tokens are only
    ever read as words (`words`) or as the figure they stand for (`figures`); a
    `Token` object for every word of every such sentence was the largest single
    cost of reading a sentence. Offsets are kept relative to the sentence and
    made absolute on first use.
    """

    __slots__ = ("_base", "_spans", "_words", "figures", "_made")

    def __init__(self, base: int, spans: list[tuple[int, int]], words: list[str], figures: list[int]) -> None:
        self._base = base
        self._spans = spans
        self._words = words
        #: For each token, the index of the figure it stands for, or -1.
        self.figures = figures
        self._made: list[Token | None] = [None] * len(spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, i: int) -> Token:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._spans)))]  # type: ignore[return-value]
        token = self._made[i]
        if token is None:
            start, end = self._spans[i]
            token = self._made[i] = Token(start + self._base, end + self._base, self._words[i], self.figures[i])
        return token

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self._spans)):
            yield self[i]

    def first_from(self, offset: int, default: int) -> int:
        """The index of the first token that starts at or after `offset`, else `default`."""
        relative = offset - self._base
        return next((n for n, (start, _) in enumerate(self._spans) if start >= relative), default)


def tokenize(text: str, start: int, end: int, figures: list[Figure], first_figure: int) -> tuple[Tokens, list[str], dict[int, int]]:
    """Tokens of text[start:end], their words, and each figure's token: each figure from
    `first_figure` on becomes one token (word `FIGURE`)."""
    # Matched in the lower-cased sentence (same length, so offsets carry over), the
    # words come out lower-cased with no slicing.
    lowered = text[start:end].lower().replace("’", "'")
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    token_figures: list[int] = []
    figure_token: dict[int, int] = {}
    f = first_figure
    count = len(figures)
    pos = 0
    size = end - start
    finditer = _TOKENS.finditer
    while True:
        stop = figures[f].start - start if f < count and figures[f].start < end else size
        found = list(finditer(lowered, pos, stop))
        spans.extend([m.span() for m in found])
        words.extend([m.group() for m in found])
        token_figures.extend([-1] * len(found))
        if stop >= size:
            return Tokens(start, spans, words, token_figures), words, figure_token
        figure = figures[f]
        figure_token[f] = len(spans)
        spans.append((figure.start - start, figure.end - start))
        words.append(FIGURE)
        token_figures.append(f)
        pos = figure.end - start
        f += 1


def clause_of(words: list[str]) -> list[int]:
    """A clause number for each token: a new clause after ; : — or a comma before a conjunction."""
    clauses = []
    current = 0
    for k, word in enumerate(words):
        clauses.append(current)
        if word in (";", ":", "—", "–") or (word == "," and k + 1 < len(words) and words[k + 1] in _CLAUSE_OPENERS):
            current += 1
    return clauses


def read_sentence(
    text: str,
    start: int,
    end: int,
    figures: list[Figure],
    first_figure: int,
    lexicon: Lexicon,
    names: SourceEvents | None = None,
) -> SentenceReading:
    """Tokenise a sentence and find its events, places and attribution.

    `names` are the events the source names ("Hurricane Maria"): the name
    alone ("Maria came ashore on Sept. 20") is then a mention of that event,
    and an unnamed, undated mention of its kind ("killed by the storm") is the
    one last named before it; "the disaster" is a mention of the kind the
    source names most.
    """
    tokens, words, figure_token = tokenize(text, start, end, figures, first_figure)
    reading = SentenceReading(tokens, words)
    reading.figure_token = figure_token
    reading.clauses = clause_of(words)
    reading.places = _places(text, tokens, words, lexicon)
    reading.events = _events(text, tokens, words, figures, lexicon, reading.places, names or _NO_EVENTS)
    if not lexicon.attribution_triggers.isdisjoint(words) or any(w.endswith("'s") for w in words):
        named = frozenset(member for _, name in reading.places for member in place_members(name))
        reading.attributions = _attributions(text, tokens, words, lexicon, named)
    return reading


def canonical_place(name: str, lexicon: Lexicon) -> str:
    """A place name as the gazetteer spells it, or as written."""
    words = [w.lower().replace("’", "'") for w in _TOKENS.findall(name)]
    hit = lexicon.places.match_at(words, 0) if words else None
    if hit and hit[0] == len(words):
        return str(hit[1])
    return name


_LOCATIVE = frozenset("in inside across throughout near at into".split())
#: Prepositions that introduce a place as a target ("war with Iran", "campaign against Iran").
_TARGETING = frozenset("with against".split())


def _places(text: str, tokens: Tokens, words: list[str], lexicon: Lexicon) -> list[tuple[int, str]]:
    """Places the sentence puts things in: a place name after a locative preposition.

    "held in Gaza", "killed 17 people in central Gaza", "in the Gaza Strip";
    not "Israel released …" or "attacked Israel", where a country is an actor.
    Several places joined by "and" or commas ("in Turkey and Syria") are one
    place key for all of them together (`names.place_set`).
    """
    places: list[tuple[int, str]] = []
    n = len(words)
    struck_ends = lexicon.occurrence_cues.by_last
    for i in range(n - 1):
        word = words[i]
        # "struck southern Turkey and northern Syria": what an event hits is where it is, when
        # the gazetteer knows the place ("the storm hit Puerto Rico", not "struck a deal").
        struck = word in struck_ends and word not in _LOCATIVE and bool(lexicon.occurrence_cues.match_ending_at(words, i))
        if word not in _LOCATIVE and word not in _TARGETING and not struck:
            continue
        listed_only = words[i] in _TARGETING or struck
        found = _place_at(text, tokens, words, i + 1, lexicon, targeting=listed_only)
        if found is None:
            continue
        j, last, name = found
        names = [name]
        while True:
            k = last + 1
            if k < n and words[k] == ",":
                k += 1
            if k < n and words[k] == "and":
                k += 1
            if k == last + 1 or k >= n or words[k - 1] not in (",", "and"):
                break
            if words[k] in _LOCATIVE and k + 1 < n:
                k += 1  # "in Turkey and in Syria"
            more = _place_at(text, tokens, words, k, lexicon, targeting=listed_only and words[i] not in _TARGETING)
            if more is None or _acts(words, more[1], lexicon):
                break  # "in Gaza, Israel said": the next country speaks
            names.append(more[2])
            last = more[1]
        places.append((j, place_set(names)))
    return places


def _place_at(text: str, tokens: Tokens, words: list[str], j0: int, lexicon: Lexicon, *, targeting: bool) -> tuple[int, int, str] | None:
    """The place named at token `j0` (after an optional "the"): its first and last token and name."""
    n = len(words)
    j = j0
    if words[j] == "the" and j + 1 < n:
        j += 1
    if tokens.figures[j] >= 0:
        return None
    hit = lexicon.places.match_at(words, j)
    if hit is None and j > j0:
        hit = lexicon.places.match_at(words, j0)
        if hit is not None:
            j = j0
    if hit:
        last = j + hit[0] - 1
        if words[last].endswith("'s") and last + 1 < n and words[last + 1] in lexicon.history_words:
            return None  # "in Israel's history": a time, not a place
        return j, last, str(hit[1])
    if targeting:
        return None  # only a gazetteer place is a target: "with Hamas" is a party
    original = text[tokens[j].start : tokens[j].end]
    if _CAPITALISED.fullmatch(original) and words[j] not in _NOT_PLACES and words[j] not in lexicon.parties.by_first and words[j] not in lexicon.event_cues.by_first:
        k = j
        while k + 1 < n and tokens.figures[k + 1] < 0 and _CAPITALISED.fullmatch(text[tokens[k + 1].start : tokens[k + 1].end]):
            if words[k + 1] in lexicon.event_cues.by_first:
                return None  # "in the Woolsey Fire": an event's name, not a place
            k += 1
        if words[k].endswith("'s") and k + 1 < n and words[k + 1] in lexicon.history_words:
            return None  # "in California's recorded history": a time, not a place
        return j, k, canonical_place(re.sub(r"['’]s$", "", text[tokens[j].start : tokens[k].end]), lexicon)
    return None


def _acts(words: list[str], last: int, lexicon: Lexicon) -> bool:
    """Whether the word after a place makes it a subject ("Israel said", "Syria has")."""
    k = last + 1
    if k >= len(words):
        return False
    return words[k] in _SUBJECT_VERBS or bool(lexicon.attribution_verbs.match_at(words, k))


#: Words after a place that make it the subject of a clause, not one more place in a list.
_SUBJECT_VERBS = frozenset("has have had is was were will would said says say told reported".split())


def _events(
    text: str,
    tokens: Tokens,
    words: list[str],
    figures: list[Figure],
    lexicon: Lexicon,
    places: list[tuple[int, str]],
    names: SourceEvents,
) -> list[EventCue]:
    """Event mentions, each at the index of its cue's first token."""
    found: list[tuple[int, int, str, int | None]] = []  # (first token, last token, kind, phase)
    n = len(words)
    starters = lexicon.event_starters
    named_at: dict[int, str] = {}  # a bare name's token: the name as written
    prefixed_at: dict[int, str] = {}  # the first token of "the Camp Fire"'s name: the name
    kinds = names.kinds
    i = 0
    while i < n:
        if words[i] not in starters:
            # Most words are no event's name: turned away here, before a call per word
            # (a superset of what `_known_name` accepts, so nothing it would find is missed).
            word = words[i]
            name = _known_name(text, tokens[i], word, names) if kinds and (word in kinds or word.endswith("'s")) else None
            if name is not None:
                named_at[i] = name
                found.append((i, i, names.kinds[name.lower()], None))
            i += 1
            continue
        phase_cue = lexicon.phase_cues.match_at(words, i)
        if phase_cue:
            length, number = phase_cue
            found.append((i, i + length - 1, "", cast(int, number)))
            i += length
            continue
        cue = lexicon.event_cues.match_at(words, i)
        if cue and _not_an_event(text, tokens, i, cue[0], lexicon):
            i += cue[0]  # "Cal Fire said": an agency's name
            continue
        if cue:
            length, kind = cue
            prefix = _prefixed_name(text, tokens, i, str(kind), names)
            first = i
            if prefix is not None:
                first = prefix[0]
                prefixed_at[first] = prefix[1]
            found.append((first, i + length - 1, str(kind), None))
            i += length
            if i < n and _known_name(text, tokens[i], words[i], names) is not None:
                i += 1  # "Hurricane Maria": the name belongs to the cue, not a mention of its own
            continue
        anaphor = lexicon.anaphoric_cues.match_at(words, i) if names.main_kind else None
        if anaphor:
            found.append((i, i + anaphor[0] - 1, str(names.main_kind), None))
            i += anaphor[0]
            continue
        i += 1

    # A phase attaches to the event it is a phase of ("the first phase of the fragile ceasefire").
    merged: list[tuple[int, int, str, int | None]] = []
    skip: set[int] = set()
    for index, (first, last, kind, phase) in enumerate(found):
        if index in skip:
            continue
        if kind == "" and index + 1 < len(found):
            nxt = found[index + 1]
            between = words[last + 1 : nxt[0]]
            if nxt[2] and len(between) <= 4 and all(w in _DETERMINERS or w in lexicon.relative_cues.by_first for w in between):
                merged.append((nxt[0], nxt[1], nxt[2], phase))
                skip.add(index + 1)
                continue
        if kind == "":
            kind = lexicon.vocabulary.events.phase_kind
        merged.append((first, last, kind, phase))

    # Worked out once: every cue's start, for the look-back in _proposed (linear on run-on sentences).
    cue_starts = {f for f, _, _, _ in found}
    cues: list[EventCue] = []
    for first, last, kind, phase in merged:
        date_figure, role = _event_date(text, tokens, words, figures, first, last, lexicon, modifiable=first not in named_at, kind=kind)
        ongoing = lexicon.event_span.get(kind) == "ongoing"
        if date_figure is not None and role is DateRole.OCCURRENCE and lexicon.event_span.get(kind) == "ongoing" and tokens[first].start < figures[date_figure].start:
            # "resume fighting and on Sunday announced …": a war is not dated by a day it went on.
            date_figure = None
        if date_figure is not None and role is DateRole.OCCURRENCE and kind in lexicon.start_end_kinds:
            date_figure = None  # "Sunday's search": a day it went on, not the day it began
        place, target = _event_place(words, places, last, lexicon.meeting_words, _origin_verbs(words, last, kind, lexicon), cue_starts)
        if not ongoing:
            target = None  # "a ceasefire deal with Israel": the other party, not a front
        name = named_at.get(first) or prefixed_at.get(first)
        entry = lexicon.vocabulary.event_kind(kind)
        if name is None and entry is not None and entry.named and entry.name_position == "after" and last + 1 < n:
            following = text[tokens[last + 1].start : tokens[last + 1].end]
            if _CAPITALISED.fullmatch(following) and words[last + 1] not in _NOT_PLACES:
                name = re.sub(r"['’]s$", "", following)
        if name is None and entry is not None and entry.named and _refers_back(words, first, last, dated=date_figure is not None):
            name = names.before(kind, tokens[first].start)
        date_value = figures[date_figure].value if date_figure is not None else None
        mention = build(EventMention, 
            kind=kind,
            cue=text[tokens[first].start : tokens[last].end],
            start=tokens[first].start,
            end=tokens[last].end,
            date=date_value if isinstance(date_value, DateValue) else None,
            date_role=role,
            phase=phase,
            place=place,
            target=target,
            name=name,
            proposed=_proposed(words, first, cue_starts, lexicon) if date_value is None else _ahead(date_value),
            relative=_relative(words, first, lexicon),
            outbreak_of=(),
        )
        cues.append(EventCue(first, mention, date_figure))
    _mark_outbreaks(cues, words, lexicon)
    return cues


@dataclass(slots=True)
class SourceEvents:
    """What one source says of its events as a whole: the names it gives them
    ("Hurricane Maria"), where it names each, and the kind it names most."""

    #: Lower-cased name → event kind, for names after their cue ("Hurricane Maria"): the
    #: name alone is a mention too ("Maria came ashore").
    kinds: dict[str, str] = field(default_factory=dict)
    #: Lower-cased name → event kind, for names before their cue ("the Camp Fire"): only
    #: name and cue together are a mention ("camp" alone is a word).
    prefixed: dict[str, str] = field(default_factory=dict)
    #: Every place a name stands, as (offset, kind, name as written), in text order.
    at: list[tuple[int, str, str]] = field(default_factory=list)
    #: The kind of event (not an ongoing one) the source names most: what "the
    #: disaster" is. Worked out only for a source that uses such a word.
    main_kind: str | None = None

    def before(self, kind: str, offset: int) -> str | None:
        """The name of the event of `kind` the source last named before `offset`."""
        k = bisect.bisect_left(self.at, (offset,))
        while k > 0:
            k -= 1
            if self.at[k][1] == kind:
                return self.at[k][2]
        return None


_NO_EVENTS = SourceEvents()


def _prefixed_name(text: str, tokens: Tokens, i: int, kind: str, names: SourceEvents) -> tuple[int, str] | None:
    """The name before a capitalised cue at token `i`, if the source names an event of the
    kind that way ("the Camp Fire"): its first token and the name as written."""
    if not names.prefixed or not text[tokens[i].start : tokens[i].start + 1].isupper():
        return None
    for k in (3, 2, 1):
        first = i - k
        if first < 0 or any(tokens.figures[j] >= 0 for j in range(first, i)):
            continue
        written = text[tokens[first].start : tokens[i - 1].end]
        if names.prefixed.get(" ".join(written.lower().split())) == kind:
            return first, written
    return None


#: Words before an event cue that make it a new event or any of its kind ("more than any
#: wildfire in California's history"), not the one last named.
_NEW_OR_ANY = frozenset("a an another any every each no other".split())


def _not_an_event(text: str, tokens: Tokens, i: int, length: int, lexicon: Lexicon) -> bool:
    """Whether the capitalised cue at token `i` ends a name that is no event ("Cal Fire")."""
    if not lexicon.not_event_names or not text[tokens[i].start : tokens[i].start + 1].isupper():
        return False
    end = tokens[i + length - 1].end
    for k in (1, 2, 3):
        if i - k < 0:
            break
        written = re.sub(r"['’]s$", "", text[tokens[i - k].start : end])
        if " ".join(written.lower().split()) in lexicon.not_event_names:
            return True
    return False


def _refers_back(words: list[str], first: int, last: int, *, dated: bool) -> bool:
    """Whether an unnamed mention is the event of its kind its source last named: "killed by
    the storm", "the fire ignited on Nov. 8". Not a plural ("the fires now burning" are
    several), nor "a fire" or "another fire" (a new one); a dated one only as a bare "the
    fire", so that "the 1933 Griffith Park fire" and "the 2017 wine-country fires" keep
    their own dates under no borrowed name."""
    cue = words[last]
    if cue.endswith("s") and not cue.endswith("'s"):
        return False
    before = words[first - 1] if first >= 1 else ""
    if before in _NEW_OR_ANY:
        return False
    return not dated or before == "the"


def _known_name(text: str, token: Token, word: str, names: SourceEvents) -> str | None:
    """The event name a capitalised token is (possessive dropped), if the source names such an event."""
    if not names.kinds or token.figure >= 0:
        return None
    bare = word[:-2] if word.endswith("'s") else word
    if bare not in names.kinds:
        return None
    original = text[token.start : token.start + len(bare)]
    return original if original[:1].isupper() else None


def _event_date(
    text: str, tokens: Tokens, words: list[str], figures: list[Figure], first: int, last: int, lexicon: Lexicon, *, modifiable: bool = True, kind: str = ""
) -> tuple[int | None, DateRole]:
    """The date figure that dates an event cue, and whether it gives its start or end.

    A bare name ("Maria") takes no date before it (`modifiable` false): a name
    has no modifiers, so "released in May put Maria's toll" is not May's Maria.
    """
    n = len(words)
    role = DateRole.OCCURRENCE
    # Before the cue, with only modifiers between: "the October 7 attacks", "his
    # June war", "last month's 12-day Israeli air campaign" — not "published in
    # May estimated that the hurricane".
    j = first - 1
    steps = 0
    while modifiable and j >= 0 and steps < 4:
        if tokens.figures[j] >= 0:
            value = figures[tokens.figures[j]].value
            if isinstance(value, DateValue):
                return tokens.figures[j], DateRole.OCCURRENCE
            j -= 1
            steps += 1
            continue
        if words[j] in _FUNCTION_WORDS or words[j] in (",", ";", "—", "–", "(", ")", ":") or words[j] in lexicon.event_cues.by_first:
            break
        j -= 1
        steps += 1
    # After the cue: "attacked Israel on Oct. 7, 2023", "the ceasefire that began in January",
    # "the last truce, which Israel ended in mid-March". Not when the cue only
    # modifies a noun ("the collapse site on Sunday"), nor when it sits inside
    # "the site of the collapse on Friday", where the date belongs to the verb.
    # A relative clause on the event may count before it dates: "Hurricane Katrina,
    # which killed as many as 1,800 people in 2005" — its figures are crossed, and the
    # date after them must be introduced as a time ("in 2005"), not "by December".
    j = last + 1
    steps = 0
    relative = crossed = False
    while j < n and steps < (_RELATIVE_REACH if relative else 10) and not _inside_of_phrase(words, tokens, first, text):
        if tokens.figures[j] >= 0:
            if isinstance(figures[tokens.figures[j]].value, DateValue):
                if crossed and role is DateRole.OCCURRENCE and words[j - 1] not in _TIME_PREPOSITIONS:
                    break
                return tokens.figures[j], role
            if not relative:
                break
            crossed = True
            j += 1
            steps += 1
            continue
        word = words[j]
        if word == "," and j <= last + 2 and j + 1 < n and words[j + 1] in _RELATIVE_PRONOUNS and not crossed:
            relative = True  # "Hurricane Katrina, which …": the cue, perhaps its name, then the clause
        elif relative and word == ",":
            break  # the relative clause is over
        if word in (";", "(", ")") or word in _REPORTING or (word in lexicon.event_cues.by_first and lexicon.event_cues.match_at(words, j)):
            break  # a reporting verb's date dates the report ("…, police said on Monday")
        if lexicon.start_cues.match_at(words, j) or _kind_cue(lexicon.kind_start_cues, words, j, kind):
            role = DateRole.START
        elif lexicon.end_cues.match_at(words, j) or _kind_cue(lexicon.kind_end_cues, words, j, kind):
            role = DateRole.END
        elif j == last + 1 and (hit := lexicon.occurrence_cues.match_at(words, j)):
            j += hit[0]  # "the earthquake struck Varno on March 5": the verb says it happened
            steps += 1
            continue
        elif j == last + 1 and _content_word(word, tokens[j], text):
            # "the town the fire overran within hours of igniting near Pulga on Thursday": a
            # verb of the kind's own start a few words on still dates it; else "collapse site":
            # the cue modifies a noun.
            ahead = _kind_start_ahead(words, tokens, j, kind, lexicon)
            if ahead is None:
                break
            role = DateRole.START
            j = ahead
            steps += 1
            continue
        elif word == "," and j + 1 < n and words[j + 1].endswith("ing"):
            break  # "the earthquake, raising its count on Tuesday": a new clause
        elif word == "," and j + 1 < n and words[j + 1] in _COORDINATORS:
            break  # "19 months after the fire, and Johnson steps down this month": another clause
        j += 1
        steps += 1
    return None, DateRole.OCCURRENCE


def _kind_cue(table: PhraseTable, words: list[str], j: int, kind: str) -> bool:
    """Whether a start or end verb of this kind of event stands at token `j` ("ignited")."""
    hit = table.values_at(words, j) if kind and words[j] in table.by_first else None
    return hit is not None and kind in hit[1]


def _kind_start_ahead(words: list[str], tokens: Tokens, j: int, kind: str, lexicon: Lexicon) -> int | None:
    """The token after a start verb of the kind within a few words from `j`, with no
    punctuation, figure or other event between ("overran within hours of igniting")."""
    if not kind or kind not in lexicon.kind_start_cues_kinds:
        return None
    for k in range(j + 1, min(len(words), j + _START_AHEAD)):
        if tokens.figures[k] >= 0 or words[k] in (",", ";", ":", "(", ")", "—", "–") or words[k] in lexicon.event_starters:
            return None
        hit = lexicon.kind_start_cues.values_at(words, k) if words[k] in lexicon.kind_start_cues.by_first else None
        if hit is not None and kind in hit[1]:
            return k + hit[0]
    return None


#: How far after an event cue its kind's start verb may stand across other words.
_START_AHEAD = 7


#: A relative clause on an event ("…, which killed as many as 1,800 people in 2005"):
#: its pronouns, how far it may run, and the prepositions that make a date in it the event's.
_RELATIVE_PRONOUNS = frozenset("which that".split())
#: After a comma, words that open a clause of its own, whose dates are not the event's.
_COORDINATORS = frozenset("and but while whereas although though yet so".split())
_RELATIVE_REACH = 16
_TIME_PREPOSITIONS = frozenset("in on".split())

#: Words that may not stand between a date and the event cue after it.
_FUNCTION_WORDS = frozenset(
    "that which who whom the a an this these those of in on at by to for from with and or but was were is are has have had said says "
    "estimated published reported announced after before since during".split()
)

#: Reporting verbs: a date after them dates the report, not the event before them.
_REPORTING = frozenset("said says say told reported reports announced added confirmed stated wrote".split())

#: Words that may stand between an event cue and the date that dates it.
_DATE_BRIDGE = frozenset("on in of at during since until by from the a an its their this that which who when where , and was were is are had has have been be began ended".split())


def _content_word(word: str, token: Token, text: str) -> bool:
    """A lower-case word that is not a bridge word: the cue was a modifier ("collapse site")."""
    original = text[token.start : token.end]
    return word not in _DATE_BRIDGE and not original[:1].isupper() and not word.isdigit()


def _inside_of_phrase(words: list[str], tokens: Tokens, first: int, text: str) -> bool:
    """Whether the cue is the object of "of"/"from" ("the site of the collapse"), names skipped."""
    k = first - 1
    while k >= 0 and (words[k] in ("the", "a", "an") or text[tokens[k].start : tokens[k].start + 1].isupper()):
        k -= 1
    return k >= 0 and words[k] in ("of", "from")


def _origin_verbs(words: list[str], last: int, kind: str, lexicon: Lexicon) -> frozenset[int]:
    """The tokens of the kind's own start verbs after its cue ("the blaze ignited near Pulga")."""
    if kind not in lexicon.kind_start_cues_kinds:
        return frozenset()
    return frozenset(j for j in range(last + 1, min(len(words), last + _START_AHEAD + 2)) if _kind_cue(lexicon.kind_start_cues, words, j, kind))


def _event_place(
    words: list[str],
    places: list[tuple[int, str]],
    last: int,
    meetings: frozenset[str] = frozenset(),
    origins: frozenset[int] = frozenset(),
    cues: set[int] | frozenset[int] = frozenset(),
) -> tuple[str | None, str | None]:
    """"war in Gaza" → place; "war with Iran", "campaign against Iran" → target.

    Failing a place right after the cue, the first place later in the same
    clause ("the campaign has led to 1,580 deaths in Lebanon"), unless a word of
    a meeting comes first ("after three years of war, talks resumed in Doha"),
    one of the kind's start verbs ("the blaze ignited near Pulga" says where a
    fire began, not where it burned: `origins`, token indices), or another
    event's cue ("the Camp Fire's toll … has overtaken that of the 1933 fire in
    Los Angeles": `cues`, the first tokens of the sentence's event cues).
    """
    if origins:
        places = [(index, name) for index, name in places if not any(o < index for o in origins)]
    for index, name in places:
        if last < index <= last + 4:
            between = words[last + 1 : index]
            if between and between[0] in _TARGET_PREPOSITIONS and between[0] != "on":
                return None, name
            if between and between[0] in _PLACE_PREPOSITIONS:
                return name, None
    for index, name in places:
        if index > last and not any(w in (";", "—", "–", "(", ":") or w in meetings for w in words[last + 1 : index]):
            if any(last < c < index for c in cues):
                return None, None
            return name, None
    return None, None


def _relative(words: list[str], first: int, lexicon: Lexicon) -> str | None:
    for j in range(first - 1, max(-1, first - 3), -1):
        hit = lexicon.relative_cues.match_at(words, j)
        if hit:
            return str(hit[1])
        if words[j] not in _DETERMINERS:
            break
    return None


def _ahead(value: object) -> bool:
    """A date resolved to after publication: the event has not happened yet."""
    return isinstance(value, DateValue) and value.resolved and value.anchor is not None and value.start > value.anchor


def _proposed(words: list[str], first: int, starts: set[int], lexicon: Lexicon) -> bool:
    """A proposal cue shortly before the event cue, with no other event (cue `starts`) between."""
    for j in range(first - 1, max(-1, first - 7), -1):
        if words[j] in (";", ".") or j in starts:
            return False
        if lexicon.proposal_cues.match_at(words, j):
            return True
    return False


def _mark_outbreaks(cues: list[EventCue], words: list[str], lexicon: Lexicon) -> None:
    """"The war began when Hamas attacked on Oct. 7": the attack is the war's outbreak.

    In one sentence: an ongoing event, a start cue after it, a connector, then
    an instant event, within `_OUTBREAK_REACH` words. Both then share whichever
    date the sentence gave either.
    """
    cue_at = {c.index: c for c in cues}
    for war in cues:
        if lexicon.event_span.get(war.mention.kind) != "ongoing":
            continue
        started = connector = False
        for j in range(war.index + 1, min(len(words), war.index + _OUTBREAK_REACH)):
            if words[j] == ";":
                break
            if not started and lexicon.start_cues.match_at(words, j):
                started = True
            elif started and words[j] in lexicon.outbreak_connectors:
                connector = True
            attack = cue_at.get(j)
            if attack is None or not connector or lexicon.event_span.get(attack.mention.kind) != "instant":
                continue
            date_figure = war.date_figure if war.date_figure is not None else attack.date_figure
            date = war.mention.date or attack.mention.date
            attack.mention = attack.mention.model_copy(
                update={"date": date, "date_role": DateRole.OCCURRENCE, "outbreak_of": (war.mention.kind,)}
            )
            war.mention = war.mention.model_copy(update={"date": date, "date_role": DateRole.START})
            attack.date_figure = war.date_figure = date_figure
            return


#: How far after a war's cue its outbreak may be told ("the war that began in October
#: 2023 when Hamas-led gunmen attacked southern Israel": some twenty words).
_OUTBREAK_REACH = 40


def _attributions(
    text: str, tokens: Tokens, words: list[str], lexicon: Lexicon, places: frozenset[str] = frozenset()
) -> list[tuple[int, int, tuple[str, str | None, str | None, str | None]]]:
    """Every attributing phrase in a sentence: (start, end, (phrase, who, party id, side)).

    Read on the sentence's words (data/attribution.toml): "according to X",
    "X said", "said X", "X's count", "a Harvard-led survey … estimated".
    `places` are the places the sentence names, for parties known by a local
    name ("the health ministry" in a sentence about Gaza).
    """
    found: list[tuple[int, int, tuple[str, str | None, str | None, str | None]]] = []
    n = len(words)

    def add(first: int, last: int, who_first: int, who_last: int) -> None:
        who = text[tokens[who_first].start : tokens[who_last].end]
        phrase = text[tokens[first].start : tokens[last].end]
        party, side = _party(who, lexicon, places)
        found.append((tokens[first].start, tokens[last].end, (phrase, who, party, side)))

    starters = lexicon.attribution_triggers
    token_figures = tokens.figures
    for k in range(n):
        word = words[k]
        if token_figures[k] >= 0 or (word not in starters and not word.endswith("'s")):
            continue
        hit = lexicon.attribution_before.match_at(words, k)
        if hit:
            who = _name_after(text, tokens, words, k + hit[0], lexicon)
            spoken = _speaker_after(tokens, words, k + hit[0], lexicon)
            if who is None or (spoken is not None and spoken[1] > who[1] and words[who[1] + 1] in ("for", "of", "from", "by")):
                who = spoken  # "according to a spokesman for the rebels": the whole phrase
            if who is not None:
                add(k, who[1], who[0], who[1])
            continue
        hit = lexicon.attribution_official.match_at(words, k)
        if hit and k >= 1 and words[k - 1] in ("the", "a", "an", "its", "their"):
            add(k - 1, k + hit[0] - 1, k, k)  # "the official count": the authorities'
            continue
        hit = lexicon.attribution_verbs.match_at(words, k)
        if hit:
            j = k - 1
            while j >= 0 and (words[j] in _BETWEEN_WHO_AND_VERB or (token_figures[j] >= 0 and j >= 1 and words[j - 1] == "on")):
                j -= 2 if token_figures[j] >= 0 else 1
            who = _name_before(text, tokens, words, j, lexicon)
            if who is not None:
                add(who[0], k + hit[0] - 1, who[0], who[1])
            elif j >= 0 and words[j] == ",":
                after = _name_after(text, tokens, words, k + hit[0], lexicon)  # "…, said the ministry"
                if after is not None:
                    add(k, after[1], after[0], after[1])
            continue
        if words[k] in lexicon.attribution_estimates:
            # "a Harvard-led survey published in May estimated …"; "The study, prepared by …, estimates …"
            reach = 18 if k + 1 < n and words[k + 1] == "," else 8
            verb = next((m for m in range(k + 1, min(n, k + reach)) if words[m] != ";" and lexicon.attribution_verbs.match_at(words, m)), None)
            if verb is None or ("," in words[k + 1 : verb] and words[k + 1] != ","):
                continue
            who = _name_before(text, tokens, words, k - 1, lexicon, skip_modifiers=True)
            first = who[0] if who is not None else k
            add(first, verb, *(who if who is not None else (k, k)))
            continue
        if words[k].endswith("'s") and k + 1 < n and lexicon.attribution_possessive.match_at(words, k + 1):
            who = _name_before(text, tokens, words, k, lexicon)
            if who is None and words[k][:-2] in lexicon.attribution_estimates:
                who = (k, k)  # "the study's central estimate": the study is the party, as in "the study … estimates"
            if who is not None:
                add(who[0], k + 1, who[0], who[1])
    return found


#: Words that may stand between a party and its reporting verb ("Hamas has said", "the government first put").
_BETWEEN_WHO_AND_VERB = frozenset("has have had now also first initially later again then still".split())
#: Capitalised words that are not names.
_NOT_NAMES = frozenset(
    "the a an this that these those it its in on at but and as after before while when of for by he she they we i "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _is_name_word(text: str, token: Token, word: str, lexicon: Lexicon) -> bool:
    original = text[token.start : token.end]
    return token.figure < 0 and ((original[:1].isupper() and word not in _NOT_NAMES) or word.rstrip("'s") in lexicon.speakers or word in lexicon.speakers)


def _name_before(
    text: str, tokens: Tokens, words: list[str], end: int, lexicon: Lexicon, *, skip_modifiers: bool = False
) -> tuple[int, int] | None:
    """The party named by the words ending at `end`: a known party, or a run of names and speaker nouns."""
    if end < 0:
        return None
    if skip_modifiers:
        # "a Harvard-led household survey": skip up to two lower-case modifiers before the noun.
        steps = 0
        while end >= 0 and steps < 2 and not _is_name_word(text, tokens[end], words[end], lexicon) and words[end] not in ("the", "a", "an", ",") and tokens.figures[end] < 0:
            end -= 1
            steps += 1
        if end < 0:
            return None
    hit = lexicon.parties.match_ending_at(words, end)
    if hit:
        first = end - hit[0] + 1
        return (first - 1 if first >= 1 and words[first - 1] == "the" else first), end
    first = end
    while first >= 0 and _is_name_word(text, tokens[first], words[first], lexicon) and end - first < 6:
        first -= 1
    first += 1
    if first > end:
        return None
    return first, end


def _name_after(text: str, tokens: Tokens, words: list[str], start: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The party named by the words from `start`: a known party, or a run of names and speaker nouns."""
    n = len(words)
    if start >= n:
        return None
    hit = lexicon.parties.match_at(words, start)  # "the Gaza health ministry" is a party name as written
    if hit:
        return start, start + hit[0] - 1
    if words[start] == "the":
        start += 1
        if start >= n:
            return None
        hit = lexicon.parties.match_at(words, start)
        if hit:
            return start, start + hit[0] - 1
    last = start
    while last < n and last - start < 6 and (
        _is_name_word(text, tokens[last], words[last], lexicon)
        or (last > start and words[last] in ("of", "for"))
        or (last + 1 < n and words[last + 1] in lexicon.speakers and tokens.figures[last] < 0)  # "Gaza health ministry"
    ):
        last += 1
    last -= 1
    while last >= start and words[last] in ("of", "for"):
        last -= 1
    return (start, last) if last >= start else None


def _speaker_after(tokens: Tokens, words: list[str], start: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A common-noun speaker after "according to": "the rebels", "opposition leaders", "a
    spokesman for the army", "figures from the health ministry" (the ministry). Not a phrase
    that names no one ("according to plan", "according to reports")."""
    n = len(words)
    k = start
    while k < n and words[k] in ("the", "a", "an"):
        k += 1
    last = None
    m = k
    while m < n and m - k < 7 and tokens.figures[m] < 0 and words[m].replace("'", "").replace("-", "").isalnum():
        if words[m] in _SPEAKER_STOPS:
            if words[m] not in ("of", "for", "from", "by") or last is None or m + 1 >= n:
                break
        last = m
        m += 1
    while last is not None and last >= k and words[last] in _SPEAKER_STOPS:
        last -= 1
    if last is None or last < k:
        return None
    if lexicon.not_speakers.match_at(words, start) or lexicon.not_speakers.match_at(words, k):
        return None
    # "figures from the health ministry", "a tally by the army": the body behind the figure.
    for j in range(k, last):
        if words[j] in ("from", "by") and (words[j - 1] in lexicon.attribution_estimates or lexicon.attribution_possessive.match_at(words, j - 1)):
            inner = _speaker_after(tokens, words, j + 1, lexicon)
            if inner is not None:
                return inner
    return k, last


#: Words that end a common-noun speaker ("according to the rebels in the north"); "of",
#: "for", "from" and "by" continue one ("a spokesman for the army").
_SPEAKER_STOPS = frozenset("of for from by in on at and or but who which that when while as after before since with near over than to said says".split())


def _party(who: str, lexicon: Lexicon, places: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The party id and side a name stands for: a vocabulary party (by name, or by a local
    name in a sentence naming its place), "authorities" for an official body, or none; and
    the side its words put it on ("the rebels", "the army")."""
    words = [w.lower().replace("’", "'") for w in _TOKENS.findall(who)]
    # A party's name may hold its article ("the Gaza health ministry"); try it whole first.
    hit = lexicon.parties.match_at(words, 0) if words else None
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
        hit = hit or (lexicon.parties.match_at(words, 0) if words else None)
    if hit:
        party_id, side = cast("tuple[str, str | None]", hit[1])
        return party_id, side
    local = lexicon.local_parties.match_at(words, 0) if words and places else None
    if local and local[0] == len(words):
        party_id, side, where = cast("tuple[str, str | None, frozenset[str]]", local[1])
        if where & places:
            return party_id, side
    bare = {w[:-2] if w.endswith("'s") else w for w in words}
    side = next((name for name, side_words in lexicon.side_words if side_words & bare), None)
    if lexicon.authority_words & bare and side in (None, lexicon.official_side):
        return "authorities", lexicon.official_side
    return None, side
