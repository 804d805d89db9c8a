"""Shared helpline desktops: autosave and resume, new client, consent, idle clear, no network."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input

from send_tui.app import make_app
from send_tui.cli import main
from send_tui.dialogs.call_details import CallDetailsDialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.idle_warning import IdleWarning
from send_tui.screens.start import StartScreen
from tests.app.helpers import node_id, press, screen_text, write_settings
from tests.owner_only import assert_owner_only

ROOT = Path(__file__).parents[2]


async def give_consent(pilot, reference: str = "HL-1") -> None:
    await press(pilot, "f6")
    assert isinstance(pilot.app.screen, CallDetailsDialog)
    pilot.app.screen.query_one("#reference", Input).value = reference
    pilot.app.screen.query_one("#consent", Checkbox).value = True
    await press(pilot, "ctrl+s")


def autosave_file(home: Path) -> Path:
    return home / "data" / "autosave.toml"


async def test_autosave_with_consent_and_resume_at_the_next_start(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await give_consent(pilot)
        await press(pilot, "1", "2", "1")
        assert autosave_file(isolated_paths).exists()
        assert_owner_only(autosave_file(isolated_paths))
    again = make_app()
    async with again.run_test() as pilot:
        assert isinstance(again.screen, StartScreen)
        assert "Resume the call in progress" in screen_text(again)
        await press(pilot, "r")
        assert node_id(again) == "what_next_assessment"
        assert again.session.case.reference == "HL-1"
        assert again.session.answers["council_decision"] == "refuse_assessment"


async def test_the_autosave_is_written_after_the_step_is_shown_and_before_quitting(
    isolated_paths: Path,
) -> None:
    """The write (an fsync) waits for the frame showing the step, not the other way round; a
    change made just before the app exits is written all the same."""
    app = make_app()
    order: list[str] = []
    async with app.run_test() as pilot:
        await give_consent(pilot)
        await press(pilot, "1")
        display, save = app._display, app.autosave.save

        def painted(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                order.append("frame")

        def saved(session):
            order.append("autosave")
            return save(session)

        app._display = painted
        app.autosave.save = saved
        await press(pilot, "2")
        assert order[:2] == ["frame", "autosave"], order
        assert node_id(app) == "council_decision"
        order.clear()
        app.session.answer("council_decision", "refuse_assessment")
        app.session_changed()
        app.exit()  # before any frame: the change is written on the way out
        assert order == ["autosave"]
    again = make_app()
    async with again.run_test() as pilot:
        await press(pilot, "r")
        assert again.session.answers.get("council_decision") == "refuse_assessment"


async def test_the_autosave_is_written_soon_even_if_its_screen_never_paints(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen pushed over the wizard before it paints holds its after-paint callbacks; the
    autosave does not wait for it to come back (its timer writes it: waited for here with room
    for a loaded machine, not timed)."""
    app = make_app()
    async with app.run_test() as pilot:
        await give_consent(pilot)
        await press(pilot, "1")
        monkeypatch.setattr(app, "call_after_refresh", lambda *args, **kwargs: True)
        app.session.answer("situation", "council_decision")
        app.session_changed()
        saved = autosave_file(isolated_paths)

        def written() -> bool:
            return saved.exists() and "council_decision" in saved.read_text(encoding="utf-8")

        for _ in range(100):
            await pilot.pause(0.1)
            if written():
                break
        assert written()


async def test_without_consent_nothing_is_autosaved(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "1")
        assert not autosave_file(isolated_paths).exists()
        await give_consent(pilot)
        assert autosave_file(isolated_paths).exists()
        # consent withdrawn: the autosave goes
        await press(pilot, "f6")
        app.screen.query_one("#consent", Checkbox).value = False
        await press(pilot, "ctrl+s")
        assert not autosave_file(isolated_paths).exists()


async def test_new_client_clears_screen_state_and_disk(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await give_consent(pilot, reference="CHILD-REF")
        await press(pilot, "1", "3", "2")
        app.session.letter_fields["child_name"] = "Sam Example"
        await press(pilot, "ctrl+n")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "y")
        assert isinstance(app.screen, StartScreen)
        assert not app.session.has_work()
        assert app.session.case.reference == ""
        assert not autosave_file(isolated_paths).exists()
        assert "Sam Example" not in screen_text(app) and "CHILD-REF" not in screen_text(app)
        assert "Continue this call" not in screen_text(app)
        await press(pilot, "f3")
        assert "No answers yet" in screen_text(app)


async def test_new_client_can_be_cancelled(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "3", "ctrl+n", "n")
        assert node_id(app) == "exclusion_kind"
        assert app.session.answers == {"situation": "exclusion"}


async def test_idle_clear_warns_with_a_countdown_then_clears(isolated_paths: Path) -> None:
    write_settings(isolated_paths, "idle_clear_minutes = 1\n")
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "3")
        app._last_activity -= 59  # a minute without a key, less the last second
        app._check_idle()
        await pilot.pause()
        assert isinstance(app.screen, IdleWarning)
        assert "seconds" in screen_text(app) and "Press any key" in screen_text(app)
        await pilot.pause(1.6)
        assert isinstance(app.screen, StartScreen)
        assert not app.session.has_work()


