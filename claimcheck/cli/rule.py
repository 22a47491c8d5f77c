"""`claimcheck rule CODE`: one rule's documentation (CODE may be a code, an alias or a name)."""

from __future__ import annotations

import argparse

from ..errors import ConfigError
from ..rules import RETIRED, RULES, Rule, rule
from .output import write_output

__all__ = ["add_parser", "run", "describe"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser("rule", help="show a rule's documentation", description=__doc__)
    parser.add_argument("code", metavar="CODE", help="a rule code (CC102), an old code kept as an alias, or a name (date-mismatch)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the rule's doc, or fail with one line when there is no such rule."""
    write_output(describe(_find(args.code)), None)
    return 0


def _find(text: str) -> type[Rule]:
    key = text.strip()
    found = rule(key) or rule(key.upper()) or rule(key.lower())
    if found is not None:
        return found
    if key.upper() in RETIRED:
        raise ConfigError(f"rule {key.upper()} is retired: {RETIRED[key.upper()]}")
    raise ConfigError(f"unknown rule {text!r}: `claimcheck rules` lists the {len(RULES)} rules")


def describe(cls: type[Rule]) -> str:
    """A rule's documentation as `claimcheck rule` prints it."""
    lines = [f"{cls.code} {cls.name}", f"Default severity: {cls.severity.value}"]
    if cls.aliases:
        lines.append(f"Aliases: {', '.join(cls.aliases)}")
    lines += ["", cls.summary()]
    doc = cls.doc()
    if doc:
        lines += ["", doc]
    return "\n".join(lines) + "\n"
