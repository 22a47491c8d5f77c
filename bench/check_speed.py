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

For each it prints the wall time of the whole CLI in a fresh process (as CI
runs it, best of three), the time of each stage of the check in-process (the
same functions `check` calls), and the functions that take the most time
under cProfile. Figures depend on the machine and its load; the point is how
they scale and where the time goes.

The drafts are written for this benchmark (their figures are those public
reporting gave; see the fixtures' case notes).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

from claimcheck import Source, extract, load_sources
from claimcheck.check import _draft_view, _extract_draft, _with_as_of, load_drafts
from claimcheck.claimsfile import dump_claims_file
from claimcheck.compare import build_report
from claimcheck.config import Config
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


def timed_stages(draft: Path, claims_file: Path) -> tuple[dict[str, float], dict[str, int]]:
    """Run the stages of `check` one by one and time each (the same functions `check` calls)."""
    config = Config()
    times: dict[str, float] = {}
    counts: dict[str, int] = {}
    t = time.perf_counter()
    vocabulary = Vocabulary.load(config.vocabulary)
    times["load vocabulary"] = time.perf_counter() - t
    t = time.perf_counter()
    drafts = load_drafts([draft])
    refs = load_references([claims_file], vocabulary)
    drafts = [_with_as_of(d, config, refs) for d in drafts]
    times["read draft, open claims file"] = time.perf_counter() - t
    t = time.perf_counter()
    draft_claims = [c for d in drafts for c in _extract_draft(d, vocabulary)]
    times["extract the draft"] = time.perf_counter() - t
    t = time.perf_counter()
    kinds, measures = needs_of(draft_claims)
    ref_sources, ref_claims = refs.claims_for(kinds, measures)
    times["load the reference claims it needs"] = time.perf_counter() - t
    t = time.perf_counter()
    full = build_report(drafts + ref_sources, draft_claims + ref_claims, vocabulary=vocabulary, config=config)
    times["align and run the rules (build_report)"] = time.perf_counter() - t
    t = time.perf_counter()
    report = _draft_view(full, drafts, refs.count)
    times["keep the draft's findings"] = time.perf_counter() - t
    counts.update(
        draft_words=len(drafts[0].text.split()),
        draft_claims=len(draft_claims),
        reference_claims_in_file=refs.claims_files[0].header["claims"],
        reference_claims_loaded=len(ref_claims),
        reference_sources_loaded=len(ref_sources),
        groups=len(full.groups),
        findings=len(report.discrepancies),
    )
    return times, counts


def cli_time(draft: Path, claims_file: Path) -> float:
    """Wall time of `claimcheck check` in a fresh process, pinned to one core."""
    command = [sys.executable, "-c", "import sys; from claimcheck.cli import main; sys.exit(main())", "check", str(draft), "--against", str(claims_file), "-f", "json", "-o", os.devnull]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"claimcheck check failed: {result.stderr.strip()}")
    return elapsed


def report_draft(name: str, paragraphs: list[str], claims_file: Path, args: argparse.Namespace) -> None:
    """Time one draft against one claims file and print the figures."""
    draft = write_draft(name, paragraphs, args.words)
    wall = min(cli_time(draft, claims_file) for _ in range(3))
    times, counts = timed_stages(draft, claims_file)
    print(f"\n{name} draft: {counts['draft_words']:,} words, {counts['draft_claims']} claims; "
          f"{counts['reference_claims_loaded']:,} of {counts['reference_claims_in_file']:,} reference claims needed "
          f"({counts['reference_sources_loaded']:,} sources); {counts['groups']} groups; {counts['findings']} findings")
    print(f"  claimcheck check, whole process (best of 3): {wall:.2f} s")
    for stage, seconds in times.items():
        print(f"  {stage:<42} {seconds * 1000:8.0f} ms")
    print(f"  {'check itself (sum of the stages)':<42} {sum(times.values()) * 1000:8.0f} ms")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        timed_stages(draft, claims_file)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.profile)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print("  costliest functions (own time, under cProfile):")
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
    vocabulary = Vocabulary.load()
    if args.rebuild:
        for old in OUT.glob(f"refs-{args.references}*.claims.json"):
            old.unlink()
    runs = [
        ("five stories alike", build_corpus(args.references, vocabulary), [("ceasefire", CEASEFIRE), ("mixed", CEASEFIRE + OTHER_STORIES)]),
        ("the ceasefire story in 1%", build_corpus(args.references, vocabulary, story_share=0.01), [("ceasefire", CEASEFIRE)]),
    ]
    for corpus, claims_file, drafts in runs:
        print(f"\n== {args.references:,} references, {corpus}: {claims_file.relative_to(ROOT)} "
              f"({claims_file.stat().st_size / 1e6:.0f} MB); one core; Python {sys.version.split()[0]}")
        for name, paragraphs in drafts:
            report_draft(name, paragraphs, claims_file, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
