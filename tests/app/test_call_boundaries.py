"""Where one call meets the next: a new call, the autosave and its resume, a reopened record."""

from __future__ import annotations

from pathlib import Path

from send_tui.app import make_app
from send_tui.screens.start import StartScreen
from tests.app.helpers import (
    give_consent,
    leave_an_unsaved_call,
    node_id,
    press,
    screen_text,
)


async def test_call_details_typed_on_the_start_screen_keep_the_call_to_resume(
    isolated_paths: Path,
) -> None:
    """The start screen offers "r Resume"; the adviser first notes the next caller's reference
    (F6). That must not delete the earlier call from the autosave: the start screen still offers
    to resume it, and the next start must too."""
    autosave = await leave_an_unsaved_call(isolated_paths)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Resume the call in progress" in screen_text(app)
        await give_consent(pilot, "CALLER-B")
        await pilot.pause(0.3)
        assert isinstance(app.screen, StartScreen)
        assert "Resume the call in progress" in screen_text(app)
        assert autosave.exists(), "the earlier call was deleted from the autosave"
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Resume the call in progress" in screen_text(app)
        await press(pilot, "r")
        assert app.session.case.reference == "CALLER-A"
        assert node_id(app) == "what_next_assessment"


async def test_call_details_typed_before_starting_the_new_call_are_kept(
    isolated_paths: Path,
) -> None:
    """With "r Resume" offered, the adviser notes the new caller's reference and consent (F6),
    then starts the new call (1, and y to clear the earlier one). The new caller's details
    are still there, so the call is autosaved as the caller agreed."""
    from textual.widgets import Checkbox, Input

    autosave = await leave_an_unsaved_call(isolated_paths)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await give_consent(pilot, "CALLER-B")
        await press(pilot, "1", "y")
        assert node_id(app) == "situation"
        await press(pilot, "2")
        await pilot.pause(0.3)
        await press(pilot, "f6")
        assert app.screen.query_one("#reference", Input).value == "CALLER-B"
        assert app.screen.query_one("#consent", Checkbox).value is True
        await press(pilot, "escape")
        assert "CALLER-B" in autosave.read_text(encoding="utf-8")


async def test_a_look_up_letter_opened_on_the_start_screen_keeps_the_call_to_resume(
    isolated_paths: Path,
) -> None:
    """With "r Resume" offered, the adviser looks up what a complaint needs and opens its
    letter (l), then goes back: the call waiting in the autosave is still there."""
    from send_tui.screens.letter import LetterScreen

    autosave = await leave_an_unsaved_call(isolated_paths)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        choices = screen_text(app)
        key = next(
            line.split()[0] for line in choices.splitlines() if "What does a complaint need" in line
        )
        await press(pilot, key)
        while app.screen.node.kind.name != "OUTCOME":  # type: ignore[attr-defined]
            await press(pilot, "1")
        await press(pilot, "l")
        assert isinstance(app.screen, LetterScreen)
        await pilot.pause(0.3)
        await press(pilot, "escape", "escape")
        await pilot.pause(0.3)
        assert autosave.exists(), "the earlier call was deleted from the autosave"


def _keys_to(app, *answers: tuple[str, str]) -> list[str]:
    """The number keys that give these answers, in order, from the start screen."""
    keys = ["1"]
    for step, option_id in answers:
        node = app.content.nodes[step]
        keys.append(str([o.id for o in node.options].index(option_id) + 1))
    return keys


