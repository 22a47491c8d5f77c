"""`claimcheck check` as CI runs it: a subprocess, its exit code, its output, its errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CEASEFIRE = ROOT / "fixtures" / "ceasefire"
DRAFTS = ROOT / "tests" / "drafts"
TYPO = DRAFTS / "ceasefire-typo.md"
CLEAN = DRAFTS / "ceasefire-clean.md"
STALE = DRAFTS / "ceasefire-stale.md"


def claimcheck(*args: object, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *map(str, args)],
        cwd=cwd,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_exit_codes_and_thresholds(tmp_path: Path) -> None:
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, cwd=tmp_path).returncode == 1
    assert claimcheck("check", CLEAN, "--against", CEASEFIRE, cwd=tmp_path).returncode == 0
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, "--exit-zero", cwd=tmp_path).returncode == 0
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, "--fail-on", "never", cwd=tmp_path).returncode == 0
    # A stale figure is a warning: it fails only at --fail-on warning.
    assert claimcheck("check", STALE, "--against", CEASEFIRE, cwd=tmp_path).returncode == 0
    assert claimcheck("check", STALE, "--against", CEASEFIRE, "--fail-on", "warning", cwd=tmp_path).returncode == 1


def test_configuration_from_the_nearest_file_and_flags_on_top(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text(f'references = ["{CEASEFIRE.as_posix()}"]\nfail_on = "warning"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert claimcheck("check", STALE, cwd=tmp_path / "sub").returncode == 1  # references and fail_on from the file
    assert claimcheck("check", STALE, "--fail-on", "error", cwd=tmp_path / "sub").returncode == 0
    assert claimcheck("check", STALE, "--ignore", "stale,CC101", cwd=tmp_path / "sub").returncode == 0
    other = tmp_path / "other.toml"
    other.write_text('select = ["CC101"]\n', encoding="utf-8")
    result = claimcheck("check", TYPO, "--config", other, "--against", CEASEFIRE, cwd=tmp_path / "sub")
    assert result.returncode == 0  # CC102 not selected, and this file's fail_on is the default


def test_a_draft_on_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = claimcheck(
        "check", "-", "--stdin-filename", "drafts/story.md", "--against", CEASEFIRE, "-f", "json", "-o", out, cwd=tmp_path, stdin=TYPO.read_bytes()
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    (finding,) = report["discrepancies"]
    subject = finding["claims"][0]
    assert (subject["source_id"], subject["span"]["line"], subject["span"]["column"]) == ("story", 7, 41)
    assert [s["path"] for s in report["sources"] if s["role"] == "draft"] == ["drafts/story.md"]


def test_each_occurrence_of_a_repeated_figure_is_its_own_result(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_text(
        "The war began with the Hamas attack of October 7, 2022. <!-- claimcheck: ignore[CC102] checked -->\n\n"
        "Families marked the anniversary of the October 7, 2022 attack in Tel Aviv.\n",
        encoding="utf-8",
    )
    concise = claimcheck("check", draft, "--against", CEASEFIRE, "-f", "concise", cwd=tmp_path)
    assert concise.returncode == 1, concise.stderr  # the second paragraph's date is not silenced by the first line's comment
    assert [line.split(": CC")[0] for line in concise.stdout.splitlines() if ": CC" in line] == [f"{draft}:3:40"]
    draft.write_text(draft.read_text(encoding="utf-8").replace(" <!-- claimcheck: ignore[CC102] checked -->", ""), encoding="utf-8")
    sarif = claimcheck("check", draft, "--against", CEASEFIRE, "-f", "sarif", cwd=tmp_path)
    assert sarif.returncode == 1, sarif.stderr
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [1, 3]
    assert len({json.dumps(r["partialFingerprints"], sort_keys=True) for r in results}) == 2


def test_baseline_round_trip(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    first = claimcheck("check", TYPO, "--against", CEASEFIRE, "--baseline", baseline, "--write-baseline", baseline, cwd=tmp_path)
    assert first.returncode == 0, first.stderr  # written, then applied: nothing new
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["rule"] == "CC102"
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, "--baseline", baseline, cwd=tmp_path).returncode == 0
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, cwd=tmp_path).returncode == 1


def test_a_saved_claims_file_stands_in_for_the_references(tmp_path: Path) -> None:
    saved = tmp_path / "refs.claims.json"
    made = claimcheck("extract", CEASEFIRE, "-f", "json", "-o", saved, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    from_file = claimcheck("check", TYPO, "--against", saved, "-f", "json", cwd=tmp_path)
    from_texts = claimcheck("check", TYPO, "--against", CEASEFIRE, "-f", "json", cwd=tmp_path)
    assert from_file.returncode == from_texts.returncode == 1
    assert [d["message"] for d in json.loads(from_file.stdout)["discrepancies"]] == [d["message"] for d in json.loads(from_texts.stdout)["discrepancies"]]


_EXTRA_VOCABULARY = """
[[measure]]
id = "evacuated"
label = "the number evacuated"
class = "stock"
heads = ["people", "none"]
predicates = ["evacuated", "were evacuated"]
"""


def test_extract_reads_the_configuration_check_reads(tmp_path: Path) -> None:
    """The documented cache workflow holds when the configuration adds vocabulary."""
    (tmp_path / "v.toml").write_text(_EXTRA_VOCABULARY, encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('vocabulary = ["v.toml"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    saved = tmp_path / "refs.claims.json"
    made = claimcheck("extract", CEASEFIRE, "-f", "json", "-o", saved, cwd=tmp_path / "sub")  # the nearest file, from below
    assert made.returncode == 0, made.stderr
    checked = claimcheck("check", TYPO, "--against", saved, "-f", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert [d["rule"] for d in json.loads(checked.stdout)["discrepancies"]] == ["CC102"]
    # --config and --vocabulary work as they do for check.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "desk.toml").write_text(f'vocabulary = ["{(tmp_path / "v.toml").as_posix()}"]\n', encoding="utf-8")
    by_flag = tmp_path / "flag.claims.json"
    assert claimcheck("extract", CEASEFIRE, "-f", "json", "-o", by_flag, "--config", elsewhere / "desk.toml", cwd=elsewhere).returncode == 0
    assert claimcheck("check", TYPO, "--against", by_flag, "--config", elsewhere / "desk.toml", cwd=elsewhere).returncode == 1
    plain = tmp_path / "plain.claims.json"
    assert claimcheck("extract", CEASEFIRE, "-f", "json", "-o", plain, "--vocabulary", tmp_path / "v.toml", cwd=elsewhere).returncode == 0
    assert claimcheck("check", TYPO, "--against", plain, "--vocabulary", tmp_path / "v.toml", cwd=elsewhere).returncode == 1
    # Made without the configuration's vocabulary: refused, and the message names the difference.
    (elsewhere / "empty.toml").write_text("", encoding="utf-8")
    bare = tmp_path / "bare.claims.json"
    assert claimcheck("extract", CEASEFIRE, "-f", "json", "-o", bare, "--config", elsewhere / "empty.toml", cwd=tmp_path).returncode == 0
    refused = claimcheck("check", TYPO, "--against", bare, cwd=tmp_path)
    assert refused.returncode == 2
    assert "made with another vocabulary" in refused.stderr and "then: none, now: v.toml" in refused.stderr, refused.stderr


# ---------------------------------------------------------------- bad input


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[object], str, str]]:
    """name → (arguments, the file the error must name, the problem it must state)."""
    empty = tmp_path / "empty.md"
    empty.write_text("\n  \n", encoding="utf-8")
    latin = tmp_path / "latin.md"
    latin.write_bytes("Caf\xe9 talks: 251 hostages.\n".encode("latin-1"))
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    config = tmp_path / "bad.toml"
    config.write_text('fail_on = "error"\nselct = ["CC1"]\n', encoding="utf-8")
    unknown_code = tmp_path / "codes.toml"
    unknown_code.write_text('ignore = ["CC999"]\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{ not json", encoding="utf-8")
    ledger = tmp_path / "desk.ledger.yaml"
    ledger.write_text("figures:\n  - measure: killd\n    value: '5'\n    citation: x\n", encoding="utf-8")
    stale_claims = tmp_path / "old.claims.json"
    stale_claims.write_text('[\n{"format": "claimcheck-claims", "format_version": 1, "claimcheck_version": "0.0.1", "vocabulary": "x", "vocabulary_files": [], "claims": 0, "sources": [], "blocks": []}\n]\n', encoding="utf-8")
    against = ["--against", CEASEFIRE]
    return {
        "missing draft": (["check", tmp_path / "missing.md", *against], "missing.md", "no such file or directory"),
        "missing reference": (["check", TYPO, "--against", tmp_path / "gone"], "gone", "no such file or directory"),
        "empty draft": (["check", empty, *against], "empty.md", "empty draft"),
        "draft not UTF-8": (["check", latin, *against], "latin.md:1", "not UTF-8 text (byte 0xe9 at offset 3)"),
        "empty reference folder": (["check", TYPO, "--against", folder], "nothing", "nothing to read here: no articles"),
        "broken config": (["check", TYPO, *against, "--config", config], "bad.toml:2", 'unknown key "selct"'),
        "missing config": (["check", TYPO, *against, "--config", tmp_path / "none.toml"], "none.toml", "no such configuration file"),
        "unknown rule in config": (["check", TYPO, *against, "--config", unknown_code], "codes.toml", 'ignore: unknown rule "CC999"'),
        "unknown rule flag": (["check", TYPO, *against, "--select", "CC1,CC77"], "--select", 'unknown rule "CC77"'),
        "broken baseline": (["check", TYPO, *against, "--baseline", baseline], "baseline.json:1", "not a baseline file: malformed JSON"),
        "missing baseline": (["check", TYPO, *against, "--baseline", tmp_path / "nope.json"], "nope.json", "no such baseline file"),
        "broken ledger": (["check", TYPO, "--against", ledger], "desk.ledger.yaml:2", 'unknown measure "killd"'),
        "stale claims file": (["check", TYPO, "--against", stale_claims], "old.claims.json", "made by claimcheck 0.0.1"),
    }


BAD = [
    "missing draft",
    "missing reference",
    "empty draft",
    "draft not UTF-8",
    "empty reference folder",
    "broken config",
    "missing config",
    "unknown rule in config",
    "unknown rule flag",
    "broken baseline",
    "missing baseline",
    "broken ledger",
    "stale claims file",
]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_one_line_exit_2_and_nothing_half_written(tmp_path: Path, case: str) -> None:
    args, where, problem = _bad_inputs(tmp_path)[case]
    out = tmp_path / "report.txt"
    result = claimcheck(*args, "-o", out, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert where in lines[0] and problem in lines[0], lines[0]
    assert not out.exists()  # a human format gets the stderr line only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []  # no temporary left behind


@pytest.mark.parametrize("case", ["missing draft", "broken config", "unknown rule flag", "draft not UTF-8"])
def test_with_a_machine_format_the_error_also_comes_out_in_that_format(tmp_path: Path, case: str) -> None:
    args, where, problem = _bad_inputs(tmp_path)[case]
    out = tmp_path / "report.json"
    result = claimcheck(*args, "-f", "json", "-o", out, cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["discrepancies"] == [] and report["sources"] == []
    (error,) = report["input_errors"]
    assert problem in error["message"]
    assert where.split(":")[0] in f"{error['path']}:{error['line']}" or where == "--select"
    # To standard output as well, when there is no -o.
    streamed = claimcheck(*args, "-f", "json", cwd=tmp_path)
    assert streamed.returncode == 2 and json.loads(streamed.stdout)["input_errors"][0]["message"] == error["message"]


def test_a_usage_error_exits_2(tmp_path: Path) -> None:
    result = claimcheck("check", TYPO, "--fail-on", "sometimes", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr
    result = claimcheck("check", TYPO, cwd=tmp_path)
    assert result.returncode == 2 and "no references to check against" in result.stderr


def test_output_replaces_a_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    assert claimcheck("check", TYPO, "--against", CEASEFIRE, "-f", "json", "-o", out, cwd=tmp_path).returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_the_in_band_error_is_generic_across_commands(tmp_path: Path) -> None:
    result = claimcheck("compare", tmp_path / "missing", "-f", "json", cwd=tmp_path)
    assert result.returncode == 2
    (error,) = json.loads(result.stdout)["input_errors"]
    assert error["message"] == "no such file or directory" and error["path"].endswith("missing")


# ---------------------------------------------------------------- output that cannot be written


def _unwritable_outputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (an -o target that cannot be written, the problem the error must state)."""
    folder = tmp_path / "adir"
    folder.mkdir()
    targets = {"a folder": (folder, "it is a folder, not a file"), "a missing folder": (tmp_path / "no" / "r.json", "the folder does not exist")}
    if Path("/proc/self").is_dir():  # a folder nobody (not even root) can create files in
        targets["a folder that refuses files"] = (Path("/proc/claimcheck-test.json"), "cannot write the output")
    return targets


