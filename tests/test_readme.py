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


def test_readme_shows_real_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The pasted `claimcheck compare` run is what the command prints (an excerpt: each run of
    lines between the ellipsis lines is in the output), and the exit code the text states."""
    from claimcheck.cli import main

    block = re.search(r"```\n\$ (claimcheck compare [^\n]+)\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert block is not None
    command, shown = block.group(1), block.group(2)
    monkeypatch.chdir(ROOT)
    assert main(command.split()[1:]) == 1  # "It exits 1"
    printed = capsys.readouterr().out
    for part in shown.split("  …\n"):
        assert part in printed, f"README.md shows output `{command}` no longer prints:\n{part}"


def test_reading_a_report_shows_real_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every output block in docs/reading-a-report.md is a piece of what `claimcheck compare fixtures/ceasefire` prints."""
    from claimcheck.cli import main

    doc = (ROOT / "docs" / "reading-a-report.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\n(.*?)^```$", doc, flags=re.S | re.M)
    assert len(blocks) >= 4
    monkeypatch.chdir(ROOT)
    main(["compare", "fixtures/ceasefire"])
    printed = capsys.readouterr().out
    for block in blocks:
        assert block in printed, f"docs/reading-a-report.md shows output the command no longer prints:\n{block}"
