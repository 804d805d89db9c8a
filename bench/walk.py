"""Key press to the next step on screen: send-tui's walk of the shipped paths, and two baselines.

An adviser presses a number and expects the next question at once. Each key is posted as the
terminal driver posts it, and two times are taken: the first frame painted after it, and the
settled frame, the last frame painted before nothing is pending any more (no message queued,
no refresh, layout or recompose asked for: see `settled`). A design that paints a first frame
quickly and then keeps repainting (a pushed screen resized, a Footer recomposed) shows in the
second. Between keys the app is left to settle, unmeasured. Pilot's own `press` is not used for
the timing: it waits for the CPU to go idle in 20 ms steps, which would swamp a 20 ms target.

Bare Textual apps with the same keys give Textual's own cost on the machine. Two draw a
screen of a simple shape (title, body, seven options, footer): one pushes such a screen per
step, the other updates one in place (the issue's goal is a ratio against that one). The
third, BareShapedApp, is like for like: send-tui's own screens (start screen, and the wizard's
title bar, question, scrolling body, options with hints, bordered answer trail, footer) at
80x24, in Textual's stock widgets with the wizard's CSS, showing after each key what send-tui
showed (the texts, the trail's rows, an outcome's text, the keys in the footer), each step set
out in place in one batch_update. What send-tui showed is read from its own screen on an
untimed walk (`record_wizard_shapes`, `walk.py shapes`), so the shaped app's keys are send-tui's
key for key and no wording is worked out twice. It says what Textual's stock widgets cost for
what send-tui shows: they take several frames to settle, so its first frame (one stock frame of
that screen) is the figure to set send-tui's whole key against.

Typing into send-tui's letter form (`walk_letter_send`: a sentence into a TextArea, a name
into an Input, `TYPING`) is timed the same way, a character a key, against BareLetterApp: a
form column of stock Inputs and TextAreas beside a Static preview of a letter of about the same
length, set out again on every change as send-tui's letter form sets out its preview.

bench/run.py runs each walk as a fresh process of its own, `walk.py send|bare|inplace|shaped|
letter|letter-bare SPEC.json RESULT.json` (see `main`), so each app is timed as an adviser's process would run it:
not beside the benchmark's big packs, nor after another app has warmed Textual's caches or
frozen the heap. None of the bare walks imports send_tui.
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
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.text import Span, Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from send_tui.model.content import Content
    from send_tui.model.graph import Step
    from send_tui.model.session import Session

#: The character a terminal sends with each key the walk uses.
_CHARACTERS = {"escape": "\x1b", "enter": "\r", "space": " "}
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


#: Told of each key of send-tui's walk once the app has settled after it: (app, key, moved);
#: and, with key None, of each new call before its first key (see `record_wizard_shapes`).
Observer = Callable[[App[Any], Key | None, bool], None]


async def walk_send_tui(
    paths: list[tuple[Step, ...]],
    *,
    defer_full_gc: bool = False,
    observe: Observer | None = None,
) -> WalkResult:
    """Walk each path by keys, then Esc back to the start screen; time every move."""
    from send_tui.app import make_app
    from send_tui.screens.start import StartScreen

    app = make_app()
    result = WalkResult()

    async def press(key: Key) -> None:
        timing = await press_and_time(pilot, clock, key, _send_tui_place)
        result.record(key, timing)
        if observe is not None:
            observe(app, key, timing is not None)

    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        await pilot.pause(READ_START_SCREEN)
        if defer_full_gc:
            defer_full_collections()
        for path in paths:
            app.session.clear()  # a new caller, so "1" on the start screen starts a call
            if observe is not None:
                observe(app, None, False)
            for key in path_keys(app.content, path):
                await press(key)
            if getattr(getattr(app.screen, "node", None), "id", None) != path[-1][0]:
                result.wrong_ends += 1
            for _ in range(len(path) + 5):
                if isinstance(app.screen, StartScreen):
                    break
                await press(Key("escape", True))
    return result


# --- what send-tui's screen shows, for the shaped baseline -------------------------------------


def text_json(text: Text) -> dict[str, Any]:
    """A Rich Text as JSON, styles and all, so a process without send-tui can draw it again."""
    return {
        "text": text.plain,
        "style": str(text.style) if text.style else "",
        "spans": [[span.start, span.end, str(span.style)] for span in text.spans],
    }


def text_from_json(shown: dict[str, Any]) -> Text:
    spans = [Span(start, end, style) for start, end, style in shown["spans"]]
    return Text(shown["text"], style=shown["style"], spans=spans)


def _flat_prompt(prompt: object, width: int, options: OptionList) -> Text:
    """An option's prompt as one Text that stock OptionList draws as send-tui's list does.

    send-tui's numbered row (the number, and beside it the label and hint wrapped with a
    hanging indent) is not a Text: it is drawn here at the width the list gave it, and its
    lines kept, so the stock list has the same lines, heights and scrollbars.
    """
    from textual.style import Style as VisualStyle
    from textual.visual import RenderOptions

    from send_tui.widgets.numbered import NumberedRow

    if not isinstance(prompt, NumberedRow):
        return prompt if isinstance(prompt, Text) else Text(str(prompt))
    lines = prompt.render_strips(
        width, None, VisualStyle(), RenderOptions(options._get_style, options.styles)
    )
    drawn = [Text.assemble(*((seg.text, seg.style or "") for seg in line)) for line in lines]
    for line in drawn:
        line.rstrip()
    return Text("\n").join(drawn)


def _options_json(options: OptionList) -> list[dict[str, Any]]:
    padding = options.get_component_styles("option-list--option").padding
    width = options.scrollable_content_region.width - padding.width
    return [text_json(_flat_prompt(option.prompt, width, options)) for option in options.options]


def _static_json(screen: Screen[Any], selector: str) -> dict[str, Any]:
    shown = screen.query_one(selector, Static).content
    return text_json(shown if isinstance(shown, Text) else Text(str(shown)))


def send_tui_shows(app: App[Any]) -> dict[str, Any]:
    """What send-tui's screen shows now (start screen or wizard), as BareShapedApp sets it out.

    Read from the widgets, so the texts are the wizard's own (an outcome's text is assembled
    by the screen), not worked out again here. The footer: the keys it shows.
    """
    from send_tui.screens.start import StartScreen
    from send_tui.screens.wizard import WizardScreen
    from send_tui.widgets.title_bar import TitleBar
    from send_tui.widgets.trail import AnswerTrail

    screen = app.screen
    footer = [
        binding.key
        for _node, binding, enabled, _tooltip in screen.active_bindings.values()
        if binding.show and enabled
    ]
    title_bar = str(screen.query_one(TitleBar).content)
    if isinstance(screen, StartScreen):
        return {
            "screen": "start",
            "title_bar": title_bar,
            "about": _static_json(screen, "#about"),
            "review": _static_json(screen, "#review"),
            "options": _options_json(screen.query_one("#start-options", OptionList)),
            "keys": _static_json(screen, "#keys"),
            "footer": footer,
        }
    if not isinstance(screen, WizardScreen):
        raise RuntimeError(f"the walk reached {type(screen).__name__}, not the wizard")
    outcome = screen.node.kind.value == "outcome"
    options = screen.query_one("#options", OptionList)
    trail = screen.query_one(AnswerTrail)
    return {
        "screen": "wizard",
        "kind": screen.node.kind.value,
        "title_bar": title_bar,
        "title": _static_json(screen, "#node-title"),
        "multi_hint": _static_json(screen, "#multi-hint"),
        "body": None if outcome else _static_json(screen, "#node-text"),
        "body_shown": screen.query_one("#node-text").display,
        "options": None if outcome else _options_json(options),
        "highlighted": options.highlighted or 0,
        "details": _static_json(screen, "#outcome-details") if outcome else None,
        "suggested": _static_json(screen, "#outcome-suggested") if outcome else None,
        "trail": [
            [row, option.disabled]
            for row, option in zip(_options_json(trail), trail.options, strict=True)
        ],
        "footer": footer,
    }


async def record_wizard_shapes(paths: list[tuple[Step, ...]]) -> dict[str, Any]:
    """Walk send-tui as `walk_send_tui` does and note what it shows after every key.

    Gives "start" (the start screen before the first key) and, per path, [key, moved, shown]
    for each key: the script BareShapedApp plays, so its keys are send-tui's, key for key.
    """
    start: dict[str, Any] = {}
    walked: list[list[list[Any]]] = []

    def observe(app: App[Any], key: Key | None, moved: bool) -> None:
        if key is None:
            if not start:
                start.update(send_tui_shows(app))
            walked.append([])
        else:
            walked[-1].append([key.key, moved, send_tui_shows(app)])

    await walk_send_tui(paths, observe=observe)
    return {"start": start, "paths": walked}


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


#: The wizard's and the start screen's rules from send_tui/app.tcss (and TitleBar's), for
#: stock widgets with the same ids: the same layout at 80x24.
SHAPED_CSS = """
.title-bar {
    height: 1;
    background: $panel;
    color: $text;
    padding: 0 1;
    text-style: bold;
}
ShapedWizard {
    #columns { height: 1fr; }
    #main { width: 1fr; padding: 0 1; }
    #trail {
        width: 26;
        height: 1fr;
        border: round $border-blurred;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
    }
    #trail:focus { border: round $primary; }
    #node-title { text-style: bold; color: $text; height: auto; }
    #node-body { height: auto; max-height: 45%; margin: 1 0 0 0; }
    #node-body Static { margin-bottom: 1; }
    #options { height: 1fr; border: round $border-blurred; margin-bottom: 0; }
    #options:focus { border: round $primary; }
    #outcome-body { height: 1fr; margin: 1 0 0 0; }
    #outcome-body:focus { background: $surface; }
    #outcome-suggested { margin-top: 1; }
}
ShapedWizard.-narrow #trail { display: none; }
ShapedStart {
    #start-body { padding: 1 2; }
    #about, #review { margin-bottom: 1; }
    #start-options { height: auto; border: round $primary; }
    #keys { margin-top: 1; color: $text-muted; }
}
"""


class ShapedStart(Screen[None]):
    """send-tui's start screen in stock widgets: "1" opens the wizard on the call's first step."""

    BINDINGS = [
        *[Binding(str(n), f"play('{n}')", show=False) for n in range(1, 10)],
        Binding("c", "play('c')", show=False),
    ]

    def __init__(self, shown: dict[str, Any]) -> None:
        super().__init__()
        self.shown = shown
        self.coming_back: dict[str, Any] | None = None  # what to show when the call is left

    def compose(self) -> ComposeResult:
        shown = self.shown
        yield Static(shown["title_bar"], classes="title-bar", markup=False)
        with VerticalScroll(id="start-body"):
            yield Static(text_from_json(shown["about"]), id="about", markup=False)
            yield Static(text_from_json(shown["review"]), id="review", markup=False)
            with Vertical(id="start-choices"):
                yield OptionList(*map(text_from_json, shown["options"]), id="start-options")
            yield Static(text_from_json(shown["keys"]), id="keys", markup=False)
        yield Footer()

    def on_screen_resume(self) -> None:
        """Back from a call: the choices again if they changed (one to carry on the call), as
        send-tui's StartScreen does on resume."""
        shown, self.coming_back = self.coming_back, None
        if shown is None:
            return
        options = self.query_one("#start-options", OptionList)
        if shown["options"] != self.shown["options"]:
            options.set_options(map(text_from_json, shown["options"]))
        self.shown = shown
        options.highlighted = 0
        options.focus()

    def action_play(self, key: str) -> None:
        self.app.play(key)  # type: ignore[attr-defined]


