"""Every running clock of the call on one timeline, earliest first; Enter opens a date's next step.

Reached from the plan (t) and the deadlines screen (ctrl+t). The screen only lays out
`model.timeline`: the dates, the firm-or-target wording, the escalation and the warnings are all
worked out there, from the content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from send_tui.model import dates
from send_tui.model.timeline import (
    TIMELINE_WORDS,
    Timeline,
    TimelineEntry,
    build_timeline,
    done_message,
    next_step_node,
)
from send_tui.widgets.choice_list import ChoiceList
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp


def entry_prompt(entry: TimelineEntry, today) -> Text:  # today: date
    text = Text()
    text.append(entry.date_text(), style="bold")
    text.append(f"  {entry.title}\n")
    if entry.is_done:
        text.append(f"   {TIMELINE_WORDS.done}", style="italic")
        text.append(f"\n   {entry.done}\n")
        return text
    text.append(f"   {entry.status(today)}; {entry.kind}", style="italic")
    if entry.started_by:
        text.append(f"\n   {TIMELINE_WORDS.started_by}: {entry.started_by}")
    if entry.waits_on:
        text.append(f"\n   {TIMELINE_WORDS.waits_on}: {entry.waits_on}")
    escalation = entry.escalation_line()
    if escalation:
        text.append("\n   ")
        text.append(escalation, style="bold")
    for note in entry.notes:
        text.append(f"\n   {TIMELINE_WORDS.note}: {note}")
    text.append("\n")  # a blank line keeps one date's lines apart from the next
    return text


def warnings_text(timeline: Timeline) -> Text:
    text = Text()
    if timeline.warnings:
        text.append(f"{TIMELINE_WORDS.warnings_heading}:", style="bold")
        for warning in timeline.warnings:
            text.append(f"\n! {warning}")
    return text


class TimelineScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="send.timeline.back"),
        Binding("enter", "open_step", "Next step", show=True, id="send.timeline.open"),
        Binding("c", "compare", "Compare", id="send.timeline.compare"),
        Binding("d", "dates", "Dates", id="send.timeline.dates"),
    ]

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield TitleBar(f"{TIMELINE_WORDS.heading}; Enter: next step")
        with Vertical(id="timeline-main"):
            with VerticalScroll(id="timeline-warnings", can_focus=True):
                yield Static(id="timeline-warnings-text", markup=False)
            yield ChoiceList(id="timeline-list", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_timeline()
        self.query_one("#timeline-list").focus()

    def on_screen_resume(self) -> None:
        self.refresh_timeline()

    def refresh_timeline(self) -> None:
        today = dates.today()
        self.timeline = build_timeline(self.send_app.session, today)
        self.query_one("#timeline-warnings-text", Static).update(warnings_text(self.timeline))
        self.query_one("#timeline-warnings").display = bool(self.timeline.warnings)
        options = self.query_one("#timeline-list", OptionList)
        was = self._highlighted()
        options.clear_options()
        options.add_options(
            Option(entry_prompt(entry, today), id=entry.key) for entry in self.timeline.entries
        )
        for problem in self.timeline.problems:
            options.add_option(
                Option(
                    Text(f"{problem.title}: cannot be worked out: {problem.reason}"), disabled=True
                )
            )
        if not self.timeline.entries and not self.timeline.problems:
            options.add_option(
                Option(Text(f"{TIMELINE_WORDS.empty} Press d to enter the dates."), disabled=True)
            )
        # A date highlighted from the start, so the title's "Enter: next step" works at once;
        # back from a step, the same date.
        keys = [entry.key for entry in self.timeline.entries]
        if keys:
            options.highlighted = keys.index(was.key) if was is not None and was.key in keys else 0

    def _highlighted(self) -> TimelineEntry | None:
        options = self.query_one("#timeline-list", OptionList)
        if options.highlighted is None:
            return None
        key = options.get_option_at_index(options.highlighted).id
        return next((e for e in self.timeline.entries if e.key == key), None)

    @on(OptionList.OptionSelected, "#timeline-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_step()

    def action_open_step(self) -> None:
        entry = self._highlighted()
        if entry is None:
            return
        if entry.is_done:
            self.notify(done_message(entry), markup=False)
            return
        node = next_step_node(self.send_app.session, entry)
        if node is None:
            self.notify("This date has no next step to open.", severity="warning")
            return
        self.send_app.open_node(node)

    def action_compare(self) -> None:
        from send_tui.screens.comparison import ComparisonScreen

        if below_is(self, ComparisonScreen):
            self.app.pop_screen()
        else:
            self.app.push_screen(ComparisonScreen())

    def action_dates(self) -> None:
        from send_tui.screens.deadlines import DeadlinesScreen

        if below_is(self, DeadlinesScreen):
            self.app.pop_screen()
        else:
            self.send_app.action_show_deadlines()


def below_is(screen: Screen, kind: type) -> bool:
    """Is the screen under this one of `kind`? Then going "there" is going back, not another push."""
    stack = screen.app.screen_stack
    return len(stack) > 1 and stack[-1] is screen and isinstance(stack[-2], kind)
