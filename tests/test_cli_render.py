"""`send-tui render` and `send-tui open`: a saved record out again, without and with the app."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from send_tui.cli import main
from send_tui.model.record import save_record
from send_tui.model.session import Session
from tests.owner_only import assert_owner_only
from tests.sessions import complaint_session, shipped


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def record(tmp_path: Path) -> Path:
    return save_record(complaint_session(), tmp_path / "call.toml")


@pytest.mark.parametrize("suffix", [".html", ".txt", ".md", ".docx"])
def test_render_writes_each_format_owner_only(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"out{suffix}"
    code, out, err = run(capsys, "render", str(record), "--to", str(target))
    assert (code, err) == (0, "")
    assert str(target) in out
    assert target.stat().st_size > 0
    assert_owner_only(target)


def test_today_and_redacted(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    run(capsys, "render", str(record), "--to", str(target), "--today", "2026-12-01", "--redacted")
    text = target.read_text(encoding="utf-8")
    assert "Date made: Tue 1 Dec 2026" in text
    assert "Sam Smith" not in text and "Alex Smith" not in text


def test_an_existing_file_needs_force(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    target.write_text("keep me")
    code, _, err = run(capsys, "render", str(record), "--to", str(target))
    assert code == 1
    assert "already exists" in err and "--force" in err
    assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "render", str(record), "--to", str(target), "--force")
    assert code == 0
    assert "not legal advice" in target.read_text(encoding="utf-8")


def test_an_unknown_extension_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], record: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "render", str(record), "--to", str(tmp_path / "out.pdf"))
    assert code == 2
    assert ".pdf is not a format" in err


def test_a_bad_record_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'plan = []\n[record]\nformat = "send-tui-record"\nversion = 9\n', encoding="utf-8"
    )
    code, _, err = run(capsys, "render", str(bad), "--to", str(tmp_path / "out.html"))
    assert code == 1
    assert "Cannot open the record" in err and "record.version" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.html").exists()


def test_a_docx_needs_a_letter(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    session = Session(shipped())
    session.answer("situation", "not_sure")
    path = save_record(session, tmp_path / "no-letter.toml")
    code, _, err = run(capsys, "render", str(path), "--to", str(tmp_path / "letter.docx"))
    assert code == 1
    assert "no letter" in err


def test_open_starts_the_app_on_the_saved_session(
    capsys: pytest.CaptureFixture[str], record: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, object] = {}

    class FakeApp:
        return_code = 0

        def run(self) -> None:
            started["ran"] = True

    def make_app(**kwargs: object) -> FakeApp:
        started.update(kwargs)
        return FakeApp()

    monkeypatch.setitem(sys.modules, "send_tui.app", types.SimpleNamespace(make_app=make_app))
    code, _, err = run(capsys, "open", str(record))
    assert (code, err) == (0, "")
    assert started["ran"] is True
    session = started["session"]
    assert isinstance(session, Session)
    assert session.answers == complaint_session().answers
    assert session.letter_fields == complaint_session().letter_fields


def test_open_refuses_a_bad_record(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("not [ toml", encoding="utf-8")
    code, _, err = run(capsys, "open", str(bad))
    assert code == 1
    assert "not valid TOML" in err and "Traceback" not in err
