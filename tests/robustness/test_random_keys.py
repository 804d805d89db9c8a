"""Thousands of random keys across every screen: no exception, and the app still answers after.

An adviser on a call mashes keys, pastes text into the wrong place and presses Esc in panic. The
keys here come from a fixed seed, so a failure can be replayed; they reach every kind of screen
(the wizard, outcomes, plan, glossary, help, answers, letter, deadlines, call details, the
command palette). Keys that quit or start a new client are left out: they would end the run or
wait on a confirmation the random keys may never give. Saving (ctrl+s) is left out too: the
fault tests cover it.
"""

from __future__ import annotations

import random

import pytest
from textual import events
from textual.pilot import Pilot

from send_tui.app import SendApp, make_app
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.screens.start import StartScreen
from tests.robustness.counts import RobustnessCounts

SEED = 20261128
KEY_COUNT = 2_000
#: The keys are pressed in this many consecutive parts, each in a fresh app, so pytest-xdist can
#: run them side by side: the same keys in the same order, a reset at each part's start.
PARTS = 4
#: Keys posted before the app is left to settle: a fast typist, or a paste.
BATCH = 32

#: (key, weight). Digits and Esc dominate, as they do on a call.
KEYS: tuple[tuple[str, int], ...] = (
    *((str(n), 6) for n in range(1, 10)),
    ("escape", 14),
    ("enter", 5),
    ("space", 3),
    ("up", 3),
    ("down", 3),
    ("left", 1),
    ("right", 1),
    ("tab", 3),
    ("shift+tab", 1),
    ("home", 1),
    ("end", 1),
    ("pageup", 1),
    ("pagedown", 1),
    ("backspace", 2),
    ("f1", 3),
    ("f2", 3),
    ("f3", 3),
    ("f4", 3),
    ("f5", 2),
    ("f6", 2),
    ("f8", 2),
    ("c", 3),
    ("a", 3),
    ("x", 3),
    ("d", 2),
    ("l", 2),
    ("y", 1),
    ("n", 1),
    ("q", 1),
    ("letter", 6),  # any lower-case letter, typed into whatever has focus
    ("palette", 2),  # ctrl+p, a few letters, then escape
)

#: Not a key: the app is left to settle here, after the keys in `SETTLE_AFTER`: a place to put
#: a key that crashes the app when another follows too closely, while its bug is being fixed.
#: The burst tests below keep the three found so far (palette, call details, letter) fixed.
SETTLE = "settle"
SETTLE_AFTER = frozenset(
    {
        # Textual 8.2.8's palette still dismisses itself twice when Enter picks a command while an
        # earlier dismiss is pending (ScreenStackError inside textual/command.py). send-tui guards the
        # other palette race (see the burst test); this one is inside Textual, so palette keys settle.
        "ctrl+p",
    }
)

#: The character a terminal sends with each named key.
_CHARACTERS = {"escape": "\x1b", "enter": "\r", "space": " ", "tab": "\t", "backspace": "\x7f"}


def random_keys(seed: int, count: int) -> list[str]:
    """`count` key names drawn with the weights above (plus `SETTLE` marks, which are not keys)."""
    rng = random.Random(seed)
    names, weights = zip(*KEYS, strict=True)
    keys: list[str] = []
    pressed = 0
    while pressed < count:
        name = rng.choices(names, weights)[0]
        if name == "letter":
            drawn = [rng.choice("abcdefghijklmnopqrstuvwxyz")]
        elif name == "palette":
            drawn = ["ctrl+p", *rng.choices("aeimnprst", k=rng.randint(0, 4)), "escape"]
        else:
            drawn = [name]
        drawn = [
            part for key in drawn for part in ((key, SETTLE) if key in SETTLE_AFTER else (key,))
        ]
        keys += drawn
        pressed += sum(key != SETTLE for key in drawn)
    return keys


def key_event(key: str) -> events.Key:
    character = _CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, character)


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()


