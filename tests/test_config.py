"""Configuration files: where they are found, how strictly they are read, what the schema says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck import ConfigError
from claimcheck.config import Config, Tolerances
from claimcheck.configfile import discover_config, find_config_file, load_config_file


def test_the_nearest_file_wins(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "claimcheck.toml").write_text('select = ["CC1"]\n', encoding="utf-8")
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(deep) == tmp_path / "claimcheck.toml"
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.claimcheck]\nselect = ["CC2"]\n', encoding="utf-8")
    assert find_config_file(deep) == tmp_path / "a" / "pyproject.toml"
    (tmp_path / "a" / "claimcheck.toml").write_text('select = ["CC3"]\n', encoding="utf-8")
    assert find_config_file(deep) == tmp_path / "a" / "claimcheck.toml"
    assert discover_config(start=deep).config.select == ["CC3"]


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    found = discover_config(start=tmp_path)
    if found.path is None:  # a file above the temporary folder would be found, as it should
        assert found.config == Config()


def test_a_full_file_is_read_with_paths_from_its_folder(tmp_path: Path) -> None:
    (tmp_path / "claimcheck.toml").write_text(
        'references = ["refs/", "desk.ledger.yaml"]\n'
        'select = ["CC1", "CC5", "timeline"]\n'
        'ignore = ["CC501"]\n'
        'fail_on = "warning"\n'
        'baseline = ".claimcheck/baseline.json"\n'
        "as_of = 2025-07-07\n"
        'vocabulary = ["newsroom.toml"]\n'
        "[severity]\n"
        'CC502 = "error"\n'
        "[per_file_ignores]\n"
        '"archive/*" = ["CC5"]\n'
        '"*.txt" = ["unsupported"]\n'
        "[tolerances]\n"
        "same_date_days = 3\n",
        encoding="utf-8",
    )
    config = load_config_file(tmp_path / "claimcheck.toml").config
    assert [Path(p).resolve() for p in config.references] == [(tmp_path / "refs").resolve(), (tmp_path / "desk.ledger.yaml").resolve()]
    assert Path(config.vocabulary[0]).resolve() == (tmp_path / "newsroom.toml").resolve()
    assert Path(config.baseline or "").resolve() == (tmp_path / ".claimcheck" / "baseline.json").resolve()
    assert config.fail_on == "warning" and config.as_of == dt.date(2025, 7, 7)
    assert config.severity == {"CC502": "error"} and config.tolerances == Tolerances(same_date_days=3)
    assert config.per_file_ignores == {f"{tmp_path.resolve().as_posix()}/archive/*": ["CC5"], "*.txt": ["unsupported"]}


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.claimcheck]\nignore = ["CC202"]\n', encoding="utf-8")
    assert load_config_file(tmp_path / "pyproject.toml").config.ignore == ["CC202"]


@pytest.mark.parametrize(
    ("name", "content", "problem", "line"),
    [
        ("claimcheck.toml", 'selct = ["CC1"]\n', 'unknown key "selct" in claimcheck.toml (did you mean select?)', 1),
        ("claimcheck.toml", '\n\nper-file-ignores = {}\n', 'unknown key "per-file-ignores" in claimcheck.toml (did you mean per_file_ignores?)', 3),
        ("pyproject.toml", '[tool.claimcheck]\nfail_on = "warning"\nrefrences = []\n', 'unknown key "refrences" in [tool.claimcheck]', 3),
        ("claimcheck.toml", "[tolerances]\nsame_day = 1\n", 'unknown key "tolerances.same_day"', 2),
        ("claimcheck.toml", 'fail_on = "sometimes"\n', "fail_on: Input should be 'error', 'warning', 'info' or 'never'", 1),
        ("claimcheck.toml", 'select = ["CC999"]\n', 'select: unknown rule "CC999"', None),
        ("claimcheck.toml", '[severity]\ncount-mismtch = "warning"\n', 'unknown rule "count-mismtch" (did you mean count-mismatch?)', None),
        ("claimcheck.toml", '[severity]\nCC101 = "fatal"\n', "severity.CC101", 2),
        ("claimcheck.toml", "select = [\n", "malformed TOML", None),  # tomllib: "at end of document", no line
        ("claimcheck.toml", 'fail_on = "error"\nselect = ["CC1"\nfoo\n', "malformed TOML: Unclosed array (column 1)", 3),
        ("pyproject.toml", '[project]\nname = "x"\n', "no [tool.claimcheck] table", None),
    ],
)
def test_a_bad_file_is_one_error_naming_the_file_the_key_and_the_line(tmp_path: Path, name: str, content: str, problem: str, line: int | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config_file(path)
    error = caught.value
    assert problem in error.problem
    assert error.path == str(path)
    assert error.line == line
    assert "\n" not in error.message


def test_a_missing_or_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config_file(tmp_path / "claimcheck.toml")
    (tmp_path / "claimcheck.toml").write_bytes(b"select = [\"\xff\"]\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config_file(tmp_path / "claimcheck.toml")


def test_the_schema_describes_every_key_and_forbids_others() -> None:
    schema = Config.model_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(Config.model_fields)
    for name, prop in schema["properties"].items():
        assert prop.get("description"), f"{name} has no description"
    tolerances = schema["$defs"]["Tolerances"]
    assert tolerances["additionalProperties"] is False
    assert all(p.get("description") for p in tolerances["properties"].values())
    assert schema["properties"]["fail_on"]["enum"] == ["error", "warning", "info", "never"]
