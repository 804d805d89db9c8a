"""The footer shows whole keys only: a key with no room is hidden, never cut ("^s Sav").

At 60x20 an outcome's keys, and at 80x24 the plan's, ran past the palette key and off the edge.
F1 lists every key, so it is given its room first: it is shown on every screen, at 60x20 and
80x24, and the screen's last keys drop instead.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from pathlib import Path

import pytest
from textual.screen import ModalScreen, Screen
from textual.widgets._footer import FooterKey

import send_tui.screens
from send_tui.app import make_app
from send_tui.widgets.fitting_footer import PALETTE_CLASS, FittingFooter
from tests.app.helpers import press, screen_lines

OUTCOME = ("1", "4", "1")  # a complaint about a school: an outcome with Deadlines and Letter


def shown_keys(app) -> list[FooterKey]:
    footer = app.screen.query_one(FittingFooter)
    return [key for key in footer.query_children(FooterKey) if key.display]


def assert_whole_keys(app) -> None:
    keys = shown_keys(app)
    palette = next(key for key in keys if key.has_class(PALETTE_CLASS))
    others = [key for key in keys if key is not palette]
    width = app.screen.query_one(FittingFooter).region.right
    for key in others:
        assert key.region.width > 0, f"{key.key_display} {key.description} has no room"
        assert key.region.right <= palette.region.x <= width, (
            f"{key.key_display} {key.description} runs under the palette key"
        )


@pytest.mark.parametrize(
    ("size", "keys", "help_shown"),
    [
        ((60, 20), OUTCOME, True),
        ((60, 20), (*OUTCOME, "f5"), True),
        ((60, 20), (*OUTCOME, "f8"), True),
        ((60, 20), (*OUTCOME, "f2"), True),  # in the place of the plan's last keys
        ((80, 24), (*OUTCOME, "f2"), True),  # after the five plan keys, in c Compare's place
        ((80, 24), OUTCOME, True),
    ],
)
async def test_every_key_shown_is_whole(size, keys, help_shown: bool) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, *keys)
        assert_whole_keys(app)
        assert ("Help" in [key.description for key in shown_keys(app)]) is help_shown
        footer_line = screen_lines(app)[-1]
        assert "Sav▏" not in footer_line and "Pl▏" not in footer_line


async def test_keys_hidden_for_room_come_back_when_there_is_room() -> None:
    """An outcome at 60x20 has no room for F2 Plan; back on the question before, it is there."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *OUTCOME)
        assert "Plan" not in [key.description for key in shown_keys(app)]
        await press(pilot, "escape")
        assert [key.description for key in shown_keys(app)][-3:] == ["Plan", "Save", "palette"]
        assert_whole_keys(app)
        await pilot.resize_terminal(80, 24)
        await press(pilot, "1")  # the outcome again, with room for every key at 80 columns
        assert "Plan" in [key.description for key in shown_keys(app)]
        assert_whole_keys(app)


#: Keys from the start screen to each kind of screen the app has, by the screen's class name.
EVERY_SCREEN = {
    "StartScreen": (),
    "WizardScreen": OUTCOME,
    "PlanScreen": (*OUTCOME, "f2"),
    "ComparisonScreen": (*OUTCOME, "f2", "c"),
    "TimelineScreen": (*OUTCOME, "f2", "t"),
    "LetterScreen": (*OUTCOME, "f5"),
    "DeadlinesScreen": (*OUTCOME, "f8"),
    "GlossaryScreen": ("1", "f4"),
    "ContentProblemsScreen": (),  # on broken content, instead of the start screen
}


def screen_classes() -> set[str]:
    """Every full screen send_tui.screens defines (not the dialogs, which have no footer)."""
    found = set()
    for module in pkgutil.iter_modules(send_tui.screens.__path__):
        loaded = importlib.import_module(f"send_tui.screens.{module.name}")
        for name, cls in inspect.getmembers(loaded, inspect.isclass):
            if (
                issubclass(cls, Screen)
                and not issubclass(cls, ModalScreen)
                and cls.__module__ == loaded.__name__
                and "compose" in vars(cls)
            ):
                found.add(name)
    return found


def test_every_screen_is_walked() -> None:
    """A new screen must be added to EVERY_SCREEN, so its footer is checked for F1 Help."""
    assert screen_classes() == set(EVERY_SCREEN)


def broken_content(root: Path) -> Path:
    shutil.copytree(Path(__file__).parents[2] / "content", root)
    start = root / "national" / "start.toml"
    text = start.read_text(encoding="utf-8")
    start.write_text(text.replace('next = "raised_with_school"', 'next = "nowhere"'), "utf-8")
    return root


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
@pytest.mark.parametrize("screen", sorted(EVERY_SCREEN))
async def test_f1_help_is_shown_whole_on_every_screen(screen: str, size, tmp_path: Path) -> None:
    """However many keys a screen has, F1 Help, which lists them all, is there to press."""
    broken = screen == "ContentProblemsScreen"
    app = make_app(content_dir=broken_content(tmp_path / "content") if broken else None)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, *EVERY_SCREEN[screen])
        assert type(app.screen).__name__ == screen
        assert "Help" in [key.description for key in shown_keys(app)]
        assert_whole_keys(app)
        assert "f1 Help" in screen_lines(app)[-1]
