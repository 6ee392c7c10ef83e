"""Progress for long work: one line on stderr, rewritten in place on a terminal, throttled."""

from __future__ import annotations

import sys
import time


class Progress:
    """Call ``update(text)`` as often as you like; it prints at most twice a second."""

    def __init__(self, label: str, *, enabled: bool = True, stream=None) -> None:
        self.label = label
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._shown = False

    def update(self, text: str, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.5:
            return
        self._last = now
        tty = getattr(self.stream, "isatty", lambda: False)()
        end = "\r" if tty else "\n"
        self.stream.write(f"{self.label}: {text}{end}")
        self.stream.flush()
        self._shown = tty

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
