"""What a count counts: its noun phrase, its measure and its population.

The procedure (documented for vocabulary writers in data/measures.toml):

1. Read the noun phrase after the figure: modifiers, then a head noun. "N of
   the M NOUN" is a partitive: the head is the noun after M. "the bodies of N"
   makes "bodies" the head.
2. Try, in order: the head noun itself names a measure ("1,200 deaths"); a
   verb right before the figure governs it ("killing 1,200 people"); a
   predicate after the noun phrase ("250 others were taken hostage"); a
   modifier in or right after the noun phrase ("the remaining 97 hostages").
   Each cue names the head classes it accepts.
3. Otherwise the figure is a general count of its head noun.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon, MeasureCue, PhraseTable
from .reading import FIGURE, Tokens

__all__ = ["NounPhrase", "noun_phrase", "read_measure", "linked_bound", "STOP_WORDS"]

#: Words that end a noun phrase.
STOP_WORDS = frozenset(
    """of in on at by to for from with and or but nor were was are is have has had been be being who whom whose
    which that including during after before since as than while when where amid into over under about across
    against between through per via if because so yet said says say according told will would could should may
    might can must do does did not no its it they them he she we you i this these those there here their his her
    our your my also still all both each either neither many much more most such only just even what how why
    — – ( ) , ; : " “ ” -""".split()
)
_DETERMINERS = frozenset("the a an all its their his her those these some of another this that".split())
_AUXILIARIES = frozenset(
    """were was are is have has had been being be will would may might could also still now reportedly all then
    since so far already thought believed said reported feared presumed later yet subsequently remain remains
    remained stay stays stayed""".split()
)
_CLAUSE_BREAKS = frozenset(";:()“”\"")


@dataclass(slots=True)
class NounPhrase:
    """The noun phrase a figure counts: its head and modifiers, by token index."""

    head: str | None = None
    head_class: str | None = None
    head_index: int | None = None
    modifiers: list[int] = field(default_factory=list)
    end: int = 0
    partitive_whole: int | None = None
    bodies: bool = False
    bodies_index: int | None = None


def noun_phrase(tokens: Tokens, words: list[str], i: int, lexicon: Lexicon) -> NounPhrase:
    """The noun phrase counted by the figure at token `i`."""
    np = NounPhrase(end=i + 1)
    n = len(words)
    # "the bodies of N": the figure counts bodies.
    j = i - 1
    while j >= 0 and words[j] in ("the", "a", "an") and j > i - 3:
        j -= 1
    if j >= 1 and words[j] == "of" and lexicon.head_class.get(words[j - 1]) == "bodies":
        np.bodies = True
        np.bodies_index = j - 1
        np.head, np.head_class, np.head_index = words[j - 1], "bodies", j - 1
    k = i + 1
    # A partitive: "20 of the 50 remaining hostages", "about 20 of living captives".
    if k < n and words[k] == "of":
        m = k + 1
        while m < n and words[m] in _DETERMINERS and m < k + 3:
            m += 1
        if m < n and tokens.figures[m] >= 0:
            np.partitive_whole = m
            m += 1
        if np.partitive_whole is not None or (m < n and words[m] not in STOP_WORDS):
            k = m
    if k == i + 1 and k + 1 < n and words[k] == "more" and tokens.figures[k + 1] < 0 and words[k + 1] not in STOP_WORDS:
        k += 1  # "found 14 more bodies": a difference, of bodies
    run: list[int] = []
    while k < n and len(run) < 4 and tokens.figures[k] < 0 and words[k] not in STOP_WORDS:
        if words[k] in lexicon.group_nouns and k + 2 < n and words[k + 1] == "of" and tokens.figures[k + 2] < 0 and words[k + 2] not in STOP_WORDS:
            k += 2  # "eight sets of remains": the remains are counted
            continue
        if words[k] not in lexicon.head_class and _verb_like(words, k, lexicon):
            break
        run.append(k)
        if words[k] in lexicon.head_class or lexicon.measure_nouns.match_at(words, k):
            break
        k += 1
    np.end = (run[-1] + 1) if run else (np.partitive_whole + 1 if np.partitive_whole is not None else i + 1)
    if not run:
        return np
    head_at = next((r for r in run if words[r] in lexicon.head_class), None)
    if head_at is None:
        head_at = next((r for r in run if lexicon.measure_nouns.match_at(words, r)), run[-1])
    if np.head is None:
        np.head, np.head_index = words[head_at], head_at
        np.head_class = head_class_of(words[head_at], lexicon)
        np.modifiers = [r for r in run if r < head_at]
    else:
        np.modifiers = [r for r in run]
    np.end = head_at + 1 if not np.bodies else np.end
    return np


