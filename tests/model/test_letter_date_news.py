"""When the adviser is told that a change re-dated a reopened call's letter (model, no Textual)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from send_tui.model import outputs
from send_tui.model.letter_date_news import LetterDateNews
from send_tui.model.record import load_record
from send_tui.model.session import Session
from tests.sessions import complaint_session, shipped

SENT, TODAY = date(2026, 11, 20), date(2026, 11, 28)


def reopened(tmp_path: Path) -> Session:
    written = outputs.save_outputs(complaint_session(), tmp_path, "call", SENT)
    return load_record(next(path for path in written if path.suffix == ".toml"), shipped())


def test_told_once_when_re_dated_and_once_when_restored_never_in_between(tmp_path: Path) -> None:
    session = reopened(tmp_path)
    news = LetterDateNews()
    news.reset(session, TODAY)
    assert news.news(session, TODAY) is None  # nothing changed yet

    session.answer("complaint_about", "college")
    told = news.news(session, TODAY)
    assert told is not None and told.changed and told.sent == SENT
    session.letter_fields["outcome"] = "Another outcome"
    assert news.news(session, TODAY) is None  # still re-dated: not news again

    del session.letter_fields["outcome"]
    session.letter_fields.update(complaint_session().letter_fields)
    session.answer("complaint_about", "school")
    restored = news.news(session, TODAY)
    assert restored is not None and not restored.changed


def test_a_call_with_no_saved_letter_is_never_news_and_a_new_call_starts_afresh(
    tmp_path: Path,
) -> None:
    news = LetterDateNews()
    fresh = complaint_session()
    assert news.news(fresh, TODAY) is None
    fresh.answer("complaint_about", "college")
    assert news.news(fresh, TODAY) is None

    session = reopened(tmp_path)
    session.answer("complaint_about", "college")
    news.reset(session, TODAY)  # opened already changed: that is how it is, not news
    assert news.news(session, TODAY) is None
    session.clear()
    news.reset(session, TODAY)
    assert news.news(session, TODAY) is None
