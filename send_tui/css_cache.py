"""Textual's parsed CSS, kept between runs, so a start does not tokenise the same CSS again.

Parsing the CSS is about 15 ms of the first screen's 90 ms (app.tcss alone about 7 ms, then
every widget's DEFAULT_CSS); a bare Textual app parses about 9 ms of its own. Textual keeps
what it parsed in the stylesheet's `_parse_cache`, keyed by the CSS text itself, where it came
from, and how it is scoped, so a changed .tcss or widget is simply a miss there. What else
shapes a parse is in this file's key: send-tui's and Python's versions, the files of the
classes that are pickled (Textual's CSS model, its colours and geometry, Rich's styles), and
the CSS variables, since the theme's colours are substituted while parsing.

The file has the content cache's format and care (`content_cache.read_cached`, `write_cache`):
key, checksum, pickled payload; written atomically, owner-only; one that is corrupt or for
another key is ignored and replaced, never trusted. It holds only CSS, never a caller's data.

Each theme has a file of its own. Only the theme the app starts in is cached: one chosen
while it runs has Textual parse everything again in a fresh stylesheet, which this does not
reach (the next start, in that theme, then finds its own file).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from send_tui.model.content_cache import read_cached, write_cache

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

MAGIC = b"send-tui css cache 1\n"
#: One file per theme (`cache_file`), so an adviser who switches does not lose the other's.
FILE_PATTERN = "textual-css-*.cache"


def _code_files() -> list[Path]:
    """The modules whose classes a parsed rule is made of (Textual's CSS, colours, geometry;
    Rich's styles): the files of the installed versions, so an upgrade is a new key.

    Their sizes and times stand for the versions: asking importlib.metadata for Textual's
    version takes about 50 ms at start-up, more than this cache saves.
    """
    import rich.style
    import textual.color
    import textual.css.model

    css = Path(textual.css.model.__file__).parent
    return [
        *sorted(css.glob("*.py")),
        Path(textual.color.__file__),
        css.parent / "geometry.py",
        Path(rich.style.__file__),
    ]


def _variables_hash(stylesheet: Stylesheet) -> hashlib._Hash:
    digest = hashlib.sha256()
    for name, value in sorted(stylesheet._variables.items()):
        digest.update(f"{name}={value}\0".encode("utf-8", "surrogateescape"))
    return digest


def cache_file(folder: Path, stylesheet: Stylesheet) -> Path:
    """The file for the CSS variables (the theme) `stylesheet` has now."""
    return folder / FILE_PATTERN.replace("*", _variables_hash(stylesheet).hexdigest()[:16])


def css_key(stylesheet: Stylesheet) -> str:
    """A hash of everything a parse depends on besides the CSS text (which the entries hold)."""
    from send_tui import __version__

    digest = _variables_hash(stylesheet)
    for part in (__version__, sys.version):
        digest.update(part.encode("utf-8") + b"\0")
    for path in _code_files():
        try:
            stat = path.stat()
        except OSError:
            stat = None
        facts = f"{path}\0{stat.st_size if stat else -1}\0{stat.st_mtime_ns if stat else -1}\0"
        digest.update(facts.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


class CssCache:
    """Seeds a stylesheet from the file, and writes the file again once there is more in it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path: Path | None = None  # once seeded: the file for the theme seeded with
        self._key: str | None = None
        self._seeded: frozenset[Any] = frozenset()

    def seed(self, stylesheet: Stylesheet) -> int:
        """Put what earlier runs parsed into `stylesheet`'s parse cache; how many entries."""
        self._key = css_key(stylesheet)
        self.path = cache_file(self.folder, stylesheet)
        entries = read_cached(self.path, self._key, MAGIC, kind=dict)
        if not entries:
            return 0
        cache = stylesheet._parse_cache
        for entry_key, rules in entries.items():
            if isinstance(entry_key, tuple) and isinstance(rules, list):
                cache[entry_key] = rules
        self._seeded = frozenset(entries)
        return len(entries)

    def save(self, stylesheet: Stylesheet) -> bool:
        """Write what `stylesheet` has parsed, if it parsed anything the file did not have.

        Not when the CSS variables have changed since `seed` (another theme): that parse
        cache belongs to a theme this file is not for.
        """
        if self._key is None or self.path is None or css_key(stylesheet) != self._key:
            return False
        cache = stylesheet._parse_cache
        entries = {entry_key: cache.get(entry_key) for entry_key in cache.keys()}
        entries = {key: rules for key, rules in entries.items() if rules is not None}
        if not entries or frozenset(entries) <= self._seeded:
            return False
        if not write_cache(self.path, self._key, entries, MAGIC):
            return False
        self._seeded = frozenset(entries)
        return True
