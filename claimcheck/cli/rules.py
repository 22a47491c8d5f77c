"""`claimcheck rules`: every rule, with its code, name, default severity and summary."""

from __future__ import annotations

import argparse
import json

from tabulate import tabulate

from ..rules import RULES
from .output import write_output

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser("rules", help="list every rule", description=__doc__)
    parser.add_argument("-f", "--format", choices=["table", "json"], default="table", help="output format (default: table)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the rule list."""
    if args.format == "json":
        entries = [
            {
                "code": code,
                "name": rule.name,
                "severity": rule.severity.value,
                "aliases": list(rule.aliases),
                "summary": rule.summary(),
                "doc": rule.doc(),
            }
            for code, rule in RULES.items()
        ]
        write_output(json.dumps(entries, indent=2, ensure_ascii=False), None)
        return 0
    rows = [(code, rule.name, rule.severity.value, rule.summary()) for code, rule in RULES.items()]
    write_output(tabulate(rows, headers=["code", "name", "severity", "summary"], tablefmt="simple"), None)
    return 0
