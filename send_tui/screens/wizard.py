"""The wizard: one screen for the whole call, whose question pane and trail change in place.

A new Screen per step cost several frames a key (compose, CSS for every widget, layouts on
resume and resize, the Footer rebuilt). Here the widget set is fixed: moving on or back sets the
title, the body, the options and the trail rows that changed, inside one `batch_update`; the
kind of step (question, multi, info, outcome) only decides which panes are displayed. The app
keeps the one screen for the whole run (installed), so a new call does not compose it again.
The screen reads the session and sends it small commands through the app; it never works out
routes, dates or wording itself.

A look-up (from the start screen or the palette) is a second WizardScreen with `preview` set: it
shows steps without touching the answers, and Esc walks back through what it showed, then
returns to the call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model.clocks import node_clocks
from send_tui.model.content import Node, NodeKind, Route
from send_tui.model.letter import caller_answered, outcome_notes
from send_tui.model.session import toggle_choice
from send_tui.screens.settled_layout import SettledLayoutScreen
from send_tui.widgets import content_text
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.numbered import numbered_row
from send_tui.widgets.one_layout import PaneScroll, PaneText
from send_tui.widgets.shown_text import ShownText
from send_tui.widgets.step_options import StepOptions
from send_tui.widgets.title_bar import TitleBar
from send_tui.widgets.trail import AnswerTrail

if TYPE_CHECKING:
    from send_tui.app import SendApp

CONTINUE = "__continue"
MULTI_HINT = "Choose all that apply: 1-9 or Space to tick, then c to continue."


class WizardScreen(SettledLayoutScreen):
    """Every step of the call, one data-driven view: `show(node)` redraws it in place."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="send.back"),
        # The number keys choose an option on a step, and add a suggested route on an outcome;
        # `check_action` enables the set that fits the step showing.
        *[
            Binding(str(n), f"choose({n})", f"Choose {n}", show=False, id=f"send.choose{n}")
            for n in range(1, 10)
        ],
        *[
            Binding(str(n), f"add_route({n})", f"Add route {n}", show=False, id=f"send.add{n}")
            for n in range(1, 10)
        ],
        Binding("space", "toggle", "Toggle", show=False, id="send.toggle"),
        Binding("c", "continue", "Continue", id="send.continue"),
        Binding("d", "deadlines", "Deadlines", id="send.outcome.deadlines"),
        Binding("l", "letter", "Letter", id="send.outcome.letter"),
    ]

    def __init__(self, node: Node, *, preview: bool = False) -> None:
        super().__init__(id=None if preview else "wizard")
        self.node = node
        self.preview = preview
        self.selected: set[str] = set()  # a multi step's ticks, until it is answered
        self._looked_up: list[Node] = []  # a look-up's earlier steps, for Esc
        self._kind: NodeKind | None = None  # the kind of step the panes are set out for
        self._clocks_for: tuple[tuple[str, int, int], tuple[str, ...]] | None = None

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    # -- building and redrawing ------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar("", id="title-bar")
        with Horizontal(id="columns"):
            with Vertical(id="main"):
                yield PaneText(id="node-title", markup=False)
                with PaneScroll(id="node-body"):
                    yield PaneText(id="node-text", markup=False)
                    yield Static(Text(MULTI_HINT, style="italic"), id="multi-hint", markup=False)
                yield StepOptions(id="options", markup=False)
                with PaneScroll(id="outcome-body", can_focus=True):
                    yield ShownText(id="outcome-details", markup=False)
                    yield PaneText(id="outcome-suggested", markup=False)
            yield AnswerTrail(self.send_app.session, id="trail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show(self.node)

    def on_screen_resume(self) -> None:
        self.refresh_from_session()

    def show(self, node: Node) -> None:
        """Show `node` in place: the title, body, options or outcome, the trail, the keys."""
        self.node = node
        answer = self.send_app.session.answers.get(node.id)
        self.selected = set(answer) if isinstance(answer, tuple) else set()
        self.before_changing_in_place()
        with self.app.batch_update():
            self._set_kind(node.kind)
            self.query_one("#node-title", Static).update(Text(node.title))
            if node.kind is NodeKind.OUTCOME:
                self.query_one("#outcome-details", Static).update(self._details())
                self._show_suggested()
                body = self.query_one("#outcome-body")
                body.scroll_home(animate=False)
                body.focus()
            else:
                self.query_one("#node-text", Static).update(content_text.paragraphs(node.body))
                self.query_one("#node-text").display = bool(node.body)
                self.query_one("#node-body").scroll_home(animate=False)
                self._show_options(node, answer)
            self.refresh_from_session()
            # The keys for this step, in this frame (the bindings signal comes after the paint;
            # the footer then finds nothing to change).
            self.query_one(KeyFooter).show_keys_now(self)
        self.refresh_bindings()

    def _set_kind(self, kind: NodeKind) -> None:
        """Show the panes this kind of step uses.

        By `display` and inline sizes on the few widgets concerned rather than a class on a
        container: a class change restyles the whole subtree (about 10 ms a key on a loaded
        2-core machine), these only ask for a layout, which the new content needs anyway.
        """
        if kind is self._kind:
            return
        self._kind = kind
        outcome, info = kind is NodeKind.OUTCOME, kind is NodeKind.INFO
        body, options = self.query_one("#node-body"), self.query_one("#options")
        body.display = options.display = not outcome
        self.query_one("#outcome-body").display = outcome
        self.query_one("#multi-hint").display = kind is NodeKind.MULTI
        # An information step is all text: its body takes the room, its one option as little.
        body.styles.height = "1fr" if info else None
        body.styles.max_height = "100%" if info else None
        options.styles.height = "auto" if info else None

    def _show_options(self, node: Node, answer: object) -> None:
        options = self.query_one("#options", StepOptions)
        options.set_options(self._options())
        index = 0
        if isinstance(answer, str) and node.kind is NodeKind.QUESTION:
            index = next((i for i, o in enumerate(node.options) if o.id == answer), 0)
        options.highlighted = index
        options.scroll_to_highlight_when_laid_out()
        options.focus()

    def title_text(self) -> str:
        if self.preview:
            # The way back first: a long title is cut at the bar's end, and is shown below whole.
            return f"Look-up (Esc returns to the call): {self.node.title}"
        step = self.send_app.session.step_number(self.node.id)
        return f"send-tui · step {step} · content reviewed {self.send_app.review_date_text}"

    def refresh_from_session(self) -> None:
        """Redraw what depends on the session: the title's step, the trail, suggested routes."""
        trail = self.query_one(AnswerTrail)
        trail.session = self.send_app.session
        trail.refresh_trail()
        self.query_one("#title-bar", TitleBar).set_text(self.title_text())
        if self.node.kind is NodeKind.OUTCOME:
            self._show_suggested()

    def _options(self) -> list[Option]:
        node = self.node
        if node.kind is NodeKind.INFO:
            return [Option(Text("1  Continue"), id=CONTINUE)]
        options = []
        for number, option in enumerate(node.options, start=1):
            label = Text()
            if node.kind is NodeKind.MULTI:
                label.append("[x] " if option.id in self.selected else "[ ] ", style="bold")
            label.append(option.label)
            if option.hint:
                label.append(f"\n{option.hint}", style="italic")
            options.append(Option(numbered_row(number, label), id=option.id))
        if node.kind is NodeKind.MULTI:
            options.append(
                Option(Text("   Continue with these choices (c)", style="bold"), id=CONTINUE)
            )
        return options

    # -- an outcome --------------------------------------------------------------------------

    def _details(self) -> Text:
        node, content = self.node, self.send_app.content
        parts: list[Text] = []
        route = content.routes.get(node.route or "")
        if route is not None:
            parts.append(Text.assemble(("Route: ", "bold"), route.title))
        caller = caller_answered(self.send_app.session)
        if caller is not None and caller.hint:
            parts.append(
                Text.assemble(
                    ("Who is calling: ", "bold"), caller.label, "\n", (caller.hint, "italic")
                )
            )
        notes = outcome_notes(self.send_app.session, node)
        if notes:
            parts.append(content_text.paragraphs("\n\n".join(notes)))
        if node.body:
            parts.append(content_text.paragraphs(node.body))
        parts += [content_text.heading("Next steps"), content_text.numbered(node.next_steps)]
        contact_ids = self.send_app.session.node_contacts(node)
        if contact_ids:
            parts += [
                content_text.heading("Who to contact"),
                content_text.contacts(content, contact_ids),
            ]
        clock_ids = self._clock_ids()
        if clock_ids:
            parts += [
                content_text.heading("Deadlines that apply"),
                content_text.clocks(content, clock_ids),
                Text("Press d to work out the dates.", style="italic"),
            ]
        ref_ids = self.send_app.session.node_refs(node)
        if ref_ids:
            parts += [content_text.heading("References"), content_text.references(content, ref_ids)]
        return Text("\n\n").join(parts)

    def _suggested(self) -> list[Route]:
        return self.send_app.session.offered_routes(self.node, preview=self.preview)

    def _show_suggested(self) -> None:
        routes = self._suggested()
        widget = self.query_one("#outcome-suggested", Static)
        if not routes:
            widget.update(Text("Plan: F2 shows the routes in the plan.", style="italic"))
            return
        text = Text.assemble(content_text.heading("Also worth adding to the plan"), "\n")
        for number, route in enumerate(routes, start=1):
            text.append(f"{number}  ", style="bold")
            text.append(f"{route.title}: {route.summary}\n")
        text.append("Press the number to add it; F2 shows the plan.", style="italic")
        widget.update(text)

    def _clock_ids(self) -> tuple[str, ...]:
        """The clocks that apply to this call at this step (a school-only appeal lists no
        mediation clocks). Asked for by the "d" key's check on every bindings refresh, several
        times a key, so kept until the step or the answers change."""
        session = self.send_app.session
        key = (self.node.id, id(session), session.revision)
        if self._clocks_for is None or self._clocks_for[0] != key:
            self._clocks_for = (key, node_clocks(session, self.node))
        return self._clocks_for[1]

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        kind = self.node.kind
        if action in ("toggle", "continue"):
            return kind is NodeKind.MULTI
        if action == "choose":
            (number,) = parameters
            limit = 1 if kind is NodeKind.INFO else len(self.node.options)
            return kind is not NodeKind.OUTCOME and int(number) <= limit  # type: ignore[call-overload]
        if action == "add_route":
            return kind is NodeKind.OUTCOME
        if action == "deadlines":
            return kind is NodeKind.OUTCOME and bool(self._clock_ids())
        if action == "letter":
            return kind is NodeKind.OUTCOME and (
                self.node.letter is not None
                or any(e.route.letter for e in self.send_app.session.plan())
            )
        return True

    def action_back(self) -> None:
        if isinstance(self.focused, AnswerTrail):
            self.focus_question()  # Esc leaves the trail, not the question
        elif self.preview and self._looked_up:
            self.show(self._looked_up.pop())
        elif self.preview:
            self.app.pop_screen()
        else:
            self.send_app.go_back()

    def go_on_to(self, node: Node) -> None:
        """In a look-up: show where an answer leads, remembering this step for Esc."""
        self._looked_up.append(self.node)
        self.show(node)

    async def action_choose(self, number: int) -> None:
        node = self.node
        if node.kind is NodeKind.INFO:
            await self._go_on()
        elif 1 <= number <= len(node.options):
            option = node.options[number - 1]
            if node.kind is NodeKind.MULTI:
                self._toggle(option.id)
            else:
                self.send_app.answer(node, option.id, preview=self.preview)

    @on(OptionList.OptionSelected, "#options")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        options = self.query_one("#options", StepOptions)
        index = event.option_index
        if (
            self.node.kind is NodeKind.OUTCOME  # (its list is hidden, still the step before's)
            or index >= options.option_count
            or options.get_option_at_index(index) is not event.option
        ):
            return  # chosen on the step before, arriving after this one was set out
        option_id = event.option.id or ""
        if option_id == CONTINUE:
            await self._go_on()
        elif self.node.kind is NodeKind.MULTI:
            self._toggle(option_id)
        else:
            self.send_app.answer(self.node, option_id, preview=self.preview)

    def action_toggle(self) -> None:  # type: ignore[override]  # not DOMNode's toggle(attribute)
        options = self.query_one("#options", OptionList)
        if options.highlighted is not None and options.highlighted < len(self.node.options):
            self._toggle(self.node.options[options.highlighted].id)

    async def action_continue(self) -> None:
        await self._go_on()

    def _toggle(self, option_id: str) -> None:
        if self.node.option(option_id) is None:
            return
        self.selected = toggle_choice(self.node, self.selected, option_id)
        options = self.query_one("#options", OptionList)
        highlighted = options.highlighted
        for index, new in enumerate(self._options()):
            options.replace_option_prompt_at_index(index, new.prompt)
        options.highlighted = highlighted

    async def _go_on(self) -> None:
        if self.node.kind is NodeKind.INFO:
            self.send_app.answer(self.node, "seen", preview=self.preview)
            return
        if not self.selected:
            self.notify("Choose at least one option first (1-9 or Space).", severity="warning")
            return
        chosen = tuple(o.id for o in self.node.options if o.id in self.selected)
        self.send_app.answer(self.node, chosen, preview=self.preview)

    def action_add_route(self, number: int) -> None:
        routes = self._suggested()
        if not 1 <= number <= len(routes):
            return
        route = routes[number - 1]
        self.send_app.session.add_route(route.id)
        self.notify(f"Added to the plan: {route.title}", markup=False)
        self.send_app.session_changed()
        self._show_suggested()

    def action_letter(self) -> None:
        self.send_app.action_show_letter()

    def action_deadlines(self) -> None:
        self.send_app.action_show_deadlines(self._clock_ids())

    # -- the trail ---------------------------------------------------------------------------

    @on(AnswerTrail.Reopen)
    def _reopen(self, event: AnswerTrail.Reopen) -> None:
        self.send_app.reopen(event.node_id)

    def focus_trail(self) -> bool:
        """F3 in the wide layout: into the trail, on the answer to this question (else the latest)."""
        trail = self.query_one(AnswerTrail)
        if not trail.display or not self.has_class("-wide"):
            return False
        trail.focus()
        trail.highlight_answer(self.node.id)
        return True

    def focus_question(self) -> None:
        """Back from the trail to what the step is about: its options, or an outcome's text."""
        target = "#outcome-body" if self.node.kind is NodeKind.OUTCOME else "#options"
        self.query_one(target).focus()
