"""Key press to the next step on screen: send-tui's walk of the shipped paths, and two baselines.

An adviser presses a number and expects the next question at once. Each key is posted as the
terminal driver posts it, and two times are taken: the first frame painted after it, and the
settled frame, the last frame painted before nothing is pending any more (no message queued,
no refresh, layout or recompose asked for: see `settled`). A design that paints a first frame
quickly and then keeps repainting (a pushed screen resized, a Footer recomposed) shows in the
second. Between keys the app is left to settle, unmeasured. Pilot's own `press` is not used for
the timing: it waits for the CPU to go idle in 20 ms steps, which would swamp a 20 ms target.

Two bare Textual apps with the same keys give Textual's own cost on the machine: one pushes a
screen of the same shape (title, body, numbered options, footer) per step, the other updates
one such screen in place.

bench/run.py runs each walk as a fresh process of its own, `walk.py send|bare|inplace SPEC.json
RESULT.json` (see `main`), so each app is timed as an adviser's process would run it: not beside
the benchmark's big packs, nor after another app has warmed Textual's caches or frozen the heap.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
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
#: How long each app is left on its first screen before the first key, as an adviser reads
#: the start screen before starting a call (every app alike). send-tui settles in once no key
#: has come for 0.3 s: it builds the wizard and freezes start-up's objects for the collector.
READ_START_SCREEN = 1.0
#: A gen-2 threshold no walk reaches: full collections put off until the walk is over.
NO_FULL_COLLECTIONS = 1_000_000


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
        if node.default is not None:
            # A question with a default ("Who is calling?") is walked past on a new call: the
            # adviser is already on the next question, and goes back (Esc) only to change it.
            if option_id == node.default:
                continue
            keys.append(Key("escape", True))
        number = str([o.id for o in node.options].index(option_id) + 1)
        if node.kind is NodeKind.QUESTION:
            keys.append(Key(number, True))
        else:
            keys += [Key(number, False), Key("c", True)]
    return keys


def _pump_busy(pump: Any) -> bool:
    """Has this app, screen or widget work queued: a message, a pending callback, a refresh?"""
    return bool(
        pump._message_queue.qsize()
        or pump._pending_message is not None
        or pump._next_callbacks
        or getattr(pump, "_repaint_required", False)
        or getattr(pump, "_layout_required", False)
        or getattr(pump, "_recompose_required", False)
        or getattr(pump, "_scroll_required", False)
    )


def settled(app: App[Any]) -> bool:
    """True once nothing that changes the frame is pending: the frame on screen is the final one.

    Checked, in Textual 8.2: the app's and the active screen's message queues and call-next
    callbacks; the screen's pending layout, scroll, repaint, recompose, dirty widgets and
    after-refresh callbacks (the Footer recomposes through one); any batch_update still open;
    and every widget on the screen (a queued message, a refresh or recompose it has asked for).
    Timers that only fire later (a cursor blink) do not count.
    """
    screen = app.screen
    if app._batch_count or _pump_busy(app) or _pump_busy(screen):
        return False
    if screen._dirty_widgets or screen._callbacks or screen._compositor._dirty_regions:
        return False
    return not any(_pump_busy(widget) for widget in screen.walk_children(with_self=False))


class FrameClock:
    """Records when the app paints: every frame the compositor hands to the driver."""

    def __init__(self, app: App[Any]) -> None:
        self.painted: list[float] = []
        display = app._display

        def timed_display(screen: Screen[Any], renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.painted.append(time.perf_counter())

        app._display = timed_display  # type: ignore[method-assign]


@dataclass(frozen=True)
class Timing:
    """One key: seconds to the first frame painted after it, and to the settled frame."""

    first_paint: float
    settled: float
    frames: int


async def press_and_time(
    pilot: Pilot[Any], clock: FrameClock, key: Key, where: Callable[[App[Any]], object]
) -> Timing | None:
    """Press `key`, as the terminal driver posts it; None if the key did not move (`where`).

    The first paint is the first frame after the key. The settled frame is the last frame
    painted before `settled()` holds (checked between every turn of the event loop, and held
    for two turns so work that is about to be queued is seen); a key that paints nothing more
    settles when the check first holds.
    """
    app = pilot.app
    before = where(app)
    clock.painted.clear()
    started = time.perf_counter()
    app.post_message(events.Key(key.key, _CHARACTERS.get(key.key, key.key)))
    calm = 0
    while time.perf_counter() - started < TIMEOUT:
        await asyncio.sleep(0)
        if not settled(app):
            calm = 0
            continue
        calm += 1
        if calm >= 3:
            break
    done = time.perf_counter()
    painted = [t for t in clock.painted if t >= started]
    moved = where(app) != before
    await pilot.pause()  # let any timer-driven work finish before the next key, unmeasured
    if not key.moves or not moved:
        return None
    first = painted[0] if painted else done
    last = painted[-1] if painted else done
    return Timing(first - started, last - started, len(painted))


@dataclass
class WalkResult:
    first_paint: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)
    frames: list[int] = field(default_factory=list)  # frames painted per key, to settle
    keys: list[str] = field(default_factory=list)  # the key each timing is for
    lost_keys: int = 0  # keys that should have moved and did not
    wrong_ends: int = 0  # paths that did not end at the outcome the content names

    def add(self, other: WalkResult) -> None:
        self.first_paint += other.first_paint
        self.settled += other.settled
        self.frames += other.frames
        self.keys += other.keys
        self.lost_keys += other.lost_keys
        self.wrong_ends += other.wrong_ends

    def of(self, forward: bool, measure: str = "settled") -> list[float]:
        """The timings of keys that go on (digits, c), or of those that go back (Esc)."""
        values: list[float] = getattr(self, measure)
        return [t for t, key in zip(values, self.keys, strict=True) if (key != "escape") == forward]

    def record(self, key: Key, timing: Timing | None) -> None:
        if timing is not None:
            self.first_paint.append(timing.first_paint)
            self.settled.append(timing.settled)
            self.frames.append(timing.frames)
            self.keys.append(key.key)
        elif key.moves:
            self.lost_keys += 1


def _send_tui_place(app: App[Any]) -> object:
    """Where the adviser is: the screen and the step it shows."""
    node = getattr(app.screen, "node", None)
    return (id(app.screen), getattr(node, "id", None))


def defer_full_collections() -> None:
    """Put off gen-2 collections for the rest of the walk: how much of the tail is their pauses.

    Called once the app has settled in, after send-tui has set its own thresholds, so that the
    deferral is not undone before the first key.
    """
    young, middle, _full = gc.get_threshold()
    gc.collect()
    gc.set_threshold(young, middle, NO_FULL_COLLECTIONS)


async def walk_send_tui(
    paths: list[tuple[Step, ...]], *, defer_full_gc: bool = False
) -> WalkResult:
    """Walk each path by keys, then Esc back to the start screen; time every move."""
    from send_tui.app import make_app
    from send_tui.screens.start import StartScreen

    app = make_app()
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        await pilot.pause(READ_START_SCREEN)
        if defer_full_gc:
            defer_full_collections()
        for path in paths:
            app.session.clear()  # a new caller, so "1" on the start screen starts a call
            for key in path_keys(app.content, path):
                result.record(key, await press_and_time(pilot, clock, key, _send_tui_place))
            if getattr(getattr(app.screen, "node", None), "id", None) != path[-1][0]:
                result.wrong_ends += 1
            for _ in range(len(path) + 5):
                if isinstance(app.screen, StartScreen):
                    break
                back = Key("escape", True)
                result.record(back, await press_and_time(pilot, clock, back, _send_tui_place))
    return result


# --- the bare baselines -----------------------------------------------------------------------

_BODY = " ".join(
    ["The family can ask the school for a meeting with the SENCO about the support."] * 5
)
_OPTIONS = [f"{n}  An option an adviser can choose, a few words long" for n in range(1, 8)]


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
        yield OptionList(*_OPTIONS)
        yield Footer()

    def action_forward(self) -> None:
        self.app.push_screen(BareStep())

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def action_noop(self) -> None:
        """Bindings for the footer only."""


class BareWalkApp(App[None]):
    """The pushing baseline: one new screen per step, as Textual's screens guide does it."""

    def on_mount(self) -> None:
        self.push_screen(BareStep())