def _commands(tmp_path: Path) -> dict[str, list[object]]:
    saved = tmp_path / "saved.json"
    made = claimcheck("check", TYPO, "--against", CEASEFIRE, "-f", "json", "-o", saved, cwd=tmp_path)
    assert made.returncode == 1, made.stderr
    return {
        "check": ["check", TYPO, "--against", CEASEFIRE, "-f", "json"],
        "check with bad input": ["check", tmp_path / "missing.md", "--against", CEASEFIRE, "-f", "sarif"],
        "render": ["render", saved, "-f", "sarif"],
        "extract": ["extract", CEASEFIRE, "-f", "json"],
        "check --write-baseline": ["check", TYPO, "--against", CEASEFIRE, "--write-baseline"],
    }


@pytest.mark.parametrize("command", ["check", "check with bad input", "render", "extract", "check --write-baseline"])
def test_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    args = _commands(tmp_path)[command]
    for name, (target, problem) in _unwritable_outputs(tmp_path).items():
        before = sorted(p.name for p in tmp_path.rglob("*"))
        result = claimcheck(*args, *([] if command.endswith("baseline") else ["-o"]), target, cwd=tmp_path)
        assert result.returncode == 2, (name, result.stderr)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and str(target) in lines[0] and problem in lines[0], (name, lines)
        assert sorted(p.name for p in tmp_path.rglob("*")) == before, name  # nothing written, no temporary left
        if command == "check with bad input" and target.parent.is_dir() and not target.is_dir():
            # Not refused before the run: the input's own problem is named first.
            assert lines[0].startswith(f"claimcheck: {tmp_path / 'missing.md'}: no such file"), lines[0]


