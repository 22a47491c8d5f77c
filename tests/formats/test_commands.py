"""The commands: rules, rule, render, schema, and compare's output options, in process and as subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from claimcheck.cli import build_parser, main
from claimcheck.compare import compare
from claimcheck.config import Config
from claimcheck.render import FORMATS, HUMAN_FORMATS, render
from claimcheck.report import Report
from claimcheck.rules import RETIRED, RULES

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m claimcheck ARGS` in the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory, seed_report: Report) -> Path:
    path = tmp_path_factory.mktemp("saved") / "report.json"
    path.write_text(seed_report.to_json(), encoding="utf-8")
    return path


# ---------------------------------------------------------------- rules / rule


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "summary"]
    rows = lines[2:]
    assert [row.split()[0] for row in rows] == list(RULES)
    for row, cls in zip(rows, RULES.values(), strict=True):
        assert row.split()[1:3] == [cls.name, cls.severity.value]
        assert row.endswith(cls.summary())


def test_rules_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "-f", "json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["code"] for e in entries] == list(RULES)
    assert entries[1]["doc"] == RULES["CC102"].doc()


@pytest.mark.parametrize("given", ["CC102", "cc102", "date-mismatch", " CC102 "])
def test_rule_by_code_or_name(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", given]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CC102 date-mismatch\nDefault severity: error\n\n" + RULES["CC102"].summary() + "\n\n")
    assert out.rstrip("\n").endswith(RULES["CC102"].doc().splitlines()[-1])


def test_rule_by_alias(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(RULES["CC101"], "aliases", ("CC100",))
    assert main(["rule", "CC100"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CC101 count-mismatch\n") and "Aliases: CC100\n" in out


def test_unknown_rule_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "CC999"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"claimcheck: unknown rule 'CC999': `claimcheck rules` lists the {len(RULES)} rules\n"


def test_retired_rule_says_why(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(RETIRED, "CC105", "merged into CC101")
    assert main(["rule", "cc105"]) == 2
    assert capsys.readouterr().err == "claimcheck: rule CC105 is retired: merged into CC101\n"


def test_rules_and_rule_as_subprocesses() -> None:
    listed = run("rules")
    assert listed.returncode == 0 and "CC102   date-mismatch" in listed.stdout
    shown = run("rule", "date-mismatch")
    assert shown.returncode == 0 and shown.stdout.startswith("CC102 date-mismatch\n")
    unknown = run("rule", "nonsense")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr.count("\n") == 1 and "unknown rule 'nonsense'" in unknown.stderr


# ---------------------------------------------------------------- render


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_render_gives_what_the_format_gives(fmt: str, saved: Path, seed_report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(saved), "-f", fmt]) == 0
    out = capsys.readouterr().out
    expected = render(Report.from_json(saved.read_text(encoding="utf-8")), fmt)
    assert out == expected if expected.endswith("\n") else out == expected + "\n"
    if fmt != "json":  # json: same data, see test_json
        assert out.rstrip("\n") == render(seed_report, fmt).rstrip("\n")


def test_render_writes_the_output_file(saved: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    assert main(["render", str(saved), "-f", "sarif", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in tmp_path.iterdir()] == ["out.sarif"]  # no temporary file left


def _broken(tmp_path: Path, saved: Path) -> dict[str, Path]:
    data = json.loads(saved.read_text(encoding="utf-8"))
    files = {
        "not JSON: Expecting property name": b"{not json",
        "empty file": b"  \n",
        "not UTF-8 text (byte 0xff": b'{"schema_version": "1.1", "x": "\xff"}',
        "not a claimcheck JSON report (no schema_version)": b"[1, 2]",
        "report schema version 2.0 is not supported: this claimcheck reads 1.x": json.dumps({**data, "schema_version": "2.0"}).encode(),
        "not a valid claimcheck report: summary: field required": json.dumps({k: v for k, v in data.items() if k != "summary"}).encode(),
        "written by a newer claimcheck (schema 1.9": json.dumps({**data, "schema_version": "1.9", "baseline": []}).encode(),
    }
    paths = {}
    for i, (problem, content) in enumerate(files.items()):
        path = tmp_path / f"broken-{i}.json"
        path.write_bytes(content)
        paths[problem] = path
    return paths


def test_render_refuses_a_broken_or_wrong_version_report(saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for problem, path in _broken(tmp_path, saved).items():
        assert main(["render", str(path), "-f", "text"]) == 2, problem
        captured = capsys.readouterr()
        assert captured.err.startswith(f"claimcheck: {path}") and problem in captured.err, captured.err
        assert captured.err.count("\n") == 1
        assert captured.out == ""


def test_with_a_machine_format_the_error_comes_out_in_that_format(saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _broken(tmp_path, saved)["report schema version 2.0 is not supported: this claimcheck reads 1.x"]
    target = tmp_path / "out.sarif"
    assert main(["render", str(path), "-f", "sarif", "-o", str(target)]) == 2
    (run,) = json.loads(target.read_text(encoding="utf-8"))["runs"]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False and run["results"] == []
    assert notification["message"]["text"].startswith("report schema version 2.0 is not supported")
    assert capsys.readouterr().err.startswith(f"claimcheck: {path}: report schema version 2.0")


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - HUMAN_FORMATS))
def test_compare_on_a_missing_path_reports_it_in_the_machine_format(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nowhere")
    assert main(["compare", missing, "-f", fmt]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"claimcheck: {missing}: no such file or directory\n"
    assert captured.out.strip() and "no such file or directory" in captured.out
    if fmt == "json":
        assert Report.from_json(captured.out).input_errors[0].path == missing


def test_compare_on_a_missing_path_in_text_prints_only_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "nowhere-at-all", "-f", "text"]) == 2
    assert capsys.readouterr().out == ""


def test_render_missing_file_or_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.json")]) == 2
    assert capsys.readouterr().err == f"claimcheck: {tmp_path / 'nope.json'}: no such file\n"
    assert main(["render", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"claimcheck: {tmp_path}: is a folder, not a report file\n"


def test_render_as_a_subprocess_reading_stdin(saved: Path) -> None:
    done = run("render", "-", "-f", "concise", stdin=saved.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stderr
    assert ": CC102 001 dates the attack October 7, 2022" in done.stdout
    broken = run("render", "-", "-f", "sarif", stdin="{")
    assert broken.returncode == 2
    assert broken.stderr.startswith("claimcheck: <stdin>:1: not JSON") and broken.stderr.count("\n") == 1
    (notification,) = json.loads(broken.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "%3Cstdin%3E"}, "region": {"startLine": 1}}


def test_one_run_gives_json_then_annotations_and_sarif(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    made = run("compare", "fixtures/ceasefire", "-f", "json", "-o", str(report_file))
    assert made.returncode == 1 and made.stdout == ""
    annotations = run("render", str(report_file), "-f", "github")
    assert annotations.returncode == 0
    assert annotations.stdout.startswith("::error file=fixtures/ceasefire/001.md,line=9,col=190,endLine=9,endColumn=205,")
    sarif_file = tmp_path / "claimcheck.sarif"
    assert run("render", str(report_file), "-f", "sarif", "-o", str(sarif_file)).returncode == 0
    assert json.loads(sarif_file.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "CC102"


def test_render_appends_the_job_summary(saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["render", str(saved), "-f", "github", "--github-summary"]) == 0
    assert capsys.readouterr().out.startswith("::error ")
    assert summary.read_text(encoding="utf-8").startswith("### claimcheck\n")


# ---------------------------------------------------------------- schema


@pytest.mark.parametrize(("which", "model"), [("report", Report), ("config", Config)])
def test_schema_prints_the_model_schema(which: str, model: type[Report] | type[Config], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", which]) == 0
    assert json.loads(capsys.readouterr().out) == model.model_json_schema()


def test_schema_subprocess_validates_a_real_report(saved: Path) -> None:
    done = run("schema", "report")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    jsonschema.validate(json.loads(saved.read_text(encoding="utf-8")), schema, cls=jsonschema.Draft202012Validator)
    bad = run("schema", "nonsense")
    assert bad.returncode == 2 and bad.stdout == "" and "invalid choice" in bad.stderr


# ---------------------------------------------------------------- compare's output options


def test_compare_offers_every_registered_format() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    for name in ("compare", "render"):
        sub = commands.choices[name]  # type: ignore[index]
        (action,) = [a for a in sub._actions if a.dest == "format"]
        assert list(action.choices) == list(FORMATS)
        assert action.option_strings[:2] == ["-f", "--format"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_compare_in_every_format(fmt: str, seed_report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(ROOT / "fixtures" / "ceasefire"), "-f", fmt]) == 1
    out = capsys.readouterr().out
    if fmt == "json":
        assert Report.from_json(out) == seed_report
    else:
        assert out.rstrip("\n") == render(seed_report, fmt).rstrip("\n")


def test_github_summary_outside_actions_fails_before_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    target = tmp_path / "out.txt"
    assert main(["compare", str(ROOT / "fixtures" / "ceasefire"), "-o", str(target), "--github-summary"]) == 2
    assert "GITHUB_STEP_SUMMARY is not set" in capsys.readouterr().err
    assert not target.exists()


def test_compare_github_summary_as_a_subprocess(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    done = run("compare", "fixtures/ceasefire", "-f", "github", "--github-summary", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith("::error file=fixtures/ceasefire/001.md,")
    table = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    expected = compare([ROOT / "fixtures" / "ceasefire"])
    assert len(table) == 2 + len(expected.discrepancies)  # header, rule, one row a discrepancy
