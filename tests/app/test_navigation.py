"""Moving around a call by keys: the start screen between callers, the trail, the title, the palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from send_tui.app import make_app
from send_tui.dialogs.call_details import CallDetailsDialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.save import SaveDialog
from send_tui.screens.letter import LetterScreen
from send_tui.screens.start import StartScreen
from send_tui.widgets.trail import AnswerTrail
from tests.app.helpers import give_consent, node_id, press, screen_text


async def test_start_a_new_call_from_the_start_screen_clears_the_call_in_progress() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "1")  # new call: council decision, refused to assess
        assert node_id(app) == "what_next_assessment"
        # back past "Who is calling?" (before the situation, answered by default) to the start
        await press(pilot, "escape", "escape", "escape", "escape")
        assert isinstance(app.screen, StartScreen)
        text = screen_text(app)
        assert "c  Continue this call" in text
        assert "1  Start a new call" in text  # the same key as before any call began
        await press(pilot, "1")
        assert isinstance(app.screen, ConfirmDialog)  # not saved: asks first
        await press(pilot, "n")
        assert isinstance(app.screen, StartScreen)
        assert app.session.answers  # kept
        await press(pilot, "1", "y")
        assert node_id(app) == "situation"
        assert app.session.answers == {}
        assert "No answers yet" in screen_text(app)


async def test_continue_returns_to_the_call_and_the_numbers_do_not_move() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        before = [line for line in screen_text(app).splitlines() if line[:1].isdigit()]
        await press(pilot, "1", "2", "escape", "escape", "escape")  # via "Who is calling?"
        assert isinstance(app.screen, StartScreen)
        after = [line for line in screen_text(app).splitlines() if line[:1].isdigit()]
        assert after == before  # continuing is offered by letter, not by renumbering
        await press(pilot, "c")
        assert node_id(app) == "council_decision"
        assert app.session.answers == {"situation": "council_decision"}


async def test_a_saved_call_is_cleared_without_asking(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "1")
        app.saved_revision = app.session.revision  # as after ctrl+s
        await press(pilot, "escape", "escape", "escape", "escape", "1")  # via "Who is calling?"
        assert node_id(app) == "situation"
        assert app.session.answers == {}


async def test_f3_highlights_the_answer_down_enter_opens_it_and_esc_returns_to_the_question() -> (
    None
):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "2", "3", "2")  # council decision, plan contents, other parts
        assert node_id(app) == "what_next_decision"
        await press(pilot, "f3")
        trail = app.screen.query_one(AnswerTrail)
        assert app.screen.focused is trail
        assert trail.highlighted == 2  # the latest answer, highlighted and in view
        assert trail.get_option_at_index(2).id == "appeal_scope"
        assert (
            trail.scroll_offset.y
            <= trail._index_to_line[2]
            < trail.scroll_offset.y + trail.size.height
        )
        # Esc leaves the trail for the question that was showing, not the previous screen
        await press(pilot, "escape")
        assert node_id(app) == "what_next_decision"
        assert app.screen.focused is app.screen.query_one("#options")
        # Up, then Down: back on the latest answer (no wrapping past either end)
        await press(pilot, "f3", "up", "down", "down")
        assert trail.highlighted == 2
        await press(pilot, "up", "enter")
        assert node_id(app) == "council_decision"


async def test_f3_on_a_reopened_question_highlights_its_own_answer() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "2", "3", "2", "escape", "escape")
        assert node_id(app) == "council_decision"
        await press(pilot, "f3")
        trail = app.screen.query_one(AnswerTrail)
        assert trail.get_option_at_index(trail.highlighted).id == "council_decision"
        await press(pilot, "escape", "escape")
        assert node_id(app) == "situation"  # a second Esc goes back a step, as on any question


async def test_the_title_step_is_the_questions_place_on_the_path() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "2", "3", "2")
        assert node_id(app) == "what_next_decision"
        assert "step 4" in title(app)
        # change the second answer from the trail: the second question says step 2
        await press(pilot, "f3", "up", "enter")
        assert node_id(app) == "council_decision"
        assert "step 2" in title(app)
        await press(pilot, "1")  # refused to assess: its own next question, appeal_scope drops out
        assert node_id(app) == "what_next_assessment"
        assert "step 3" in title(app)


def title(app) -> str:
    return str(app.screen.query_one("#title-bar").render())


async def palette(pilot, text: str) -> None:
    await press(pilot, "ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    await pilot.pause(0.5)  # the palette searches in the background
    await pilot.pause()


def palette_hits(app) -> list[str]:
    from textual.command import CommandList

    hits = app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def test_the_palette_finds_the_apps_own_actions_by_name() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "4", "1")  # a school complaint: a call with a letter to write
        await palette(pilot, "new client")
        assert palette_hits(app)[0].startswith("New client")
        await press(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)  # the same question as ctrl+n
        await press(pilot, "n")
        await palette(pilot, "save")
        assert palette_hits(app)[0].startswith("Save")
        await press(pilot, "enter")
        assert isinstance(app.screen, SaveDialog)
        await press(pilot, "escape")
        for words, screen in (("letter", LetterScreen), ("call details", CallDetailsDialog)):
            await palette(pilot, words)
            await press(pilot, "enter")
            assert isinstance(app.screen, screen), words
            await press(pilot, "escape")


async def test_the_palette_has_no_screenshot_command() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await palette(pilot, "screenshot")
        assert not any("Screenshot" in hit for hit in palette_hits(app))
        assert not [
            c for c in app.get_system_commands(app.screen) if c.title in ("Screenshot", "Keys")
        ]


async def test_f1_lists_our_keys_first_and_textuals_scrolling_keys_after() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await press(pilot, "1", "2", "f1")
        text = screen_text(app)
        ours = text.index("Keys on this screen")
        scrolling = text.index("Scrolling and moving")
        for words in ("Choose", "Back", "Plan", "Save", "New client", "Search the content"):
            assert ours < text.index(words) < scrolling, words
        assert text.index("Page Down") > scrolling
        await press(pilot, "escape")
        await press(
            pilot, "escape", "escape", "escape", "f1"
        )  # the start screen, via "Who is calling?": its own keys, nothing it does not offer
        text = screen_text(app)
        assert "Continue this call" in text and "Resume" not in text


async def test_start_a_new_call_with_an_autosaved_call_asks_before_clearing_it(
    isolated_paths: Path,
) -> None:
    first = make_app()
    async with first.run_test() as pilot:
        await give_consent(pilot, "HL-9")
        await press(pilot, "1", "2")
    autosave = isolated_paths / "data" / "autosave.toml"
    assert autosave.exists()
    app = make_app()
    async with app.run_test() as pilot:
        assert "r  Resume the call in progress" in screen_text(app)
        assert "1  Start a new call" in screen_text(app)
        await press(pilot, "1")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert autosave.exists() and isinstance(app.screen, StartScreen)
        await press(pilot, "1", "y")
        assert node_id(app) == "situation"
        assert not autosave.exists()
        assert app.session.case.reference == ""
