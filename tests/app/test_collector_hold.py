"""The garbage collector waits while a key is drawn, runs soon after, and is never left off.

A collector left off would let the memory of a long shift grow without bound, so each way out
is tested: the key's frame, a key that paints nothing, keys faster than the hold, the app
stopping inside a hold, and a collector someone else had turned off.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from send_tui.app import make_app
from send_tui.collector_hold import AFTER_FRAME_SECONDS, AT_MOST_SECONDS, CollectorHold
from tests.app.helpers import node_id


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on, and a failing one cannot leave it off."""
    gc.enable()
    yield
    gc.enable()


# -- the hold on its own, in an event loop -------------------------------------------------


async def test_a_hold_ends_soon_after_the_frame() -> None:
    hold = CollectorHold()
    hold.hold()
    assert not gc.isenabled() and hold.held
    await asyncio.sleep(AFTER_FRAME_SECONDS * 3)
    assert not gc.isenabled(), "no frame yet: still held"
    hold.frame_painted()
    assert not gc.isenabled(), "the frame is still on its way to the terminal"
    await asyncio.sleep(AFTER_FRAME_SECONDS * 3)
    assert gc.isenabled() and not hold.held


async def test_a_key_that_paints_nothing_is_held_no_longer_than_the_limit() -> None:
    hold = CollectorHold()
    hold.hold()
    await asyncio.sleep(AT_MOST_SECONDS / 2)
    assert not gc.isenabled()
    await asyncio.sleep(AT_MOST_SECONDS)
    assert gc.isenabled()


async def test_keys_faster_than_the_hold_do_not_stretch_it() -> None:
    hold = CollectorHold()
    hold.hold()
    for _ in range(6):  # a held-down key: a key every tenth of the limit, no frame
        await asyncio.sleep(AT_MOST_SECONDS / 10)
        hold.hold()
    await asyncio.sleep(AT_MOST_SECONDS / 2)
    assert gc.isenabled(), "held for longer than AT_MOST_SECONDS at a stretch"


async def test_a_collector_turned_off_elsewhere_is_left_off() -> None:
    hold = CollectorHold()
    gc.disable()
    hold.hold()
    hold.frame_painted()
    hold.release()
    assert not gc.isenabled() and not hold.held


# -- in the app ----------------------------------------------------------------------------


class Painted:
    """Whether the collector was on as each frame was painted."""

    def __init__(self, app: Any) -> None:
        self.collector_on: list[bool] = []
        display = app._display

        def recorded(screen: Any, renderable: Any) -> None:
            if renderable is not None:
                self.collector_on.append(gc.isenabled())
            display(screen, renderable)

        app._display = recorded


async def test_a_key_is_drawn_with_the_collector_held_and_it_runs_after() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)  # start-up settles in: the wizard is built ahead
        painted = Painted(app)
        collected: list[int] = []

        def counted(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                collected.append(info["generation"])

        for key in ("1", "1", "escape"):  # a call started, a question answered, and back
            painted.collector_on.clear()
            before = (app.screen, node_id(app))
            await pilot.press(key)
            await pilot.pause(AFTER_FRAME_SECONDS * 5)
            assert painted.collector_on and not any(painted.collector_on), (
                f"{key!r}: a frame was drawn with the collector running"
            )
            assert gc.isenabled(), f"{key!r}: the collector was not let go after the frame"
            assert (app.screen, node_id(app)) != before, f"{key!r} did not move"
        gc.callbacks.append(counted)
        try:
            kept = [[[] for _ in range(50)] for _ in range(200)]  # new objects enough for one
            assert len(kept) == 200
        finally:
            gc.callbacks.remove(counted)
        assert collected, "the collector let go does collect"


async def test_an_app_stopped_during_a_hold_leaves_the_collector_on() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("x")  # bound to nothing: no frame lets it go
        assert not gc.isenabled()
        app.exit()
    assert gc.isenabled()
