"""pytest loads the plugin in every run of a project with claimcheck installed: it must stay light.

Importing ``claimcheck.pytest_plugin`` (and the package above it) loads no
part of the pipeline; the package's public names are imported when first
used, and ``claimcheck.compare``, ``check`` and ``extract`` stay the functions
even after the submodules of the same names are imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import claimcheck

PIPELINE = ["claimcheck.compare", "claimcheck.report", "claimcheck.expectations", "claimcheck.testing", "pydantic", "yaml", "rapidfuzz"]


def _run(code: str) -> object:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_importing_the_plugin_loads_none_of_the_pipeline() -> None:
    loaded = _run(
        f"""
        import json, sys
        import pytest
        before = set(sys.modules)
        import claimcheck.pytest_plugin
        new = sorted(set(sys.modules) - before)
        print(json.dumps({{"pipeline": [m for m in {PIPELINE!r} if m in sys.modules], "new": new}}))
        """
    )
    assert isinstance(loaded, dict)
    assert loaded["pipeline"] == []
    assert loaded["new"] == ["claimcheck", "claimcheck._version", "claimcheck.pytest_plugin"]


def test_the_functions_keep_their_names_after_their_modules_are_imported() -> None:
    kinds = _run(
        """
        import json, types
        import claimcheck
        import claimcheck.check, claimcheck.compare, claimcheck.extract.pipeline
        from claimcheck import check, compare, extract
        names = {"check": check, "compare": compare, "extract": extract}
        print(json.dumps({n: [type(f).__name__, getattr(claimcheck, n) is f] for n, f in names.items()}))
        """
    )
    assert kinds == {n: ["function", True] for n in ("check", "compare", "extract")}


def test_every_public_name_resolves() -> None:
    for name in claimcheck.__all__:
        assert getattr(claimcheck, name) is not None, name
    assert set(claimcheck.__all__) <= set(dir(claimcheck))
    assert not hasattr(claimcheck, "no_such_name")
