"""Ledgers: the figures an editor has established, as a reference of the highest authority.

A ledger is a YAML file named ``*.ledger.yaml`` (or ``*.ledger.yml``). Each
figure says what is measured, for which event and population, its value as a
newsroom writes it (qualifier included) and where it was established:

.. code-block:: yaml

    id: war-ledger                      # optional; the file name without .ledger.yaml
    title: Israel–Hamas war, established figures
    updated: 2025-07-07                 # optional; when the ledger was last reviewed
    figures:
      - measure: killed
        event: {kind: attack, date: 2023-10-07}
        value: about 1,200
        citation: Israeli government figures (AP, 2023-12-15)
      - measure: hostages_held
        place: Gaza
        value: "50"
        as_of: 2025-07-07
        citation: Prime Minister's Office, 2025-07-07

docs/ci.md lists every key. Validation is strict: an unknown key, an
unknown measure, event kind or population label, a value that is not one
figure of the measure's kind, a stock or running total without ``as_of`` —
each is an `InputError` naming the file and the line.

A ledger loads as a `Source` with role ``ledger`` (its text is the YAML
file, so a figure's span points at its ``value:`` line) and one `Claim` per
figure. In the rules a ledger outweighs any number of references
(`RuleContext.weight`): a draft that contradicts it is reported even when
the references are split.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, read_input_file
from .extract.figures import find_figures
from .extract.lexicon import compile_lexicon
from .extract.reading import canonical_place
from .model import (
    Attribution,
    Claim,
    ClaimKind,
    DatePrecision,
    DateRole,
    DateValue,
    EventMention,
    Role,
    Source,
    TemporalClass,
)
from .text import LineIndex, Sentence, make_span, split_sentences
from .vocabulary import Vocabulary

__all__ = ["is_ledger", "load_ledger", "read_ledger_text", "LEDGER_SUFFIXES"]

LEDGER_SUFFIXES = (".ledger.yaml", ".ledger.yml")

_TOP_KEYS = ("id", "title", "updated", "figures")
_FIGURE_KEYS = ("id", "measure", "event", "population", "place", "value", "as_of", "citation", "note")
_EVENT_KEYS = ("kind", "date", "role", "phase", "place", "name", "proposed")
#: Measures that are not counts in the vocabulary, with the kind of figure each takes.
_SPECIAL_MEASURES = {"event_date": ClaimKind.DATE, "duration": ClaimKind.DURATION}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def is_ledger(path: str | Path) -> bool:
    """Whether a path names a ledger (by its name: ``*.ledger.yaml``)."""
    return str(path).lower().endswith(LEDGER_SUFFIXES)


@dataclass
class _Node:
    """A YAML value with the line it stands on and its offsets in the file."""

    value: Any
    line: int
    start: int
    end: int
    quoted: bool


def load_ledger(path: str | Path, vocabulary: Vocabulary) -> tuple[Source, list[Claim]]:
    """The ledger in `path` as a source (role ledger) and one claim per figure."""
    path = Path(path)
    raw = read_input_file(path, "ledger", missing="no such file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", path=path, line=raw.count(b"\n", 0, exc.start) + 1) from None
    return _Reader(path, text, vocabulary).read()


def read_ledger_text(text: str, path: str | Path, vocabulary: Vocabulary) -> tuple[Source, list[Claim]]:
    """A ledger already read into `text` (from a file named `path`), as `load_ledger` gives it."""
    return _Reader(Path(path), text, vocabulary).read()


class _Reader:
    def __init__(self, path: Path, text: str, vocabulary: Vocabulary) -> None:
        self.path = path
        self.text = text
        self.vocabulary = vocabulary
        self.lexicon = compile_lexicon(vocabulary)
        self.index = LineIndex(text)
        self.populations = {p.label for p in vocabulary.populations}
        self.loader = yaml.SafeLoader("")

    def fail(self, problem: str, line: int | None) -> InputError:
        return InputError(problem, path=self.path, line=line)

    def read(self) -> tuple[Source, list[Claim]]:
        try:
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or "invalid YAML"
            raise self.fail(f"malformed YAML: {problem}", mark.line + 1 if mark is not None else None) from None
        if root is None:
            raise self.fail("empty ledger: expected keys id, title, updated and figures", 1)
        top = self.mapping(root, "the ledger", _TOP_KEYS)
        ledger_id = self.text_value(top["id"], "id") if "id" in top else _stem(self.path)
        title = self.text_value(top["title"], "title") if "title" in top else None
        updated = self.date_value(top["updated"], "updated") if "updated" in top else None
        if "figures" not in top:
            raise self.fail('no "figures" key: a ledger lists its figures under figures:', 1)
        figures = top["figures"]
        if not isinstance(figures.value, list) or not figures.value:
            raise self.fail("figures must be a list with at least one figure", figures.line)
        source = Source(
            id=ledger_id,
            text=self.text,
            title=title,
            published=updated,
            role=Role.LEDGER,
            path=str(self.path),
        )
        claims: list[Claim] = []
        seen: dict[str, int] = {}
        for number, node in enumerate(figures.value, start=1):
            claim, figure_id = self.figure(source, node, number)
            if figure_id is not None:
                if figure_id in seen:
                    raise self.fail(f'figure id "{figure_id}" used twice (first on line {seen[figure_id]})', node.line)
                seen[figure_id] = node.line
            claims.append(claim)
        return source, claims

    # ------------------------------------------------------------ YAML nodes

    def node(self, node: yaml.Node) -> _Node:
        line = node.start_mark.line + 1
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, yaml.MappingNode):
            value: Any = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.fail("keys must be plain words", key_node.start_mark.line + 1)
                value[key_node.value] = (key_node, value_node)
            return _Node(value, line, start, end, False)
        if isinstance(node, yaml.SequenceNode):
            return _Node([self.node(n) for n in node.value], line, start, end, False)
        assert isinstance(node, yaml.ScalarNode)
        quoted = node.style in ("'", '"')
        if quoted:
            start, end = start + 1, end - 1
        constructed = self.loader.construct_object(node) if not quoted else node.value
        return _Node(constructed, line, start, end, quoted)

    def mapping(self, node: yaml.Node | _Node, what: str, allowed: tuple[str, ...]) -> dict[str, _Node]:
        raw = node if isinstance(node, yaml.Node) else None
        if raw is None:
            assert isinstance(node, _Node)
            line = node.line
            if not isinstance(node.value, dict):
                raise self.fail(f"{what} must be a mapping of key: value lines", line)
            pairs = node.value
        else:
            line = raw.start_mark.line + 1
            if not isinstance(raw, yaml.MappingNode):
                raise self.fail(f"{what} must be a mapping of key: value lines", line)
            pairs = self.node(raw).value
        result: dict[str, _Node] = {}
        for key, (key_node, value_node) in pairs.items():
            if key not in allowed:
                raise self.fail(f'unknown key "{key}" in {what} (expected one of {", ".join(allowed)})', key_node.start_mark.line + 1)
            result[key] = self.node(value_node)
        return result

    def text_value(self, node: _Node, key: str) -> str:
        value = node.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} must be text", node.line)
        return value.strip()

    def date_value(self, node: _Node, key: str) -> dt.date:
        value = node.value
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(f"{key} must be a date like 2025-07-07, got {value!r}", node.line)

    # ------------------------------------------------------------ figures

    def figure(self, source: Source, node: _Node, number: int) -> tuple[Claim, str | None]:
        what = f"figure {number}"
        fields = self.mapping(node, what, _FIGURE_KEYS)
        for required in ("measure", "value", "citation"):
            if required not in fields:
                raise self.fail(f'{what} has no "{required}"', node.line)
        figure_id = self.text_value(fields["id"], "id") if "id" in fields else None
        measure = self.text_value(fields["measure"], "measure")
        kind = self.kind_of(measure, fields["measure"].line)
        as_of = self.date_value(fields["as_of"], "as_of") if "as_of" in fields else None
        event = self.event(fields["event"], what) if "event" in fields else None
        value_node = fields["value"]
        value = self.value(value_node, kind, as_of or source.published)
        if kind is ClaimKind.DATE:
            if event is None:
                raise self.fail(f'{what}: an event_date figure needs an event (the event it dates)', node.line)
            if event.date is not None:
                raise self.fail(f"{what}: give the date as the value, not as the event's date", fields["event"].line)
            event = event.model_copy(update={"date": value})
        place = canonical_place(self.text_value(fields["place"], "place"), self.lexicon) if "place" in fields else None
        population = self.population(fields["population"] if "population" in fields else None, measure, place)
        measure_class = self.measure_class(measure, kind, event)
        if measure_class in (TemporalClass.STOCK, TemporalClass.CUMULATIVE) and as_of is None:
            raise self.fail(f"{what}: a {measure_class.value} figure needs as_of (the date it speaks for)", node.line)
        if measure_class is TemporalClass.EVENT_BOUND and event is None:
            raise self.fail(f"{what}: {measure} tied to an event needs event: {{kind: …, date: …}}", node.line)
        if measure_class is TemporalClass.UNKNOWN:
            raise self.fail(f"{what}: {measure} with no event cannot be lined up with a draft; give its event", node.line)
        citation = self.text_value(fields["citation"], "citation")
        line_start = self.text.rfind("\n", 0, value_node.start) + 1
        line_end = self.text.find("\n", value_node.end)
        line_end = len(self.text) if line_end == -1 else line_end
        sentence_start = line_start + len(self.text[line_start:line_end]) - len(self.text[line_start:line_end].lstrip())
        span = make_span(source, self.index, Sentence(sentence_start, line_end, 0), value_node.start, value_node.end)
        claim = Claim(
            id=f"{source.id}:{value_node.start}-{value_node.end}",
            source_id=source.id,
            kind=kind,
            measure=measure,
            measure_class=measure_class,
            population=population,
            population_text=population,
            place=place,
            event=event,
            as_of=as_of or source.published,
            as_of_stated=as_of is not None,
            attribution=Attribution(text=citation),
            value=value,
            span=span,
        )
        return claim, figure_id

    def kind_of(self, measure: str, line: int) -> ClaimKind:
        if measure in _SPECIAL_MEASURES:
            return _SPECIAL_MEASURES[measure]
        entry = self.vocabulary.measure(measure)
        if entry is None:
            known = ", ".join(sorted([m.id for m in self.vocabulary.measures] + list(_SPECIAL_MEASURES)))
            raise self.fail(f'unknown measure "{measure}" (expected one of {known})', line)
        return ClaimKind.MONEY if entry.kind == "money" else ClaimKind.COUNT

    def measure_class(self, measure: str, kind: ClaimKind, event: EventMention | None) -> TemporalClass:
        if kind in (ClaimKind.DATE, ClaimKind.DURATION):
            return TemporalClass.EVENT_BOUND if event is not None else TemporalClass.UNKNOWN
        span = self.lexicon.event_span.get(event.kind) if event is not None else None
        if event is not None and event.proposed:
            span = "bounded"
        return self.vocabulary.measure_class(measure, span)

    def value(self, node: _Node, kind: ClaimKind, anchor: dt.date | None) -> Any:
        raw = node.value
        if isinstance(raw, bool) or raw is None:
            raise self.fail("value must be a figure, such as about 1,200 or October 7, 2023", node.line)
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            if kind is not ClaimKind.DATE:
                raise self.fail(f"value {raw.isoformat()} is a date; this measure takes a {kind.value}", node.line)
            return DateValue(start=raw, end=raw, precision=DatePrecision.DAY)
        written = self.text[node.start : node.end] if not node.quoted else str(raw)
        figures = find_figures(written, split_sentences(written), self.lexicon, anchor)
        whole = [f for f in figures if f.start == 0 and f.end == len(written.rstrip())]
        if len(figures) != 1 or not whole:
            raise self.fail(f"value {written!r} is not one figure (write it as a newsroom would: about 1,200, October 7, 2023, 60 days)", node.line)
        figure = whole[0]
        if figure.kind is not kind:
            raise self.fail(f"value {written!r} reads as a {figure.kind.value}; this measure takes a {kind.value}", node.line)
        return figure.value

    def population(self, node: _Node | None, measure: str, place: str | None) -> str | None:
        """Population labels as the extractor would give them for this measure and place."""
        dimension = {p.label: p.dimension for p in self.vocabulary.populations}
        labels: list[str] = []
        if node is not None:
            labels = self.text_value(node, "population").lower().split()
            for label in labels:
                if label not in dimension:
                    known = ", ".join(sorted(k for k, d in dimension.items() if d != "generic"))
                    raise self.fail(f'unknown population label "{label}" (expected labels from the vocabulary: {known})', node.line)
                if dimension[label] == "generic":
                    raise self.fail(f'population label "{label}" restricts nothing; leave it out', node.line)
        # The extractor's policy, so that the ledger's figure lines up with the drafts' own:
        # labels the measure implies are dropped, and a count in a place may carry its default population.
        entry = self.vocabulary.measure(measure)
        if entry is not None:
            labels = [label for label in labels if label not in entry.implies]
        if place is not None and "nationality" not in {dimension[label] for label in labels}:
            for p in self.vocabulary.populations:
                if any(measure in d.measures and place in d.places for d in p.default_for):
                    labels.append(p.label)
        if not labels:
            return None
        order = {"condition": 0, "nationality": 1, "role": 2}
        return " ".join(sorted(dict.fromkeys(labels), key=lambda k: (order.get(dimension[k], 3), k)))

    def event(self, node: _Node, what: str) -> EventMention:
        if isinstance(node.value, str):
            fields: dict[str, _Node] = {"kind": node}
        else:
            fields = self.mapping(node, f"the event of {what}", _EVENT_KEYS)
        if "kind" not in fields:
            raise self.fail(f'the event of {what} has no "kind"', node.line)
        kind = self.text_value(fields["kind"], "kind")
        if self.vocabulary.event_kind(kind) is None:
            known = ", ".join(sorted(k.id for k in self.vocabulary.event_kinds))
            raise self.fail(f'unknown event kind "{kind}" (expected one of {known})', fields["kind"].line)
        date = self.event_date(fields["date"]) if "date" in fields else None
        role = DateRole.OCCURRENCE
        if "role" in fields:
            try:
                role = DateRole(self.text_value(fields["role"], "role"))
            except ValueError:
                raise self.fail("role must be occurrence, start or end", fields["role"].line) from None
        phase = None
        if "phase" in fields:
            phase = fields["phase"].value
            if not isinstance(phase, int) or isinstance(phase, bool) or phase < 1:
                raise self.fail("phase must be a whole number from 1", fields["phase"].line)
        proposed = False
        if "proposed" in fields:
            proposed = fields["proposed"].value
            if not isinstance(proposed, bool):
                raise self.fail("proposed must be true or false", fields["proposed"].line)
        return EventMention(
            kind=kind,
            cue=kind,
            start=node.start,
            end=node.end,
            date=date,
            date_role=role,
            phase=phase,
            place=canonical_place(self.text_value(fields["place"], "place"), self.lexicon) if "place" in fields else None,
            name=self.text_value(fields["name"], "name") if "name" in fields else None,
            proposed=proposed,
        )

    def event_date(self, node: _Node) -> DateValue:
        value = node.value
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return DateValue(start=value, end=value, precision=DatePrecision.DAY)
        m = _PARTIAL_DATE.match(str(value).strip())
        if m:
            year = int(m.group(1))
            if m.group(2):
                month = int(m.group(2))
                if 1 <= month <= 12:
                    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
                    return DateValue(start=dt.date(year, month, 1), end=last, precision=DatePrecision.MONTH)
            else:
                return DateValue(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision=DatePrecision.YEAR)
        raise self.fail(f"date must be a day (2023-10-07), a month (2023-10) or a year (2023), got {value!r}", node.line)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in LEDGER_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
