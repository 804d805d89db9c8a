"""What `send-tui check` warns of: content that loads and is sound, but is likely a mistake.

Said with exit 0 (the content is usable): a council officer should fix them before advisers
rely on them, but nothing an adviser sees is wrong because of them yet.
"""

from __future__ import annotations

from datetime import date

from send_tui.model.content import Content
from send_tui.model.deadlines import term_dates_warning
from send_tui.model.letter import calendars_for


def content_warnings(content: Content, now: date) -> list[str]:
    """What is sound but likely a mistake (exit 0): a placeholder written for a contact detail,
    a review date after today, term dates missing or running out before today's clocks end."""
    warnings = [
        f"contact: {contact.source_file}: contacts.{contact.id}.{key}: {value!r} would be shown "
        f'as the {key}: if it is not known yet, write "to be confirmed", which advisers see '
        "marked and check counts"
        for contact in content.contacts.values()
        for key, value in contact.placeholders()
    ]
    warnings += [
        f"review date: {file.path}: meta.reviewed: {file.reviewed.isoformat()} is after today: "
        "check the year (it is the date someone last checked the file)"
        for file in content.files
        if file.reviewed > now
    ]
    term_dates = term_dates_warning(calendars_for(content)[1], now, content.local_pack)
    if term_dates is not None:
        warnings.append(f"term dates: {term_dates}")
    return warnings