def head_class_of(word: str, lexicon: Lexicon) -> str:
    """The class of a counted noun: from the vocabulary, "people" by its ending ("farmers",
    "tourists"), or "other" — a noun that is there but names none of the classes ("firearms")."""
    known = lexicon.head_class.get(word)
    if known is not None:
        return known
    if word.endswith(lexicon.person_suffixes) and len(word) > 4:
        return "people"
    return "other"


def _verb_like(words: list[str], k: int, lexicon: Lexicon) -> bool:
    """A word that starts a predicate or is an adverb or participle, so it ends a noun phrase."""
    word = words[k]
    if word.endswith("ly") and len(word) > 4:
        return True
    if lexicon.measure_predicates.values_at(words, k) and not lexicon.measure_modifiers.values_at(words, k):
        return True
    return word.endswith("ed") and bool(lexicon.measure_verbs.values_at([word], 0))


def _accepted(hit: tuple[int, list[object]] | None, head_class: str | None, kind: str = "count") -> str | None:
    """The first measure among a phrase's cues of this kind that accepts this head class."""
    if hit is None:
        return None
    for cue in hit[1]:
        assert isinstance(cue, MeasureCue)
        if cue.kind == kind and ((head_class or "none") in cue.heads or "any" in cue.heads):
            return cue.measure
    return None


def read_measure(
    tokens: Tokens,
    words: list[str],
    i: int,
    np: NounPhrase,
    lexicon: Lexicon,
    *,
    kind: str = "count",
    date_tokens: frozenset[int] = frozenset(),
) -> str | None:
    """The measure of the figure at token `i` — a count, or a sum of money when `kind` is
    "money" — or None when no cue names one. Only measures of that kind are considered.
    `date_tokens` are the tokens of date figures, which a linked subject may reach across
    ("Damage from the March 2023 earthquake came to $3 billion"). A measure whose `unless`
    phrases stand in the clause is undone ("reported missing have since been accounted for")."""
    measure = _read_measure(tokens, words, i, np, lexicon, kind=kind, date_tokens=date_tokens)
    undo = lexicon.measure_unless.get(measure) if measure is not None else None
    if undo is not None and _undone(tokens, words, i, np, undo):
        return None
    return measure


def _undone(tokens: Tokens, words: list[str], i: int, np: NounPhrase, undo: PhraseTable) -> bool:
    """Whether an undoing phrase governs the figure: right before it ("traced 70 people who
    had been reported missing") or later in its clause, not negated ("have since been
    accounted for"; not "could not be located")."""
    anchor = i - 1
    while anchor >= 0 and words[anchor] in _DETERMINERS:
        anchor -= 1
    if anchor >= 0 and undo.match_ending_at(words, anchor):
        return True
    for k in range(np.end, min(len(words), np.end + _UNDO_REACH)):
        if words[k] in _CLAUSE_BREAKS or words[k] == ";" or tokens.figures[k] >= 0:
            return False
        if words[k] == "," and k + 1 < len(words) and words[k + 1] in _COORDINATORS:
            return False  # "are missing, and no one has been found alive": another clause
        if words[k] in undo.by_first and undo.match_at(words, k) and not _NEGATIONS.intersection(words[max(0, k - 2) : k]):
            return True
    return False


#: How far after its noun phrase a figure's measure may be undone.
_UNDO_REACH = 12
_NEGATIONS = frozenset("not never n't".split())
#: Subjects that open a contact relative clause ("the $415 million it has appealed for").
_SUBJECT_PRONOUNS = frozenset("it they he she we".split())
_COORDINATORS = frozenset("and but while whereas although though yet so".split())