def test_a_failed_rename_leaves_no_temporary_and_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.cli import output
    from claimcheck.errors import InputError

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(InputError) as caught:
        output.write_output("new", str(target))
    assert caught.value.message == f"{target}: cannot write the output: Permission denied"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_failed_extract_keeps_the_claims_file_it_would_have_replaced(tmp_path: Path) -> None:
    saved = tmp_path / "refs.claims.json"
    assert claimcheck("extract", CEASEFIRE, "-f", "json", "-o", saved, cwd=tmp_path).returncode == 0
    before = saved.read_bytes()
    failed = claimcheck("extract", tmp_path / "gone", "-f", "json", "-o", saved, cwd=tmp_path)
    assert failed.returncode == 2 and "gone: no such file or directory" in failed.stderr
    assert saved.read_bytes() == before  # not replaced by an error report, which check would refuse
    assert claimcheck("check", TYPO, "--against", saved, cwd=tmp_path).returncode == 1



# ---------------------------------------------------------------- draft ids


def _report(result: subprocess.CompletedProcess[str]) -> dict:  # type: ignore[type-arg]
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _draft_ids(report: dict) -> list[str]:  # type: ignore[type-arg]
    return sorted(s["id"] for s in report["sources"] if s["role"] == "draft")


def test_drafts_with_one_file_name_are_told_apart_by_their_paths(tmp_path: Path) -> None:
    """Hugo page bundles: content/*/index.md."""
    for name, draft in (("a", TYPO), ("b", CLEAN)):
        (tmp_path / "content" / name).mkdir(parents=True)
        (tmp_path / "content" / name / "index.md").write_bytes(draft.read_bytes())
    report = _report(claimcheck("check", "content", "--against", CEASEFIRE, "-f", "json", cwd=tmp_path))
    assert _draft_ids(report) == ["content/a/index", "content/b/index"]
    (finding,) = report["discrepancies"]
    assert (finding["claims"][0]["source_id"], finding["claims"][0]["span"]["line"]) == ("content/a/index", 7)
    # Named one by one, and the folder as well: each read once, the same ids.
    again = _report(claimcheck("check", "content/a/index.md", "content/b/index.md", "content", "--against", CEASEFIRE, "-f", "json", cwd=tmp_path))
    assert _draft_ids(again) == ["content/a/index", "content/b/index"] and len(again["discrepancies"]) == 1
    # Beside each other at the top: the ending tells them apart.
    (tmp_path / "story.md").write_bytes(TYPO.read_bytes())
    (tmp_path / "story.txt").write_text("Hamas seized 251 hostages in the attack on October 7, 2023.\n", encoding="utf-8")
    assert _draft_ids(_report(claimcheck("check", "story.md", "story.txt", "--against", CEASEFIRE, "-f", "json", cwd=tmp_path))) == ["story.md", "story.txt"]


