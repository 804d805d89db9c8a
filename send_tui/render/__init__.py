"""Renderers: the `Summary` model -> bytes in each output format, one module per format.

`render(summary, fmt)` is the one entry point the save dialog, `save_outputs` and
`send-tui render` use, so every output of a session comes from the same summary and cannot drift.
The .docx is the letter alone (for editing in Word); the others are the whole summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from send_tui.model.summary import Summary

#: The formats, by file extension (without the dot).
FORMATS: tuple[str, ...] = ("html", "txt", "md", "docx")


class UnknownFormat(ValueError):
    """A file extension no renderer handles; the message lists the ones that work."""


class NoLetter(ValueError):
    """A .docx was asked for, but the session has no letter to put in it."""


def format_for(path: Path | str) -> str:
    """The format a file name asks for, from its extension (`.HTML` counts as `html`)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        known = ", ".join(f".{f}" for f in FORMATS)
        shown = f".{suffix}" if suffix else "no extension"
        raise UnknownFormat(
            f"{Path(path).name}: {shown} is not a format send-tui writes ({known})."
        )
    return suffix


def render(summary: Summary, fmt: str) -> bytes:
    """The summary (or, for docx, its letter) in `fmt`, as the bytes of the file (UTF-8 text)."""
    if fmt == "html":
        from send_tui.render.html import render_html

        return render_html(summary).encode("utf-8")
    if fmt == "txt":
        from send_tui.render.text import render_text

        return render_text(summary).encode("utf-8")
    if fmt == "md":
        from send_tui.render.markdown import render_markdown

        return render_markdown(summary).encode("utf-8")
    if fmt == "docx":
        if summary.letter is None:
            raise NoLetter(
                "There is no letter to save as .docx: no letter fits this session, "
                "or it has not been started."
            )
        from send_tui.render.docx import render_docx

        return render_docx(summary.letter)
    raise UnknownFormat(f"{fmt!r} is not a format send-tui writes ({', '.join(FORMATS)}).")