def _read_measure(
    tokens: Tokens,
    words: list[str],
    i: int,
    np: NounPhrase,
    lexicon: Lexicon,
    *,
    kind: str = "count",
    date_tokens: frozenset[int] = frozenset(),
) -> str | None:
    head_class = np.head_class
    # 1. The head noun names the measure: "1,200 deaths", "17 dead", "$3 billion in damage".
    if not np.bodies and np.head_index is not None:
        measure = _of_kind(lexicon.measure_nouns.values_at(words, np.head_index), kind)
        if measure:
            return measure
    if not np.bodies and i + 1 < len(words) and (np.head_index is None or np.head_index == i + 1):
        measure = _of_kind(lexicon.measure_nouns.values_at(words, i + 1), kind)
        if measure:
            return measure
    # A participle before the noun ("eight released hostages") makes a plain count.
    if any(_participle(words[m], lexicon) for m in np.modifiers) and not np.bodies:
        return None
    # 2. A governing verb right before the figure, or, for "the bodies of N",
    #    a handing-over verb anywhere earlier in the clause.
    anchor = np.bodies_index - 1 if np.bodies and np.bodies_index is not None else i - 1
    while anchor >= 0 and words[anchor] in ("the", "a", "an", "all", "some"):
        anchor -= 1
    if anchor >= 0:
        measure = _accepted(lexicon.measure_verbs.values_ending_at(words, anchor), head_class, kind)
        if measure:
            return measure
    # 3. A predicate after the noun phrase: "250 others were taken hostage". The
    #    object of a partitive keeps only a predicate right after it ("of the 251
    #    abducted"); one after an auxiliary belongs to the partitive's subject.
    measure = _predicate(tokens, words, np, lexicon, kind, direct_only=_is_partitive_object(words, i))
    if measure:
        return measure
    if np.bodies and np.bodies_index is not None:
        measure = _clause_verb(words, np.bodies_index, lexicon, head_class, kind)
        if measure:
            return measure
    # 4. A modifier: "the remaining 97 hostages", "100 hostages still in Gaza", "living captives".
    for position in [i - 1, *np.modifiers, np.end]:
        if 0 <= position < len(words):
            measure = _accepted(lexicon.measure_modifiers.values_at(words, position), head_class, kind)
            if measure:
                return measure
    if np.bodies and kind == "count":
        # "the bodies of about 30 others": dead hostages, when hostages are in view.
        if lexicon.vocabulary.measure("hostages_dead") and any(lexicon.head_class.get(w) == "captives" for w in words):
            return "hostages_dead"
        return None
    # 5. A subject that names the measure, linked to the figure: "the confirmed
    #    death toll from the collapse rose to 36", "unaccounted for, which fell to 61".
    measure = _linked_subject(words, i, lexicon, kind, date_tokens)
    if measure:
        return measure
    # 6. A head noun some measure claims by default ("among the 59 hostages").
    if head_class is not None and kind == "count":
        return lexicon.default_measure.get(head_class)
    return None


def _linked_subject(words: list[str], i: int, lexicon: Lexicon, kind: str, date_tokens: frozenset[int]) -> str | None:
    """The measure named by a subject earlier in the clause, when a linking phrase leads to the figure."""
    link = lexicon.links.match_ending_at(words, i - 1) if i >= 1 else None
    if link is None:
        return None
    return _subject_before(words, i - 1 - link[0], i, lexicon, kind, date_tokens)


def linked_bound(words: list[str], i: int, lexicon: Lexicon, *, kind: str = "count", date_tokens: frozenset[int] = frozenset()) -> str | None:
    """The qualifier a linking verb gives the figure at token `i` — "the death toll passed
    46,000" is more than 46,000 — when the verb links a subject naming a measure to it;
    None otherwise ("the measure passed 62-38")."""
    hit = lexicon.linking_qualifiers.match_ending_at(words, i - 1) if i >= 1 else None
    if hit is None:
        return None
    length, qualifier = hit
    return str(qualifier) if _subject_before(words, i - 1 - length, i, lexicon, kind, date_tokens) else None