def test_a_draft_named_like_a_reference_is_checked(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "000.md").write_bytes(TYPO.read_bytes())
    report = _report(claimcheck("check", "drafts/000.md", "--against", CEASEFIRE, "-f", "json", cwd=tmp_path))
    assert _draft_ids(report) == ["drafts/000"]
    (finding,) = report["discrepancies"]
    assert finding["claims"][0]["source_id"] == "drafts/000"
    assert "000" in {c["source_id"] for c in finding["claims"][1:]}  # the reference 000 keeps its id and is cited


def test_a_draft_among_the_references_is_left_out_of_them(tmp_path: Path) -> None:
    refs = tmp_path / "refs"
    refs.mkdir()
    for article in CEASEFIRE.glob("*.md"):
        (refs / article.name).write_bytes(article.read_bytes())
    saved = tmp_path / "refs.claims.json"
    assert claimcheck("extract", "refs", "-f", "json", "-o", saved, cwd=tmp_path).returncode == 0
    for against in ("refs", saved):
        report = _report(claimcheck("check", "refs/001.md", "--against", against, "-f", "json", cwd=tmp_path))
        assert _draft_ids(report) == ["001"]
        assert report["summary"]["sources"] == 5  # the draft and the four other references
        (finding,) = report["discrepancies"]  # 001's wrong date, against the four others
        assert finding["rule"] == "CC102" and finding["claims"][0]["source_id"] == "001"
        assert {c["source_id"] for c in finding["claims"][1:]} == {"000", "002", "003", "004"}
    # The same, with the draft read from standard input under the reference's name.
    piped = claimcheck("check", "-", "--stdin-filename", "refs/001.md", "--against", "refs", "-f", "json", cwd=tmp_path, stdin=(refs / "001.md").read_bytes())
    assert _report(piped)["summary"]["sources"] == 5


