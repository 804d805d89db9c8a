"""The deadlines for the routes in play: ask for the dates they count from, show each date and its workings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from send_tui.model import dates, storage
from send_tui.model.clocks import date_keys_for
from send_tui.model.content import CLOCK_DATE_KEYS
from send_tui.model.outputs import deadlines_calendar, default_basename
from send_tui.model.summary import (
    DATE_KEYS,
    DeadlineLine,
    carried_letter_date,
    enter_date,
    session_deadline_lines,
    session_deadlines,
)
from send_tui.screens.settled_layout import SettledLayoutScreen
from send_tui.widgets.key_footer import KeyFooter
from send_tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from send_tui.app import SendApp


def deadline_text(line: DeadlineLine) -> Text:
    text = Text()
    text.append(line.title, style="bold underline")
    text.append(f"\n{line.due}")
    if line.status:
        text.append(f"  ({line.status})", style="bold")
    for label, when in line.dates:
        text.append(f"\n  {label}: {when}")
    if line.act_by:
        text.append(f"\n{line.act_by}", style="bold")
    for warning in line.warnings:
        text.append(f"\nNote: {warning}", style="italic")
    if line.workings:
        text.append("\nHow it was worked out:")
        for step in line.workings:
            text.append(f"\n  - {step}")
    return text


class DeadlinesScreen(SettledLayoutScreen):
    """Dates in, workings out. Settled-layout, as the letter form is: a typed character and
    the workings it changes settle in two frames, not three."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="send.dates.back"),
        Binding("f9", "save_calendar", "Save .ics", id="send.dates.ics"),
        Binding("ctrl+t", "timeline", "Timeline", id="send.dates.timeline"),
    ]

    def __init__(self, clocks: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.clocks = clocks

    @property
    def send_app(self) -> SendApp:
        return self.app  # type: ignore[return-value]

    def _keys(self) -> list[str]:
        return date_keys_for(self.send_app.session, self.clocks or tuple(CLOCK_DATE_KEYS))

    def compose(self) -> ComposeResult:
        session = self.send_app.session
        labels = {k.key: k.label for k in DATE_KEYS}
        yield TitleBar(
            "Deadlines: enter the dates you know (YYYY-MM-DD); each date shows its workings",
            short="Deadlines: enter the dates you know (YYYY-MM-DD)",
        )
        with Horizontal(id="dates-columns"):
            with VerticalScroll(id="dates-form"):
                for key in self._keys():
                    yield Label(labels[key])
                    known = session.dates.get(key) or self._carried(key)
                    yield Input(
                        known.isoformat() if known else "",
                        placeholder="YYYY-MM-DD",
                        id=f"date-{key}",
                        compact=True,
                    )
                    yield Static(id=f"error-{key}", classes="date-error", markup=False)
            with VerticalScroll(id="dates-results", can_focus=True):
                yield Static(id="results", markup=False)
        yield KeyFooter()

    def _carried(self, key: str) -> date | None:
        """The letter's date when none is entered: the one a saved letter still carries."""
        return carried_letter_date(self.send_app.session) if key == "reply_from" else None

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
        self._show()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("date-")
        session = self.send_app.session
        error = self.query_one(f"#error-{key}", Static)
        text = event.value.strip()
        day = None
        error.update("")
        if text:
            try:
                day = dates.parse_date(text)
            except dates.DateFormatError as problem:
                # The field no longer holds the date used before: working on with it would show,
                # timeline and save a date the adviser can no longer see.
                error.update(Text(str(problem)))
        if enter_date(session, key, day):
            self.send_app.session_changed()
        self._show_date_order()
        self._show()

    def _show_date_order(self) -> None:
        """Under the certificate's date: why it cannot be right (its text stays as typed)."""
        from send_tui.model.deadlines import certificate_problem

        known = self.send_app.session.dates
        if (
            "decision" not in known
            or "certificate" not in known
            or not self.query("#error-certificate")
        ):
            return
        problem = certificate_problem(known["decision"], known.get("certificate"))
        self.query_one("#error-certificate", Static).update(Text(problem or ""))

    def _found(self):  # -> tuple[Deadline | DeadlineProblem, ...]
        found = session_deadlines(self.send_app.session, dates.today())
        return [f for f in found if not self.clocks or f.clock in self.clocks]

    def _show(self) -> None:
        today = dates.today()
        found = self._found()
        results = self.query_one("#results", Static)
        if not found:
            results.update(
                Text("Enter a date on the left to work out the deadlines that count from it.")
            )
            return
        text = Text(f"Today is {dates.long_date(today)}.\n\n")
        lines = session_deadline_lines(self.send_app.session, today, found)
        text.append(Text("\n\n").join(deadline_text(line) for line in lines))
        results.update(text)

    def action_timeline(self) -> None:
        from send_tui.screens.timeline import TimelineScreen, below_is

        if below_is(self, TimelineScreen):
            self.app.pop_screen()
        else:
            self.app.push_screen(TimelineScreen())

    def action_save_calendar(self, overwrite: bool = False) -> None:
        app = self.send_app
        data = deadlines_calendar(
            app.session,
            dates.today(),
            reminder_working_days=app.config.ics_reminder_working_days,
            clocks=self.clocks,
        )
        if data is None:
            self.notify("No deadlines yet: enter a date first.", severity="warning")
            return
        folder = app.save_folder()
        name = f"{default_basename(app.session, dates.today())}-deadlines.ics"
        target = Path(folder) / name
        try:
            storage.ensure_private_dir(folder)
            storage.write_atomic(target, data, overwrite=overwrite)
        except storage.FileExists:
            from send_tui.dialogs.confirm import ConfirmDialog

            self.app.push_screen(
                ConfirmDialog(
                    f"{target.name} already exists in {folder}. Replace it?",
                    yes="Replace (y)",
                    no="Keep (n)",
                ),
                lambda replace: self.action_save_calendar(overwrite=True) if replace else None,
            )
            return
        except storage.SaveError as error:
            self.notify(str(error.strerror or error), severity="error", markup=False, timeout=12)
            return
        self.notify(f"Saved the deadlines for a calendar: {target}", markup=False, timeout=10)
