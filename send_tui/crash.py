"""What an adviser sees when send-tui fails: what happened to the call, never a traceback.

Textual's own crash report prints the traceback with every frame's local variables, and on
send-tui those hold the call (the child's name, the letter's text): on a shared desktop that
would stay in the terminal's scrollback for the next user. This message names the error's type
and where it happened, which is enough for a bug report; it leaves out the error's own message
and every variable, as either can hold what the adviser typed. No Textual import: plain mode and
the sub-commands use it too.
"""

from __future__ import annotations

import re
import traceback

#: Set (to anything) to see a bug's full traceback, as a developer, instead of the message.
DEBUG_VARIABLE = "SEND_TUI_DEBUG"
#: The frames, innermost last, that a report lists: enough to find the bug.
FRAMES_SHOWN = 6

HEADLINE = "send-tui stopped because of a problem in the program (not in anything you did)."
WHAT_WAS_KEPT = (
    "If the caller agreed to a record (F6), the call was autosaved up to the last change: start "
    "send-tui again and press r on the start screen to resume it. Otherwise nothing about the "
    "call was written to this computer."
)
TO_REPORT = "To report it, send the lines below. They hold nothing about the caller."


def crash_message(error: BaseException) -> str:
    """The message shown in place of a traceback: the call's fate, then the report lines."""
    return "\n".join((HEADLINE, "", WHAT_WAS_KEPT, "", TO_REPORT, *report_lines(error)))


def report_lines(error: BaseException) -> list[str]:
    """The error's type and its innermost frames as `file:line in function`, nothing else."""
    frames = traceback.extract_tb(error.__traceback__)[-FRAMES_SHOWN:]
    lines = [f"  {type(error).__module__}.{type(error).__qualname__}"]
    lines += [f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}" for frame in frames]
    return lines


def _short_path(filename: str) -> str:
    """The path from the package folder on (`send_tui/app.py`, `textual/app.py`).

    The rest is the adviser's own folder (C:\\Users\\name\\...), which a report has no need of.
    """
    parts = re.split(r"[\\/]", filename)  # a Windows path too, wherever the report is made
    for marker in ("send_tui", "site-packages"):
        if marker in parts:
            index = len(parts) - 1 - parts[::-1].index(marker)
            kept = parts[index:] if marker == "send_tui" else parts[index + 1 :]
            return "/".join(kept)
    return parts[-1]
