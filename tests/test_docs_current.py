"""docs/rules.md is generated (python -m claimcheck.docs) and must match what the generator writes now."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.docs import CASES_DIR, RULES_PAGE, main, render_rules_reference
from claimcheck.rules import RULES
from claimcheck.rule_cases import load_case_files


@pytest.fixture(scope="module")
def generated() -> str:
    return render_rules_reference(load_case_files(CASES_DIR))


def test_committed_rules_page_is_current(generated: str) -> None:
    committed = RULES_PAGE.read_text(encoding="utf-8")
    assert committed == generated, "docs/rules.md is stale: run python -m claimcheck.docs and commit it"


def test_generator_is_deterministic(generated: str) -> None:
    assert render_rules_reference(load_case_files(CASES_DIR)) == generated


def test_every_rule_has_an_anchored_section_and_an_index_row(generated: str) -> None:
    for code, cls in RULES.items():
        assert f'<a id="{code.lower()}"></a>\n\n## {code} {cls.name}\n' in generated
        assert f"| [{code}](#{code.lower()}) | `{cls.name}` | {cls.severity.value} |" in generated


def test_check_exits_1_when_stale_and_0_when_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "rules.md"
    page.write_text("# an old page\n", encoding="utf-8")
    assert main(["--check", "--output", str(page)]) == 1
    assert "is stale: run python -m claimcheck.docs" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "# an old page\n"  # --check never writes
    assert main(["--output", str(page)]) == 0
    assert main(["--check", "--output", str(page)]) == 0


def test_check_exits_1_when_the_page_is_missing(tmp_path: Path) -> None:
    assert main(["--check", "--output", str(tmp_path / "absent.md")]) == 1


def test_bad_cases_folder_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--cases", str(tmp_path / "nowhere"), "--output", str(tmp_path / "rules.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere" in err and "no such folder of rule cases" in err
    assert not (tmp_path / "rules.md").exists()


def test_a_rule_without_cases_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "CC101.yaml").write_text((CASES_DIR / "CC101.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--cases", str(tmp_path), "--output", str(tmp_path / "rules.md")]) == 2
    assert "no case file for CC102" in capsys.readouterr().err
