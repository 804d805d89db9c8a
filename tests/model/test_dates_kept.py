"""Dates that must survive the next call: the day a summary was made, and a saved letter's date.

Walked twice: a call saved on 20 November, reopened and saved again or printed on 28 November,
then a new call in the same session, which must carry nothing of the first.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from send_tui.model import outputs
from send_tui.model.record import RecordError, load_record, save_record
from send_tui.model.session import Session
from send_tui.model.summary import (
    WORDS,
    build_summary,
    carried_letter_date,
    enter_date,
    letter_date,
    letter_dating,
    toggle_letter_date,
)
from tests.sessions import TODAY, complaint_session, shipped

SENT = date(2026, 11, 20)  # the first save: the summary is made and the letter dated this day
SENT_WORDS = "Fri 20 Nov 2026"
TODAY_WORDS = "Sat 28 Nov 2026"


def saved_call(tmp_path: Path) -> Path:
    """The record of a call saved (summary, letter and record) on `SENT`."""
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", SENT)
    return next(path for path in written if path.suffix == ".toml")


def details(session: Session, today: date) -> dict[str, str]:
    return dict(build_summary(session, today).details)


# --- the day the summary was made ------------------------------------------------------------


def test_a_new_call_is_made_today_and_says_nothing_of_printing() -> None:
    found = details(complaint_session(), TODAY)
    assert found[WORDS.made] == TODAY_WORDS
    assert WORDS.printed not in found


def test_a_reopened_call_keeps_the_day_it_was_made_and_says_when_it_was_printed(
    tmp_path: Path,
) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    summary = build_summary(session, TODAY)
    assert summary.made == SENT
    found = dict(summary.details)
    assert found[WORDS.made] == SENT_WORDS
    assert found[WORDS.printed] == TODAY_WORDS
    # Printed the same day it was made, a copy says only when it was made.
    assert WORDS.printed not in details(session, SENT)


def test_saving_a_reopened_call_again_keeps_the_first_day(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.answers["caller"] = "parent"  # any change; the call is saved again a week later
    again = tmp_path / "again"
    again.mkdir()
    written = outputs.save_outputs(session, again, "call", TODAY)
    record = next(path for path in written if path.suffix == ".toml")
    assert tomllib.loads(record.read_text(encoding="utf-8"))["record"]["made"] == SENT
    text = next(path for path in written if path.suffix == ".txt").read_text(encoding="utf-8")
    assert f"Date made: {SENT_WORDS}" in text and f"Printed on: {TODAY_WORDS}" in text


def test_an_autosave_fixes_no_day_made(tmp_path: Path) -> None:
    path = save_record(complaint_session(), tmp_path / "autosave.toml")
    assert "made" not in tomllib.loads(path.read_text(encoding="utf-8"))["record"]
    assert details(load_record(path, shipped()), TODAY)[WORDS.made] == TODAY_WORDS


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_record_was_made_the_day_it_was_saved(tmp_path: Path, version: int) -> None:
    path = save_record(complaint_session(), tmp_path / "old.toml", saved=datetime(2026, 11, 20, 9))
    text = path.read_text(encoding="utf-8").replace("version = 4", f"version = {version}")
    path.write_text(text, encoding="utf-8")
    session = load_record(path, shipped())
    assert session.made == SENT
    found = details(session, TODAY)
    assert (found[WORDS.made], found[WORDS.printed]) == (SENT_WORDS, TODAY_WORDS)


@pytest.mark.parametrize(
    ("made", "says"),
    [
        ("made = 2026-13-01", "not valid TOML"),
        ('made = "20/11/2026"', "a date such as 2026-03-10"),
        ("made = 1989-12-31", "1990"),
        ("made = 2101-01-01", "2100"),
    ],
)
def test_a_bad_day_made_is_refused_in_words(tmp_path: Path, made: str, says: str) -> None:
    path = saved_call(tmp_path)
    text = path.read_text(encoding="utf-8").replace("made = 2026-11-20", made)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path, shipped())
    assert says in str(caught.value)


def test_a_version_2_record_with_a_day_made_is_refused(tmp_path: Path) -> None:
    path = saved_call(tmp_path)
    text = path.read_text(encoding="utf-8").replace("version = 4", "version = 2")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path, shipped())
    assert "record.made" in str(caught.value)


# --- a changed letter and its date ------------------------------------------------------------


def test_an_unchanged_letter_says_its_date_and_what_a_change_would_do(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    dating = letter_dating(session, TODAY)
    assert dating is not None and not dating.changed and dating.dated == SENT
    assert dating.message("Press F9") == (
        f"This letter is dated {SENT_WORDS}, the day it was sent. Changing it makes a new "
        f"letter dated today, {TODAY_WORDS}."
    )


def test_changing_the_letter_says_it_is_now_dated_today(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    dating = letter_dating(session, TODAY)
    assert dating is not None and dating.changed and not dating.kept
    assert dating.dated == TODAY == letter_date(session, TODAY)
    message = dating.message("Press F9")
    assert f"now dated today, {TODAY_WORDS}, not {SENT_WORDS}" in message
    assert f"Press F9 to keep {SENT_WORDS}" in message
    assert message in outputs.save_warnings(session, TODAY, letter_date_how="Press F9")


def test_keeping_the_date_lasts_through_more_typing_and_the_save(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    kept = toggle_letter_date(session, TODAY)
    assert kept is not None and kept.kept and kept.dated == SENT
    session.letter_fields["outcome"] = "A meeting with the SENCO, soon."  # still correcting
    letter = build_summary(session, TODAY).letter
    assert letter is not None and letter.date == SENT_WORDS
    assert letter.reply_by == date(2026, 12, 4)  # 10 working days from the date it was sent
    dating = letter_dating(session, TODAY)
    assert dating is not None and "Press F9 to date it today" in dating.message("Press F9")
    again = tmp_path / "again"
    again.mkdir()
    record = outputs.save_outputs(session, again, "call", TODAY)[-1]
    header = tomllib.loads(record.read_text(encoding="utf-8"))["record"]
    assert header["letter_date"] == SENT
    assert letter_date(load_record(record, shipped()), date(2027, 1, 15)) == SENT


def test_dating_it_today_again_undoes_the_keep(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A new outcome."
    toggle_letter_date(session, TODAY)
    dated_today = toggle_letter_date(session, TODAY)
    assert dated_today is not None and not dated_today.kept
    assert "reply_from" not in session.dates
    assert letter_date(session, TODAY) == TODAY


def test_an_unchanged_letter_has_no_date_to_choose(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    before = session.revision
    toggle_letter_date(session, TODAY)
    assert session.revision == before and "reply_from" not in session.dates


def test_a_letter_saved_today_has_nothing_to_say(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A new outcome."
    assert letter_dating(session, SENT) is None


def test_a_new_call_after_a_reopened_one_keeps_none_of_its_dates(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A new outcome."
    toggle_letter_date(session, TODAY)
    session.clear()
    assert (session.made, session.sent_letter, session.dates) == (None, None, {})
    session.answer("situation", "complaint")
    session.answer("complaint_about", "school")
    session.letter_fields["outcome"] = "Another family's outcome."
    assert letter_dating(session, TODAY) is None
    summary = build_summary(session, TODAY)
    assert dict(summary.details)[WORDS.made] == TODAY_WORDS
    assert WORDS.printed not in dict(summary.details)
    assert summary.letter is not None and summary.letter.date == TODAY_WORDS


# --- a kept date belongs to the one letter it corrects -----------------------------------------


def test_a_kept_date_is_used_up_by_the_save_and_a_later_new_letter_is_dated_anew(
    tmp_path: Path,
) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)  # a correction, kept dated as sent
    assert "reply_from" not in session.dates
    again = tmp_path / "again"
    again.mkdir()
    record = outputs.save_outputs(session, again, "call", TODAY)[-1]
    body = tomllib.loads(record.read_text(encoding="utf-8"))
    assert body["record"]["letter_date"] == SENT and "reply_from" not in body["dates"]
    # Reopened in January, a genuinely new letter is dated the day it is written.
    later = date(2027, 1, 15)
    reopened = load_record(record, shipped())
    assert build_summary(reopened, later).letter.date == SENT_WORDS  # type: ignore[union-attr]
    reopened.letter_fields["outcome"] = "An apology and a new plan from January."
    letter = build_summary(reopened, later).letter
    assert letter is not None and letter.date == "Fri 15 Jan 2027"
    dating = letter_dating(reopened, later)
    assert dating is not None and not dating.kept
    assert "now dated today, Fri 15 Jan 2027" in dating.message("Press F9")


def test_f9_leaves_a_letter_date_the_adviser_typed_alone(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.set_date("reply_from", SENT)  # typed on F8: the same day the letter was saved
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    assert session.dates["reply_from"] == SENT
    letter = build_summary(session, TODAY).letter
    assert letter is not None and letter.date == SENT_WORDS


def test_a_kept_date_lasts_through_the_autosave_and_resume(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    resumed = load_record(save_record(session, tmp_path / "autosave.toml"), shipped())
    letter = build_summary(resumed, TODAY).letter
    assert letter is not None and letter.date == SENT_WORDS
    assert letter.reply_by == date(2026, 12, 4)  # counted from the date kept
    assert "reply_from" not in resumed.dates


def test_a_re_dated_letter_comes_back_from_the_autosave_still_re_dated_and_f9_still_works(
    tmp_path: Path,
) -> None:
    """Walked twice: reopened, changed (so dated today), closed unsaved, resumed the next day."""
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    autosave = save_record(session, tmp_path / "autosave.toml")
    header = tomllib.loads(autosave.read_text(encoding="utf-8"))["record"]
    assert header["letter_date"] == SENT and header["letter_saved_as"]
    assert "letter_date_kept" not in header

    later = date(2026, 11, 30)  # resumed on the Monday
    resumed = load_record(autosave, shipped())
    dating = letter_dating(resumed, later)
    assert dating is not None and dating.changed and not dating.kept
    assert "now dated today, Mon 30 Nov 2026, not Fri 20 Nov 2026" in dating.message("Press F9")
    assert build_summary(resumed, later).letter.date == "Mon 30 Nov 2026"  # type: ignore[union-attr]
    toggle_letter_date(resumed, later)  # only a correction after all
    letter = build_summary(resumed, later).letter
    assert letter is not None and letter.date == SENT_WORDS
    assert letter.reply_by == date(2026, 12, 4)  # counted from the date it was sent


def test_a_resumed_letter_changed_back_is_the_letter_as_sent_again(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    sent_reply_by = session.sent_letter.reply_by  # type: ignore[union-attr]
    was = session.letter_fields["outcome"]
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    resumed = load_record(save_record(session, tmp_path / "autosave.toml"), shipped())
    resumed.letter_fields["outcome"] = was
    dating = letter_dating(resumed, TODAY)
    assert dating is not None and not dating.changed
    letter = build_summary(resumed, TODAY).letter
    assert letter is not None and (letter.date, letter.reply_by) == (SENT_WORDS, sent_reply_by)


def test_a_kept_date_comes_back_kept_and_f9_can_still_date_it_today(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    autosave = save_record(session, tmp_path / "autosave.toml")
    assert tomllib.loads(autosave.read_text(encoding="utf-8"))["record"]["letter_date_kept"]
    resumed = load_record(autosave, shipped())
    dating = letter_dating(resumed, TODAY)
    assert dating is not None and dating.changed and dating.kept
    toggle_letter_date(resumed, TODAY)  # a new letter after all
    assert build_summary(resumed, TODAY).letter.date == TODAY_WORDS  # type: ignore[union-attr]


def test_a_saved_record_never_says_its_letter_was_changed(tmp_path: Path) -> None:
    """A save fixes the letter first: the changed-letter keys are for the autosave alone."""
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    again = tmp_path / "again"
    again.mkdir()
    record = outputs.save_outputs(session, again, "call", TODAY)[-1]
    header = tomllib.loads(record.read_text(encoding="utf-8"))["record"]
    assert header["letter_date"] == TODAY
    assert "letter_saved_as" not in header and "letter_date_kept" not in header
    assert letter_dating(load_record(record, shipped()), date(2026, 12, 7)) is not None


def test_a_new_call_after_a_resumed_re_dated_one_has_no_saved_letter(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    resumed = load_record(save_record(session, tmp_path / "autosave.toml"), shipped())
    resumed.clear()
    assert (resumed.sent_letter, resumed.kept_date_of) == (None, None)


@pytest.mark.parametrize(
    ("change", "key", "says"),
    [
        (('letter_saved_as = "', 'letter_saved_as = "XYZ'), "record.letter_saved_as", "16 hex"),
        (("letter_date_kept = true", 'letter_date_kept = "yes"'), "letter_date_kept", "true or"),
        (("letter_date = 2026-11-20\n", ""), "record.letter_saved_as", "record.letter_date"),
        (("version = 4", "version = 3"), "record.letter_saved_as", "version 3 record"),
    ],
)
def test_a_bad_changed_letter_key_is_refused_in_words(
    tmp_path: Path, change: tuple[str, str], key: str, says: str
) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    path = save_record(session, tmp_path / "autosave.toml")
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path, shipped())
    assert key in str(caught.value) and says in str(caught.value)


def test_a_kept_date_without_the_letter_it_keeps_is_refused(tmp_path: Path) -> None:
    session = load_record(saved_call(tmp_path), shipped())
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    toggle_letter_date(session, TODAY)
    path = save_record(session, tmp_path / "autosave.toml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(x for x in lines if "letter_saved_as" not in x), encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        load_record(path, shipped())
    assert "record.letter_date_kept" in str(caught.value)
    assert "record.letter_saved_as" in str(caught.value)


# --- a save that writes nothing fixes nothing --------------------------------------------------


def test_a_refused_save_fixes_no_letter_date_and_no_day_made(tmp_path: Path) -> None:
    session = complaint_session()
    outputs.save_outputs(session, tmp_path, "call", SENT)
    fresh = complaint_session()  # the same call, never saved, tried on the same names later
    with pytest.raises(outputs.storage.FileExists):
        outputs.save_outputs(fresh, tmp_path, "call", TODAY)  # "replace?" declined
    assert (fresh.made, fresh.sent_letter) == (None, None)
    later = date(2027, 1, 15)
    summary = build_summary(fresh, later)
    assert dict(summary.details)[WORDS.made] == "Fri 15 Jan 2027"
    assert summary.letter is not None and summary.letter.date == "Fri 15 Jan 2027"


def test_a_failed_save_fixes_no_letter_date_and_no_day_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = complaint_session()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise outputs.storage.SaveError(28, "The disk is full.")

    monkeypatch.setattr(outputs.storage, "write_atomic", full_disk)
    with pytest.raises(outputs.storage.SaveError):
        outputs.save_outputs(session, tmp_path, "call", SENT)
    assert (session.made, session.sent_letter) == (None, None)
    assert build_summary(session, TODAY).letter.date == TODAY_WORDS  # type: ignore[union-attr]
    assert dict(build_summary(session, TODAY).details)[WORDS.made] == TODAY_WORDS


def test_an_autosave_is_stamped_on_the_day_send_tui_takes_as_today(tmp_path: Path) -> None:
    """In training (SEND_TUI_TODAY, here 28 November) the start screen's "Resume the call in
    progress (autosaved ...)" gives that day, the day the call's letters and deadlines use."""
    path = save_record(complaint_session(), tmp_path / "autosave.toml")
    saved = tomllib.loads(path.read_text(encoding="utf-8"))["record"]["saved"]
    assert saved.date() == TODAY


def test_the_reopened_letters_own_date_typed_as_shown_leaves_it_free_to_be_dated_today(
    tmp_path: Path,
) -> None:
    """The deadlines form (app and plain mode) shows a reopened letter's date; entering that
    same date must not pin the letter, or a later change would keep the old date."""
    session = load_record(saved_call(tmp_path), shipped())
    assert carried_letter_date(session) == SENT
    assert not enter_date(session, "reply_from", SENT)  # as shown: nothing changes
    assert "reply_from" not in session.dates
    session.letter_fields["outcome"] = "A meeting with the SENCO."
    assert carried_letter_date(session) is None  # a changed letter is dated today
    assert build_summary(session, TODAY).letter.date == TODAY_WORDS  # type: ignore[union-attr]
    assert enter_date(session, "reply_from", date(2026, 11, 23))  # another day is the adviser's
    assert build_summary(session, TODAY).letter.date == "Mon 23 Nov 2026"  # type: ignore[union-attr]