class BareInPlace(BareStep):
    """The in-place baseline: one screen whose title, body and options change with each key."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    def _show(self) -> None:
        with self.app.batch_update():
            self.query_one("#title", Static).update(
                f"Step {self.depth}: what did the council decide?"
            )
            self.query_one("#body", Static).update(f"{self.depth} {_BODY}")
            options = self.query_one(OptionList)
            options.clear_options()
            options.add_options([f"{line} ({self.depth})" for line in _OPTIONS])
            options.highlighted = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("What did the council decide?", id="title")
        with VerticalScroll():
            yield Static(_BODY, id="body")
        yield OptionList(*_OPTIONS)
        yield Footer()

    def action_forward(self) -> None:
        self.depth += 1
        self._show()

    def action_back(self) -> None:
        if self.depth:
            self.depth -= 1
            self._show()


class BareInPlaceApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(BareInPlace())


def _bare_place(app: App[Any]) -> object:
    return (len(app.screen_stack), getattr(app.screen, "depth", None))


def bare_keys(content: Content, paths: list[tuple[Step, ...]]) -> Iterator[Key]:
    """The same number of forward and back keys as send-tui's walk of `paths`."""
    for path in paths:
        forward = sum(key.moves for key in path_keys(content, path))
        yield from [Key("1", True)] * forward
        yield from [Key("escape", True)] * forward


async def walk_bare(
    keys: list[Key], *, in_place: bool = False, defer_full_gc: bool = False
) -> WalkResult:
    app = BareInPlaceApp() if in_place else BareWalkApp()
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        await pilot.pause(READ_START_SCREEN)
        if defer_full_gc:
            defer_full_collections()
        for key in keys:
            result.record(key, await press_and_time(pilot, clock, key, _bare_place))
    return result


# --- one walk in a fresh process --------------------------------------------------------------


def main(which: str, spec_path: Path, result_path: Path) -> None:
    """Walk one app as SPEC says and write the WalkResult to RESULT (JSON).

    SPEC: for `send`, "paths" (the steps of each shipped path to walk, as [node, option]); for
    `bare` and `inplace`, "keys" ([key, moves] each, from `bare_keys`). Optional: "defer_full_gc",
    and "profile", a file for a cProfile of the walk. The bare walks never import send_tui, so
    their process stays a bare Textual app's. RESULT also gives the collector's thresholds at the
    end, which the deferred walk reports.
    """
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    defer = bool(spec.get("defer_full_gc", False))
    if which == "send":
        paths = [tuple((node, option) for node, option in path) for path in spec["paths"]]
        walking = walk_send_tui(paths, defer_full_gc=defer)
    elif which in ("bare", "inplace"):
        keys = [Key(key, moves) for key, moves in spec["keys"]]
        walking = walk_bare(keys, in_place=which == "inplace", defer_full_gc=defer)
    else:
        raise SystemExit(f"walk.py: no app called {which!r} (send, bare or inplace)")
    profiler = cProfile.Profile() if spec.get("profile") else None
    if profiler is not None:
        profiler.enable()
    try:
        walked = asyncio.run(walking)
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(spec["profile"])
    result = {**asdict(walked), "gc_threshold": list(gc.get_threshold())}
    result_path.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
