"""claimcheck_xfail: cases expected to fail for now run as strict xfails."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFIG = '[tool.pytest.ini_options]\nclaimcheck_cases = ["cases"]\nclaimcheck_xfail = ["cases/bridge"]\n'


def test_a_listed_case_that_fails_is_an_expected_failure(project: pytest.Pytester, bridge: Path, plant_wrong_year) -> None:
    project.makepyprojecttoml(CONFIG)
    plant_wrong_year(bridge)
    result = project.runpytest("-rx")
    result.assert_outcomes(xfailed=1)
    result.stdout.fnmatch_lines(
        ["expected to fail for now (claimcheck_xfail): cases/bridge", "XFAIL cases/bridge - cases/bridge is listed in claimcheck_xfail"]
    )


def test_a_listed_case_that_passes_fails_the_run(project: pytest.Pytester) -> None:
    project.makepyprojecttoml(CONFIG)
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*cases/bridge is listed in claimcheck_xfail*"])


def test_a_listed_folder_that_does_not_exist_is_a_usage_error(project: pytest.Pytester) -> None:
    project.makepyprojecttoml(CONFIG.replace("cases/bridge", "cases/brige"))
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*claimcheck_xfail: no such case folder: *cases/brige"])
