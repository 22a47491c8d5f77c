"""A sentence's tokens, made lazily (`reading.Tokens`), are the tokens an eager reading gives."""

import re

from claimcheck import Source
from claimcheck.extract.figures import find_figures
from claimcheck.extract.lexicon import compile_lexicon
from claimcheck.extract.reading import FIGURE, Token, _TOKENS, tokenize
from claimcheck.text import split_sentences

TEXT = "Officials said on Tuesday that more than 1,200 people – including 300 children – were killed in Gaza’s north, the ministry said."


def _eager(text, start, end, figures, first):
    """Every token built at once, the way the sentence reader did before `Tokens`."""
    lowered = text[start:end].lower().replace("’", "'")
    tokens, pos, f = [], 0, first
    while True:
        stop = figures[f].start - start if f < len(figures) and figures[f].start < end else end - start
        tokens += [Token(m.start() + start, m.end() + start, m.group()) for m in _TOKENS.finditer(lowered, pos, stop)]
        if stop >= end - start:
            return tokens
        tokens.append(Token(figures[f].start, figures[f].end, FIGURE, f))
        pos, f = figures[f].end - start, f + 1


def test_lazy_tokens_equal_eager_ones():
    lexicon = compile_lexicon(None)
    prefix = "Intro line.\n\n"
    text = prefix + TEXT
    figures = find_figures(text, split_sentences(text), lexicon, None)
    assert [text[f.start : f.end] for f in figures] == ["more than 1,200", "300"]
    start, end = len(prefix), len(text)
    expected = _eager(text, start, end, figures, 0)
    tokens, words, figure_token = tokenize(text, start, end, figures, 0)
    assert len(tokens) == len(expected)
    assert words == [t.word for t in expected]
    assert tokens.figures == [t.figure for t in expected]
    assert figure_token == {t.figure: i for i, t in enumerate(expected) if t.figure >= 0}
    assert tokens[-1] == expected[-1] and tokens[3] == expected[3]  # made on demand, negative index too
    assert list(tokens) == expected
    assert tokens[2:5] == expected[2:5]
    assert tokens[5] is tokens[5]  # made once
    for offset in (start, start + 17, figures[1].start, end, end + 5):
        assert tokens.first_from(offset, -9) == next((n for n, t in enumerate(expected) if t.start >= offset), -9)
    assert all(text[t.start : t.end].lower().replace("’", "'") == t.word for t in tokens if t.figure < 0)
