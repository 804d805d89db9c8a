"""Plain lines out, plain lines in: what a screen reader, a braille display or a pipe can follow.

Nothing here moves the cursor, colours text or redraws a line. Output goes through `clean_text`
(so no escape sequence, from the content or from what was typed, ever reaches the terminal),
is wrapped at the width the .txt summary uses, and falls back to ASCII for any character the
console's encoding cannot show (a classic Windows console on cp437 or cp1252).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterable
from typing import TextIO

from send_tui.model.fields import LONG_LIMIT
from send_tui.model.letter import clean_text
from send_tui.render.text import wrap

#: Longest line read: the longest any field holds (the model cuts each field to its own limit);
#: anything longer is cut with a note, so a paste of a whole document is safe.
MAX_LINE = LONG_LIMIT

#: ASCII for the symbols the content and the outputs use, when the console cannot show them.
ASCII_FALLBACKS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2022": "*",
    "\u00b7": "-",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2265": ">=",
    "\u2264": "<=",
    "\u00a3": "GBP ",
    "\u00a0": " ",
    "\u2009": " ",
    "\u00a7": "s.",
    "\u00bd": "1/2",
    "\u2713": "yes",
    "\u2717": "no",
}


class EndOfInput(Exception):
    """The input ended (ctrl+d, ctrl+z then Enter, or the end of a pipe)."""


def ascii_fallback(text: str, encoding: str) -> str:
    """`text` with every character `encoding` cannot encode replaced by an ASCII stand-in."""
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    out: list[str] = []
    for char in text:
        try:
            char.encode(encoding)
            out.append(char)
            continue
        except (UnicodeEncodeError, LookupError):
            pass
        if char in ASCII_FALLBACKS:
            out.append(ASCII_FALLBACKS[char])
            continue
        decomposed = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        try:
            decomposed.encode(encoding)
            out.append(decomposed or "?")
        except (UnicodeEncodeError, LookupError):
            out.append("?")
    return "".join(out)


def clean_line(text: str) -> str:
    """A typed line as the program reads it: control characters gone, surrounding space trimmed."""
    return clean_text(text).replace("\n", " ").replace("\t", " ").strip()


class LineConsole:
    """Prints lines and reads lines; streams are injectable so tests can script a whole call.

    `echo` writes each line read after its prompt, so a transcript (or a pipe's log) shows what
    was typed; a real terminal echoes for itself, so it is off there.
    """

    def __init__(
        self,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        *,
        echo: bool | None = None,
        encoding: str | None = None,
        width: int = 78,
    ) -> None:
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        if stdin is None:
            # A byte the console's encoding cannot decode becomes U+FFFD, not the end of the call.
            try:
                self.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass
        self.encoding = encoding or getattr(self.stdout, "encoding", None) or "utf-8"
        if echo is None:
            isatty: Callable[[], bool] = getattr(self.stdin, "isatty", lambda: False)
            try:
                echo = not isatty()
            except ValueError:  # a closed stream
                echo = True
        self.echo = echo
        self.width = width

    # -- out -------------------------------------------------------------------------------

    def write(self, text: str) -> None:
        safe = ascii_fallback(clean_text(text), self.encoding)
        try:
            self.stdout.write(safe)
            self.stdout.flush()
        except UnicodeEncodeError:  # an encoding that lied about itself
            self.stdout.write(safe.encode("ascii", "replace").decode("ascii"))
            self.stdout.flush()

    def say(self, text: str = "", indent: str = "", first: str | None = None) -> None:
        """One paragraph (its own line breaks kept), wrapped; an empty string is a blank line."""
        if not text:
            self.write("\n")
            return
        self.write("\n".join(wrap(text, indent, first)) + "\n")

    def lines(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.say(text)

    def note(self, text: str) -> None:
        """What the full app shows as an information toast."""
        self.say(f"Note: {text}", "  ")

    def warn(self, text: str) -> None:
        """What the full app shows as a warning or error toast."""
        self.say(f"Warning: {text}", "  ")

    # -- in --------------------------------------------------------------------------------

    def ask(self, prompt: str) -> str:
        """Show `prompt`, read one line, return it cleaned. Raises `EndOfInput` at the end, and
        lets `KeyboardInterrupt` (ctrl+c) through."""
        self.write(prompt.rstrip() + " ")
        try:
            raw = self.stdin.readline()
        except UnicodeDecodeError:
            self.write("\n")
            self.warn(
                "That line could not be read in this console's encoding; please type it again."
            )
            return ""
        except KeyboardInterrupt:  # ctrl+c: the shell asks before leaving, as quit does
            self.write("\n")
            raise
        except (OSError, ValueError):
            raw = ""
        if raw == "":
            self.write("\n")
            raise EndOfInput
        raw = raw.rstrip("\r\n")
        if self.echo:
            self.write(clean_text(raw[:MAX_LINE]) + "\n")
        line = clean_line(raw)
        if len(line) > MAX_LINE:
            line = line[:MAX_LINE]
            self.warn(f"That line was very long; only its first {MAX_LINE} characters were read.")
        return line
