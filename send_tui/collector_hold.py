"""The garbage collector held off from a key until the frame it changed is painted.

Python runs a young-generation collection every 700 new container objects. A key that sets
out the next step makes thousands (strips, segments, Textual's messages), so the collector
ran about 13 times in the middle of drawing it: 1.1 ms of a 15 ms key on average, 3 ms at the
95th percentile (gc callbacks timed within each key on the shipped paths). Held from the key
to its frame, it runs
once, after the frame, over what the key left behind, while the adviser reads the screen.
Textual does the same while it scrolls (`App.PAUSE_GC_ON_SCROLL`).

It is let go shortly after the frame rather than at it: the terminal driver writes the frame
from a thread of its own, which needs the interpreter, so the collection waits until the event
loop next sleeps. A key that paints nothing lets it go after `AT_MOST_SECONDS`, and keys that
come faster than that (a held-down key) are not held more than that at a stretch; the
collector is never left off when the app stops (`release`).
"""

from __future__ import annotations

import asyncio
import gc

#: From the painted frame to the collection: long enough for the event loop to sleep once.
AFTER_FRAME_SECONDS = 0.01
#: The longest the collector is held at a stretch, frame or not.
AT_MOST_SECONDS = 0.25


class CollectorHold:
    """Holds the collector off from `hold` (a key) until soon after `frame_painted`."""

    def __init__(self) -> None:
        self._held = False
        self._release: asyncio.TimerHandle | None = None

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        """A key has come: no collection until its frame is painted, or `AT_MOST_SECONDS`.

        A key while the collector is already held (typed within the last key's frame) leaves
        the stretch as it is, so it never runs longer than `AT_MOST_SECONDS`. A collector
        someone else turned off is left alone.
        """
        if self._held or not gc.isenabled():
            return
        gc.disable()
        self._held = True
        self._release = asyncio.get_running_loop().call_later(AT_MOST_SECONDS, self.release)

    def frame_painted(self) -> None:
        """The key's frame is on its way to the terminal: collect once the loop next sleeps."""
        if not self._held or self._release is None:
            return
        loop = asyncio.get_running_loop()
        due = loop.time() + AFTER_FRAME_SECONDS
        if due < self._release.when():
            self._release.cancel()
            self._release = loop.call_at(due, self.release)

    def release(self) -> None:
        """Let the collector run again (it collects at the next allocation)."""
        if self._release is not None:
            self._release.cancel()
            self._release = None
        if self._held:
            self._held = False
            gc.enable()
