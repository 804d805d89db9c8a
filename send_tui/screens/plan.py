"""F2: the plan of routes, in order, with what must come first; routes can be added or removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.dialogs.base import Dialog
from send_tui.model.session import PlanEntry
from send_tui.widgets.choice_list import ChoiceList
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from send_tui.app import SendApp
    from send_tui.model.session import Session

#: The key for each route in the add-route dialog, in order. Not `a`: it opens the dialog, and
#: pressing it twice must not add a route.
PICK_KEYS = "123456789bcdefghijklmnopqrstuvwxyz"

REASONS = {
    "recommended": "from the answers",
    "chosen": "added by you",
    "needed first": "needed first",
}


def entry_prompt(number: int, entry: PlanEntry) -> Text:
    text = Text()
    text.append(f"{number}. {entry.route.title}", style="bold")
    text.append(f"  ({REASONS.get(entry.reason, entry.reason)})\n")
    text.append(f"   {entry.route.summary}")
    for note in entry.first:
        text.append("\n   First: ", style="bold")
        text.append(note)
    return text


class PlanScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,f2", "app.pop_screen", "Back", id="send.plan.back"),
        Binding("a", "add", "Add a route", id="send.plan.add"),
        Binding("x,delete", "remove", "Remove", id="send.plan.remove"),
        Binding("d", "app.show_deadlines", "Deadlines", id="send.plan.deadlines"),
        Binding("l", "app.show_letter", "Letter", id="send.plan.letter"),
        Binding("c", "compare", "Compare", id="send.plan.compare"),
        Binding("t", "timeline", "Timeline", show=False, id="send.plan.timeline"),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar("Plan: the routes to follow, in order")
        with Vertical(id="plan-main"):
            yield Static(
                Text(
                    "Most routes can be followed together. Routes from the answers are added for you; "
                    "a adds another, x removes one you added, d works out the deadlines, l writes the letter, "
                    "c compares the routes side by side, t puts every date on one timeline.",
                    style="italic",
                ),
                markup=False,
            )
            yield Static(id="plan-warnings", markup=False)
            yield ChoiceList(id="plan-list", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_plan()
        self.query_one("#plan-list").focus()

    def refresh_plan(self) -> None:
        self._show_warnings()
        plan = self.send_app.session.plan()
        options = self.query_one("#plan-list", OptionList)
        was = options.highlighted
        was_id = options.get_option_at_index(was).id if was is not None else None
        options.clear_options()
        if not plan:
            options.add_option(
                Option(
                    Text("No routes yet: answer the questions, or press a to add one."),
                    disabled=True,
                )
            )
            return
        options.add_options(
            Option(entry_prompt(n, e), id=e.route.id) for n, e in enumerate(plan, start=1)
        )
        # A route highlighted from the start, so x works at once; after a change, the same
        # route, or the one now in the removed one's place.
        ids = [e.route.id for e in plan]
        if was_id in ids:
            options.highlighted = ids.index(was_id)
        else:
            options.highlighted = min(was or 0, len(ids) - 1)

    def action_remove(self) -> None:
        options = self.query_one("#plan-list", OptionList)
        if options.highlighted is None:
            return
        route_id = options.get_option_at_index(options.highlighted).id or ""
        if self.send_app.session.remove_route(route_id):
            self.send_app.session_changed()
            self.refresh_plan()
        else:
            self.notify(
                "That route comes from the answers: change the answer to remove it.",
                severity="warning",
            )

    def _show_warnings(self) -> None:
        """The timeline's warnings (a date gone, one before the reply), where the plan is made."""
        from send_tui.model import dates
        from send_tui.model.timeline import TIMELINE_WORDS, build_timeline

        warnings = build_timeline(self.send_app.session, dates.today()).warnings
        shown = self.query_one("#plan-warnings", Static)
        shown.display = bool(warnings)
        if warnings:
            shown.update(Text(TIMELINE_WORDS.plan_alert(len(warnings)), style="bold"))

    def action_compare(self) -> None:
        from send_tui.screens.comparison import ComparisonScreen

        self.app.push_screen(ComparisonScreen())

    def action_timeline(self) -> None:
        from send_tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen())

    def action_add(self) -> None:
        session = self.send_app.session
        if not session.addable_routes():
            self.notify("Every route is already in the plan.")
            return

        def changed() -> None:
            self.send_app.session_changed()
            self.refresh_plan()

        self.app.push_screen(RoutePicker(session, changed))


class RoutePicker(Dialog[None]):
    """The routes to add, numbered once when it opens: an added route stays in the list, marked,
    so the number an adviser has just read still means the same route, and a second press of
    it adds nothing. Esc closes it; the plan behind shows each route as it is added.

    Past the ninth route the keys go on with letters (b, c, d...): a row labelled "10" read as
    "one, zero" would have added the first route."""

    HELP_TITLE = "Add routes to the plan"
    DEFAULT_CSS = """
    RoutePicker { align: center middle; }
    RoutePicker > Vertical { width: 60; max-width: 100%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; }
    RoutePicker OptionList { height: auto; border: none; }
    """
    BINDINGS = [
        Binding("escape", "dismiss_none", "Done", id="send.picker.cancel"),
        *[
            Binding(key, f"pick({number})", show=False, id=f"send.picker{number}")
            for number, key in enumerate(PICK_KEYS, 1)
        ],
    ]

    def __init__(self, session: Session, changed: Callable[[], None]) -> None:
        super().__init__()
        self.session = session
        self.changed = changed
        self.routes = [(r.id, r.title) for r in session.addable_routes()]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Add routes to the plan"
            box.border_subtitle = "Esc: done"
            yield ChoiceList(*self._options(), markup=False)

    def _options(self) -> list[Option]:
        return [
            Option(self._prompt(n, rid, title), id=rid)
            for n, (rid, title) in enumerate(self.routes, 1)
        ]

    def _prompt(self, number: int, route_id: str, title: str) -> Text:
        key = PICK_KEYS[number - 1] if number <= len(PICK_KEYS) else " "
        prompt = Text.assemble((f"{key}  ", "bold"), title)
        if route_id in self.session.chosen_routes:
            prompt.append("  (added)", style="bold")
        elif route_id in self._in_plan():
            prompt.append("  (in the plan)", style="bold")
        return prompt

    def _in_plan(self) -> set[str]:
        return {entry.route.id for entry in self.session.plan()}

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick(event.option_index + 1)

    def action_pick(self, number: int) -> None:
        if not 1 <= number <= len(self.routes) or self._answered:
            return
        route_id, title = self.routes[number - 1]
        if route_id in self._in_plan():
            self.notify(f"Already in the plan: {title}", markup=False, timeout=4)
            return
        self.session.add_route(route_id)
        self.changed()
        # Mark in place (a route needed first may have joined too); nothing is renumbered.
        options = self.query_one(OptionList)
        for index, (rid, route_title) in enumerate(self.routes):
            options.replace_option_prompt_at_index(index, self._prompt(index + 1, rid, route_title))
        self.notify(f"Added to the plan: {title}", markup=False, timeout=4)

    def action_dismiss_none(self) -> None:
        self.close(None)
