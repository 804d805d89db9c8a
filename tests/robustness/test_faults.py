"""Faults an adviser's desktop throws at a save: a crash mid-write, a read-only folder, a full disk,
and no network at all. Each must leave the old file or the new one (never half of one), say what
went wrong in words an adviser can act on, and never take the app down.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from send_tui.app import make_app
from send_tui.model import storage
from send_tui.model.outputs import save_outputs
from send_tui.model.record import load_record, save_record
from tests.robustness.counts import RobustnessCounts
from tests.sessions import TODAY, complaint_session, shipped

REPO = Path(__file__).resolve().parents[2]

# --- a process killed while saving ---------------------------------------------------------

#: A child that rewrites one file for ever, each version whole and self-checking: a header with
#: the version number and the SHA-256 of the body. It says "ready" once the first is written.
_REWRITER = """
import hashlib, sys
from pathlib import Path
from send_tui.model.storage import write_atomic

path, size = Path(sys.argv[1]), int(sys.argv[2])
number = 0
while True:
    body = f"{number:08d}".encode() * (size // 8)
    header = f"version {number} sha256 {hashlib.sha256(body).hexdigest()}\\n".encode()
    write_atomic(path, header + body, overwrite=True)
    if number == 0:
        print("ready", flush=True)
    number += 1
"""
KILLS = 8
FILE_SIZE = 4 * 1024 * 1024  # big enough that a kill usually lands inside a write


def complete_version(data: bytes) -> int | None:
    """The version number if `data` is one whole version; None if it is partial or damaged."""
    header, _, body = data.partition(b"\n")
    parts = header.split()
    if len(parts) != 4 or parts[0] != b"version" or parts[2] != b"sha256":
        return None
    if hashlib.sha256(body).hexdigest().encode() != parts[3]:
        return None
    return int(parts[1])


@pytest.mark.posix
def test_a_process_killed_while_saving_leaves_a_whole_version(tmp_path: Path, counts: RobustnessCounts) -> None:
    target = tmp_path / "record.toml"
    rng = random.Random(8)
    seen: list[int] = []
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", _REWRITER, str(target), str(FILE_SIZE)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        counts.add("faults injected")
        version = complete_version(target.read_bytes())
        assert version is not None, "the file holds a partial or damaged version"
        seen.append(version)
    # the kills came while writing was going on, not before the first save or after the last
    assert max(seen) > 0
    # and the next save removes every temp file the killed ones left, however new
    storage.write_atomic(target, b"after", overwrite=True)
    assert storage.part_files(target) == []


# --- a folder that cannot be written -------------------------------------------------------


def _raise(number: int) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise OSError(number, os.strerror(number))

    return fail


@pytest.fixture
def existing(tmp_path: Path) -> Path:
    """A saved file that a failed save must leave exactly as it was."""
    path = tmp_path / "saved" / "summary.txt"
    path.parent.mkdir()
    path.write_text("the old summary", encoding="utf-8")
    return path


def _leftovers(folder: Path, keep: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p != keep]


@pytest.mark.parametrize(
    ("where", "number", "words"),
    [
        ("mkstemp", errno.EACCES, "not writable"),  # a read-only folder refuses the temp file
        ("replace", errno.EPERM, "open in another program"),  # Windows: Word holds the old file
        ("replace", errno.EROFS, "not writable"),  # a read-only file system
        ("write", errno.ENOSPC, "full"),  # the disk fills up mid-write
        ("fsync", errno.EDQUOT, "quota"),
    ],
)
def test_a_failed_write_keeps_the_old_file_and_says_why(
    existing: Path, where: str, number: int, words: str, monkeypatch: pytest.MonkeyPatch, counts: RobustnessCounts
) -> None:
    module = tempfile if where == "mkstemp" else os
    monkeypatch.setattr(module, where, _raise(number))
    with pytest.raises(storage.SaveError) as failure:
        storage.write_atomic(existing, "the new summary", overwrite=True)
    monkeypatch.undo()
    counts.add("faults injected")
    assert words in str(failure.value)
    assert existing.read_text(encoding="utf-8") == "the old summary"
    assert _leftovers(existing.parent, existing) == []  # the temp file was removed


def test_a_disk_that_fills_after_part_of_a_file_keeps_the_old_file(
    existing: Path, monkeypatch: pytest.MonkeyPatch, counts: RobustnessCounts
) -> None:
    real_write = os.write
    calls = 0

    def half_then_full(handle: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            return real_write(handle, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(storage.SaveError, match="full"):
        storage.write_atomic(existing, "x" * 100_000, overwrite=True)
    monkeypatch.undo()
    counts.add("faults injected")
    assert existing.read_text(encoding="utf-8") == "the old summary"
    assert _leftovers(existing.parent, existing) == []


def test_a_folder_that_is_a_file_is_refused_in_words(tmp_path: Path, counts: RobustnessCounts) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    counts.add("faults injected")
    with pytest.raises(storage.SaveError, match="not a folder"):
        storage.write_atomic(not_a_folder / "summary.txt", "text")
    with pytest.raises(storage.SaveError):
        save_record(complaint_session(), not_a_folder / "call.toml")
    assert not_a_folder.read_text(encoding="utf-8") == "a file, not a folder"


@pytest.mark.parametrize("failing_write", [1, 2, 3, 4])
def test_a_save_that_fails_part_way_leaves_no_half_set(
    tmp_path: Path, failing_write: int, monkeypatch: pytest.MonkeyPatch, counts: RobustnessCounts
) -> None:
    """The summary, letter and record are one set: a failure on any one removes the others."""
    folder = tmp_path / "saved"
    folder.mkdir()
    real_replace = os.replace
    calls = 0

    def replace_until(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == failing_write:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace_until)
    with pytest.raises(storage.SaveError, match="full"):
        save_outputs(complaint_session(), folder, "call", TODAY)
    monkeypatch.undo()
    counts.add("faults injected")
    assert list(folder.iterdir()) == []


async def test_a_save_from_the_app_into_a_read_only_folder_says_so_and_keeps_running(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch, counts: RobustnessCounts
) -> None:
    """ctrl+s, then ctrl+s to save: the dialog shows the problem; nothing is written, nothing crashes."""
    monkeypatch.setattr(tempfile, "mkstemp", _raise(errno.EACCES))
    counts.add("faults injected")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("1", "4", "1", "ctrl+s", "ctrl+s"):
            await pilot.press(key)
            await pilot.pause()
        counts.add("keys pressed", 5)
        assert app._exception is None and app.is_running
        assert type(app.screen).__name__ == "SaveDialog"  # still open, so nothing typed is lost
        assert "not writable" in str(app.screen.query_one("#problem").render())
    saved = isolated_paths / "saved"
    assert not saved.exists() or list(saved.iterdir()) == []


# --- no network ------------------------------------------------------------------------------


@contextmanager
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse every network call (local sockets, which asyncio uses, still work); yield attempts."""
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def refuse(what: str) -> Callable[..., Any]:
        def blocked(*args: object, **_kwargs: object) -> Any:
            attempts.append(f"{what}{args[:2]!r}")
            raise OSError(errno.ENETUNREACH, f"network blocked by the test: {what}")

        return blocked

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        return refuse("connect")(address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts


async def test_a_whole_call_works_with_no_network(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch, counts: RobustnessCounts
) -> None:
    """A call from start to saved files, with a look-up, and the app never reaches for the network."""
    with no_network(monkeypatch) as attempts:
        counts.add("faults injected")
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            # a complaint about a school, its letter started, then a look-up from the palette
            keys = ["1", "4", "1", "f5", *"Ms Jones", "escape", "ctrl+p", *"mediation", "enter"]
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            counts.add("keys pressed", len(keys))
            looked_up = getattr(app.screen, "preview", False) or type(app.screen).__name__ == "GlossaryScreen"
            assert looked_up, f"the look-up opened nothing: {app.screen!r}"
            await pilot.press("escape", "ctrl+s", "ctrl+s")
            await pilot.pause()
            counts.add("keys pressed", 3)
            assert app._exception is None and app.is_running
        saved = sorted(p.name for p in (isolated_paths / "saved").iterdir())
        assert any(name.endswith(".html") for name in saved), saved
        assert any(name.endswith(".toml") for name in saved), saved
        # the saved record opens again, still offline
        record = next(isolated_paths.joinpath("saved").glob("*.toml"))
        assert load_record(record, shipped()).answers["complaint_about"] == "school"
    assert attempts == []
