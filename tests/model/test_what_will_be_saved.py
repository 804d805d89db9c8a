"""What will be saved: the letter screen says, before saving, which details are left out and why.

And its preview is the letter exactly as the .docx will hold it, names left out included.
"""

from __future__ import annotations

from pathlib import Path

from send_tui.model import outputs
from tests.sessions import TODAY, complaint_session


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_without_consent_the_names_and_date_of_birth_are_said_to_be_left_out() -> None:
    session = complaint_session()
    session.case.consent_to_record = False
    [sentence] = outputs.left_out(session)
    assert "caller's name, the child's name and the date of birth" in sentence
    assert "not agreed" in sentence and "F6" in sentence


def test_a_redacted_copy_says_the_same_for_its_own_reason() -> None:
    [sentence] = outputs.left_out(complaint_session(), redacted=True)
    assert "redacted copy" in sentence and "child's name" in sentence


def test_with_consent_and_a_full_copy_nothing_is_left_out() -> None:
    assert outputs.left_out(complaint_session()) == []


def test_nothing_personal_typed_means_nothing_to_warn_about() -> None:
    session = complaint_session(complainant_name="", child_name="")
    session.dates.pop("date_of_birth")
    session.case.consent_to_record = False
    assert outputs.left_out(session) == []


def test_the_preview_is_the_letter_the_save_writes(tmp_path: Path) -> None:
    session = complaint_session()
    session.case.consent_to_record = False
    preview = outputs.saved_letter_text(session, TODAY)
    assert "Alex Smith" not in preview and "Sam Smith" not in preview
    written = outputs.save_outputs(session, tmp_path, "call", TODAY)
    docx = _docx_text(next(p for p in written if p.suffix == ".docx"))
    for block in outputs.saved_letter(session, TODAY).blocks():
        for line in block.split("\n"):
            assert line.strip() in docx


def test_with_consent_the_preview_keeps_the_names() -> None:
    preview = outputs.saved_letter_text(complaint_session(), TODAY)
    assert "Alex Smith" in preview and "Sam Smith" in preview
    assert "Sam Smith" not in outputs.saved_letter_text(complaint_session(), TODAY, redacted=True)
