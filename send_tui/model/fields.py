"""What a user may type into each free-text field: how long it may be, and which characters.

One place for the limits, so the form (which states them where they are typed), the session,
the autosave, the record and `send-tui open` all agree: whatever the app writes, it can read
back. A pasted 1.2 MB email thread is cut at entry with a message, never written and then
refused on the next start. Control characters (a raw ESC among them) are stripped here, at the
model boundary, so none reaches a screen, a file or the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping

from send_tui.model.letter import DRAFT_FIELDS, clean_text

#: Short fields: a name, a school, a role, a timescale.
SHORT_LIMIT = 2_000
#: Long fields: what the complaint is about, what has been tried, the outcome wanted.
LONG_LIMIT = 20_000
#: The case reference: a helpline's own code.
REFERENCE_LIMIT = 60

#: The fields typed over several lines; every other field is one line.
MULTILINE_FIELDS: frozenset[str] = frozenset({"about", "tried", "outcome"})
#: The call details' case reference, by the name the record uses.
REFERENCE = "reference"

LIMITS: Mapping[str, int] = {
    **{name: LONG_LIMIT if name in MULTILINE_FIELDS else SHORT_LIMIT for name in DRAFT_FIELDS},
    REFERENCE: REFERENCE_LIMIT,
}


def limit(name: str) -> int:
    """The most characters field `name` holds (for the form's `max_length` and its hint)."""
    return LIMITS.get(name, SHORT_LIMIT)


def limit_hint(name: str) -> str:
    """What the form says under a field: its limit, and that it is saved exactly as typed."""
    return f"Up to {limit(name):,} characters. Saved exactly as typed."


def clean_field(name: str, text: str) -> str:
    """`text` without control characters; a one-line field's line breaks and tabs become spaces."""
    cleaned = clean_text(str(text))
    if name in MULTILINE_FIELDS:
        return cleaned
    return cleaned.replace("\n", " ").replace("\t", " ")


def fit_field(name: str, text: str) -> tuple[str, str | None]:
    """`text` cleaned and cut to the field's limit, and a message for the adviser if it was cut."""
    cleaned = clean_field(name, text)
    most = limit(name)
    if len(cleaned) <= most:
        return cleaned, None
    return cleaned[:most], (
        f"Only the first {most:,} characters were kept: that is the most this field holds "
        f"(the text was {len(cleaned):,}). Shorten it, or keep the rest in your case notes."
    )


def length_problem(name: str, text: str) -> str | None:
    """Why `text` is too long for field `name` (for a record's reader); None when it fits."""
    most = limit(name)
    if len(text) <= most:
        return None
    return f"{len(text):,} characters, more than the {most:,} this field holds."
