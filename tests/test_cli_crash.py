"""A bug in plain mode or a sub-command ends in a plain message and exit code 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_tui import cli, plain
from send_tui.crash import DEBUG_VARIABLE, HEADLINE


class PlainBroke(RuntimeError):
    pass


def _broken_plain(**_: object) -> int:
    raise PlainBroke("Amelia Hart's letter could not be drawn")


def test_a_bug_in_plain_mode_says_so_in_words(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(plain, "run_plain", _broken_plain)
    assert cli.main(["--plain"]) == 1
    err = capsys.readouterr().err
    assert HEADLINE in err and "PlainBroke" in err
    assert "Amelia" not in err and "Traceback" not in err


def test_a_developer_can_ask_for_the_traceback(
    isolated_paths: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plain, "run_plain", _broken_plain)
    monkeypatch.setenv(DEBUG_VARIABLE, "1")
    with pytest.raises(PlainBroke):
        cli.main(["--plain"])
