"""`claimcheck extract PATH...`: every figure in the sources, as typed claims."""

from __future__ import annotations

import argparse
import json

from ..extract import extract
from ..render.claims import claims_table
from ..sources import load_sources
from ..vocabulary import Vocabulary
from .output import write_output

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser("extract", help="list every figure in the sources as a typed claim", description=__doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders (.txt, .md, .json, .jsonl)")
    parser.add_argument("-f", "--format", choices=["table", "json"], default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--vocabulary", action="append", default=[], metavar="FILE", help="an extra vocabulary file (repeatable)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Extract and print the claims."""
    vocabulary = Vocabulary.load(args.vocabulary)
    sources = load_sources(args.paths)
    claims = [claim for source in sources for claim in extract(source, vocabulary=vocabulary)]
    if args.format == "json":
        text = json.dumps([c.model_dump(mode="json") for c in claims], indent=2, ensure_ascii=False)
    else:
        text = claims_table(claims)
    write_output(text, args.output)
    return 0
