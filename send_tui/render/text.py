"""The summary as plain text (.txt): for pasting into an email or a case note, and for screen readers.

Lines are wrapped at 78 characters; a word longer than that is broken rather than left to run off
the page, except a web address, which is kept whole on a line of its own: cut in two, it cannot
be clicked, pasted or read out. Everything comes from the `Summary`, which has already cleaned
the text.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from typing import TypeVar

from send_tui.model.letter import Letter
from send_tui.model.summary import (
    WORDS,
    ContactCard,
    DeadlineLine,
    PlanItem,
    Summary,
    warning_line,
)
from send_tui.model.timeline import TIMELINE_WORDS

WIDTH = 78
Item = TypeVar("Item")

#: A word that holds a web address ("https://...", "(www.gov.uk)."): never cut across lines.
_WEB_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)


class _Wrapper(textwrap.TextWrapper):
    """`textwrap` that breaks a too-long word, but moves a too-long web address whole to its own
    line (where it may run past the width) instead of cutting it."""

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        if _WEB_ADDRESS.search(reversed_chunks[-1]):
            if not cur_line:
                cur_line.append(reversed_chunks.pop())
            return
        super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    """Wrap each line of `text` (its own line breaks kept) to WIDTH, with a hanging indent."""
    lead = indent if first is None else first
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        start = lead if number == 0 else indent
        wrapper = _Wrapper(
            WIDTH, initial_indent=start, subsequent_indent=indent, break_on_hyphens=False
        )
        wrapped = wrapper.wrap(line)
        lines += wrapped or [start.rstrip()]
    return lines


def bullets(items: Sequence[str], indent: str, mark: str) -> list[str]:
    return [line for item in items for line in wrap(item, indent, mark)]


def heading(title: str, underline: str = "-") -> list[str]:
    return ["", title.upper(), underline * min(len(title), WIDTH)]


def section(
    title: str, items: Sequence[Item], empty: str, each: Callable[[Item], list[str]]
) -> list[str]:
    """A heading, then each item's lines, or the words for "none" when there are none."""
    lines = heading(title)
    if not items:
        return lines + wrap(empty)
    return lines + [line for item in items for line in each(item)]


def render_text(summary: Summary) -> str:
    """The whole summary as text, sections in the same order as every other format."""
    lines = heading(summary.title, "=")[1:]
    lines += [*wrap(summary.disclaimer), ""]
    lines += [row for label, value in summary.details for row in wrap(value, "  ", f"{label}: ")]
    lines += _answers(summary)
    lines += section(WORDS.plan, _numbered(summary.plan), WORDS.no_plan, _plan_item)
    lines += section(WORDS.deadlines, summary.deadlines, WORDS.no_deadlines, _deadline)
    lines += _timeline(summary)
    lines += section(WORDS.contacts, summary.contacts, WORDS.no_contacts, _contact)
    references = [f"{ref.cite}: {ref.title}" for ref in summary.references]
    lines += section(
        WORDS.references, references, WORDS.no_references, lambda r: wrap(r, "    ", "  - ")
    )
    if summary.letter is not None:
        lines += heading(WORDS.letter)
        if summary.letter_missing:
            lines += ["", *wrap(f"{WORDS.letter_missing}:")]
            lines += bullets(summary.letter_missing, "    ", "  - ")
        lines += ["", *letter_lines(summary.letter)]
    lines += ["", *wrap(summary.disclaimer)]
    return "\n".join(lines) + "\n"


def render_letter_text(letter: Letter) -> str:
    """The letter alone as text: what "copy the letter" puts on the clipboard."""
    return "\n".join(letter_lines(letter)) + "\n"


def letter_lines(letter: Letter) -> list[str]:
    lines: list[str] = []
    for block in letter.blocks():
        lines += [*wrap(block), ""]
    return lines[:-1]


def _numbered(items: Sequence[Item]) -> list[tuple[int, Item]]:
    return list(enumerate(items, 1))


def _answers(summary: Summary) -> list[str]:
    lines = heading(WORDS.answers)
    for number, line in enumerate(summary.path, 1):
        lines += wrap(line.question, "    ", f"{number:>2}. ")
        lines += wrap(line.answer, "    ")
    outcome = f"{WORDS.leads_to}: {summary.outcome}" if summary.outcome else WORDS.no_outcome
    lines += ["", *wrap(outcome)]
    return lines + [row for paragraph in summary.outcome_note for row in ["", *wrap(paragraph)]]


def _plan_item(numbered: tuple[int, PlanItem]) -> list[str]:
    number, item = numbered
    lines = ["", *wrap(f"{item.title} ({item.reason})", "    ", f"{number:>2}. ")]
    lines += wrap(item.summary, "    ")
    lines += bullets(item.first, "      ", f"    {WORDS.first}: ")
    return lines + bullets(item.next_steps, "      ", "    - ")


def _deadline(line: DeadlineLine) -> list[str]:
    status = f" ({line.status})" if line.status else ""
    lines = ["", *wrap(f"{line.title}: {line.due}{status}")]
    if line.act_by:
        lines += wrap(line.act_by, "    ", "  ")
    lines += bullets([f"{label}: {day}" for label, day in line.dates], "      ", "  - ")
    lines += bullets(line.workings, "      ", "    ")
    return lines + bullets([warning_line(w) for w in line.warnings], "      ", "  ! ")


def _timeline(summary: Summary) -> list[str]:
    """Every date earliest first, what to do if one passes with no answer, and the warnings."""
    timeline = summary.timeline
    if not timeline:
        return []
    lines = [*heading(TIMELINE_WORDS.heading), *bullets(timeline.lines(), "    ", "  - ")]
    for title, items in (
        (TIMELINE_WORDS.escalation_heading, timeline.escalations),
        (TIMELINE_WORDS.warnings_heading, timeline.warnings),
    ):
        if items:
            lines += ["", *wrap(f"{title}:"), *bullets(items, "    ", "  - ")]
    return lines


def _contact(card: ContactCard) -> list[str]:
    lines = ["", *wrap(card.name)]
    if card.description:
        lines += wrap(card.description, "  ")
    return lines + [
        row for label, value in card.details for row in wrap(value, "    ", f"  {label}: ")
    ]