class ShapedWizard(Screen[None]):
    """send-tui's wizard in stock widgets, its panes and trail set out in place for each step.

    What `show` changes follows WizardScreen.show: the panes for the kind of step, the title,
    the body or the outcome's text, the options (all of them, highlighted as the wizard does),
    the trail rows that differ, the title bar if it changed; then the bindings, if the keys
    the footer shows changed. A multi step's number key ticks an option (`tick`).
    """

    BINDINGS = [
        Binding("escape", "play('escape')", "Back"),
        *[Binding(str(n), f"play('{n}')", show=False) for n in range(1, 10)],
        Binding("c", "play('c')", "Continue"),
        Binding("d", "noop('d')", "Deadlines"),
        Binding("l", "noop('l')", "Letter"),
    ]

    def __init__(self, shown: dict[str, Any]) -> None:
        super().__init__()
        self.shown = shown
        self._kind: str | None = None
        self._trail: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("", classes="title-bar", id="title-bar", markup=False)
        with Horizontal(id="columns"):
            with Vertical(id="main"):
                yield Static(id="node-title", markup=False)
                with VerticalScroll(id="node-body"):
                    yield Static(id="node-text", markup=False)
                    yield Static(
                        text_from_json(self.shown["multi_hint"]), id="multi-hint", markup=False
                    )
                yield OptionList(id="options")
                with VerticalScroll(id="outcome-body", can_focus=True):
                    yield Static(id="outcome-details", markup=False)
                    yield Static(id="outcome-suggested", markup=False)
            trail = OptionList(id="trail")
            trail.border_title = "Your answers"
            yield trail
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.shown)

    def show(self, shown: dict[str, Any]) -> None:
        footer_changed = shown["footer"] != self.shown["footer"]
        self.shown = shown
        with self.app.batch_update():
            self._set_kind(shown["kind"])
            self.query_one("#node-title", Static).update(text_from_json(shown["title"]))
            if shown["kind"] == "outcome":
                self.query_one("#outcome-details", Static).update(text_from_json(shown["details"]))
                self.query_one("#outcome-suggested", Static).update(
                    text_from_json(shown["suggested"])
                )
                body = self.query_one("#outcome-body")
                body.scroll_home(animate=False)
                body.focus()
            else:
                text = self.query_one("#node-text", Static)
                text.update(text_from_json(shown["body"]))
                text.display = shown["body_shown"]
                self.query_one("#node-body").scroll_home(animate=False)
                options = self.query_one("#options", OptionList)
                options.set_options(map(text_from_json, shown["options"]))
                options.highlighted = shown["highlighted"]
                options.focus()
            self._show_trail(shown["trail"])
            bar = self.query_one("#title-bar", Static)
            if str(bar.content) != shown["title_bar"]:
                bar.update(shown["title_bar"])
        if footer_changed:
            self.refresh_bindings()

    def _set_kind(self, kind: str) -> None:
        """The panes a kind of step uses, as WizardScreen._set_kind sets them."""
        if kind == self._kind:
            return
        self._kind = kind
        outcome, info = kind == "outcome", kind == "info"
        body, options = self.query_one("#node-body"), self.query_one("#options")
        body.display = options.display = not outcome
        self.query_one("#outcome-body").display = outcome
        self.query_one("#multi-hint").display = kind == "multi"
        body.styles.height = "1fr" if info else None
        body.styles.max_height = "100%" if info else None
        options.styles.height = "auto" if info else None

    def _show_trail(self, rows: list[Any]) -> None:
        """Keep the rows the trail already shows, drop the rest, add the new ones."""
        if rows == self._trail:
            return
        trail = self.query_one("#trail", OptionList)
        keep = 0
        while keep < min(len(rows), len(self._trail)) and rows[keep] == self._trail[keep]:
            keep += 1
        if keep == 0:
            trail.clear_options()
        else:
            for index in range(len(self._trail) - 1, keep - 1, -1):
                trail.remove_option_at_index(index)
        trail.add_options(Option(text_from_json(row), disabled=off) for row, off in rows[keep:])
        self._trail = rows

    def tick(self, shown: dict[str, Any]) -> None:
        """A multi step's number: every option's prompt again, its tick changed."""
        options = self.query_one("#options", OptionList)
        highlighted = options.highlighted
        for index, prompt in enumerate(shown["options"]):
            options.replace_option_prompt_at_index(index, text_from_json(prompt))
        options.highlighted = highlighted
        self.shown = shown

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys the footer shows are send-tui's for this step; the number keys always work."""
        if parameters and parameters[0] in ("escape", "c", "d", "l"):
            return parameters[0] in self.shown["footer"]
        return True

    def action_play(self, key: str) -> None:
        self.app.play(key)  # type: ignore[attr-defined]

    def action_noop(self, key: str) -> None:
        """Keys for the footer only: the walk never presses them."""