async def press_bursts(
    opener: str, burst: tuple[str, ...], counts: RobustnessCounts, times: int = 1
) -> None:
    """Press `opener`, let it settle, then send `burst` as one batch (a fast typist), `times` times."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(opener)
        await settle(pilot)
        counts.add("keys pressed")
        for _ in range(times):
            for key in burst:
                app.post_message(key_event(key))
            await settle(pilot)
            counts.add("keys pressed", len(burst))


async def back_to_start(app: SendApp, pilot: Pilot[None]) -> None:
    """Esc until the start screen, as an adviser would after losing their place."""
    for _ in range(60):
        if isinstance(app.screen, StartScreen):
            return
        await pilot.press("escape")
        await settle(pilot)
    raise AssertionError(f"Esc never led back to the start screen (stuck on {app.screen!r})")


def key_part(part: int) -> list[str]:
    """The `part`-th of `PARTS` consecutive slices of the seed's keys (SETTLE marks stay with
    the key they follow)."""
    keys = random_keys(SEED, KEY_COUNT)
    starts = [0]
    pressed = 0
    for position, key in enumerate(keys):
        if key != SETTLE:
            if pressed and pressed % (KEY_COUNT // PARTS) == 0:
                starts.append(position)
            pressed += 1
    starts = starts[:PARTS] + [len(keys)]
    return keys[starts[part] : starts[part + 1]]


def test_the_parts_are_the_whole_run() -> None:
    assert [key for part in range(PARTS) for key in key_part(part)] == random_keys(SEED, KEY_COUNT)


@pytest.mark.parametrize("part", range(PARTS))
async def test_thousands_of_random_keys_leave_the_app_running_and_answering(
    part: int, counts: RobustnessCounts
) -> None:
    app = make_app()
    keys = key_part(part)
    seen_screens: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pending = 0
        for position, key in enumerate(keys):
            if key != SETTLE:
                app.post_message(key_event(key))
                pending += 1
            if key == SETTLE or pending == BATCH or position == len(keys) - 1:
                await settle(pilot)
                counts.add("keys pressed", pending)
                pending = 0
                seen_screens.add(type(app.screen).__name__)
                if app._exception is not None:  # the app's own exception, so xfail can name it
                    raise app._exception
                assert app.is_running, (
                    f"the app stopped at key {position} of part {part} of seed {SEED}"
                )

        # Still answering: back to the start, a new client, and "Start a new call" opens the first question.
        await back_to_start(app, pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
            await settle(pilot)
        await back_to_start(app, pilot)
        assert not app.session.answers
        options = app.screen.query_one("#start-options")
        begin = [options.get_option_at_index(i).id for i in range(options.option_count)].index(
            "begin"
        )
        await pilot.press(str(begin + 1))
        await settle(pilot)
        counts.add("keys pressed", 2)
        assert getattr(app.screen, "node", None) is not None
        # the first step shown: the start node, or the one after it when it is answered by default
        assert app.screen.node.id == app.session.current()
        assert not app.session.answers
        assert app._exception is None
    # more than the start screen and the wizard were reached, or the keys tested little
    assert len(seen_screens) >= 4, seen_screens


async def test_a_burst_of_palette_keys_does_not_crash(counts: RobustnessCounts) -> None:
    await press_bursts("ctrl+p", ("escape", "ctrl+p", "i", "e", "escape"), counts, times=5)


async def test_enter_then_another_key_in_call_details_does_not_crash(
    counts: RobustnessCounts,
) -> None:
    await press_bursts("f6", ("enter", "escape"), counts)


async def test_the_letter_opens_after_the_path_changes_to_another_letter(
    counts: RobustnessCounts,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # an NHS complaint, its letter started; then back, a school complaint, and its letter
        for key in ("1", "4", "5", "f5", "a", "escape", "escape", "1", "f5"):
            await pilot.press(key)
            await settle(pilot)
            counts.add("keys pressed")
        assert type(app.screen).__name__ == "LetterScreen"
