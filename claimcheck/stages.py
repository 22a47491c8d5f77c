"""Time per stage of a run, for benchmarks.

`check` marks the end of each of its stages on a `StageTimes` when given one
(bench/check_speed.py does); with none it marks nothing and costs nothing.
The stages are the work `check` itself does, in its own order, so their sum
is the time of the call. Each stage gets its wall time and its CPU time (the
process's, user and system): on a busy machine the wall time also counts the
other processes' turns on the core, the CPU time does not.
"""

from __future__ import annotations

import time

__all__ = ["StageTimes"]


class StageTimes:
    """Seconds spent in each named stage (wall and CPU), in the order the stages ended."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.start()

    def start(self) -> None:
        """Start counting the first stage now."""
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def mark(self, stage: str) -> None:
        """The stage named `stage` ends now (the time since the previous mark is added to it)."""
        wall, cpu = time.perf_counter(), time.process_time()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + wall - self._wall
        self.cpu_seconds[stage] = self.cpu_seconds.get(stage, 0.0) + cpu - self._cpu
        self._wall, self._cpu = wall, cpu