def _subject_before(words: list[str], last: int, i: int, lexicon: Lexicon, kind: str, date_tokens: frozenset[int]) -> str | None:
    """The measure a subject ending at or before token `last` names, within the figure's clause."""
    for j in range(last, max(-1, i - 16), -1):
        if words[j] in _CLAUSE_BREAKS or (words[j] == FIGURE and j not in date_tokens):
            return None  # another count's subject lies beyond
        measure = _of_kind(lexicon.measure_subjects.values_ending_at(words, j), kind)
        if measure:
            return measure
    return None


def _of_kind(hit: tuple[int, list[object]] | None, kind: str) -> str | None:
    """The first measure of this kind among a phrase's cues, whatever the head."""
    if hit is None:
        return None
    for cue in hit[1]:
        assert isinstance(cue, MeasureCue)
        if cue.kind == kind:
            return cue.measure
    return None


def _participle(word: str, lexicon: Lexicon) -> bool:
    hit = lexicon.measure_verbs.match_at([word], 0)
    return bool(hit) and word.endswith("ed")


def _is_partitive_object(words: list[str], i: int) -> bool:
    """Whether the figure is M in "N of the M": its predicate belongs to N."""
    j = i - 1
    while j >= 0 and words[j] in ("the", "a", "an", "those", "these"):
        j -= 1
    return j >= 1 and words[j] == "of" and words[j - 1] == FIGURE


def _predicate(
    tokens: Tokens, words: list[str], np: NounPhrase, lexicon: Lexicon, kind: str, *, direct_only: bool = False
) -> str | None:
    n = len(words)
    k = np.end
    if np.partitive_whole is not None and k <= np.partitive_whole + 1:
        # "58 of the 251 abducted by …": a participle right after the whole is the whole's.
        k = np.partitive_whole + 1
        while k < n and words[k] != FIGURE and words[k] not in STOP_WORDS and (_verb_like(words, k, lexicon) or words[k] not in _AUXILIARIES):
            if words[k] in _AUXILIARIES:
                break
            k += 1
        if k < n and words[k] in _SUBJECT_PRONOUNS:
            # "$22.4 million of the $415 million it has appealed for": a clause with a subject
            # of its own right after the whole is a relative clause on the whole.
            return None
    # A comma or dash aside: "More than 56,000 people, including thousands of children, have been killed".
    if k < n and words[k] in (",", "—", "–", "("):
        closer = {",": ",", "—": "—", "–": "–", "(": ")"}[words[k]]
        for m in range(k + 1, min(n, k + 16)):
            if words[m] == closer:
                if words[k] == "," and m + 1 < n and words[m + 1] in _AUXILIARIES:
                    k = m + 1
                elif words[k] != ",":
                    k = m + 1
                break
    steps = 0
    while k < n and steps < 5:
        hit = lexicon.measure_predicates.values_at(words, k)
        measure = _accepted(hit, np.head_class, kind)
        if measure and hit is not None:
            if k + hit[0] < n and words[k + hit[0]] == "or":
                return None  # "injured or left without homes": two categories in one count
            return measure
        if direct_only:
            return None
        if words[k] in _AUXILIARIES or words[k].endswith("ly") or words[k] in ("to", "be", "are") or (words[k] == "who" and k == np.end):
            k += 1
            steps += 1
            continue
        break
    return None


def _clause_verb(words: list[str], bodies_index: int, lexicon: Lexicon, head_class: str | None, kind: str) -> str | None:
    """A handing-over or recovering verb earlier in the clause governs "the bodies of N"."""
    for j in range(bodies_index - 1, max(-1, bodies_index - 30), -1):
        if words[j] in _CLAUSE_BREAKS:
            return None
        if words[j].endswith(("ed", "over", "back", "ing")):
            measure = _accepted(lexicon.measure_verbs.values_ending_at(words, j), head_class, kind)
            if measure:
                return measure
    return None
