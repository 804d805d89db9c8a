"""A record with no letter template stored reopens with the letter its answers lead to.

Records of every version may leave `letter.template` out: it is written only once the letter
form has been opened, and a call saved without it (or an old file edited by hand) must not come
back with another body's letter (the council's or the NHS's). The reopened call chooses exactly
as a new call with the same answers would, and keeps that letter when saved and reopened again.
The records below are written by hand, as each older version wrote them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from send_tui.model import outputs
from send_tui.model.letter import choose_template
from send_tui.model.record import load_record
from send_tui.model.session import Session
from tests.sessions import TODAY, shipped

#: (complaint_about, the letter's template, words only that letter says)
BODIES = [
    ("school", "complaint_school", ("Head teacher", "the school's published complaints procedure")),
    ("college", "complaint_college", ("Principal", "the college's published complaints procedure")),
]

#: The header each version wrote, without the keys it did not have yet.
HEADERS = {
    1: "",
    2: "letter_date = 2026-11-20\nletter_reply_by = 2026-12-04\n",
    3: "made = 2026-11-20\nletter_date = 2026-11-20\nletter_reply_by = 2026-12-04\n",
    4: "made = 2026-11-20\nletter_date = 2026-11-20\nletter_reply_by = 2026-12-04\n",
}


def old_record(tmp_path: Path, version: int, about: str) -> Path:
    """A record as version `version` wrote it, its [letter] table without a template key."""
    text = f"""plan = []

[record]
format = "send-tui-record"
version = {version}
saved = 2026-11-20T10:15:00
content_review = 2026-11-28
local_pack = "tower-hamlets"
{HEADERS[version]}
[answers]
situation = "complaint"
complaint_about = "{about}"

[letter]
complainant_name = "Alex Smith"
child_name = "Sam Smith"
setting = "Riverside"
addressee_name = "Ms Jones"
about = "The support in Sam's plan has not happened since September."
outcome = "A meeting with the learning support team."
reply_unit = "working_days"
reply_within = "10"

[dates]

[case]
reference = "HL-7"
consent_to_record = true
"""
    path = tmp_path / f"v{version}-{about}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def letter_text(session: Session) -> tuple[str, str]:
    """The template of the letter the call shows (and saves), and its words."""
    found = outputs.letter_preview(session, TODAY)
    assert found is not None, "the reopened call has no letter"
    letter, _saved = found
    return letter.template_id, "\n".join(letter.blocks())


def new_call(about: str) -> Session:
    session = Session(shipped())
    session.answer("situation", "complaint")
    session.answer("complaint_about", about)
    return session


@pytest.mark.parametrize("version", sorted(HEADERS))
@pytest.mark.parametrize(("about", "template", "words"), BODIES)
def test_an_old_record_reopens_with_the_letter_its_answers_lead_to(
    tmp_path: Path, version: int, about: str, template: str, words: tuple[str, ...]
) -> None:
    path = old_record(tmp_path, version, about)
    assert "template" not in tomllib.loads(path.read_text(encoding="utf-8"))["letter"]
    session = load_record(path, shipped())
    chosen, text = letter_text(session)
    assert chosen == template
    for said in words:
        assert said in text
    # exactly the letter a new call with the same answers is given
    new = choose_template(new_call(about))
    assert new is not None and new.id == chosen


@pytest.mark.parametrize(("about", "template", "words"), BODIES)
def test_reopened_saved_again_and_reopened_the_letter_is_kept(
    tmp_path: Path, about: str, template: str, words: tuple[str, ...]
) -> None:
    session = load_record(old_record(tmp_path, 1, about), shipped())
    again = tmp_path / "again"
    again.mkdir()
    written = outputs.save_outputs(session, again, "call", TODAY)
    saved = {path.suffix: path for path in written}
    # the summary written on the way prints the same body's letter
    summary = " ".join(saved[".txt"].read_text(encoding="utf-8").split())
    for said in words:
        assert said in summary
    reopened = load_record(saved[".toml"], shipped())
    chosen, text = letter_text(reopened)
    assert chosen == template
    for said in words:
        assert said in text
