"""claimcheck's pytest plugin: regression cases of known discrepancies (docs/pytest-plugin.md).

pytest loads this module in every run of any project that has claimcheck
installed (entry point ``pytest11``), so it imports nothing of claimcheck's
pipeline until it is used, and it does nothing until configured: name the
folder of cases with the ``claimcheck_cases`` ini option or the
``--claimcheck-cases`` flag, and every case folder below it is collected as a
test item named after the folder. A case folder holds sources and an
``expected.yaml``; the item fails, with the difference in plain text, when
claimcheck's discrepancies are not the expected ones. ``--claimcheck-update``
writes the expectations from the current output instead.

Always available: the ``claimcheck_compare`` fixture, and an explanation of
failed ``assert report == claimcheck.testing.expected(...)`` comparisons.
``-p no:claimcheck`` turns the plugin off.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest

if TYPE_CHECKING:
    from .config import Config
    from .model import Source
    from .report import Report
    from .testing import CaseResult

__all__ = ["Case", "CaseFolder", "CaseFailure", "claimcheck_compare"]

_PROPERTY = "claimcheck"


class _Run:
    """The plugin's state for one pytest run (kept in ``config.stash``), and its reporting hooks."""

    def __init__(self, config: pytest.Config, roots: list[Path], xfail: list[Path]) -> None:
        self.config = config
        self.roots = roots
        self.xfail = xfail
        self.update: bool = config.getoption("claimcheck_update")
        self.results: list[dict[str, Any]] = []

    def display(self, path: str | Path) -> str:
        """A path as pytest shows it: relative to the rootdir when it is inside."""
        return _relative(Path(path), self.config.rootpath)

    def command_path(self, path: Path) -> str:
        """A path to type on the command line, from where pytest was started."""
        return _relative(path, self.config.invocation_params.dir)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            if isinstance(item, Case) and _absolute(item.path) in self.xfail:
                item.add_marker(
                    pytest.mark.xfail(reason=f"{self.display(item.path)} is listed in claimcheck_xfail", strict=True)
                )

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # Results travel in user_properties, so that they also reach the
        # controller when pytest-xdist runs the cases in worker processes.
        if report.when == "call":
            self.results.extend(cast("dict[str, Any]", value) for name, value in report.user_properties if name == _PROPERTY)

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.results:
            return
        write = terminalreporter.write_line
        terminalreporter.write_sep("-", "claimcheck")
        results = sorted(self.results, key=lambda r: r["case"])
        write(f"{len(results)} case{'s' if len(results) != 1 else ''} checked")
        missed = [(r["case"], m) for r in results for m in r["missed"]]
        if missed:
            write(f"{len(missed)} known miss{'es' if len(missed) != 1 else ''} (expected, still not found):")
            for case, text in missed:
                write(f"  {case}: {text}")
        listed = [self.display(p) for p in self.xfail]
        if listed:
            write(f"expected to fail for now (claimcheck_xfail): {', '.join(listed)}")
        if self.update:
            written = [r for r in results if r["written"]]
            for r in written:
                write(f"  {r['written']} {r['file']} ({r['changes']})")
            unchanged = len(results) - len(written)
            write(f"{len(written)} expectation file{'s' if len(written) != 1 else ''} written, {unchanged} unchanged")


_RUN = pytest.StashKey[_Run]()


