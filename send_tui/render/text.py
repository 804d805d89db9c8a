"""The summary as plain text (.txt): for pasting into an email or a case note, and for screen readers.

Lines are wrapped at 78 characters; a word longer than that is broken rather than left to run off
the page. Everything comes from the `Summary`, which has already cleaned the text.
"""

from __future__ import annotations

import textwrap

from send_tui.model.letter import Letter
from send_tui.model.summary import (
    FIRST,
    HEADING_ANSWERS,
    HEADING_CONTACTS,
    HEADING_DEADLINES,
    HEADING_LETTER,
    HEADING_PLAN,
    HEADING_REFERENCES,
    LEADS_TO,
    LETTER_MISSING,
    NO_CONTACTS,
    NO_DEADLINES,
    NO_OUTCOME,
    NO_PLAN,
    NO_REFERENCES,
    Summary,
)

WIDTH = 78


def wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    """Wrap each line of `text` (its own line breaks kept) to WIDTH, with a hanging indent."""
    lead = indent if first is None else first
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        start = lead if number == 0 else indent
        lines += textwrap.wrap(
            line, WIDTH, initial_indent=start, subsequent_indent=indent, break_on_hyphens=False
        ) or [start.rstrip()]
    return lines


def heading(title: str, underline: str = "-") -> list[str]:
    return ["", title.upper(), underline * min(len(title), WIDTH)]


def render_text(summary: Summary) -> str:
    """The whole summary as text, sections in the same order as every other format."""
    lines = heading(summary.title, "=")[1:]
    lines += wrap(summary.disclaimer)
    lines.append("")
    lines += [item for label, value in summary.details for item in wrap(value, "  ", f"{label}: ")]
    lines += _answers(summary)
    lines += _plan(summary)
    lines += _deadlines(summary)
    lines += _contacts(summary)
    lines += _references(summary)
    if summary.letter is not None:
        lines += heading(HEADING_LETTER)
        lines += _missing(summary.letter_missing)
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


def _answers(summary: Summary) -> list[str]:
    lines = heading(HEADING_ANSWERS)
    for number, line in enumerate(summary.path, 1):
        lines += wrap(line.question, "    ", f"{number:>2}. ")
        lines += wrap(line.answer, "    ")
    lines.append("")
    lines += wrap(f"{LEADS_TO}: {summary.outcome}" if summary.outcome else NO_OUTCOME)
    return lines


def _plan(summary: Summary) -> list[str]:
    lines = heading(HEADING_PLAN)
    if not summary.plan:
        return lines + wrap(NO_PLAN)
    for number, item in enumerate(summary.plan, 1):
        lines += ["", *wrap(f"{item.title} ({item.reason})", "    ", f"{number:>2}. ")]
        lines += wrap(item.summary, "    ")
        lines += [line for note in item.first for line in wrap(note, "      ", f"    {FIRST}: ")]
        lines += [line for step in item.next_steps for line in wrap(step, "      ", "    - ")]
    return lines


def _deadlines(summary: Summary) -> list[str]:
    lines = heading(HEADING_DEADLINES)
    if not summary.deadlines:
        return lines + wrap(NO_DEADLINES)
    for line in summary.deadlines:
        status = f" ({line.status})" if line.status else ""
        lines += ["", *wrap(f"{line.title}: {line.due}{status}")]
        if line.act_by:
            lines += wrap(line.act_by, "    ", "  ")
        lines += [row for label, day in line.dates for row in wrap(f"{label}: {day}", "      ", "  - ")]
        lines += [row for step in line.workings for row in wrap(step, "      ", "    ")]
        lines += [row for warning in line.warnings for row in wrap(warning, "      ", "  ! ")]
    return lines


def _contacts(summary: Summary) -> list[str]:
    lines = heading(HEADING_CONTACTS)
    if not summary.contacts:
        return lines + wrap(NO_CONTACTS)
    for card in summary.contacts:
        lines += ["", *wrap(card.name)]
        if card.description:
            lines += wrap(card.description, "  ")
        lines += [row for label, value in card.details for row in wrap(value, "    ", f"  {label}: ")]
    return lines


def _references(summary: Summary) -> list[str]:
    lines = heading(HEADING_REFERENCES)
    if not summary.references:
        return lines + wrap(NO_REFERENCES)
    for ref in summary.references:
        lines += wrap(f"{ref.cite}: {ref.title}", "    ", "  - ")
    return lines


def _missing(missing: tuple[str, ...]) -> list[str]:
    if not missing:
        return []
    return ["", *wrap(f"{LETTER_MISSING}:"), *[r for m in missing for r in wrap(m, "    ", "  - ")]]
