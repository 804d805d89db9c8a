"""A short call to a saved summary in a real process: under TERM=dumb with pipes, and in a pty."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only (pty, TERM)")

CALL = ["1", "4", "1", "save", "", "", "no", "quit"]


def _saved(home: Path) -> set[str]:
    return {p.suffix for p in (home / "saved").iterdir()}


def test_term_dumb_starts_plain_mode_and_saves_a_summary(isolated_paths: Path) -> None:
    env = {**os.environ, "TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-m", "send_tui"],
        input="".join(f"{line}\n" for line in CALL),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "send-tui, plain mode" in done.stdout and "Note: Saved in" in done.stdout
    assert "\x1b" not in done.stdout and done.stderr == ""
    assert _saved(isolated_paths) == {".html", ".txt", ".md", ".toml"}


def _in_a_pty(lines: list[str | None]) -> tuple[int, str]:
    """Run plain mode in a pty, typing each line once a prompt waits (None: ctrl+c's SIGINT)."""
    import pty
    import select
    import signal

    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "send_tui", "--plain"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"},
        close_fds=True,
    )
    os.close(slave)
    output = b""
    pending = list(lines)
    answered = 0  # how much had been printed when the last line was typed
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the process has gone: the pty is closed
                    break
                if not chunk:
                    break
                output += chunk
                # Type the next line only once a new prompt waits (it ends ": ", a line of text
                # ends with a newline), as a person would: a SIGINT is not queued behind typed
                # lines, so it must not be sent early.
                if pending and len(output) > answered and output.endswith(b": "):
                    answered = len(output)
                    line = pending.pop(0)
                    if line is None:
                        process.send_signal(signal.SIGINT)
                    else:
                        os.write(master, f"{line}\n".encode())
            elif process.poll() is not None:
                break
    finally:
        os.close(master)
        process.wait(timeout=30)
    return process.returncode, output.decode("utf-8", "replace")


def test_plain_mode_in_a_pty(isolated_paths: Path) -> None:
    returncode, text = _in_a_pty(list(CALL))
    assert returncode == 0, text[-2000:]
    assert "Note: Saved in" in text and "Goodbye." in text
    assert "\x1b" not in text  # no colour, no cursor movement
    assert _saved(isolated_paths) == {".html", ".txt", ".md", ".toml"}


def test_ctrl_c_in_a_pty_asks_before_leaving(isolated_paths: Path) -> None:
    """A real SIGINT at a prompt asks, as quit does; the call goes on after no."""
    returncode, text = _in_a_pty(["1", "4", None, "no", None, "yes"])
    assert returncode == 0, text[-2000:]
    assert text.count("Quit anyway?") == 2 and "Staying." in text and "Goodbye." in text
    assert "Traceback" not in text