def test_ids_given_in_front_matter_must_still_differ(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / f"{name}.md").write_text("---\nid: story\n---\n" + TYPO.read_text(encoding="utf-8"), encoding="utf-8")
    result = claimcheck("check", "one.md", "two.md", "--against", CEASEFIRE, cwd=tmp_path)
    assert result.returncode == 2 and 'two drafts have the id "story"' in result.stderr, result.stderr
    (tmp_path / "three.md").write_text("---\nid: '000'\n---\n" + TYPO.read_text(encoding="utf-8"), encoding="utf-8")
    result = claimcheck("check", "three.md", "--against", CEASEFIRE, cwd=tmp_path)
    assert result.returncode == 2 and 'the draft\'s id "000" is also a reference\'s' in result.stderr, result.stderr


# ---------------------------------------------------------------- usage errors and file errors, as CI meets them


@pytest.mark.parametrize("format", ["json", "sarif", "junit", "github"])
def test_a_usage_error_also_comes_out_in_the_machine_format(tmp_path: Path, format: str) -> None:
    result = claimcheck("check", TYPO, "--against", CEASEFIRE, "-f", format, "--fail-on", "bogus", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "claimcheck check: error: argument --fail-on: invalid choice: 'bogus' (choose from 'error', 'warning', 'info', 'never')"
    ]
    assert "invalid choice: 'bogus'" in result.stdout  # never an empty file for the parser
    if format == "json":
        (error,) = json.loads(result.stdout)["input_errors"]
        assert error["message"] == result.stderr.strip()
    # To the file -o names, wherever it stands among the options.
    out = tmp_path / f"report.{format}"
    written = claimcheck("check", TYPO, "--fail-on", "bogus", "--output", out, "--against", CEASEFIRE, "--format", format, cwd=tmp_path)
    assert written.returncode == 2 and written.stdout == ""
    assert "invalid choice: 'bogus'" in out.read_text(encoding="utf-8")


