"""A throwaway project with one regression case, for the plugin's tests.

The case, "bridge", is three short made-up reports of a footbridge collapse
that agree with each other; `plant_wrong_year` edits one of them so that it
gives the wrong year, which claimcheck reports as CC102.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# pytester's in-process runs drop the modules a run imports; imported here, the
# pipeline and hypothesis (which its pytest plugin imports at the end of every
# run) are imported once, not once per run (two seconds each).
import claimcheck.compare  # noqa: F401
import claimcheck.testing  # noqa: F401
import hypothesis  # noqa: F401

GAZETTE = """\
---
id: "gazette"
published: 2024-03-05
---
The footbridge over the Lune River collapsed on March 3, 2024, during the morning rush. Seven people were injured, the county said.
"""

HERALD = """\
---
id: "herald"
published: 2024-03-06
---
Rescue crews searched the water after the Lune River footbridge collapsed on March 3, 2024. County officials said seven people were injured in the collapse.
"""

COURIER = """\
---
id: "courier"
published: 2024-03-08
---
Engineers will inspect every crossing on the Lune River after the footbridge collapsed on March 3, 2024, the mayor said on Friday. Nobody was killed.
"""

#: The expectation for the bridge case once `plant_wrong_year` has run.
WRONG_YEAR = """\
discrepancies:
  - rule: CC102
    severity: error
    subjects:
      - source: herald
        quote: "March 3, 2023"
"""


def write_case(folder: Path, expected: str | None = "discrepancies: []\n") -> Path:
    """Write the bridge case's sources (and expected.yaml unless `expected` is None) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("gazette.md", GAZETTE), ("herald.md", HERALD), ("courier.md", COURIER)):
        (folder / name).write_text(text, encoding="utf-8")
    if expected is not None:
        (folder / "expected.yaml").write_text(expected, encoding="utf-8")
    return folder


def plant_wrong_year(folder: Path) -> None:
    """Edit herald's report so that it dates the collapse a year early."""
    path = folder / "herald.md"
    path.write_text(path.read_text(encoding="utf-8").replace("March 3, 2024", "March 3, 2023"), encoding="utf-8")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project whose pyproject.toml names cases/ as its claimcheck cases, with the bridge case in it."""
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nclaimcheck_cases = ["cases"]\n')
    write_case(pytester.path / "cases" / "bridge")
    return pytester


@pytest.fixture
def bridge(project: pytest.Pytester) -> Path:
    """The bridge case's folder."""
    return project.path / "cases" / "bridge"


@pytest.fixture(name="write_case")
def _write_case() -> object:
    """`write_case(folder, expected=...)`, for tests that need more than one case."""
    return write_case


@pytest.fixture(name="plant_wrong_year")
def _plant_wrong_year() -> object:
    """`plant_wrong_year(folder)`: make herald's report give the wrong year."""
    return plant_wrong_year


@pytest.fixture(name="wrong_year")
def _wrong_year() -> str:
    """The expectations that match the bridge case after `plant_wrong_year`."""
    return WRONG_YEAR
