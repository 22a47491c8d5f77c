"""`claimcheck compare` reads the configuration `check` reads, with flags on top: as a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli_check import CEASEFIRE, claimcheck


def _rules(result: object) -> list[tuple[str, str]]:
    report = json.loads(result.stdout)  # type: ignore[attr-defined]
    return [(d["rule"], d["severity"]) for d in report["discrepancies"]]


def test_the_nearest_file_selects_and_flags_override_it(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text('ignore = ["date-mismatch"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    plain = claimcheck("compare", CEASEFIRE, "-f", "json", cwd=tmp_path / "sub")  # the file in the folder above
    assert plain.returncode == 0, plain.stderr  # the one error, CC102, is ignored by the file
    assert "CC102" not in {rule for rule, _ in _rules(plain)} and "CC202" in {rule for rule, _ in _rules(plain)}
    # --ignore replaces the file's list; --select narrows what runs.
    flagged = claimcheck("compare", CEASEFIRE, "-f", "json", "--ignore", "CC5", cwd=tmp_path / "sub")
    assert flagged.returncode == 1 and ("CC102", "error") in _rules(flagged)
    selected = claimcheck("compare", CEASEFIRE, "-f", "json", "--ignore", "CC5", "--select", "CC202", cwd=tmp_path / "sub")
    assert selected.returncode == 0 and {rule for rule, _ in _rules(selected)} == {"CC202"}


def test_severities_fail_on_and_tolerances_from_pyproject(tmp_path: Path) -> None:
    desk, bare = _folders(tmp_path)
    (desk / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.claimcheck]\nfail_on = "warning"\n\n[tool.claimcheck.severity]\nCC102 = "warning"\n', encoding="utf-8"
    )
    result = claimcheck("compare", CEASEFIRE, "-f", "json", cwd=desk)
    assert ("CC102", "warning") in _rules(result)
    assert result.returncode == 1  # a warning fails at the file's fail_on
    assert claimcheck("compare", CEASEFIRE, "--fail-on", "error", cwd=desk).returncode == 0
    # Stock figures months apart are compared as values when the file says so, not only shown as a timeline.
    tolerant = tmp_path / "tolerant.toml"
    tolerant.write_text("[tolerances]\nsame_date_days = 400\n", encoding="utf-8")
    widened = claimcheck("compare", CEASEFIRE, "-f", "json", "--config", tolerant, cwd=bare)
    assert ("CC101", "error") in _rules(widened)
    assert ("CC101", "error") not in _rules(claimcheck("compare", CEASEFIRE, "-f", "json", cwd=bare))


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """A folder to hold a configuration file, and a sibling with none above it."""
    desk, bare = tmp_path / "desk", tmp_path / "bare"
    desk.mkdir()
    bare.mkdir()
    return desk, bare


def test_the_configurations_vocabulary_is_read(tmp_path: Path) -> None:
    desk, elsewhere = _folders(tmp_path)
    extra = desk / "extra.toml"
    extra.write_text('[[measure]]\nid = "evacuated"\nlabel = "the number evacuated"\nclass = "stock"\nheads = ["people", "none"]\npredicates = ["evacuated", "were evacuated"]\n', encoding="utf-8")
    (desk / "claimcheck.toml").write_text('vocabulary = ["extra.toml"]\n', encoding="utf-8")
    source = tmp_path / "story.txt"
    source.write_text("Officials said 300 people were evacuated from Varno on March 3, 2024.\n", encoding="utf-8")
    with_file = json.loads(claimcheck("compare", source, "-f", "json", cwd=desk).stdout)
    bare = json.loads(claimcheck("compare", source, "-f", "json", cwd=elsewhere).stdout)
    by_flag = json.loads(claimcheck("compare", source, "-f", "json", "--vocabulary", extra, cwd=elsewhere).stdout)
    assert with_file["vocabulary"] == by_flag["vocabulary"] != bare["vocabulary"]
    assert "evacuated" in {c.get("measure") for c in with_file["claims"]} - {c.get("measure") for c in bare["claims"]}


def test_a_broken_configuration_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text('fail_on = "error"\nselct = ["CC1"]\n', encoding="utf-8")
    result = claimcheck("compare", CEASEFIRE, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f'claimcheck: {tmp_path / "claimcheck.toml"}:2: unknown key "selct" in claimcheck.toml (did you mean select?)']
    flag = claimcheck("compare", CEASEFIRE, "--config", tmp_path / "missing.toml", cwd=tmp_path)
    assert flag.returncode == 2 and "missing.toml" in flag.stderr and "Traceback" not in flag.stderr
    unknown = claimcheck("compare", CEASEFIRE, "--select", "CC999", "--config", tmp_path / "missing.toml", cwd=tmp_path)
    assert unknown.returncode == 2  # the file is read first
    unknown = claimcheck("compare", CEASEFIRE, "--select", "CC999", "--config", _good(tmp_path), cwd=tmp_path)
    assert unknown.returncode == 2 and 'unknown rule "CC999"' in unknown.stderr


def _good(tmp_path: Path) -> Path:
    good = tmp_path / "good.toml"
    good.write_text('fail_on = "error"\n', encoding="utf-8")
    return good
