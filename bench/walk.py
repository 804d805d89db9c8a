"""Key press to the next screen painted: send-tui's walk of the shipped paths, and a bare baseline.

An adviser presses a number and expects the next question at once. The time is taken from
posting the key (as the terminal driver does) until the new screen is the active one and has
been painted (`wait_for_refresh`); between keys the app is left to settle, unmeasured, so one
key's trailing work is not charged to the next. Pilot's own `press` is not used for the timing:
it waits for the CPU to go idle in 20 ms steps, which would swamp a 20 ms target.

The baseline walks bare Textual screens of the same shape (title, body, numbered options,
footer) with the same keys, so the table can show what Textual itself costs on this machine.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from send_tui.model.content import Content
    from send_tui.model.graph import Step

#: The character a terminal sends with each key the walk uses.
_CHARACTERS = {"escape": "\x1b", "enter": "\r"}
#: How long a key may take to open its screen before the walk counts it as lost.
TIMEOUT = 10.0


@dataclass(frozen=True)
class Key:
    key: str
    moves: bool  # does this key open another screen? Only those are timed.


def path_keys(content: Content, path: tuple[Step, ...]) -> list[Key]:
    """The keys an adviser presses to walk `path` from the start screen ("1" starts a call)."""
    from send_tui.model.content import NodeKind

    keys = [Key("1", True)]
    for node_id, option_id in path:
        node = content.nodes[node_id]
        if node.kind is NodeKind.OUTCOME:
            break
        if node.kind is NodeKind.INFO:
            keys.append(Key("1", True))
            continue
        if option_id is None:  # a multi step's default way on: a choice no branch names
            named = {o for branch in node.branches for o in branch.when.answers.get(node_id, ())}
            option_id = next(o.id for o in node.options if o.id not in named and not o.exclusive)
        number = str([o.id for o in node.options].index(option_id) + 1)
        if node.kind is NodeKind.QUESTION:
            keys.append(Key(number, True))
        else:
            keys += [Key(number, False), Key("c", True)]
    return keys


async def press_and_time(pilot: Pilot[Any], key: Key) -> float | None:
    """Press `key`; seconds until the next screen is active and painted (None if not timed)."""
    app = pilot.app
    before = app.screen
    started = time.perf_counter()
    app.post_message(events.Key(key.key, _CHARACTERS.get(key.key, key.key)))
    took: float | None = None
    if key.moves:
        while app.screen is before and time.perf_counter() - started < TIMEOUT:
            await asyncio.sleep(0)
        if app.screen is not before:
            await app.screen.wait_for_refresh()
            took = time.perf_counter() - started
    await pilot.pause()  # let trailing work finish before the next key, unmeasured
    return took


@dataclass
class WalkResult:
    timings: list[float] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # the key each timing is for
    lost_keys: int = 0  # keys that should have opened a screen and did not
    wrong_ends: int = 0  # paths that did not end at the outcome the content names

    def add(self, other: WalkResult) -> None:
        self.timings += other.timings
        self.keys += other.keys
        self.lost_keys += other.lost_keys
        self.wrong_ends += other.wrong_ends

    def of(self, forward: bool) -> list[float]:
        """The timings of keys that go on (digits, c), or of those that go back (Esc)."""
        return [t for t, key in zip(self.timings, self.keys, strict=True) if (key != "escape") == forward]


async def walk_send_tui(paths: list[tuple[Step, ...]]) -> WalkResult:
    """Walk each path by keys, then Esc back to the start screen; time every screen change."""
    from send_tui.app import make_app
    from send_tui.screens.start import StartScreen

    app = make_app()
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for path in paths:
            app.session.clear()  # a new caller, so "1" on the start screen starts a call
            for key in path_keys(app.content, path):
                _record(result, key, await press_and_time(pilot, key))
            if getattr(getattr(app.screen, "node", None), "id", None) != path[-1][0]:
                result.wrong_ends += 1
            for _ in range(len(path) + 5):
                if isinstance(app.screen, StartScreen):
                    break
                _record(result, Key("escape", True), await press_and_time(pilot, Key("escape", True)))
    return result


def _record(result: WalkResult, key: Key, took: float | None) -> None:
    if took is not None:
        result.timings.append(took)
        result.keys.append(key.key)
    elif key.moves:
        result.lost_keys += 1


# --- the bare baseline ------------------------------------------------------------------------

_BODY = " ".join(["The family can ask the school for a meeting with the SENCO about the support."] * 5)


class BareStep(Screen[None]):
    """A plain Textual screen shaped like a decision point: number keys go on, Esc goes back."""

    BINDINGS = [
        *[Binding(str(n), "forward", f"Choose {n}", show=False) for n in range(1, 10)],
        Binding("c", "forward", "Continue"),
        Binding("escape", "back", "Back"),
        Binding("f1", "noop", "Help"),
        Binding("f2", "noop", "Plan"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("What did the council decide?")
        with VerticalScroll():
            yield Static(_BODY)
        yield OptionList(*[f"{n}  An option an adviser can choose, a few words long" for n in range(1, 8)])
        yield Footer()

    def action_forward(self) -> None:
        self.app.push_screen(BareStep())

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_noop(self) -> None:
        """Bindings for the footer only."""


class BareWalkApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(BareStep())


def bare_keys(content: Content, paths: list[tuple[Step, ...]]) -> Iterator[Key]:
    """The same number of forward and back keys as send-tui's walk of `paths`."""
    for path in paths:
        forward = sum(key.moves for key in path_keys(content, path))
        yield from [Key("1", True)] * forward
        yield from [Key("escape", True)] * forward


async def walk_bare(keys: list[Key]) -> WalkResult:
    app = BareWalkApp()
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            _record(result, key, await press_and_time(pilot, key))
    return result
