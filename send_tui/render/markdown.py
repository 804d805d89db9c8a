"""The summary as Markdown (.md): for notes systems and wikis that read it.

Every piece of text is escaped so that it shows as typed: a name like `**Sam**`, `[bold]` or
`<script>` must not become bold, a link or HTML when the file is viewed, and a bare URL or
`www.` address must not become a live link under GitHub's (GFM) autolinking.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from send_tui.model.letter import Letter
from send_tui.model.summary import WORDS, ContactCard, DeadlineLine, PlanItem, Summary, warning_line
from send_tui.model.timeline import TIMELINE_WORDS

Item = TypeVar("Item")

# Characters with a meaning anywhere in a line (CommonMark, and GitHub's tables and strikethrough);
# a backslash before any ASCII punctuation makes it literal. Brackets cover links and images.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# GitHub's autolinks (and markdown-it's linkify) turn `www.x`, `x.com`, `https://x` and `a@b.com`
# into live links. A backslash before the dot between two letters or digits, the colon of `://`
# and every `@` breaks each of them, and the reader still sees the text exactly as typed.
_LINKY = re.compile(r"(?<=[^\W_])\.(?=[^\W_])|:(?=//)|@")
# At the start of a line these begin a list, a setext underline or an ordered list.
_LINE_START = re.compile(r"^([-+=:])|^(\d+)([.)])")


def escape(text: str) -> str:
    """`text` as Markdown that shows exactly that text; its line breaks become hard breaks."""
    lines = [_escape_line(line) for line in text.split("\n") if line.strip()]
    return "\\\n".join(lines)


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    line = _LINKY.sub(lambda m: "\\" + m.group(0), line)
    return _LINE_START.sub(_escape_start, line, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"\\{match.group(1)}"
    return f"{match.group(2)}\\{match.group(3)}"


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {escape(item)}" for item in items)


def labelled(pairs: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"- **{escape(label)}:** {escape(value)}" for label, value in pairs)


def section(
    title: str, items: Sequence[Item], empty: str, each: Callable[[Item], list[str]]
) -> list[str]:
    """A heading, then each item's blocks, or the words for "none" when there are none."""
    parts = [f"## {escape(title)}"]
    if not items:
        return [*parts, escape(empty)]
    return parts + [block for item in items for block in each(item)]


def render_markdown(summary: Summary) -> str:
    """The whole summary as Markdown, sections in the same order as every other format."""
    parts = [f"# {escape(summary.title)}", f"**{escape(summary.disclaimer)}**"]
    parts.append(labelled(summary.details))
    parts += _answers(summary)
    plan = list(enumerate(summary.plan, 1))
    parts += section(WORDS.plan, plan, WORDS.no_plan, _plan_item)
    parts += section(WORDS.deadlines, summary.deadlines, WORDS.no_deadlines, _deadline)
    parts += _timeline(summary)
    parts += section(WORDS.contacts, summary.contacts, WORDS.no_contacts, _contact)
    references = "\n".join(f"- **{escape(r.cite)}**: {escape(r.title)}" for r in summary.references)
    parts += section(
        WORDS.references, [references] if references else [], WORDS.no_references, _one
    )
    if summary.letter is not None:
        parts.append(f"## {escape(WORDS.letter)}")
        if summary.letter_missing:
            parts += [f"**{escape(WORDS.letter_missing)}:**", bullets(summary.letter_missing)]
        parts.append(_letter(summary.letter))
    parts.append(f"*{escape(summary.disclaimer)}*")
    return "\n\n".join(parts) + "\n"


def _one(block: str) -> list[str]:
    return [block]


def _answers(summary: Summary) -> list[str]:
    parts = [f"## {escape(WORDS.answers)}"]
    if summary.path:
        parts.append(
            "\n".join(
                f"{n}. **{escape(line.question)}**  \n   {escape(line.answer)}"
                for n, line in enumerate(summary.path, 1)
            )
        )
    if summary.outcome:
        parts.append(f"**{escape(WORDS.leads_to)}:** {escape(summary.outcome)}")
        parts += [escape(paragraph) for paragraph in summary.outcome_note]
    else:
        parts.append(escape(WORDS.no_outcome))
    return parts


def _plan_item(numbered: tuple[int, PlanItem]) -> list[str]:
    number, item = numbered
    parts = [f"### {number}\\. {escape(item.title)} ({escape(item.reason)})", escape(item.summary)]
    if item.first:
        parts.append(bullets([f"{WORDS.first}: {note}" for note in item.first]))
    if item.next_steps:
        parts.append(bullets(item.next_steps))
    return parts


def _deadline(line: DeadlineLine) -> list[str]:
    status = f" ({escape(line.status)})" if line.status else ""
    parts = [f"### {escape(line.title)}", f"**{escape(line.due)}**{status}"]
    extra = [line.act_by] if line.act_by else []
    extra += [f"{label}: {day}" for label, day in line.dates]
    extra += [warning_line(w) for w in line.warnings]
    if extra:
        parts.append(bullets(extra))
    if line.workings:
        parts.append("Workings:\n\n" + bullets(line.workings))
    return parts


def _contact(card: ContactCard) -> list[str]:
    parts = [f"### {escape(card.name)}"]
    if card.description:
        parts.append(escape(card.description))
    if card.details:
        parts.append(labelled(card.details))
    return parts


def _letter(letter: Letter) -> str:
    """The letter as a block quote, so it stands apart; its blocks are escaped like all text."""
    quoted = [escape(block) for block in letter.blocks() if block.strip()]
    return "\n>\n".join(f"> {block}".replace("\\\n", "\\\n> ") for block in quoted)


def _timeline(summary: Summary) -> list[str]:
    """Every date earliest first, what to do if one passes with no answer, and the warnings."""
    timeline = summary.timeline
    if not timeline:
        return []
    parts = [f"## {escape(TIMELINE_WORDS.heading)}", bullets(timeline.lines())]
    for title, items in (
        (TIMELINE_WORDS.escalation_heading, timeline.escalations),
        (TIMELINE_WORDS.warnings_heading, timeline.warnings),
    ):
        if items:
            parts += [f"### {escape(title)}", bullets(items)]
    return parts
