"""The command line, as a user meets it: exit codes, output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.report import SCHEMA_VERSION, Report

from .conftest import FIXTURES

CEASEFIRE = str(FIXTURES / "ceasefire")


def test_compare_text_shows_the_error_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", CEASEFIRE]) == 1
    out = capsys.readouterr().out
    assert "001 dates the attack October 7, 2022; 000, 002, 003 and 004 say 2023" in out
    assert "^^^^^^^^^^^^^^^" in out
    assert out.splitlines()[-1].startswith("Found ") and "(1 error, " in out.splitlines()[-1]


def test_compare_fail_on_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", CEASEFIRE, "--fail-on", "never"]) == 0
    assert main(["compare", str(FIXTURES / "ceasefire" / "003.md"), str(FIXTURES / "ceasefire" / "000.md")]) == 0
    assert main(["compare", str(FIXTURES / "ceasefire" / "003.md"), str(FIXTURES / "ceasefire" / "000.md"), "--fail-on", "info"]) == 1
    capsys.readouterr()


def test_compare_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main(["compare", CEASEFIRE, "-f", "json", "-o", str(out)]) == 1
    report = Report.from_json(out.read_text(encoding="utf-8"))
    assert report.summary.errors == 1 and report.schema_version == SCHEMA_VERSION
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_extract_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "ceasefire" / "003.md")]) == 0
    table = capsys.readouterr().out
    assert "hostages_taken" in table and "251" in table
    assert main(["extract", str(FIXTURES / "ceasefire" / "003.md"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # A claims file (claimcheck/claimsfile.py): a header, then blocks of claims.
    assert data[0]["format"] == "claimcheck-claims"
    assert any(c["span"]["quote"] == "October 7, 2023" for block in data[1:] for c in block["claims"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "no/such/place"], "claimcheck: no/such/place: no such file or directory"),
        (["extract", "no/such/file.md"], "claimcheck: no/such/file.md: no such file or directory"),
        (["compare", CEASEFIRE, "--vocabulary", "missing.toml"], "claimcheck: missing.toml: no such vocabulary file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.strip() == message


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare"]) == 2
    assert capsys.readouterr().err == "claimcheck compare: error: the following arguments are required: PATH\n"
    assert main(["frobnicate"]) == 2
    assert "claimcheck: error: argument COMMAND: invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_output_into_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", CEASEFIRE, "-o", str(tmp_path / "no" / "report.txt")]) == 2
    assert "the folder does not exist" in capsys.readouterr().err


def test_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    done = subprocess.run([sys.executable, "-m", "claimcheck", "compare", str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "not UTF-8 text" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "claimcheck", "compare", CEASEFIRE], capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "(1 error, " in done.stdout