async def test_a_call_saved_then_quit_resumes_with_its_letter_as_saved(
    isolated_paths: Path, monkeypatch
) -> None:
    """Saved on Fri 20 Nov (ctrl+s), then quit: the autosave stays, and resuming it on Sat 28
    Nov is the call as saved, its letter still dated the day it was saved and sent."""
    import tomllib

    from textual.widgets import Input

    from send_tui.dialogs.save import SaveDialog
    from send_tui.screens.letter import LetterScreen

    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-20")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await give_consent(pilot, "CALLER-A")
        await press(
            pilot, *_keys_to(app, ("situation", "complaint"), ("complaint_about", "school"))
        )
        await press(pilot, "f5")
        assert isinstance(app.screen, LetterScreen)
        app.screen.query_one("#addressee_name", Input).value = "Ms Jones"
        await pilot.pause(0.3)
        await press(pilot, "escape", "ctrl+s")
        assert isinstance(app.screen, SaveDialog)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, SaveDialog)
        await pilot.pause(0.3)
        await press(pilot, "ctrl+q")
    saved = next((isolated_paths / "saved").glob("*.toml"))
    assert tomllib.loads(saved.read_text("utf-8"))["record"]["letter_date"].isoformat() == (
        "2026-11-20"
    )
    autosave = isolated_paths / "data" / "autosave.toml"
    header = tomllib.loads(autosave.read_text("utf-8"))["record"]
    assert header.get("letter_date") is not None, "the autosave does not know the letter was saved"
    assert header.get("made") is not None, "the autosave does not know the summary was made"

    monkeypatch.setenv("SEND_TUI_TODAY", "2026-11-28")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "r", "f5")
        assert isinstance(app.screen, LetterScreen)
        assert "20 Nov" in str(app.screen.query_one("#preview").render())


async def test_a_failing_autosave_is_told_to_each_caller_and_never_called_kept(
    isolated_paths: Path, monkeypatch, tmp_path: Path
) -> None:
    """The data folder cannot be written (a file where it should be). The adviser is told once
    for this call, not at every key; told again for the next caller; and the quit question does
    not say the call stays in the autosave."""
    from send_tui.dialogs.confirm import ConfirmDialog

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SEND_TUI_DATA_DIR", str(blocker / "data"))

    def failures(app) -> int:
        return sum(n.title == "Autosave" for n in app._notifications)

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await give_consent(pilot, "CALLER-A")
        await press(pilot, "1", "2", "1")
        await pilot.pause(0.3)
        assert failures(app) == 1
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        assert "stays in this computer's autosave" not in screen_text(app)
        await press(pilot, "n", "ctrl+n", "y")
        await pilot.pause()
        await give_consent(pilot, "CALLER-B")
        await press(pilot, "1", "2")
        await pilot.pause(0.3)
        assert failures(app) == 1  # the first caller's notice was cleared with the call


async def test_a_letter_only_looked_up_is_no_call_to_keep(isolated_paths: Path) -> None:
    """On the start screen, the adviser looks up what a complaint needs and opens its letter
    (l) to read it, types nothing, and goes back: there is no call to save, resume or ask
    about, so ctrl+q quits at once and the next start offers nothing to resume."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await give_consent(pilot, "CALLER-A")
        key = next(
            line.split()[0]
            for line in screen_text(app).splitlines()
            if "What does a complaint need" in line
        )
        await press(pilot, key)
        while app.screen.node.kind.name != "OUTCOME":  # type: ignore[attr-defined]
            await press(pilot, "1")
        await press(pilot, "l")
        await pilot.pause(0.3)
        await press(pilot, "escape", "escape")
        await pilot.pause(0.3)
        assert isinstance(app.screen, StartScreen)
        assert not app.unsaved
        await press(pilot, "ctrl+q")
    assert not (isolated_paths / "data" / "autosave.toml").exists()
    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Resume the call in progress" not in screen_text(again)


async def test_ctrl_s_on_the_start_screen_with_a_call_to_resume_saves_nothing(
    isolated_paths: Path,
) -> None:
    """ctrl+s (in the footer) with "r Resume" offered opened the save dialog for the empty new
    call: it would have saved a blank summary, not the call the adviser had in mind."""
    from send_tui.dialogs.save import SaveDialog
    from tests.app.helpers import notices

    await leave_an_unsaved_call(isolated_paths)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, SaveDialog)
        assert any("Nothing to save yet" in n and "resume it (r)" in n for n in notices(app))
        await press(pilot, "r", "ctrl+s")
        assert isinstance(app.screen, SaveDialog)  # resumed, the call saves as ever
