"""How fast `claimcheck check` is against a large saved reference corpus.

    python -m bench.check_speed [--references 10000] [--words 2000] [--rebuild] [--profile N]

Builds (once, cached in bench/out/) corpora of N reference articles made from
the 23 fixture articles (fixtures/*: five stories), copied with new ids and
publication dates spread over a year, and saves their claims as claims files
(what `claimcheck extract -f json` writes). Then checks 2,000-word Markdown
drafts against them, pinned to one core:

* corpus "five stories alike": each story has a fifth of the references;
  the ``ceasefire`` draft (one story) needs a quarter of them, the ``mixed``
  draft (all five stories) needs all — the worst case;
* corpus "the ceasefire story in 1%": 100 references on the draft's story
  among 10,000, as in an archive of many stories.

For each it prints the time of the whole CLI in a fresh process (as CI runs
it, best of three), wall and CPU (user and system); then, from three more
fresh processes that time themselves, where the time of the one with the
least CPU went — Python's start-up and exit, the imports, each stage of
`check` (marked by `check` itself, `claimcheck.stages`) and the rest of the
command (rendering and writing the report) — in rows that add up to that
process's wall and CPU time; and the functions that take the most time when
the command runs under cProfile. On a machine other work shares, wall times
count that work's turns on the core; CPU times do not, so they are the
steadier figure. The point is how the figures scale and where the time goes.

The drafts are written for this benchmark (their figures are those public
reporting gave; see the fixtures' case notes).
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from claimcheck import Source, extract, load_sources
from claimcheck.check import _extract_draft, load_drafts
from claimcheck.claimsfile import dump_claims_file
from claimcheck.references import load_references, needs_of
from claimcheck.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CASES = ["ceasefire", "grenfell", "haiti", "maria", "surfside"]

CEASEFIRE = [
    "Negotiators from Qatar, Egypt and the United States gathered in Doha on Monday for another round of indirect talks, "
    "hoping to close the remaining gaps over a proposed 60-day ceasefire.",
    "The war began on October 7, 2023, when Hamas-led gunmen crossed into southern Israel. About 1,200 people were killed "
    "that day and 251 were taken into Gaza as hostages.",
    "A weeklong truce in November 2023 freed 105 hostages. A second ceasefire, which began in January 2025, saw 33 hostages "
    "released in its first phase before the fighting resumed.",
    "Israeli officials say 50 hostages remain in Gaza, of whom roughly 20 are thought to be alive.",
    "Gaza's health ministry says more than 57,000 Palestinians have been killed in the war, a figure that does not "
    "separate civilians from combatants.",
    "The talks have stalled before. Mediators have spent much of the past 21 months of war shuttling between the two "
    "sides, and several drafts collapsed within days.",
    "Families of the hostages marched in Tel Aviv on Saturday, calling on the government to accept the terms on the table.",
    "Aid groups warn that more than two million people in the territory face acute shortages of food, water and medicine.",
    "Diplomats cautioned that any agreement would need the backing of both governments and of the armed groups on the "
    "ground, and that the order of releases and withdrawals remained the hardest question.",
    "Analysts note that public pressure inside Israel has grown since the spring, while Hamas has signalled that it wants "
    "guarantees that the war will not resume after the first phase.",
]
OTHER_STORIES = [
    "The fire at Grenfell Tower in west London on June 14, 2017 killed 72 people, and the inquiry that followed took years.",
    "The earthquake that struck Haiti on January 12, 2010 killed tens of thousands of people and left much of the capital in ruins.",
    "Hurricane Maria made landfall in Puerto Rico on September 20, 2017; a later study put the death toll at 2,975.",
    "The collapse of Champlain Towers South in Surfside, Florida, on June 24, 2021 killed 98 people.",
]


def build_corpus(count: int, vocabulary: Vocabulary, story_share: float | None = None) -> Path:
    """The claims file of `count` references made from the fixture articles (cached).

    By default the five stories share the corpus alike. With `story_share`,
    the ceasefire story has that share of the references and the four others
    the rest: a corpus where the draft's story is one among many.
    """
    tag = f"-ceasefire{story_share:g}" if story_share is not None else ""
    path = OUT / f"refs-{count}{tag}.claims.json"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    story = load_sources(ROOT / "fixtures" / "ceasefire")
    others = [s for case in CASES[1:] for s in load_sources(ROOT / "fixtures" / case)]
    templates = story + others
    story_count = round(count * story_share) if story_share is not None else None
    sources: list[Source] = []
    claims = []
    started = time.perf_counter()
    for i in range(count):
        if story_count is None:
            template, copy = templates[i % len(templates)], i // len(templates)
        elif i < story_count:
            template, copy = story[i % len(story)], i // len(story)
        else:
            j = i - story_count
            template, copy = others[j % len(others)], j // len(others)
        shift = dt.timedelta(days=copy % 365)
        source = template.model_copy(
            update={
                "id": f"ref{i:05d}",
                "path": f"corpus/ref{i:05d}{Path(template.path or '.md').suffix}",
                "published": template.published + shift if template.published else None,
            }
        )
        claims.extend(extract(source, vocabulary=vocabulary))
        sources.append(source)
    path.write_text(dump_claims_file(sources, claims, vocabulary), encoding="utf-8")
    print(f"built {path.relative_to(ROOT)}: {count:,} references, {len(claims):,} claims, "
          f"{path.stat().st_size / 1e6:.0f} MB, in {time.perf_counter() - started:.0f} s")
    return path


def write_draft(name: str, paragraphs: list[str], words: int) -> Path:
    """A Markdown draft of about `words` words, cycling through `paragraphs`."""
    OUT.mkdir(parents=True, exist_ok=True)
    chosen: list[str] = []
    total = 0
    k = 0
    while total < words:
        paragraph = paragraphs[k % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph.split())
        k += 1
    path = OUT / f"draft-{name}.md"
    path.write_text(f"# Draft: {name}\n\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
    return path


#: Run in a fresh process, pinned to one core: the CLI as CI runs it, with check()'s stages timed.
_INSTRUMENTED = """
import time
started, started_cpu = time.perf_counter(), time.process_time()
import cProfile, importlib, io, json, pstats, sys
from claimcheck.cli import main
from claimcheck.cli import check as check_command
from claimcheck.config import Config
from claimcheck.stages import StageTimes
check_module = importlib.import_module("claimcheck.check")
times = StageTimes()
check_command.check = lambda drafts, references, *, config=None: check_module._check(drafts, references, config or Config(), times)
imported, imported_cpu = time.perf_counter(), time.process_time()
profile_lines = int(sys.argv[1])
profiler = cProfile.Profile() if profile_lines else None
if profiler:
    profiler.enable()