class CaseFailure(Exception):
    """A case whose discrepancies differ from its expectations (the text says how)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    """Options under "claimcheck" (https://docs.pytest.org/en/stable/reference/reference.html#pytest.hookspec.pytest_addoption)."""
    group = parser.getgroup("claimcheck", "claimcheck regression cases (docs/pytest-plugin.md)")
    group.addoption(
        "--claimcheck-cases",
        action="append",
        default=[],
        dest="claimcheck_cases",
        metavar="PATH",
        help="collect every case folder below PATH as a test (repeatable; replaces the claimcheck_cases ini option)",
    )
    group.addoption(
        "--claimcheck-update",
        action="store_true",
        default=False,
        dest="claimcheck_update",
        help="write or rewrite each collected case's expected.yaml from claimcheck's current output",
    )
    parser.addini("claimcheck_cases", type="paths", default=[], help="folders of claimcheck regression cases")
    parser.addini(
        "claimcheck_xfail", type="paths", default=[], help="claimcheck case folders expected to fail for now (strict xfail)"
    )


def pytest_configure(config: pytest.Config) -> None:
    """Turn the plugin on when case folders are configured; check them."""
    flags = config.getoption("claimcheck_cases")
    if flags:
        origin = "--claimcheck-cases"
        roots = [_absolute(config.invocation_params.dir / p) for p in flags]
    else:
        origin = "claimcheck_cases"
        roots = [_absolute(p) for p in config.getini("claimcheck_cases")]
    if not roots:
        if config.getoption("claimcheck_update"):
            raise pytest.UsageError(
                "--claimcheck-update: no claimcheck cases configured "
                "(set claimcheck_cases in the pytest configuration, or pass --claimcheck-cases PATH)"
            )
        return
    for root in roots:
        if not root.is_dir():
            raise pytest.UsageError(f"{origin}: no such folder: {root}")
    xfail = [_absolute(p) for p in config.getini("claimcheck_xfail")]
    for path in xfail:
        if not path.is_dir():
            raise pytest.UsageError(f"claimcheck_xfail: no such case folder: {path}")
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        searched = [_absolute(config.invocation_params.dir / a) for a in config.args]
        for root in roots:
            if not any(_within(root, s) or _within(s, root) for s in searched):
                config.issue_config_time_warning(
                    pytest.PytestConfigWarning(
                        f"{origin}: {_relative(root, config.rootpath)} is not under testpaths, so its cases are "
                        "never collected; add it to testpaths"
                    ),
                    stacklevel=2,
                )
    run = _Run(config, roots, xfail)
    config.stash[_RUN] = run
    config.pluginmanager.register(run, "claimcheck-run")


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Case roots, and the folders below them, collect their case folders as items."""
    run = parent.config.stash.get(_RUN, None)
    if run is None:
        return None
    path = _absolute(path)
    if path in run.roots:
        return CaseFolder.from_parent(parent, path=path)
    if isinstance(parent, CaseFolder) and not (path / "__init__.py").exists() and not _is_case(path):
        return CaseFolder.from_parent(parent, path=path)
    return None


class CaseFolder(pytest.Dir):  # type: ignore[misc]  # Dir is final to type checkers; its collect() of ordinary files is what we extend
    """A configured case root, or a folder below one: its case folders become `Case` items.

    Anything else in it is collected as pytest would anyway.
    """

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        run = self.config.stash[_RUN]
        if _absolute(self.path) in run.roots and _has_expectations(self.path):
            # The root is itself a case.
            yield Case.from_parent(self, name=self.path.name, path=self.path)
            return
        for node in super().collect():
            if isinstance(node, pytest.Directory) and _is_case(node.path):
                # The item's node id is the folder's path, so that the id pytest
                # prints can be passed back to it (a folder's id cannot carry "::name").
                yield Case.from_parent(self, name=node.path.name, path=node.path, nodeid=node.nodeid)
            else:
                yield node


class Case(pytest.Item):
    """One regression case: a folder of sources and its expected.yaml."""

    def runtest(self) -> None:
        from .testing import discrepancies_phrase, render_outcome, run_case

        run = self.config.stash[_RUN]
        result = run_case(self.path, update=run.update)
        self.user_properties.append((_PROPERTY, _payload(run, result)))
        update_hint = (
            "If claimcheck is right and the expectations are out of date: "
            f"pytest --claimcheck-update {run.command_path(self.path)}"
        )
        if result.expectations is None:
            raise CaseFailure(
                render_outcome(
                    result.outcome,
                    result.report,
                    title=f"claimcheck case {self.name}",
                    summary=(
                        f"no expectations file ({run.display(result.path)}); "
                        f"claimcheck finds {discrepancies_phrase(len(result.outcome.unexpected))}"
                    ),
                    display=run.display,
                    hint=(
                        f"To create it from this output: pytest --claimcheck-update {run.command_path(self.path)}\n"
                        "then read every entry and check it by hand (docs/pytest-plugin.md)."
                    ),
                )
            )
        if not run.update and not result.outcome.passed:
            raise CaseFailure(
                render_outcome(
                    result.outcome,
                    result.report,
                    title=f"claimcheck case {self.name}",
                    path=result.path,
                    display=run.display,
                    hint=update_hint,
                )
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        """The difference for a failed case; one line for a problem in its files; a traceback for a bug."""
        from .errors import ClaimcheckError

        if isinstance(excinfo.value, CaseFailure):
            return str(excinfo.value)
        error = excinfo.value
        if isinstance(error, ClaimcheckError):
            where = self.config.stash[_RUN].display(error.path) if error.path else ""
            if where and error.line is not None:
                where = f"{where}:{error.line}"
            return f"claimcheck case {self.name}: {where + ': ' if where else ''}{error.problem}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"claimcheck case {self.name}"


def _payload(run: _Run, result: CaseResult) -> dict[str, Any]:
    missed = []
    for entry in result.outcome.still_missed:
        missed.append(f"{entry.describe()} — missed: {entry.missed}")
    return {
        "case": run.display(result.folder),
        "file": run.display(result.path),
        "missed": missed,
        "written": result.written,
        "changes": result.changes,
    }


@pytest.fixture
def claimcheck_compare(request: pytest.FixtureRequest) -> Callable[..., Report]:
    """Run claimcheck's ``compare`` on folders, files or `Source` objects and return the report.

    ``claimcheck_compare("fixtures/ceasefire")``, ``claimcheck_compare(sources,
    config={"ignore": ["CC202"]})``. Relative paths are taken from the rootdir.
    """
    root = request.config.rootpath

    def run(*sources: str | Path | Source | Iterable[str | Path | Source], config: Config | dict[str, Any] | None = None) -> Report:
        from .compare import compare
        from .config import Config
        from .model import Source

        items: list[Source | Path] = []
        for given in _flatten(sources):
            items.append(given if isinstance(given, Source) else root / Path(given))
        settings = Config.model_validate(config) if isinstance(config, dict) else config
        return compare(items, config=settings)

    return run


def pytest_assertrepr_compare(config: pytest.Config, op: str, left: object, right: object) -> list[str] | None:
    """Explain ``report == expected(...)`` with the missing and unexpected discrepancies."""
    testing = sys.modules.get("claimcheck.testing")
    if testing is None or op != "==":
        return None
    from .report import Report

    if isinstance(left, Report) and isinstance(right, testing.Expected):
        report, wanted = left, right
    elif isinstance(right, Report) and isinstance(left, testing.Expected):
        report, wanted = right, left
    else:
        return None
    outcome = testing.match(report, wanted.expectations)
    text: str = testing.render_outcome(outcome, report, title="claimcheck discrepancies", path=wanted.expectations.path)
    return text.splitlines()


def _flatten(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, (str, Path)) or not isinstance(item, Iterable):
            yield item
        else:
            yield from item


def _has_expectations(path: Path) -> bool:
    from .expectations import EXPECTATIONS_FILE

    return (path / EXPECTATIONS_FILE).is_file()


def _is_case(path: Path) -> bool:
    """A case folder: it holds an expected.yaml, or source files of its own."""
    from .sources import _is_source_name

    if path.name.startswith((".", "_")) or not path.is_dir():
        return False
    if _has_expectations(path):
        return True
    return any(p.is_file() and not p.name.startswith((".", "_")) and _is_source_name(p) for p in path.iterdir())


def _absolute(path: str | Path) -> Path:
    return Path(os.path.normpath(os.path.abspath(path)))


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _relative(path: Path, base: Path) -> str:
    path = _absolute(path)
    return path.relative_to(base).as_posix() if _within(path, base) and path != base else str(path)
