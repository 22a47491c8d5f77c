"""Text utilities: sentences, paragraphs, offsets ↔ line and column, spans.

Everything works in code-point offsets into the source text, end exclusive.
Sentence splitting is a single regular-expression pass with an abbreviation
list; it is tuned for news copy, not for general prose.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ._build import build
from .model import Source, Span

__all__ = ["LineIndex", "Sentence", "split_sentences", "make_span", "SENTENCE_WINDOW"]

#: A sentence longer than this is clipped around the figure in `Span.sentence`:
#: a run-on line (a table, a list of numbers) is not a sentence a reader quotes.
SENTENCE_WINDOW = 600


class LineIndex:
    """Maps offsets in a text to 1-based (line, column), in O(log lines).

    A byte-order mark that opens a file (U+FEFF, written by some Windows
    editors) is kept in the text, so offsets still count it, but columns do
    not: editors and GitHub do not show it, and a column is what they point
    at. `line_offset` > 0 (a body after front matter) means the text does
    not open the file, so a U+FEFF there is counted like any character.

    >>> index = LineIndex("ab\\ncd", line_offset=2)
    >>> index.position(3)
    (4, 1)
    >>> LineIndex("\\ufeffab").position(2)
    (1, 2)
    """

    __slots__ = ("_starts", "_line_offset", "_mark")

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))
        self._line_offset = line_offset
        self._mark = 1 if line_offset == 0 and text.startswith("\ufeff") else 0

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of `offset`, both 1-based, columns in code points (a leading byte-order mark not counted)."""
        row = bisect.bisect_right(self._starts, offset) - 1
        column = offset - self._starts[row] + 1
        if row == 0 and self._mark:
            column = max(1, column - self._mark)
        return row + 1 + self._line_offset, column


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's offsets and the paragraph (line) it belongs to."""

    start: int
    end: int
    paragraph: int


# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col capt maj sgt cpl adm gov sen rep rev st jr sr
    co corp inc ltd no nos vs etc fig al jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue tues wed thu thur thurs fri sat sun u.s u.n u.k e.g i.e a.m p.m
    approx est dept univ ave blvd mt ft""".split()
)

# A candidate sentence end: terminal punctuation, closing quotes or brackets,
# then white space. Bounded quantifiers keep this linear on any input.
_END = re.compile(r"[.!?][\"'”’)\]]{0,3}[ \t]+")
_WORD_BEFORE = re.compile(r"([\w.]{1,12})$")
_NEWLINE = re.compile(r"\n")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences. A line break ends a sentence (a title, a byline, a
    paragraph on a line of its own), except where the text is hard-wrapped: a line
    that ends mid-sentence, followed by one that goes on in lower case or with a figure.

    >>> [text[s.start:s.end] for text in ["Mr. Saar spoke. Hamas said no.\\nNext."] for s in split_sentences(text)]
    ['Mr. Saar spoke.', 'Hamas said no.', 'Next.']
    >>> [text[s.start:s.end] for text in ["The attack killed about\\n12 people. Title\\nNext."] for s in split_sentences(text)]
    ['The attack killed about\\n12 people.', 'Title', 'Next.']
    """
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    breaks = [m.start() for m in _NEWLINE.finditer(text) if not _soft_wrap(text, m.start())]
    for line_end in breaks + [len(text)]:
        start = line_start
        for m in _END.finditer(text, line_start, line_end):
            nxt = m.end()
            if nxt >= line_end:
                break
            if not _starts_sentence(text[nxt]):
                continue
            if text[m.start()] == "." and _is_abbreviation(text, m.start()):
                continue
            end = m.start() + len(m.group().rstrip(" \t"))
            _append(sentences, text, start, end, paragraph)
            start = nxt
        _append(sentences, text, start, line_end, paragraph)
        paragraph += 1
        line_start = line_end + 1
    return sentences


def _soft_wrap(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a sentence: the line before ends in
    a word, a figure or a comma (no full stop, colon or closing mark), and the line after
    starts, right away, with a lower-case letter or a digit (an indented line is a list
    item or a quotation, Markdown's markup blanked out, not a continuation)."""
    before = newline - 1
    if before >= 0 and text[before] == "\r":
        before -= 1
    if before < 0 or not (text[before].isalnum() or text[before] in ",;"):
        return False
    after = newline + 1
    if after >= len(text):
        return False
    following = text[after]
    return following.islower() or following.isdigit()


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start] in " \t\r\ufeff":  # a byte-order mark is no part of a sentence
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph))


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘([—–-"


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("Donald J. Trump"), and a dotted
    # acronym ("U.S.") does not end a sentence before a capital either.
    return (len(word) == 1 and word.isalpha()) or ("." in word and len(word) <= 6)


def make_span(source: Source, index: LineIndex, sentence: Sentence, start: int, end: int) -> Span:
    """A `Span` for `source.text[start:end]` inside `sentence`, clipped if the sentence is long."""
    text = source.text
    s_start, s_end = sentence.start, sentence.end
    if s_end - s_start > SENTENCE_WINDOW:
        half = max(0, (SENTENCE_WINDOW - (end - start)) // 2)
        s_start = max(sentence.start, start - half)
        s_end = min(sentence.end, max(end + half, s_start + SENTENCE_WINDOW))
        s_start = min(s_start, start)
        s_end = max(s_end, end)
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return build(
        Span,
        source_id=source.id,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        quote=text[start:end],
        sentence=text[s_start:s_end],
        sentence_start=s_start,
    )
