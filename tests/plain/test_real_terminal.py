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


def test_plain_mode_in_a_pty(isolated_paths: Path) -> None:
    import pty
    import select

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
    pending = [f"{line}\n".encode() for line in CALL]
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
                # Type the next line only once a prompt is waiting, as a person would.
                if pending and output.rstrip().endswith((b":", b"help:")):
                    os.write(master, pending.pop(0))
            elif process.poll() is not None:
                break
    finally:
        os.close(master)
        process.wait(timeout=30)
    text = output.decode("utf-8", "replace")
    assert process.returncode == 0, text[-2000:]
    assert "Note: Saved in" in text and "Goodbye." in text
    assert "\x1b" not in text  # no colour, no cursor movement
    assert _saved(isolated_paths) == {".html", ".txt", ".md", ".toml"}
