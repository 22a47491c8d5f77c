"""Peak memory of extraction over 100 MB of input, claims streamed.

    python -m bench.memory [--size 100MB] [--format jsonl|md]

A corpus varied from the fixtures (see `bench.corpus`) is written to a
temporary folder — one JSON-lines file, or one Markdown file with front
matter per source — without ever being held whole in this process. A child
process then does what ``claimcheck extract`` on that input does: reads it
with `claimcheck.load_sources` (all sources in memory) and streams each
source's claims with `claimcheck.extract.iter_claims`, holding none of them
(it counts them; with ``--json`` it also serialises each, as an output would). Peak
memory is the child's peak resident set size (``ru_maxrss``) as the kernel
reports it, which covers everything: interpreter, sources, the compiled
vocabulary, and the claims in flight. The child also reports its peak after
import and after loading, to show where the memory goes. Target (issue 2):
under 1 GB for 100 MB of input.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import iter_sources, parse_size

__all__ = ["write_corpus", "measure", "main"]

TARGET_BYTES = 10**9


def write_corpus(folder: Path, size: int, *, fmt: str = "jsonl", seed: int = 0) -> tuple[int, int]:
    """Write at least `size` bytes of varied source text into `folder`; (sources, bytes of text)."""
    count = total = 0
    handle = (folder / "corpus.jsonl").open("w", encoding="utf-8") if fmt == "jsonl" else None
    try:
        for source in iter_sources(seed=seed):
            published = source.published.isoformat() if source.published else None
            if handle is not None:
                record = {"id": source.id, "text": source.text, "outlet": source.outlet, "published": published}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                dated = f"published: {published}\n" if published else ""
                front = f'---\nid: "{source.id}"\n{dated}---\n'
                (folder / f"{source.id}.md").write_text(front + source.text, encoding="utf-8")
            count += 1
            total += len(source.text.encode("utf-8"))
            if total >= size:
                return count, total
    finally:
        if handle is not None:
            handle.close()
    raise AssertionError("unreachable: iter_sources never ends")


def _peak() -> int:
    """This process's peak resident set size in bytes (Linux reports KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _child(folder: str, serialise: bool) -> None:
    """Run in the child: load, stream the claims, print peaks as JSON."""
    from claimcheck import load_sources
    from claimcheck.extract import iter_claims

    report: dict[str, float] = {"after_import": _peak()}
    start = time.perf_counter()
    sources = load_sources(folder)
    report["after_load"] = _peak()
    report["load_seconds"] = time.perf_counter() - start
    start = time.perf_counter()
    claims = json_bytes = 0
    for source in sources:
        for claim in iter_claims(source):
            claims += 1
            if serialise:
                json_bytes += len(claim.model_dump_json())
    report.update(
        extract_seconds=time.perf_counter() - start,
        sources=len(sources),
        claims=claims,
        json_bytes=json_bytes,
        peak=_peak(),
    )
    print(json.dumps(report))


def measure(folder: Path, *, serialise: bool = False) -> dict[str, float]:
    """Run the child over `folder`; its report plus the peak the parent sees for it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    command = [sys.executable, "-m", "bench.memory", "--child", str(folder)] + (["--json"] if serialise else [])
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{result.stderr}")
    report: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if after > before:
        report["peak_seen_by_parent"] = after * (1 if sys.platform == "darwin" else 1024)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=100 * 10**6, help="input size in bytes of text (default 100MB)")
    parser.add_argument("--format", choices=("jsonl", "md"), default="jsonl", help="one JSON-lines file, or one .md file per source")
    parser.add_argument("--json", action="store_true", help="also serialise each claim to JSON as it streams (slower)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.json)
        return 0
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        folder = Path(tmp)
        count, total = write_corpus(folder, args.size, fmt=args.format, seed=args.seed)
        on_disk = sum(p.stat().st_size for p in folder.iterdir())
        print(f"input: {count} sources, {total / 1e6:.1f} MB of text ({on_disk / 1e6:.1f} MB on disk as {args.format})")
        r = measure(folder, serialise=args.json)
    mb = 1e6
    as_json = f", {r['json_bytes'] / mb:.0f} MB as JSON" if args.json else ""
    print(f"child process: load_sources {r['load_seconds']:.1f} s, extraction {r['extract_seconds']:.1f} s, {int(r['claims'])} claims streamed{as_json}, none held")
    print(f"peak RSS after import: {r['after_import'] / mb:.0f} MB; after loading the sources: {r['after_load'] / mb:.0f} MB")
    peak = r.get("peak_seen_by_parent", r["peak"])
    print(f"peak RSS over the whole run: {peak / mb:.0f} MB (target < {TARGET_BYTES / mb:.0f} MB: {'met' if peak < TARGET_BYTES else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
