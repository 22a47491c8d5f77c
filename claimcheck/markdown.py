"""Reading a Markdown draft as prose: markup blanked, every offset kept.

`reading_text` returns a copy of a Markdown text *of the same length* in
which markup characters are replaced by spaces and the soft line breaks
inside a paragraph by spaces. Extraction reads figures and sentences from
that copy while spans still slice the raw text (`extract(source,
reading_text=...)`), so a claim's offsets, line, column and quote point into
the file as written: `**97** hostages` gives the quote ``97`` at the column
of the 9.

What is blanked (CommonMark, pragmatically; a draft is prose, not a manual):

* HTML comments (suppression comments among them) and HTML tags;
* fenced code blocks, whole; the backticks of inline code;
* heading markers (``#``, setext underlines), thematic breaks, list markers
  (``-``, ``*``, ``+``, ``1.``, ``1)``), block-quote markers, table pipes
  and table separator rows;
* the brackets and targets of links (``[text](url "title")`` keeps ``text``),
  reference links and their definitions, footnote markers, whole images,
  bare and angle-bracket URLs;
* emphasis and strike-through markers (``*``, ``_``, ``~~``), backslashes of
  escapes, character entities (``&mdash;``, ``&#8212;``).

Soft line breaks: in Markdown a single line break inside a paragraph is a
space, so a sentence wrapped over two lines is one sentence; a paragraph
ends at a blank line, a heading, a list item, a table row or a fence. Line
breaks that end a block stay line breaks.

Front matter is not here: `load_sources` takes it off before the body is
read (`Source.line_offset` keeps line numbers true).

>>> reading_text("## **97** hostages\\n")
'     97   hostages\\n'
>>> reading_text("1. About [1,200 people](https://x.org/a?id=7) died")
'   About  1,200 people                        died'
>>> reading_text("A sentence wrapped\\nover two lines.\\n\\nNext.")
'A sentence wrapped over two lines.\\n\\nNext.'
"""

from __future__ import annotations

import re

__all__ = ["reading_text", "is_markdown"]

_MARKDOWN_SUFFIXES = (".md", ".markdown")

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3}#{1,6})(?=[ \t]|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")

