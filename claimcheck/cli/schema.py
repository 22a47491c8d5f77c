"""`claimcheck schema report|config`: the JSON Schema of the JSON report or of the configuration."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..config import Config
from ..report import Report
from .output import write_output

__all__ = ["add_parser", "run", "SCHEMAS"]

#: What `claimcheck schema` can print, by name.
SCHEMAS: dict[str, Any] = {
    "report": Report.model_json_schema,
    "config": Config.model_json_schema,
}


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser("schema", help="print the JSON Schema of the report or the configuration", description=__doc__)
    parser.add_argument("which", choices=list(SCHEMAS), help="report: what --format json writes; config: the configuration")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    schema = SCHEMAS[args.which]()
    write_output(json.dumps(schema, indent=2, ensure_ascii=False), args.output)
    return 0