class BareShapedApp(App[None]):
    """The shaped baseline: send-tui's start screen and wizard, their layout and texts, in stock
    widgets, playing the script of what send-tui showed after each key of its walk.

    Each key takes the next entry of the script ([key, moved, shown]): a step that moves
    shows the next screen in place (`ShapedWizard.show`), or opens the wizard from the start
    screen (pushed, as send-tui pushes its installed wizard) or returns to it (popped). The
    wizard is built and shown once before the first key, as send-tui builds its wizard ahead.
    """

    CSS = SHAPED_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (76, "-wide")]
    BINDINGS = [  # an action each: the footer shows one key per action
        Binding("f1", "noop('f1')", "Help"),
        Binding("f2", "noop('f2')", "Plan"),
        Binding("ctrl+s", "noop('ctrl+s')", "Save"),
    ]

    def __init__(self, start: dict[str, Any], script: list[list[Any]]) -> None:
        super().__init__()
        self.start = ShapedStart(start)
        first = next((s for _k, _m, s in script if s["screen"] == "wizard"), None)
        self.wizard = ShapedWizard(first) if first is not None else None
        self.script = script
        self.played = 0  # entries of the script taken
        self.moves = 0  # of which moved: where the walk is (`_shaped_place`)

    async def on_mount(self) -> None:
        self.install_screen(self.start, "start")
        if self.wizard is None:
            await self.push_screen("start")
            return
        self.install_screen(self.wizard, "wizard")
        await self.push_screen("wizard")
        self.set_timer(0.2, self._to_start)

    async def _to_start(self) -> None:
        await self.switch_screen("start")

    def play(self, key: str) -> None:
        """Show what send-tui showed after this key; a key out of step with the script moves
        nothing (and the walk counts it as lost)."""
        if self.played >= len(self.script) or self.script[self.played][0] != key:
            return
        _key, moved, shown = self.script[self.played]
        self.played += 1
        if not moved:
            if shown["screen"] == "wizard" and self.screen is self.wizard:
                self.wizard.tick(shown)
            return
        self.moves += 1
        if shown["screen"] == "start":
            self.start.coming_back = shown
            if self.screen is not self.start:
                self.pop_screen()
        elif self.wizard is not None:
            self.wizard.show(shown)
            if self.screen is not self.wizard:
                self.push_screen("wizard")

    def action_noop(self, key: str) -> None:
        """Keys for the footer only: the walk never presses them."""


