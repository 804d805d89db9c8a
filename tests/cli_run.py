"""Running the command line in-process, as a user at a shell would see it: exit code and text."""

from __future__ import annotations

import pytest

from send_tui.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """The exit code and everything printed (stdout then stderr), even when argparse exits."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out + err
