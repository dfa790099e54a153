"""Intervals as users write them ("15m", "30s", "1h", "90") and the loop that repeats a poll."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from sitrep.errors import ConfigError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


def parse_interval(text: str, option: str = "--every") -> float:
    """Seconds in "15m", "30s", "1h", "1d" or a bare number of seconds; at least one second."""
    found = _INTERVAL.fullmatch(text.strip().lower())
    if not found:
        raise ConfigError(f"{option} takes an interval like 30s, 15m or 1h, not {text!r}")
    seconds = float(found.group(1)) * _UNITS[found.group(2) or "s"]
    if seconds < 1:
        raise ConfigError(f"{option} must be at least one second, not {text!r}")
    return seconds


def repeat(poll: Callable[[], None], every: float | None, rounds: int | None = None,
           sleep: Callable[[float], None] = time.sleep) -> int:  # fmt: skip
    """Run `poll` once, or every `every` seconds (measured start to start) until interrupted or
    `rounds` polls are done; the number of polls run."""
    done = 0
    while True:
        started = time.monotonic()
        poll()
        done += 1
        if every is None or (rounds is not None and done >= rounds):
            return done
        sleep(max(0.0, every - (time.monotonic() - started)))