def _shaped_place(app: App[Any]) -> object:
    return (id(app.screen), getattr(app, "moves", None))


def _bare_place(app: App[Any]) -> object:
    return (len(app.screen_stack), getattr(app.screen, "depth", None))


def bare_keys(content: Content, paths: list[tuple[Step, ...]]) -> Iterator[Key]:
    """The same number of forward and back keys as send-tui's walk of `paths`."""
    for path in paths:
        forward = sum(key.moves for key in path_keys(content, path))
        yield from [Key("1", True)] * forward
        yield from [Key("escape", True)] * forward


async def _walk_keys(
    app: App[Any], keys: list[Key], place: Callable[[App[Any]], object], defer_full_gc: bool
) -> WalkResult:
    """Press `keys` in a bare app, timing each, after it has been left on its first screen."""
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        clock = FrameClock(app)
        await pilot.pause(READ_START_SCREEN)
        if defer_full_gc:
            defer_full_collections()
        for key in keys:
            result.record(key, await press_and_time(pilot, clock, key, place))
    return result


async def walk_bare(
    keys: list[Key], *, in_place: bool = False, defer_full_gc: bool = False
) -> WalkResult:
    app = BareInPlaceApp() if in_place else BareWalkApp()
    return await _walk_keys(app, keys, _bare_place, defer_full_gc)


