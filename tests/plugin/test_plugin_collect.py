"""Collection: inactive until configured; each case folder below the configured path is one item."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_inactive_when_not_configured(pytester: pytest.Pytester, write_case) -> None:
    write_case(pytester.path / "cases" / "bridge")
    pytester.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line("*- claimcheck -*")
    # Naming the folder on the command line collects nothing either.
    assert pytester.runpytest("cases").ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_update_without_configuration_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--claimcheck-update")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--claimcheck-update: no claimcheck cases configured*"])


def test_each_case_folder_is_an_item_named_after_it(project: pytest.Pytester, write_case) -> None:
    write_case(project.path / "cases" / "europe" / "weir")
    project.makepyfile(test_plain="def test_one():\n    assert True\n")
    result = project.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["cases/bridge", "cases/europe/weir", "test_plain.py::test_one"])
    assert project.runpytest("-v").ret == pytest.ExitCode.OK


def test_a_case_can_be_run_by_its_path_or_node_id(project: pytest.Pytester, write_case) -> None:
    write_case(project.path / "cases" / "weir")
    for args in (["cases/bridge"], ["-k", "bridge"], ["--deselect", "cases/weir"]):
        result = project.runpytest("-v", *args)
        result.stdout.fnmatch_lines(["cases/bridge PASSED*"])
        result.assert_outcomes(passed=1)


def test_flag_names_the_cases_without_an_ini_option(pytester: pytest.Pytester, write_case) -> None:
    write_case(pytester.path / "news" / "bridge")
    result = pytester.runpytest("-v", "--claimcheck-cases", "news")
    result.stdout.fnmatch_lines(["news/bridge PASSED*"])


def test_missing_cases_folder_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--claimcheck-cases", "nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--claimcheck-cases: no such folder: *nowhere"])


def test_cases_outside_testpaths_are_reported(pytester: pytest.Pytester, write_case) -> None:
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\ntestpaths = ["tests"]\nclaimcheck_cases = ["cases"]\n')
    write_case(pytester.path / "cases" / "bridge")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_plain.py").write_text("def test_one():\n    pass\n")
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(["*claimcheck_cases: cases is not under testpaths*add it to testpaths*"])


def test_other_files_under_the_cases_folder_are_collected_as_usual(project: pytest.Pytester) -> None:
    (project.path / "cases" / "test_layout.py").write_text("def test_layout():\n    pass\n")
    result = project.runpytest("-v")
    result.stdout.fnmatch_lines(["cases/test_layout.py::test_layout PASSED*"])
    result.assert_outcomes(passed=2)


def test_folders_starting_with_underscore_are_not_cases(project: pytest.Pytester, write_case) -> None:
    write_case(project.path / "cases" / "_drafts")
    result = project.runpytest("--collect-only", "-q")
    result.stdout.no_fnmatch_line("*_drafts*")


def test_the_case_root_itself_can_be_a_case(pytester: pytest.Pytester, write_case) -> None:
    write_case(pytester.path / "bridge")
    result = pytester.runpytest("-v", "--claimcheck-cases", "bridge")
    result.stdout.fnmatch_lines(["bridge::bridge PASSED*"])


def test_plugin_import_defers_the_pipeline() -> None:
    # The package itself exports compare() (README), so claimcheck.compare loads with
    # it; what pytest start-up must not pay for is the case runner and its checks.
    import subprocess
    import sys

    code = "import sys, claimcheck.pytest_plugin; print(sorted(m for m in ('claimcheck.testing', 'claimcheck.expectations', 'claimcheck.rule_cases') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parent)
    assert out.stdout.strip() == "[]"
