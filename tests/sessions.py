"""Sessions the letter, summary, record and output tests share: a typical call and hostile text."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from send_tui.model.content import Content
from send_tui.model.loader import load_content
from send_tui.model.session import CaseDetails, Session

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
TODAY = date(2026, 11, 28)

#: Text a caller's details might contain that must come out literally, and not break anything.
HOSTILE: dict[str, str] = {
    "script": "<script>alert('x')</script>",
    "markup": "[bold]Sam[/bold] **Sam** _Sam_ # Sam",
    "template": "{outcome} {child_name} {0} {}",
    "long": "Long" + "x" * 10_000,
    "emoji": "Sam 🧒🏽‍🦱 👍",
    "rtl": "سارة שרה",
    "control": "Bell\x07 nul\x00 esc\x1b[31m del\x7f override\u202e end",
}

#: Control characters the hostile text holds, none of which may reach an output.
CONTROL_CHARACTERS = ("\x07", "\x00", "\x1b", "\x7f", "\u202e")


@cache
def shipped() -> Content:
    """The content send-tui ships (read once per test run)."""
    return load_content()


@cache
def fixture_content() -> Content:
    return load_content(FIXTURE)


def on_path(*answers: tuple[str, str], **dates: date) -> Session:
    """A call on the shipped content, answered in order (node, option), with these dates."""
    session = Session(shipped())
    for node_id, answer in answers:
        session.answer(node_id, answer)
    session.dates.update(dates)
    return session


def complaint_session(**letter: str) -> Session:
    """A typical call: a complaint about a school, the letter filled in, a council decision date."""
    session = Session(shipped())
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    session.letter_fields.update(
        {
            "complainant_name": "Alex Smith",
            "child_name": "Sam Smith",
            "setting": "Oak Primary School",
            "year_group": "Year 4",
            "addressee_name": "Ms Jones",
            "tried": "Spoke to the class teacher on 3 November and the SENCO on 10 November.",
            "outcome": "A meeting with the SENCO and a written support plan.",
            "reply_unit": "working_days",
            "reply_within": "10",
            **letter,
        }
    )
    session.dates["decision"] = date(2026, 11, 2)
    session.dates["date_of_birth"] = date(2017, 5, 14)
    session.case = CaseDetails(reference="TH-0042", consent_to_record=True)
    return session


def hostile_session(text: str) -> Session:
    """The typical call with `text` in every free-text field, the case reference included."""
    session = complaint_session(
        complainant_name=text,
        child_name=text,
        setting=text,
        year_group=text,
        addressee_name=text,
        about=text,
        tried=text,
        outcome=text,
        enclosures=text,
    )
    session.case.reference = text
    return session
