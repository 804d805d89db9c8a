"""A .docx open in Word cannot be replaced: say so, not that the folder is unwritable.

Windows refuses `os.replace` over a file another program has open (PermissionError). Simulated
here by a replace that raises PermissionError whenever its target exists.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from send_tui.model import storage
from send_tui.model.outputs import save_outputs
from tests.sessions import TODAY, complaint_session

_real_replace = os.replace


def _word_holds(name: str):
    def replace(source: str, target: str) -> None:
        if Path(target).name == name and os.path.lexists(target):
            raise PermissionError(errno.EACCES, "The process cannot access the file", target)
        _real_replace(source, target)

    return replace


def test_replacing_a_letter_open_in_word_says_it_is_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_outputs(complaint_session(), tmp_path, "call", TODAY)
    letter = tmp_path / "call-letter.docx"
    before = letter.read_bytes()
    monkeypatch.setattr(os, "replace", _word_holds(letter.name))
    with pytest.raises(storage.FileInUse) as refused:
        save_outputs(complaint_session(), tmp_path, "call", TODAY, overwrite=True)
    assert str(refused.value.strerror) == (
        "call-letter.docx is open in another program (close it and save again)."
    )
    assert "not writable" not in str(refused.value)
    assert letter.read_bytes() == before  # the open file is untouched
    assert not list(tmp_path.glob(".*.part"))


def test_it_is_a_save_error_the_dialog_already_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("old")
    monkeypatch.setattr(os, "replace", _word_holds("notes.txt"))
    with pytest.raises(storage.SaveError):
        storage.write_atomic(target, "new", overwrite=True)


def test_a_refused_rename_with_no_file_there_is_still_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: str, target: str) -> None:
        raise PermissionError(errno.EACCES, "denied", target)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(storage.SaveError) as refused:
        storage.write_atomic(tmp_path / "new.txt", "new")
    assert not isinstance(refused.value, storage.FileInUse)
    assert "not writable" in str(refused.value)


def test_render_to_a_docx_open_in_word_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from send_tui.cli import main
    from send_tui.model.record import save_record

    record = save_record(complaint_session(), tmp_path / "call.toml")
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the letter Word has open")
    monkeypatch.setattr(os, "replace", _word_holds("letter.docx"))
    assert main(["render", str(record), "--to", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert "letter.docx is open in another program (close it and save again)." in err
    assert "Errno" not in err
