"""Odd files where a record or an output goes: a dangling link, a pipe, a Notepad byte-order mark.

`render --to` a dangling symbolic link must ask for --force like any existing file; a FIFO given
as a record must be refused at once (it used to hang `open` and `render` for ever); and a record
saved again by Notepad, with a UTF-8 BOM, must open.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.autosave import Autosave
from send_tui.model.config import load_config
from send_tui.model.outputs import save_outputs
from send_tui.model.record import load_record, save_record
from tests.cli_run import run_cli
from tests.sessions import TODAY, complaint_session, shipped

REPO = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.posix  # symbolic links and FIFOs


@pytest.fixture
def record(tmp_path: Path) -> Path:
    return save_record(complaint_session(), tmp_path / "call.toml")


@posix_only
def test_render_to_a_dangling_link_asks_for_force(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to(tmp_path / "nowhere" / "target.txt")
    code, output = run_cli(capsys, "render", str(record), "--to", str(link))
    assert code == 1 and "already exists" in output and "--force" in output
    assert link.is_symlink()
    code, output = run_cli(capsys, "render", str(record), "--to", str(link), "--force")
    assert code == 0, output
    assert not link.is_symlink() and "Sam Smith" in link.read_text(encoding="utf-8")


@posix_only
def test_a_save_counts_a_dangling_link_as_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "call.txt").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(storage.FileExists) as refused:
        save_outputs(complaint_session(), tmp_path, "call", TODAY)
    assert "call.txt" in str(refused.value)


@posix_only
@pytest.mark.parametrize("command", ["open", "render"])
def test_a_fifo_as_a_record_is_refused_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "call.toml"
    os.mkfifo(fifo)
    argv = [sys.executable, "-m", "send_tui", command, str(fifo)]
    if command == "render":
        argv += ["--to", str(tmp_path / "out.txt")]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


@posix_only
def test_a_fifo_as_the_autosave_is_set_aside_at_start_up(tmp_path: Path) -> None:
    autosave = Autosave(tmp_path)
    os.mkfifo(autosave.path)
    pending, problem = autosave.pending(shipped())
    assert pending is None and problem is not None and "not a regular file" in problem


@posix_only
def test_a_fifo_as_the_settings_file_uses_the_defaults(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.toml")
    config, [problem] = load_config(tmp_path / "config.toml")
    assert "not a regular file" in problem


def test_a_record_saved_by_notepad_with_a_bom_opens(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    record.write_bytes(b"\xef\xbb\xbf" + record.read_bytes().replace(b"\n", b"\r\n"))
    assert load_record(record, shipped()).case.reference == "TH-0042"
    code, output = run_cli(capsys, "render", str(record), "--to", str(tmp_path / "out.txt"))
    assert code == 0, output


def test_a_settings_file_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf[send-tui]\r\nidle_clear_minutes = 5\r\n")
    assert load_config(path) == (load_config(path)[0], [])
    assert load_config(path)[0].idle_clear_minutes == 5


def test_a_settings_file_with_a_syntax_slip_says_the_line_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[send-tui]\nlocal_pack = tower-hamlets\n", encoding="utf-8")
    config, problems = load_config(path)
    [problem] = problems
    assert "line 2 reads: local_pack = tower-hamlets" in problem
    assert 'Text goes in double quotes ("like this")' in problem and "using the defaults" in problem