# Inline markup, each pattern with the groups to keep (everything else in the match is blanked).
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[(?P<keep>[^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_FOOTNOTE = re.compile(r"\[\^[^\]\n]+\]:?")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>|<(?:https?|mailto|ftp):[^<>\s]*>")
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+\.[^\s<>()\[\]]+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_CODE_TICKS = re.compile(r"`+")
_STARS = re.compile(r"\*{1,3}")
_UNDERSCORES = re.compile(r"_{1,3}")
_TILDES = re.compile(r"~~+")


def is_markdown(path: str | None) -> bool:
    """Whether a file of this name is read as Markdown.

    >>> is_markdown("drafts/story.md"), is_markdown("notes.txt"), is_markdown(None)
    (True, False, False)
    """
    return path is not None and path.lower().endswith(_MARKDOWN_SUFFIXES)


def reading_text(text: str) -> str:
    """`text` with its Markdown markup blanked and soft line breaks joined; same length."""
    chars = list(text)
    if text.startswith("\ufeff"):
        chars[0] = " "  # a byte-order mark: the first line's markup ("# ", "1. ") starts after it
    for m in _COMMENT.finditer(text):
        _blank(chars, m.start(), m.end())
    blanked = "".join(chars)
    kinds: list[str] = []
    starts: list[int] = []
    fence: str | None = None
    position = 0
    for raw_line in blanked.split("\n"):
        start = position
        position += len(raw_line) + 1
        line = raw_line[:-1] if raw_line.endswith("\r") else raw_line
        starts.append(start)
        if fence is not None:
            _blank(chars, start, start + len(line))
            closing = _FENCE.match(line)
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) and not line[closing.end() :].strip():
                fence = None
            kinds.append("fence")
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            _blank(chars, start, start + len(line))
            kinds.append("fence")
            continue
        kinds.append(_block(chars, line, start, kinds[-1] if kinds else "blank"))
    for i in range(1, len(kinds)):
        if _joins(kinds[i - 1], kinds[i]):
            newline = starts[i] - 1
            chars[newline] = " "
            if newline > 0 and chars[newline - 1] == "\r":
                chars[newline - 1] = " "
    return "".join(chars)


def _block(chars: list[str], line: str, start: int, previous: str) -> str:
    """Blank one line's block markup and its inline markup; return the line's kind."""
    if not line.strip():
        return "blank"
    if _RULE.match(line) or (_SETEXT.match(line) and previous in ("text", "quote", "item")):
        _blank(chars, start, start + len(line))
        return "rule"
    if _DEFINITION.match(line):
        _blank(chars, start, start + len(line))
        return "rule"
    kind = "text"
    offset = 0
    heading = _ATX.match(line)
    if heading:
        _blank(chars, start, start + heading.end())
        close = _ATX_CLOSE.search(line)
        if close:
            _blank(chars, start + close.start(), start + close.end())
        kind, offset = "heading", heading.end()
    else:
        quote = _QUOTE.match(line)
        if quote:
            _blank(chars, start, start + quote.end())
            kind, offset = "quote", quote.end()
        item = _ITEM.match(line, offset)
        if item:
            _blank(chars, start + item.start(2), start + item.end(2))
            kind, offset = "item", item.end()
        if "|" in line and (line.lstrip().startswith("|") or _TABLE_SEPARATOR.match(line)):
            if _TABLE_SEPARATOR.match(line):
                _blank(chars, start, start + len(line))
                return "table"
            for k, ch in enumerate(line):
                if ch == "|" and (k == 0 or line[k - 1] != "\\"):
                    chars[start + k] = " "
            kind = "table"
    _inline(chars, line, start, offset)
    return kind


def _inline(chars: list[str], line: str, start: int, offset: int) -> None:
    """Blank the inline markup of `line` (which begins at `start` in the text) from `offset` on."""
    taken = bytearray(len(line))

    def blank(a: int, b: int) -> None:
        _blank(chars, start + a, start + b)
        taken[a:b] = b"\x01" * (b - a)

    for pattern in (_TAG, _IMAGE):
        for m in pattern.finditer(line, offset):
            blank(m.start(), m.end())
    for m in _LINK.finditer(line, offset):
        if taken[m.start()]:
            continue
        blank(m.start(), m.start("keep"))
        blank(m.end("keep"), m.end())
    for pattern in (_FOOTNOTE, _URL, _ENTITY, _ESCAPE, _CODE_TICKS, _TILDES):
        for m in pattern.finditer(line, offset):
            if not taken[m.start()]:
                blank(m.start(), m.end())
    for m in _STARS.finditer(line, offset):
        if not taken[m.start()] and _flanking(line, m.start(), m.end()):
            blank(m.start(), m.end())
    for m in _UNDERSCORES.finditer(line, offset):
        before = line[m.start() - 1] if m.start() > 0 else " "
        after = line[m.end()] if m.end() < len(line) else " "
        if not taken[m.start()] and not (before.isalnum() and after.isalnum()) and _flanking(line, m.start(), m.end()):
            blank(m.start(), m.end())


def _flanking(line: str, start: int, end: int) -> bool:
    """Whether a run of emphasis characters touches a word on one side (not spaces on both)."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    return not (before.isspace() and after.isspace())


def _joins(previous: str, current: str) -> bool:
    """Whether the line break between lines of these kinds is a soft break inside a paragraph."""
    if current == "text":
        return previous in ("text", "item", "quote")
    return current == "quote" and previous == "quote"


def _blank(chars: list[str], start: int, end: int) -> None:
    """Spaces over chars[start:end], line breaks kept (so lines stay where they were)."""
    for k in range(start, end):
        if chars[k] not in "\n\r":
            chars[k] = " "
