"""One start-up, measured from inside a fresh process: `startup.py send|bare RESULT.json`.

bench/run.py starts this script once per sample, so every import counts, exactly as when an
adviser starts send-tui. Both apps are started the same way (headless, 80x24) and exit as soon
as their first screen has been painted and the app is idle, so the only difference between the
two runs is the app itself. The result (JSON) gives the monotonic clock readings, which on Linux
and macOS are comparable with the parent's, the first screen's class and the heavy modules
loaded by then, and the peak memory.
"""

from __future__ import annotations

import time

FIRST_LINE = time.monotonic()

import json  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

#: Modules send-tui must not import until an adviser saves a letter or a calendar.
HEAVY_MODULES = ("docx", "icalendar")


def _bare_app_factory() -> Callable[[], Any]:
    """The baseline: the smallest app with the same frame (Header, Static, Footer)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello from a bare Textual app.")
            yield Footer()

    return BareApp


def _send_app_factory() -> Callable[[], Any]:
    from send_tui.app import make_app

    return make_app


def peak_rss_kb() -> int:
    """This process's peak resident memory, in kB.

    VmHWM, not `ru_maxrss`: Linux carries ru_maxrss across exec, so a child started from the
    benchmark (a big process) would report the benchmark's peak rather than its own.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


async def _until_settled_in(app: Any) -> None:
    """Wait for send-tui's quiet moment after start-up (the wizard built ahead, the CSS cache
    written): what every start but an adviser's very first finds on disk."""
    import asyncio

    from send_tui.app import WIZARD

    for _ in range(200):
        if app.is_screen_installed(WIZARD) and app._wizard_mounted is None:
            break
        await asyncio.sleep(0.05)


def main(which: str, result_path: Path) -> None:
    """`send` or `bare`: start, paint, exit. `send-settled`: start send-tui and let it settle
    in before exiting (the benchmark's first, untimed start, which fills its caches)."""
    settle = which == "send-settled"
    factory = _send_app_factory() if which.startswith("send") else _bare_app_factory()
    imported = time.monotonic()
    app = factory()  # send-tui reads its settings and loads and checks its content here
    built = time.monotonic()
    marks: dict[str, Any] = {}

    async def first_screen(pilot: object) -> None:
        # Called once the app is mounted; wait until the first screen is painted and idle.
        await app.screen.wait_for_refresh()
        marks["ready"] = time.monotonic()
        marks["screen"] = type(app.screen).__name__
        if settle:
            await _until_settled_in(app)
        app.exit()

    app.run(headless=True, size=(80, 24), auto_pilot=first_screen)
    result = {
        "first_line": FIRST_LINE,
        "imported": imported,
        "built": built,
        "ready": marks.get("ready"),
        "screen": marks.get("screen"),
        "exited": time.monotonic(),
        "heavy_loaded": [name for name in HEAVY_MODULES if name in sys.modules],
        "peak_rss_kb": peak_rss_kb(),
    }
    result_path.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
