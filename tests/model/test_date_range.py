"""Every date a user can type is either accepted (1990 to 2100) or refused with the format and range.

No date may crash a deadline, a render, a save or a resume: near year 9999 a deadline used to
run off the end of the calendar with an OverflowError.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from send_tui.model import dates, record
from send_tui.model.autosave import Autosave
from send_tui.model.summary import DATE_KEY_NAMES, build_summary
from send_tui.render import render
from tests.cli_run import run_cli
from tests.sessions import TODAY, complaint_session, shipped

#: Reproducible and quick: the same examples every run, no flaky deadline.
FEW = settings(
    derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

ANY_DAY = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
GOOD_DAY = st.dates(min_value=dates.EARLIEST, max_value=dates.LATEST)


def _says_format_and_range(message: str) -> None:
    assert "1990-01-01" in message and "2100-12-31" in message, message


@FEW
@given(ANY_DAY)
def test_a_typed_date_is_accepted_exactly_when_it_is_in_range(day: date) -> None:
    if dates.EARLIEST <= day <= dates.LATEST:
        assert dates.parse_date(f"  {day.isoformat()} ") == day
    else:
        with pytest.raises(dates.DateFormatError) as refused:
            dates.parse_date(day.isoformat())
        _says_format_and_range(str(refused.value))


@FEW
@given(st.text(max_size=30))
def test_any_typed_text_is_a_date_in_range_or_a_message(text: str) -> None:
    try:
        day = dates.parse_date(text)
    except dates.DateFormatError as refused:
        _says_format_and_range(str(refused))
    else:
        assert dates.in_range(day)


def test_the_edges_of_the_range() -> None:
    assert dates.parse_date("1990-01-01") == date(1990, 1, 1)
    assert dates.parse_date("2100-12-31") == date(2100, 12, 31)
    for text in ("1989-12-31", "2101-01-01", "9999-12-31", "0001-01-01", "nonsense", ""):
        with pytest.raises(dates.DateFormatError) as refused:
            dates.parse_date(text)
        _says_format_and_range(str(refused.value))


@settings(derandomize=True, max_examples=10, deadline=None)
@given(GOOD_DAY, st.sampled_from(["10", "365"]))
def test_any_date_in_range_survives_every_clock_and_every_format(day: date, within: str) -> None:
    """An adviser enters the date in every date field: every clock and every output still work."""
    session = complaint_session(reply_within=within)
    for key in DATE_KEY_NAMES:
        session.dates[key] = day
    for today in (day, dates.LATEST, dates.EARLIEST):
        summary = build_summary(session, today)
        for fmt in ("txt", "md", "html", "docx"):
            assert render(summary, fmt)


@settings(
    derandomize=True,
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(GOOD_DAY)
def test_any_date_in_range_survives_a_save_and_a_resume(tmp_path: Path, day: date) -> None:
    session = complaint_session()
    session.dates["decision"] = day
    autosave = Autosave(tmp_path / "data")
    assert autosave.save(session) is None
    pending, problem = autosave.pending(shipped())
    assert problem is None and pending is not None
    assert pending.session.dates["decision"] == day
    build_summary(pending.session, TODAY)


def test_a_record_dated_near_year_9999_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "call.toml"
    session = complaint_session()
    session.dates["decision"] = date(9999, 12, 30)
    record.save_record(session, path)
    with pytest.raises(record.RecordError) as refused:
        record.load_record(path, shipped())
    assert "dates.decision" in str(refused.value)
    _says_format_and_range(str(refused.value))


def test_an_autosave_dated_near_year_9999_is_set_aside_not_crashed_on(tmp_path: Path) -> None:
    session = complaint_session()
    session.dates["decision"] = date(9999, 12, 30)
    autosave = Autosave(tmp_path)
    autosave.save(session)  # written by an older send-tui that did not check
    pending, problem = autosave.pending(shipped())
    assert pending is None
    assert problem is not None and "2100-12-31" in problem
    # Set aside, so the next start does not meet it again.
    assert autosave.pending(shipped()) == (None, None)


@pytest.mark.parametrize(
    "argv",
    [
        ("deadline", "appeal", "--decision", "9999-12-31"),
        ("deadline", "appeal", "--decision", "2026-03-10", "--certificate", "9999-12-31"),
        ("deadline", "mediation-contact", "--decision", "9999-12-31"),
        ("deadline", "reply", "--from", "9999-12-20", "--working-days", "10"),
        ("deadline", "reply", "--from", "2026-03-10", "--by", "9999-12-31"),
        ("deadline", "ehc", "--request", "9999-12-31"),
        ("deadline", "ehc", "--review-meeting", "0001-01-01"),
        ("deadline", "appeal", "--decision", "2026-03-10", "--today", "9999-12-31"),
    ],
)
def test_every_deadline_date_option_refuses_a_date_out_of_range(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, output = run_cli(capsys, *argv)
    assert code == 2
    assert "Traceback" not in output
    _says_format_and_range(output)


def test_a_day_count_past_a_year_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = run_cli(
        capsys, "deadline", "reply", "--from", "2100-12-31", "--working-days", "99999999"
    )
    assert code == 2 and "from 1 to 365" in output


def test_the_last_day_in_range_still_gives_every_deadline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, output = run_cli(
        capsys, "deadline", "reply", "--from", "2100-12-31", "--working-days", "365"
    )
    assert code == 0, output
    assert "Fri 26 May 2102" in output


def test_a_term_dates_file_near_year_9999_is_refused_in_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    terms = tmp_path / "terms.toml"
    terms.write_text(
        "[term_dates]\nconfirmed = false\nterms = [\n"
        '  { name = "Forever", start = 9999-12-01, end = 9999-12-31 },\n]\n',
        encoding="utf-8",
    )
    code, output = run_cli(
        capsys, "deadline", "exclusion-review", "--from", "2026-03-10", "--terms", str(terms)
    )
    assert code != 0 and "Traceback" not in output
    _says_format_and_range(output)


@pytest.mark.parametrize("argv", [(), ("open", "call.toml")])
def test_the_app_refuses_a_today_out_of_range_before_it_starts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    monkeypatch.setenv("SEND_TUI_TODAY", "9999-12-31")
    code, output = run_cli(capsys, *argv)
    assert code == 2
    _says_format_and_range(output)
