"""The "your answers" trail: every answer so far, any of which can be chosen to change it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from send_tui.model.session import Session
from send_tui.widgets.numbered import numbered_row
from send_tui.widgets.step_options import StepOptions


class AnswerTrail(StepOptions):
    """Lists (question, answer) pairs; Enter on one asks the app to reopen that question."""

    class Reopen(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    #: While rows are added or dropped, the whole-list repaints OptionList asks for are held
    #: (`_repainting_from` repaints the lines that changed), and whether one was asked for.
    _holding_repaints = False
    _repaint_held = False

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)
        self.session = session
        self.border_title = "Your answers"
        self._shown: tuple[int, int] | None = None  # (session, revision) last drawn
        self._rows: list[tuple[str, str, str]] = []  # (node id, title, answer) of each row shown
        self._width = 0  # digits in the row numbers shown

    def on_mount(self) -> None:
        self.refresh_trail()

    def refresh_trail(self) -> None:
        """Bring the rows up to date with the session, changing only the rows that differ.

        Moving on adds a row and going back to change an answer drops the later ones, so the
        rows before the first difference stay as they are; only a change in the numbers' width
        (the tenth answer) or to or from "No answers yet" redraws them all.
        """
        drawn = (id(self.session), self.session.revision)
        if drawn == self._shown:
            return
        self._shown = drawn
        highlighted = self.highlighted
        trail = self.session.trail()
        rows = [(node.id, node.title, answer) for node, answer in trail]
        width = len(str(len(rows))) if rows else 0
        if not rows or width != self._width or not self._rows:
            self.clear_options()
            self._rows, self._width = [], width
            if not rows:
                self.add_option(Option(Text("No answers yet.", style="italic"), disabled=True))
                return
        keep = 0
        while keep < min(len(rows), len(self._rows)) and rows[keep] == self._rows[keep]:
            keep += 1
        with self._repainting_from(keep):
            for index in range(len(self._rows) - 1, keep - 1, -1):
                self.remove_option_at_index(index)
            self.add_options(
                Option(
                    numbered_row(number, Text.assemble((title, "bold"), "\n", answer), width),
                    id=node_id,
                )
                for number, (node_id, title, answer) in enumerate(rows[keep:], start=keep + 1)
            )
        self._rows = rows
        if not self.has_focus:
            # The newest answer in view: on a long call the first ones scroll away above.
            self.scroll_end_when_laid_out()
        if highlighted is not None and self.has_focus:
            self.highlighted = min(
                highlighted, self.option_count - 1
            )  # redrawn under the adviser's eyes

    @contextmanager
    def _repainting_from(self, row: int) -> Iterator[None]:
        """Repaint only the lines of the rows from `row` on while they are replaced.

        OptionList repaints the whole list when an option is added or removed; the rows above
        `row` are unchanged, and repainting all of them (with the border) cost about 1.3 ms of
        an 18 ms key; the changed lines alone, about 0.9. The repaints asked for meanwhile are
        held, then the lines that changed (those of the rows dropped or added) are repainted.
        If the list scrolled or its highlight moved, it repaints whole.
        """
        if not self.scrollable_content_region:
            yield
            return
        scrolled, highlighted = self.scroll_offset, self.highlighted
        first = self._index_to_line[row] if row < self.option_count else len(self._lines)
        lines_before = len(self._lines)
        self._holding_repaints, self._repaint_held = True, False
        try:
            yield
        finally:
            self._holding_repaints = False
        if not self._repaint_held:
            return
        if self.scroll_offset != scrolled or self.highlighted != highlighted:
            self.refresh()
            return
        span = max(lines_before, len(self._lines)) - first
        width = self.scrollable_content_region.width
        self.refresh(Region(0, first - scrolled.y, width, max(1, span)))

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> AnswerTrail:
        if self._holding_repaints and repaint and not regions and not recompose:
            self._repaint_held = True  # repainted, narrowed, by `_repainting_from`
            repaint = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    #: The answer whose end alone shows at the top of the view, and on how many rows; else
    #: None (`render_lines` works it out for each paint).
    _cut: tuple[int, int] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._cut = self._cut_at_top()
        return super().render_lines(crop)

    def _cut_at_top(self) -> tuple[int, int] | None:
        """(answer index, rows) of an answer whose start is scrolled up out of sight, if any.

        Scrolled to the newest answer, the top row was often half an answer ("council decision
        about an EHC plan", with no number and no question). Its first row in view becomes a
        line that says what is above: the answers before (a one-row tail), or which answer
        goes on below it. An answer taller than the whole view is left as it is.
        """
        top = self.scroll_offset.y
        if top <= 0:
            return None
        lines = self._lines
        index, offset = lines[top]
        if offset == 0:
            return None
        for row in range(1, min(self.scrollable_content_region.height, len(lines) - top)):
            if lines[top + row][1] == 0:  # the next answer starts on this row
                return index, row
        return None

    def render_line(self, y: int) -> Strip:
        if y != 0 or self._cut is None:
            return super().render_line(y)
        index, rows = self._cut
        width = self.scrollable_content_region.width
        if rows == 1:  # nothing of that answer is left in view: count it with those above
            count = index + 1
            noun = "answer" if count == 1 else "answers"
            texts = [f"▲ {count} earlier {noun}: F3", f"▲ {count} earlier: F3", f"▲ {count} more"]
        else:
            texts = [
                f"▲ {index + 1} continued (F3: all)",
                f"▲ {index + 1} continued",
                f"▲ {index + 1}",
            ]
        text = next((t for t in texts if len(t) <= width), texts[-1])[:width]
        style = self.get_visual_style("option-list--option").rich_style + Style(italic=True)
        return Strip([Segment(text.ljust(width), style)], width)

    def on_focus(self) -> None:
        # Start from the latest answer: the one an adviser most often wants to change.
        if self.highlighted is None and self.option_count:
            self.highlight_answer(None)

    def highlight_answer(self, node_id: str | None) -> None:
        """Highlight the answer to `node_id` (else the latest answer) and scroll it into view."""
        if not self.option_count or self.get_option_at_index(0).disabled:
            return
        index = self.option_count - 1
        if node_id is not None:
            try:
                index = self.get_option_index(node_id)
            except OptionDoesNotExist:
                pass  # the question showing has no answer yet
        self.highlighted = index
        self.scroll_to_highlight()

    # The trail does not wrap: Down on the latest answer stays there, so Enter never opens
    # the first answer by surprise.
    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            self.action_first()
        elif self.highlighted < self.option_count - 1:
            self.highlighted += 1

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            self.action_last()
        elif self.highlighted > 0:
            self.highlighted -= 1

    @on(OptionList.OptionSelected)
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Reopen(event.option.id))