async def walk_shaped(
    start: dict[str, Any], script: list[list[Any]], *, defer_full_gc: bool = False
) -> WalkResult:
    """Walk BareShapedApp through `script` ([key, moved, shown], from `record_wizard_shapes`)."""
    keys = [Key(key, moved) for key, moved, _shown in script]
    return await _walk_keys(BareShapedApp(start, script), keys, _shaped_place, defer_full_gc)


# --- typing into the letter form ---------------------------------------------------------------

#: What the typing walk types, field by field: a sentence into the letter's "outcome" (a
#: TextArea, as an adviser writes what the family wants mid-call) and a name into a one-line
#: Input. Letters and spaces only. Each field starts empty in the walk's session.
TYPING: list[tuple[str, str]] = [
    ("outcome", "A meeting with the SENCO and a written plan"),
    ("addressee_name", "Ms Patel"),
]


def typing_keys(text: str) -> list[Key]:
    """The keys a terminal posts for `text`: a letter is its own key, a space is "space"."""
    return [Key("space" if character == " " else character, True) for character in text]


def letter_session(content: Content) -> Session:
    """A typical call for the letter form: a complaint about a school, the letter filled in but
    for the fields the walk types (`TYPING`), which start empty."""
    from send_tui.model.session import Session

    session = Session(content)
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    session.letter_fields.update(
        {
            "complainant_name": "Alex Smith",
            "child_name": "Sam Smith",
            "setting": "Oak Primary School",
            "year_group": "Year 4",
            "tried": "Spoke to the class teacher on 3 November and the SENCO on 10 November.",
            "reply_unit": "working_days",
            "reply_within": "10",
            **{name: "" for name, _text in TYPING},
        }
    )
    return session


