"""docs/ci.md and the CI files it ships stay true to the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from claimcheck.cli import COMMANDS, build_parser
from claimcheck.config import Config, Tolerances
from claimcheck.configfile import load_config_file
from claimcheck.render import FORMATS
from claimcheck.ledger import _EVENT_KEYS, _FIGURE_KEYS, _TOP_KEYS, read_ledger_text
from claimcheck.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
GITHUB = yaml.safe_load((ROOT / "docs" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
GITLAB = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
REGISTERED = {module.__name__.rsplit(".", 1)[-1] for module in COMMANDS}


def _commands(script: str) -> list[list[str]]:
    """The claimcheck command lines in a shell script."""
    lines = []
    for line in script.splitlines():
        line = line.strip()
        if line.startswith("claimcheck "):
            lines.append(shlex.split(line.replace("${CLAIMCHECK_VERSION}", "0")))
    return lines


def _parses(argv: list[str]) -> None:
    command = argv[1]
    if command not in REGISTERED:
        pytest.skip(f"`claimcheck {command}` is not a command in this build; cannot check its options")
    if "-f" in argv and command != "extract" and argv[argv.index("-f") + 1] not in FORMATS:
        pytest.skip(f"format {argv[argv.index('-f') + 1]!r} is not registered in this build; cannot check `claimcheck {command}`")
    build_parser().parse_args(argv[1:])


def test_every_configuration_key_and_ledger_key_is_documented() -> None:
    for key in list(Config.model_fields) + list(Tolerances.model_fields):
        assert f"`{key}`" in GUIDE, key
    for key in _TOP_KEYS + _FIGURE_KEYS + _EVENT_KEYS:
        assert re.search(rf"\b{key}\b", GUIDE), key
    for code in ("CC501", "CC502", "CC901", "CC902"):
        assert code in GUIDE


def test_the_documented_configuration_and_ledger_examples_load(tmp_path: Path) -> None:
    toml = re.search(r"```toml\n(.*?)```", GUIDE, re.DOTALL)
    assert toml
    (tmp_path / "claimcheck.toml").write_text(toml.group(1), encoding="utf-8")
    config = load_config_file(tmp_path / "claimcheck.toml").config
    assert config.severity == {"stale": "error"} and config.ignore == ["CC501"]
    ledger = re.search(r"```yaml\n(id: war-ledger.*?)```", GUIDE, re.DOTALL)
    assert ledger
    source, claims = read_ledger_text(ledger.group(1), "war.ledger.yaml", Vocabulary.load())
    assert source.id == "war-ledger" and [c.measure for c in claims] == ["killed", "hostages_held"]


def test_the_github_workflow_runs_valid_commands() -> None:
    steps = GITHUB["jobs"]["fact-check"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    commands = [c for script in runs for c in _commands(script)]
    names = [c[1] for c in commands]
    assert names == ["extract", "check", "render", "render"]
    assert "upload-sarif" in " ".join(step.get("uses", "") for step in steps)
    assert GITHUB["permissions"]["security-events"] == "write"
    for argv in commands:
        _parses(argv)


def test_the_gitlab_job_runs_valid_commands_and_reports_junit() -> None:
    job = GITLAB["claimcheck"]
    commands = [c for script in job["script"] for c in _commands(script)]
    assert [c[1] for c in commands] == ["extract", "check"]
    check = commands[-1]
    assert check[check.index("-f") + 1] == "junit"
    assert job["artifacts"]["reports"]["junit"] == check[check.index("-o") + 1]
    assert job["artifacts"]["when"] == "always"
    for argv in commands:
        _parses(argv)
