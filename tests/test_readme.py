"""The README's Python examples run as written, against the package's public names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import claimcheck

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_has_python_examples() -> None:
    assert _python_blocks()


@pytest.mark.parametrize("index", range(len(_python_blocks())))
def test_readme_python_example_runs(index: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)  # the examples use paths relative to the checkout
    exec(compile(_python_blocks()[index], f"README.md python block {index}", "exec"), {})
    assert capsys.readouterr().out.strip(), "a README example should show some output"


def test_public_api_names_resolve() -> None:
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name
    assert callable(claimcheck.compare) and callable(claimcheck.extract)
