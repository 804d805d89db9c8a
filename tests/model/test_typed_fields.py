"""What an adviser types or pastes: cut to each field's stated limit, control characters out.

A pasted 1.2 MB email thread is cut at entry with a message and what is saved always reads back;
a raw ESC typed, pasted or read from a record never reaches an output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui.model import fields, record
from send_tui.model.autosave import Autosave
from send_tui.model.letter import DRAFT_FIELDS
from send_tui.model.session import Session
from send_tui.model.summary import build_summary
from send_tui.render import render
from tests.sessions import TODAY, complaint_session, shipped

EMAIL_THREAD = ("> On Mon, the school wrote:\n" + "x" * 78 + "\n") * 12_000  # about 1.2 MB
ESC = "\x1b"


def test_every_field_states_its_limit() -> None:
    assert fields.limit("about") == fields.LONG_LIMIT == 20_000
    assert fields.limit("child_name") == fields.SHORT_LIMIT == 2_000
    assert fields.limit("reference") == 60
    assert "20,000 characters" in fields.limit_hint("about")
    assert "saved exactly as typed" in fields.limit_hint("about").lower()
    assert set(DRAFT_FIELDS) <= set(fields.LIMITS)


def test_a_pasted_email_thread_is_cut_at_entry_with_a_message(tmp_path: Path) -> None:
    session = complaint_session()
    [message] = session.set_letter_fields({"tried": EMAIL_THREAD})
    assert "20,000 characters" in message
    assert len(session.letter_fields["tried"]) == fields.LONG_LIMIT
    # The autosave writes it and the next start reads it back: the call is not lost.
    autosave = Autosave(tmp_path)
    assert autosave.save(session) is None
    pending, problem = autosave.pending(shipped())
    assert problem is None and pending is not None
    assert pending.session.letter_fields["tried"] == session.letter_fields["tried"]


def test_the_largest_call_the_form_allows_round_trips_through_a_record(tmp_path: Path) -> None:
    """Every field full of four-byte characters and quotes: still under the record's size limit."""
    session = complaint_session()
    typed = [n for n in DRAFT_FIELDS if n not in ("template", "addressee_role", "reply_unit")]
    session.set_letter_fields({name: '🧒"' * fields.limit(name) for name in typed})
    session.set_case("🧒" * 100, True)
    path = record.save_record(session, tmp_path / "big.toml")
    back = record.load_record(path, shipped())
    assert back.letter_fields == session.letter_fields
    assert back.case == session.case


def test_a_record_with_a_field_over_its_limit_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = record.save_record(complaint_session(), tmp_path / "call.toml")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('setting = "Oak Primary School"', f'setting = "{"x" * 2_001}"'),
        encoding="utf-8",
    )
    with pytest.raises(record.RecordError) as refused:
        record.load_record(path, shipped())
    assert ": letter.setting: " in str(refused.value)
    assert "2,000" in str(refused.value)


def test_a_raw_escape_typed_is_stripped_where_it_enters(tmp_path: Path) -> None:
    session = complaint_session()
    session.set_letter_fields(
        {"child_name": f"Sam{ESC}[31m Smith", "tried": f"Called{ESC}]0;owned{chr(7)}\n\tTwice"}
    )
    session.set_case(f"TH-{ESC}[2J0042", True)
    assert session.letter_fields["child_name"] == "Sam[31m Smith"
    assert session.letter_fields["tried"] == "Called]0;owned\n\tTwice"  # lines and tabs kept
    assert session.case.reference == "TH-[2J0042"


def test_a_one_line_field_keeps_to_one_line() -> None:
    session = Session(shipped())
    session.set_letter_fields({"setting": "Oak\nPrimary\tSchool"})
    assert session.letter_fields["setting"] == "Oak Primary School"


def test_a_raw_escape_in_a_record_never_reaches_any_output(tmp_path: Path) -> None:
    path = record.save_record(complaint_session(), tmp_path / "call.toml")
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Sam Smith"', '"Sam\\u001b[31m Smith"').replace(
        'reference = "TH-0042"', 'reference = "TH\\u001b[2J-0042"'
    )
    path.write_text(text, encoding="utf-8")
    session = record.load_record(path, shipped())
    assert ESC not in session.letter_fields["child_name"]
    assert ESC not in session.case.reference
    summary = build_summary(session, TODAY)
    for fmt in ("txt", "md", "html"):
        assert ESC.encode() not in render(summary, fmt)
    from send_tui.model.summary import session_deadlines
    from send_tui.render.ics import deadlines_to_ics

    found = [d for d in session_deadlines(session, TODAY) if hasattr(d, "due")]
    assert ESC.encode() not in deadlines_to_ics(found, session.case.reference)


def test_the_session_setters_only_count_a_real_change() -> None:
    session = complaint_session()
    before = session.revision
    session.set_letter_fields({"setting": "Oak Primary School"})
    session.set_case("TH-0042", True)
    assert session.revision == before
    session.set_letter_fields({"setting": "Elm"})
    assert session.revision == before + 1