def test_a_usage_error_in_a_human_format_is_the_stderr_line_only(tmp_path: Path) -> None:
    result = claimcheck("check", TYPO, "--against", CEASEFIRE, "--fail-on", "bogus", "-o", tmp_path / "r.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and not (tmp_path / "r.txt").exists()
    assert len(result.stderr.splitlines()) == 1


def test_stdin_filename_without_standard_input_is_a_usage_error(tmp_path: Path) -> None:
    result = claimcheck("check", TYPO, "--stdin-filename", "drafts/story.md", "--against", CEASEFIRE, cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert result.stderr.splitlines() == ["claimcheck: --stdin-filename names the draft read from standard input, but no draft is - (standard input)"]


def test_vocabulary_and_toml_errors_name_the_key_and_the_line(tmp_path: Path) -> None:
    vocabulary = tmp_path / "v.toml"
    vocabulary.write_text('[[measure]]\nidd = "x"\nlabel = "y"\nclass = "stock"\n', encoding="utf-8")
    result = claimcheck("check", TYPO, "--against", CEASEFIRE, "--vocabulary", vocabulary, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f'claimcheck: {vocabulary}:2: unknown key "idd" in [[measure]] number 1 (did you mean id?)']
    config = tmp_path / "claimcheck.toml"
    config.write_text('fail_on = "error"\nselect = ["CC1"\nignore = []\n', encoding="utf-8")
    result = claimcheck("check", TYPO, "--against", CEASEFIRE, "-f", "json", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimcheck: {config}:3: malformed TOML: ") and line.endswith("(column 1)"), line
    (error,) = json.loads(result.stdout)["input_errors"]
    assert (error["path"], error["line"]) == (str(config), 3)


def test_output_to_a_pipe_or_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    import stat
    import threading

    from claimcheck.cli.output import write_output

    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_output('{"ok": true}', str(fifo))
    reader.join(timeout=10)
    assert received == ['{"ok": true}\n']
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe: an atomic rename would have put a file there
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]
