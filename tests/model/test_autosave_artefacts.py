"""A save killed mid-write leaves no temp file for long, and ctrl+n leaves nothing of the call.

Walked with a real process killed inside the write (the way a closed terminal or a crash ends
one): its `.part` file holds the child's details, so it must go at the next save, at start-up,
on quitting and on a new client, whatever its age, but never while a save is still writing it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.autosave import Autosave
from tests.sessions import complaint_session, shipped

REPO = Path(__file__).resolve().parents[2]

#: A save that stops inside the write (fsync never returns) until it is killed.
_STUCK_SAVE = """
import os, sys, time
from pathlib import Path
from send_tui.model import storage

def stuck(fd):
    print("writing", flush=True)
    time.sleep(120)

os.fsync = stuck
storage.write_atomic(Path(sys.argv[1]), b"child: Sam Smith\\n" * 1000, overwrite=True)
"""

pytestmark = pytest.mark.posix  # kills with SIGKILL


def _stuck_save(target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _STUCK_SAVE, str(target)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.stdout is not None
    child.stdout.close()


@pytest.fixture
def autosave(tmp_path: Path) -> Autosave:
    return Autosave(tmp_path / "data")


def test_a_killed_autosave_leaves_a_part_that_start_up_removes_at_once(autosave: Autosave) -> None:
    autosave.folder.mkdir()
    child = _stuck_save(autosave.path)
    [part] = autosave.artefacts()
    assert str(child.pid) in part.name
    # While the save is running, its temp file is not touched.
    autosave.tidy()
    assert part.exists()
    _kill(child)
    assert part.exists() and time.time() - part.stat().st_mtime < storage.STALE_PART_SECONDS
    # The next start: no age to wait for, the process that wrote it has gone.
    assert autosave.pending(shipped()) == (None, None)
    assert autosave.artefacts() == []


def test_a_killed_save_of_a_summary_is_removed_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "call.toml"
    _kill(_stuck_save(target))
    assert storage.part_files(target)
    storage.write_atomic(target, b"whole", overwrite=True)
    assert storage.part_files(target) == []
    assert target.read_bytes() == b"whole"


def test_new_client_removes_the_autosave_and_every_artefact(autosave: Autosave) -> None:
    assert autosave.save(complaint_session()) is None
    _kill(_stuck_save(autosave.path))
    (autosave.folder / "autosave.toml.unreadable-1").write_text("Sam Smith", encoding="utf-8")
    autosave.clear()
    assert list(autosave.folder.iterdir()) == []


def test_quitting_keeps_the_autosave_but_removes_the_rest(autosave: Autosave) -> None:
    assert autosave.save(complaint_session()) is None
    _kill(_stuck_save(autosave.path))
    (autosave.folder / "autosave.toml.unreadable-1").write_text("Sam Smith", encoding="utf-8")
    autosave.tidy()
    assert [p.name for p in autosave.folder.iterdir()] == ["autosave.toml"]


def test_a_temp_file_of_this_process_with_no_save_running_is_stale(tmp_path: Path) -> None:
    target = tmp_path / "call.toml"
    leftover = tmp_path / f".call.toml.{os.getpid()}-abc.part"
    leftover.write_text("half")
    assert storage.remove_stale_parts(target) == [leftover]


def test_an_old_style_temp_file_waits_for_the_age_rule(tmp_path: Path) -> None:
    target = tmp_path / "call.toml"
    young = tmp_path / ".call.toml.abc123.part"
    young.write_text("half")
    assert storage.remove_stale_parts(target) == []
    old = time.time() - storage.STALE_PART_SECONDS - 60
    os.utime(young, (old, old))
    assert storage.remove_stale_parts(target) == [young]