code = main(sys.argv[2:])
if profiler:
    profiler.disable()
finished, finished_cpu = time.perf_counter(), time.process_time()
result = {
    "code": code,
    "imports": imported - started, "command": finished - imported, "stages": times.seconds,
    "cpu": {"before": started_cpu, "imports": imported_cpu - started_cpu, "command": finished_cpu - imported_cpu, "stages": times.cpu_seconds},
}
if profiler:
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(profile_lines)
    result["profile"] = out.getvalue()
print(json.dumps(result), file=sys.stderr)
"""


def _pinned() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _check_args(draft: Path, claims_file: Path) -> list[str]:
    return ["check", str(draft), "--against", str(claims_file), "-f", "json", "-o", str(OUT / "report.json")]


def _run(command: list[str]) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """Run `command` pinned to one core: the result, its wall time and its CPU time (user and system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=_pinned)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"claimcheck check failed: {result.stderr.strip()}")
    return result, elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli_time(draft: Path, claims_file: Path) -> tuple[float, float]:
    """Wall and CPU time of `claimcheck check` in a fresh process, pinned to one core."""
    _, wall, cpu = _run([sys.executable, "-m", "claimcheck", *_check_args(draft, claims_file)])
    return wall, cpu


def instrumented_run(draft: Path, claims_file: Path, profile: int = 0) -> tuple[float, float, dict[str, object]]:
    """One `claimcheck check` in a fresh pinned process, with where its time went.

    Returns the process's wall and CPU time and what it measured itself: the
    imports, the command (`cli.main`), and within it each stage of `check`
    (the same `_check` the command calls, marking its stages), in wall and
    CPU seconds. Under `profile` (a number of lines), the command runs under
    cProfile — slower, so its times are not the ones to quote.
    """
    result, wall, cpu = _run([sys.executable, "-c", _INSTRUMENTED, str(profile), *_check_args(draft, claims_file)])
    return wall, cpu, json.loads(result.stderr.strip().splitlines()[-1])


def draft_counts(draft: Path, claims_file: Path) -> dict[str, int]:
    """What the check reads: the draft's words and claims, the reference claims it needs."""
    vocabulary = Vocabulary.load()
    (source,) = load_drafts([draft])
    draft_claims = _extract_draft(source, vocabulary)
    refs = load_references([claims_file], vocabulary)
    kinds, measures = needs_of(draft_claims)
    ref_sources, ref_claims = refs.claims_for(kinds, measures)
    report = json.loads((OUT / "report.json").read_text(encoding="utf-8"))
    return {
        "draft_words": len(source.text.split()),
        "draft_claims": len(draft_claims),
        "reference_claims_in_file": refs.claims_files[0].header["claims"],
        "reference_claims_loaded": len(ref_claims),
        "reference_sources_loaded": len(ref_sources),
        "findings": len(report["discrepancies"]),
    }


