"""`claimcheck extract PATH...`: every figure in the sources, as typed claims.

``-f json`` writes a claims file (docs/ci.md, `claimcheck.claimsfile`): the
claims with the claimcheck version, the vocabulary fingerprint and the
sources' metadata, which ``claimcheck check --against FILE.claims.json``
reads instead of the articles. Ledgers (``*.ledger.yaml``) are read too.
"""

from __future__ import annotations

import argparse

from ..claimsfile import dump_claims_file
from ..references import load_references
from ..render.claims import claims_table
from ..vocabulary import Vocabulary
from .output import check_output_path, write_output

__all__ = ["add_parser", "run"]


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the subcommand."""
    parser = commands.add_parser(
        "extract",
        help="list every figure in the sources as a typed claim, or save them as a claims file",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders (.txt, .md, .json, .jsonl), ledgers, claims files")
    parser.add_argument("-f", "--format", choices=["table", "json"], default="table", help="output format: table, or json for a claims file (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--vocabulary", action="append", default=[], metavar="FILE", help="an extra vocabulary file (repeatable)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Extract and print the claims."""
    check_output_path(args.output)
    vocabulary = Vocabulary.load(args.vocabulary)
    sources, claims = load_references(args.paths, vocabulary).everything()
    if args.format == "json":
        text = dump_claims_file(sources, claims, vocabulary)
    else:
        text = claims_table(claims)
    write_output(text, args.output)
    return 0