async def test_idle_warning_is_cancelled_by_any_key(isolated_paths: Path) -> None:
    write_settings(isolated_paths, "idle_clear_minutes = 5\n")
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "3")
        app._last_activity -= 290
        app._check_idle()
        await pilot.pause()
        assert isinstance(app.screen, IdleWarning)
        await press(pilot, "x")
        assert node_id(app) == "exclusion_kind"
        assert app.session.answers == {"situation": "exclusion"}


@pytest.mark.parametrize(
    "damage",
    [
        b"[record]\nformat = 'send-tui-rec",  # truncated
        b"\x00\xff\xfe not toml at all",  # not TOML
        b'[record]\nformat = "send-tui-record"\nversion = 99\n',  # a future format
        b'[record]\nformat = "someone-else"\nversion = 1\n',  # foreign
        b"# " + b"x" * (2 * 1024 * 1024),  # very large
    ],
    ids=["truncated", "not-toml", "wrong-version", "foreign", "very-large"],
)
async def test_a_damaged_autosave_is_moved_aside_with_a_message(
    isolated_paths: Path, damage: bytes
) -> None:
    path = autosave_file(isolated_paths)
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("could not be resumed" in n.message for n in app._notifications)
        assert "Resume" not in screen_text(app)
    assert not path.exists()
    assert list(path.parent.glob("autosave.toml.unreadable-*"))


async def test_a_whole_session_never_touches_the_network(isolated_paths: Path, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("send-tui tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await give_consent(pilot)
        await press(pilot, "1", "2", "1", "1", "d", *"2026-03-10", "f9", "escape", "l")
        await press(pilot, "ctrl+s", "ctrl+s")
        await press(pilot, "ctrl+p", *"tribunal", "escape", "escape")
        assert app._exception is None
    assert len(list((isolated_paths / "saved").iterdir())) >= 5


def test_config_path_prints_the_settings_location(isolated_paths: Path, capsys) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(isolated_paths / "config" / "config.toml")


def test_config_show_names_a_bad_key(isolated_paths: Path, capsys) -> None:
    write_settings(isolated_paths, "save_folder = 3\n")
    assert main(["config", "show"]) == 1
    captured = capsys.readouterr()
    assert "save_folder: should be text" in captured.err
    assert 'theme = "textual-dark"   (default; not set in the settings file)' in captured.out
    assert (
        "save_folder = " in captured.out
        and "the settings file's value is not usable" in captured.out
    )


def _read_for(fd: int, seconds: float) -> bytes:
    """Drain the terminal so the app never blocks writing to it."""
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


@pytest.mark.posix
def test_a_real_process_killed_mid_call_loses_nothing_but_the_last_key(
    isolated_paths: Path,
) -> None:
    """Run send-tui in a real terminal, answer by keys, kill -9, and resume the call."""
    import pty  # POSIX only: importing it on Windows fails

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "send_tui"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    try:
        _read_for(master, 4.0)  # start-up
        keys = [
            b"\x1b[17~",
            b"HL-9",
            b"\t",
            b" ",
            b"\x13",
            b"1",
            b"2",
            b"3",
            b"2",
        ]  # F6 ... ctrl+s, then answers
        for key in keys:
            os.write(master, key)
            _read_for(master, 0.6)
        _read_for(master, 1.0)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    from send_tui.model.loader import load_content
    from send_tui.model.record import load_record

    resumed = load_record(autosave_file(isolated_paths), load_content())
    assert resumed.case.reference == "HL-9" and resumed.case.consent_to_record
    assert resumed.answers == {
        "situation": "council_decision",
        "council_decision": "plan_contents",
        "appeal_scope": "other_parts",
    }


async def test_nothing_personal_is_logged(isolated_paths: Path, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await give_consent(pilot, reference="REF-SECRET")
        await press(pilot, "1", "4", "1", "l")
        app.screen.query_one("#child_name", Input).value = "Jamie Secretname"
        await press(pilot, "ctrl+s", "ctrl+s")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Secretname" not in logged and "REF-SECRET" not in logged


async def test_a_missing_local_pack_in_the_settings_falls_back_with_a_message(
    isolated_paths: Path,
) -> None:
    write_settings(isolated_paths, 'local_pack = "nowhere-borough"\n')
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.content.local_pack == "tower-hamlets"
        assert any(
            "local_pack" in n.message and "nowhere-borough" in n.message for n in app._notifications
        )


async def test_the_settings_choose_the_local_pack(isolated_paths: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    shutil.copytree(root / "local" / "tower-hamlets", root / "local" / "another-council")
    write_settings(isolated_paths, 'local_pack = "another-council"\n')
    app = make_app(content_dir=root)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.content.local_pack == "another-council"
