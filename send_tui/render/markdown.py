"""The summary as Markdown (.md): for notes systems and wikis that read it.

Every piece of text is escaped so that it shows as typed: a name like `**Sam**`, `[bold]` or
`<script>` must not become bold, a link or HTML when the file is viewed.
"""

from __future__ import annotations

import re

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

# Characters with a meaning anywhere in a line (CommonMark and GitHub's tables, strikethrough,
# entities and autolinks); a backslash before any ASCII punctuation makes it literal.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
# At the start of a line, these begin a list, a heading rule or a setext underline.
_LINE_START = re.compile(r"^(\s*)([-+=:])|^(\s*)(\d+)([.)])")


def escape(text: str) -> str:
    """`text` as Markdown that shows exactly that text: escaped, its line breaks kept as hard breaks."""
    lines = [_escape_line(line) for line in text.split("\n") if line.strip()]
    return "\\\n".join(lines)


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    return _LINE_START.sub(_escape_start, line, count=1)


def _escape_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(3)}{match.group(4)}\\{match.group(5)}"


def render_markdown(summary: Summary) -> str:
    """The whole summary as Markdown, sections in the same order as every other format."""
    parts = [f"# {escape(summary.title)}", f"**{escape(summary.disclaimer)}**"]
    parts.append("\n".join(f"- **{escape(label)}:** {escape(value)}" for label, value in summary.details))
    parts += _answers(summary)
    parts += _plan(summary)
    parts += _deadlines(summary)
    parts += _contacts(summary)
    parts += _references(summary)
    if summary.letter is not None:
        parts.append(f"## {escape(HEADING_LETTER)}")
        if summary.letter_missing:
            parts.append(f"**{escape(LETTER_MISSING)}:**")
            parts.append(_bullets(summary.letter_missing))
        parts += _letter(summary.letter)
    parts.append(f"*{escape(summary.disclaimer)}*")
    return "\n\n".join(parts) + "\n"


def _bullets(items: tuple[str, ...] | list[str], indent: str = "") -> str:
    return "\n".join(f"{indent}- {escape(item)}" for item in items)


def _answers(summary: Summary) -> list[str]:
    parts = [f"## {escape(HEADING_ANSWERS)}"]
    if summary.path:
        parts.append(
            "\n".join(
                f"{n}. **{escape(line.question)}**  \n   {escape(line.answer)}"
                for n, line in enumerate(summary.path, 1)
            )
        )
    parts.append(
        f"**{escape(LEADS_TO)}:** {escape(summary.outcome)}" if summary.outcome else escape(NO_OUTCOME)
    )
    return parts


def _plan(summary: Summary) -> list[str]:
    parts = [f"## {escape(HEADING_PLAN)}"]
    if not summary.plan:
        return parts + [escape(NO_PLAN)]
    for number, item in enumerate(summary.plan, 1):
        parts.append(f"### {number}\\. {escape(item.title)} ({escape(item.reason)})")
        parts.append(escape(item.summary))
        if item.first:
            parts.append(_bullets([f"{FIRST}: {note}" for note in item.first]))
        if item.next_steps:
            parts.append(_bullets(item.next_steps))
    return parts


def _deadlines(summary: Summary) -> list[str]:
    parts = [f"## {escape(HEADING_DEADLINES)}"]
    if not summary.deadlines:
        return parts + [escape(NO_DEADLINES)]
    for line in summary.deadlines:
        status = f" ({escape(line.status)})" if line.status else ""
        parts.append(f"### {escape(line.title)}")
        parts.append(f"**{escape(line.due)}**{status}")
        extra = [line.act_by] if line.act_by else []
        extra += [f"{label}: {day}" for label, day in line.dates]
        extra += [f"Warning: {w}" for w in line.warnings]
        if extra:
            parts.append(_bullets(extra))
        if line.workings:
            parts.append("Workings:\n\n" + _bullets(line.workings))
    return parts


def _contacts(summary: Summary) -> list[str]:
    parts = [f"## {escape(HEADING_CONTACTS)}"]
    if not summary.contacts:
        return parts + [escape(NO_CONTACTS)]
    for card in summary.contacts:
        parts.append(f"### {escape(card.name)}")
        if card.description:
            parts.append(escape(card.description))
        if card.details:
            parts.append(
                "\n".join(f"- **{escape(label)}:** {escape(value)}" for label, value in card.details)
            )
    return parts


def _references(summary: Summary) -> list[str]:
    parts = [f"## {escape(HEADING_REFERENCES)}"]
    if not summary.references:
        return parts + [escape(NO_REFERENCES)]
    parts.append(
        "\n".join(f"- **{escape(ref.cite)}**: {escape(ref.title)}" for ref in summary.references)
    )
    return parts


def _letter(letter: Letter) -> list[str]:
    quoted = [escape(block) for block in letter.blocks() if block.strip()]
    return ["\n>\n".join(f"> {block}".replace("\\\n", "\\\n> ") for block in quoted)]