def report_draft(name: str, paragraphs: list[str], claims_file: Path, args: argparse.Namespace) -> None:
    """Time one draft against one claims file and print the figures."""
    draft = write_draft(name, paragraphs, args.words)
    runs = [cli_time(draft, claims_file) for _ in range(3)]
    wall, cpu, measured = min((instrumented_run(draft, claims_file) for _ in range(3)), key=lambda r: r[1])
    counts = draft_counts(draft, claims_file)
    print(f"\n{name} draft: {counts['draft_words']:,} words, {counts['draft_claims']} claims; "
          f"{counts['reference_claims_loaded']:,} of {counts['reference_claims_in_file']:,} reference claims needed "
          f"({counts['reference_sources_loaded']:,} sources); {counts['findings']} findings")
    print(f"  claimcheck check, whole process, best of 3: {min(r[0] for r in runs):.2f} s wall, {min(r[1] for r in runs):.2f} s CPU "
          f"(runs: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in runs)})")
    stages: dict[str, float] = measured["stages"]  # type: ignore[assignment]
    own: dict[str, object] = measured["cpu"]  # type: ignore[assignment]
    cpu_stages: dict[str, float] = own["stages"]  # type: ignore[assignment]
    imports, command = float(measured["imports"]), float(measured["command"])  # type: ignore[arg-type]
    cpu_imports, cpu_command = float(own["imports"]), float(own["command"])  # type: ignore[arg-type]
    rows = [
        ("Python start-up and exit", wall - imports - command, cpu - cpu_imports - cpu_command),
        ("imports", imports, cpu_imports),
    ]
    rows += [(f"check: {stage}", seconds, cpu_stages[stage]) for stage, seconds in stages.items()]
    rows.append(("the rest of the command (configuration, render, write)", command - sum(stages.values()), cpu_command - sum(cpu_stages.values())))
    print(f"  where the time went (the instrumented run of 3 with the least CPU: {wall:.2f} s wall, {cpu:.2f} s CPU; rows add up to these):")
    print(f"    {'':<58} {'wall':>7} {'CPU':>7}")
    for stage, seconds, cpu_seconds in rows:
        print(f"    {stage:<58} {seconds * 1000:4.0f} ms {cpu_seconds * 1000:4.0f} ms")
    print(f"    {'of which check() itself':<58} {sum(stages.values()) * 1000:4.0f} ms {sum(cpu_stages.values()) * 1000:4.0f} ms")
    if args.profile:
        _, _, profiled = instrumented_run(draft, claims_file, profile=args.profile)
        lines = [line for line in str(profiled["profile"]).splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print("  costliest functions of the command (own time, under cProfile, which slows it):")
        for line in lines[start : start + args.profile + 1]:
            print("    " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--references", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=2_000)
    parser.add_argument("--rebuild", action="store_true", help="build the corpora again")
    parser.add_argument("--profile", type=int, default=12, metavar="N", help="show the N costliest functions (0: none)")
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    # Bytecode made beforehand, as `pip install` makes it: with PYTHONDONTWRITEBYTECODE set (or
    # a read-only tree) every run would compile claimcheck's sources again and count it as imports.
    compileall.compile_dir(str(ROOT / "claimcheck"), quiet=1)
    vocabulary = Vocabulary.load()
    if args.rebuild:
        for old in OUT.glob(f"refs-{args.references}*.claims.json"):
            old.unlink()
    runs = [
        ("five stories alike", build_corpus(args.references, vocabulary), [("ceasefire", CEASEFIRE), ("mixed", CEASEFIRE + OTHER_STORIES)]),
        ("the ceasefire story in 1%", build_corpus(args.references, vocabulary, story_share=0.01), [("ceasefire", CEASEFIRE)]),
    ]
    print(f"load average (1, 5, 15 min) at the start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for corpus, claims_file, drafts in runs:
        print(f"\n== {args.references:,} references, {corpus}: {claims_file.relative_to(ROOT)} "
              f"({claims_file.stat().st_size / 1e6:.0f} MB); one core; Python {sys.version.split()[0]}")
        for name, paragraphs in drafts:
            report_draft(name, paragraphs, claims_file, args)
    print(f"\nload average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