def _field_value(app: App[Any], name: str) -> str:
    """What a form field holds now (an Input's value or a TextArea's text)."""
    from textual.widgets import Input, TextArea

    widget = app.screen.query_one(f"#{name}")
    return widget.text if isinstance(widget, TextArea) else cast(Input, widget).value


async def _type_into(
    app: App[Any], pilot: Pilot[Any], typing: list[tuple[str, str]], result: WalkResult
) -> None:
    """Focus each field, its cursor at the end, and type its text, timing every character.

    A character that does not change the field counts as lost (`WalkResult.lost_keys`).
    """
    from textual.widgets import TextArea

    clock = FrameClock(app)
    for name, text in typing:
        field_widget = app.screen.query_one(f"#{name}")
        field_widget.focus()
        if isinstance(field_widget, TextArea):
            field_widget.move_cursor(field_widget.document.end)
        await pilot.pause()
        for key in typing_keys(text):
            timing = await press_and_time(pilot, clock, key, partial(_field_value, name=name))
            result.record(key, timing)


async def walk_letter_send(
    typing: list[tuple[str, str]], *, session: Session | None = None
) -> WalkResult:
    """Open send-tui's letter form (F5) on a call and type `typing` into it, field by field.

    The session is `letter_session`'s unless one is given (a test reads back what reached it).
    """
    from send_tui.app import make_app
    from send_tui.model.loader import load_content

    app = make_app(session=session or letter_session(load_content()))
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(READ_START_SCREEN)
        await pilot.press("f5")
        await pilot.pause()
        if type(app.screen).__name__ != "LetterScreen":
            raise RuntimeError(f"F5 opened {type(app.screen).__name__}, not the letter form")
        await _type_into(app, pilot, typing, result)
    return result


#: The bare letter app's preview: a letter of about the length send-tui's preview shows for
#: `letter_session` (its "missing" note and the letter, some 1,400 characters), with the
#: fields' text in it.
_BARE_LETTER = (
    "Dear {addressee_name},\n\n"
    "Complaint about the support for Sam Smith, Year 4, Oak Primary School\n\n"
    + "I am writing to make a formal complaint about the special educational provision for my "
    "child. The support the school agreed to put in place has not been delivered. "
    * 4
    + "\n\nWhat we have tried: Spoke to the class teacher on 3 November and the SENCO on "
    "10 November.\n\nWhat we would like to happen: {outcome}\n\n"
    "Please reply within 10 school days of the date of this letter.\n\nYours sincerely,\n\n"
    "Alex Smith\n\n"
    + "Still missing before sending:\n- the date of the decision\n- who the letter is to\n"
    * 3
)


