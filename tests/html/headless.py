"""Headless Chromium for the HTML report's tests: the DOM after a page has run, and screenshots."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Without the background-networking switches Chromium dials out at start, and
# this machine's closed network refuses it (docs: machines/python.md).
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--mute-audio",
)


@dataclass
class Browser:
    """Headless Chromium run once per call: the DOM after the page has run, or a screenshot."""

    executable: str
    workdir: Path

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        profile = self.workdir / f"profile-{len(list(self.workdir.glob('profile-*')))}"
        command = [self.executable, *_FLAGS, f"--user-data-dir={profile}", *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, f"chromium failed ({result.returncode}): {result.stderr[-2000:]}"
        return result

    def dump_dom(self, page: Path) -> str:
        """The serialized DOM of `page` once it has loaded (and run whatever it runs)."""
        return self._run("--dump-dom", page.resolve().as_uri()).stdout

    def screenshot(self, page: Path, target: Path, size: tuple[int, int]) -> Path:
        """A PNG of the top `size` (width, height) of `page`."""
        self._run(f"--screenshot={target}", f"--window-size={size[0]},{size[1]}", page.resolve().as_uri())
        return target
