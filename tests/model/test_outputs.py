"""Saving a call: every file owner-only, nothing replaced without asking, no half a set on failure."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.outputs import default_basename, output_paths, safe_basename, save_outputs
from send_tui.model.record import load_record
from send_tui.model.session import Session
from tests.owner_only import assert_owner_only
from tests.sessions import TODAY, complaint_session, shipped

BASE = "call"
ALL = ["call.html", "call.txt", "call.md", "call-letter.docx", "call.toml"]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_save_writes_the_summary_the_letter_and_the_record_owner_only(tmp_path: Path) -> None:
    written = save_outputs(complaint_session(), tmp_path, BASE, TODAY)
    assert [p.name for p in written] == ALL
    assert names(tmp_path) == sorted(ALL)
    for path in written:
        assert_owner_only(path)
    assert (
        load_record(tmp_path / "call.toml", shipped()).letter_fields
        == complaint_session().letter_fields
    )


def test_no_letter_no_docx(tmp_path: Path) -> None:
    session = Session(shipped())
    session.answer("situation", "not_sure")
    written = save_outputs(session, tmp_path, BASE, TODAY)
    assert [p.name for p in written] == ["call.html", "call.txt", "call.md", "call.toml"]
    assert output_paths(session, tmp_path, BASE, TODAY) == written


def test_without_consent_no_file_holds_the_familys_names(tmp_path: Path) -> None:
    session = complaint_session()
    session.case.consent_to_record = False
    for path in save_outputs(session, tmp_path, BASE, TODAY):
        if path.suffix != ".docx":
            assert "Sam Smith" not in path.read_text(encoding="utf-8"), path.name


def test_existing_targets_are_all_named_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_text("old notes")
    (tmp_path / "call.toml").write_text("old record")
    with pytest.raises(storage.FileExists) as caught:
        save_outputs(complaint_session(), tmp_path, BASE, TODAY)
    assert "call.txt" in str(caught.value) and "call.toml" in str(caught.value)
    assert names(tmp_path) == ["call.toml", "call.txt"]
    assert (tmp_path / "call.txt").read_text() == "old notes"


def test_replacing_when_asked(tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_text("old notes")
    save_outputs(complaint_session(), tmp_path, BASE, TODAY, overwrite=True)
    assert "not legal advice" in (tmp_path / "call.txt").read_text(encoding="utf-8")
    assert_owner_only(tmp_path / "call.txt")


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, target: object, name: str, n: int, code: int
) -> None:
    """Make `target.name` raise OSError(code) from its n-th call on (tests run as root, so no chmod)."""
    real = getattr(target, name)
    calls = {"count": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["count"] += 1
        if calls["count"] >= n:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, failing)


@pytest.mark.parametrize(
    ("target", "name", "code", "says"),
    [
        (tempfile, "mkstemp", errno.EACCES, "not writable"),
        (os, "replace", errno.EACCES, "not writable"),
        (os, "write", errno.ENOSPC, "disk"),
        (os, "fsync", errno.ENOSPC, "disk"),
    ],
)
def test_a_failure_part_way_leaves_no_file_of_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: object, name: str, code: int, says: str
) -> None:
    fail_on_call(monkeypatch, target, name, 3, code)
    with pytest.raises(storage.SaveError) as caught:
        save_outputs(complaint_session(), tmp_path, BASE, TODAY)
    assert says in str(caught.value)
    assert str(tmp_path) in str(caught.value)
    assert names(tmp_path) == []


def test_ctrl_c_part_way_leaves_no_file_of_the_save_and_the_call_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain mode's ctrl+c is a KeyboardInterrupt wherever it lands, a save's writes included."""
    real = os.replace
    calls = {"count": 0}

    def interrupted(*args: object, **kwargs: object) -> object:
        calls["count"] += 1
        if calls["count"] >= 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", interrupted)
    session = complaint_session()
    with pytest.raises(KeyboardInterrupt):
        save_outputs(session, tmp_path, BASE, TODAY)
    assert names(tmp_path) == []
    assert session.sent_letter is None  # no letter counts as sent that no file holds


def test_a_failure_keeps_files_that_were_there_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "call.html").write_text("old page")
    fail_on_call(monkeypatch, os, "replace", 3, errno.ENOSPC)
    with pytest.raises(storage.SaveError):
        save_outputs(complaint_session(), tmp_path, BASE, TODAY, overwrite=True)
    assert names(tmp_path) == ["call.html"]


def test_a_folder_that_vanished(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    with pytest.raises(storage.SaveError) as caught:
        save_outputs(complaint_session(), gone, BASE, TODAY)
    assert "does not exist" in str(caught.value)
    assert not gone.exists()


def test_the_default_name_carries_the_date_and_a_safe_case_reference() -> None:
    session = complaint_session()
    assert default_basename(session, TODAY) == "send-tui-2026-11-28-TH-0042"
    session.case.reference = "../../etc/passwd <x>"
    assert default_basename(session, TODAY) == "send-tui-2026-11-28-etc-passwd-x"
    session.case.reference = ""
    assert default_basename(session, TODAY) == "send-tui-2026-11-28-summary"


@pytest.mark.parametrize(
    ("typed", "safe"),
    [
        ("My call notes", "My-call-notes"),
        ("..hidden", "hidden"),
        ("CON", "send-tui-CON"),
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
        ("سارة", "summary"),
        ("x" * 300, "x" * 80),
    ],
)
def test_a_typed_name_is_made_safe(typed: str, safe: str) -> None:
    assert safe_basename(typed) == safe


def test_a_blank_name_falls_back_to_the_default(tmp_path: Path) -> None:
    written = save_outputs(complaint_session(), tmp_path, "  ", TODAY)
    assert written[0].name == "send-tui-2026-11-28-TH-0042.html"