class BareLetterApp(App[None]):
    """The typing baseline: a form column (Inputs, TextAreas) beside a Static preview that is
    set out again, whole, on every change, as send-tui's letter form does; stock widgets."""

    CSS = """
    #form { width: 1fr; padding: 0 1; }
    #form TextArea { height: 4; }
    #form Label { margin-top: 1; text-style: bold; }
    #preview-pane { width: 1fr; padding: 0 1; border-left: solid $border-blurred; }
    """

    def compose(self) -> ComposeResult:
        from textual.widgets import Input, Label, TextArea

        with Horizontal():
            with VerticalScroll(id="form"):
                for name in ("complainant_name", "child_name", "setting", "addressee_name"):
                    yield Label(name.replace("_", " ").capitalize())
                    yield Input(id=name, compact=True)
                for name in ("about", "tried", "outcome"):
                    yield Label(name.capitalize())
                    yield TextArea(id=name, soft_wrap=True, tab_behavior="focus")
            with VerticalScroll(id="preview-pane"):
                yield Static(id="preview", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def on_input_changed(self) -> None:
        self._show()

    def on_text_area_changed(self) -> None:
        self._show()

    def _show(self) -> None:
        fields = {name: _field_value(self, name) for name in ("addressee_name", "outcome")}
        self.query_one("#preview", Static).update(Text(_BARE_LETTER.format(**fields)))


async def walk_letter_bare(typing: list[tuple[str, str]]) -> WalkResult:
    """Type `typing` into BareLetterApp as into send-tui's letter form."""
    app = BareLetterApp()
    result = WalkResult()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(READ_START_SCREEN)
        await _type_into(app, pilot, typing, result)
    return result


# --- one walk in a fresh process --------------------------------------------------------------


def main(which: str, spec_path: Path, result_path: Path) -> None:
    """Walk one app as SPEC says and write the WalkResult to RESULT (JSON).

    SPEC: for `send`, "paths" (the steps of each shipped path to walk, as [node, option]); for
    `bare` and `inplace`, "keys" ([key, moves] each, from `bare_keys`); for `shaped`, "start"
    and "script" (from `record_wizard_shapes`, the paths' scripts one after another); for
    `letter` (send-tui's letter form) and `letter-bare` (BareLetterApp), "typing" ([field,
    text] each, as `TYPING`). Optional: "defer_full_gc", and "profile", a file for a cProfile
    of the walk. The bare walks never import send_tui, so their process stays a bare Textual
    app's. RESULT also gives the collector's thresholds at the end, which the deferred walk
    reports.

    `shapes` is not timed: it walks send-tui over SPEC's "paths" and writes, instead of a
    WalkResult, what `record_wizard_shapes` noted, for the parent to pass to `shaped`.
    """
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    defer = bool(spec.get("defer_full_gc", False))
    if which == "send":
        paths = [tuple((node, option) for node, option in path) for path in spec["paths"]]
        walking = walk_send_tui(paths, defer_full_gc=defer)
    elif which in ("bare", "inplace"):
        keys = [Key(key, moves) for key, moves in spec["keys"]]
        walking = walk_bare(keys, in_place=which == "inplace", defer_full_gc=defer)
    elif which == "shaped":
        walking = walk_shaped(spec["start"], spec["script"], defer_full_gc=defer)
    elif which == "letter":
        walking = walk_letter_send(spec["typing"])
    elif which == "letter-bare":
        walking = walk_letter_bare(spec["typing"])
    elif which == "shapes":
        paths = [tuple((node, option) for node, option in path) for path in spec["paths"]]
        shapes = asyncio.run(record_wizard_shapes(paths))
        result_path.write_text(json.dumps(shapes), encoding="utf-8")
        return
    else:
        raise SystemExit(
            f"walk.py: no app called {which!r} (send, bare, inplace, shaped, letter, letter-bare, shapes)"
        )
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
