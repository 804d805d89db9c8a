"""A strict reader over one TOML table: typed getters that record errors, and unknown-key checks.

The content loader and the record loader both read TOML written by people (or by a damaged
disk), so every read says where it was and what was expected instead of raising.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from send_tui.model.content_errors import ContentError, closest, did_you_mean
from send_tui.model.dates import DATE_RANGE_HELP, in_range

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")

#: The most characters one text of the content may hold: ten times the longest shipped one, so
#: only a paste gone wrong (a whole document in one field) goes over, and it is refused at its key
#: rather than slowing every screen and letter that shows it.
MAX_TEXT = 20_000

_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    list: "a list",
    dict: "a table",
}


def describe(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


class Table:
    """One table of a file; getters consume keys, `finish()` reports the keys nobody asked for."""

    def __init__(self, data: dict[str, Any], file: str, path: str, errors: list[ContentError]):
        self.data = data
        self.file = file
        self.path = path
        self.errors = errors
        self._seen: set[str] = set()
        self._misspelt: set[str] = set()  # keys already named as a likely misspelling

    def key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, message: str) -> None:
        self.errors.append(
            ContentError(self.file, self.key_path(key) if key else self.path, message)
        )

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool) -> Any:
        self._seen.add(key)
        if key not in self.data:
            if required:
                self.error(key, f"is missing: add it{self._misspelling_of(key)}")
            return None
        return self.data[key]

    def _misspelling_of(self, key: str) -> str:
        """` ('titel' is not a key ...: is it a misspelling of 'title'?)` for a missing `key`.

        Said when a key of the table that nobody has asked for is close to it.

        The close key is then not reported again by `finish()`: one slip, one message.
        """
        close = closest(key, self.unasked())
        if close is None:
            return ""
        self._misspelt.add(close)
        return f" ({close!r} is not a key send-tui knows: is it a misspelling of {key!r}?)"

    def _typed(self, key: str, required: bool, check: Callable[[Any], bool], wanted: str) -> Any:
        value = self._get(key, required)
        if value is None:
            return None
        if not check(value):
            self.error(key, f"should be {wanted}, not {describe(value)}")
            return None
        return value

    def text(self, key: str, required: bool = True, default: str | None = None) -> str | None:
        value = self._typed(key, required, lambda v: isinstance(v, str), "text")
        if value is None:
            return default
        if not value.strip():
            self.error(key, "is empty: write the text or remove the key")
            return default
        if self._too_long(key, value):
            return default
        return str(value).strip()

    def _too_long(self, key: str, value: str) -> bool:
        if len(value) <= MAX_TEXT:
            return False
        self.error(
            key,
            f"is {len(value):,} characters long, more than the {MAX_TEXT:,} one text may hold: "
            "shorten it, split it, or check that nothing was pasted in by mistake",
        )
        return True

    def text_values(self) -> dict[str, str]:
        """Every key of a table of `key = text` (by caller, by date...), non-empty values only.

        Each value is read with `text()`, so a wrong type or an empty text is reported at its key
        and left out; every key counts as asked for, so `finish()` has nothing more to say.
        """
        found = {key: self.text(key) for key in list(self.data)}
        return {key: text for key, text in found.items() if text}

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self._typed(key, required, lambda v: isinstance(v, str), "an id (text)")
        if value is not None and not ID_PATTERN.match(value):
            self.error(key, f"{value!r} is not a valid id: use lower-case letters, digits and _")
            return None
        return str(value) if value is not None else None

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._typed(key, False, lambda v: isinstance(v, bool), "true or false")
        return default if value is None else value

    def whole(self, key: str, required: bool = True, default: int = 0) -> int:
        value = self._typed(
            key,
            required,
            lambda v: isinstance(v, int) and not isinstance(v, bool),
            "a whole number",
        )
        return default if value is None else value

    def day(self, key: str, required: bool = True) -> date | None:
        found: date | None = self._typed(
            key,
            required,
            lambda v: isinstance(v, date) and not isinstance(v, datetime) and in_range(v),
            f"a date written as YYYY-MM-DD (no quotes), {DATE_RANGE_HELP}",
        )
        return found

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        return self._list(key, required, lambda v: isinstance(v, str) and bool(v.strip()), "text")

    def idents(self, key: str, required: bool = False) -> tuple[str, ...]:
        found = self._list(key, required, lambda v: isinstance(v, str), "an id")
        good = []
        for index, value in enumerate(found):
            if ID_PATTERN.match(value):
                good.append(value)
            else:
                self.error(f"{key}[{index}]", f"{value!r} is not a valid id: use a-z, 0-9 and _")
        return tuple(good)

    def days(self, key: str, required: bool = False) -> tuple[date, ...]:
        return self._list(
            key,
            required,
            lambda v: isinstance(v, date) and not isinstance(v, datetime) and in_range(v),
            f"a date {DATE_RANGE_HELP}",
        )

    def _list(
        self, key: str, required: bool, check: Callable[[Any], bool], wanted: str
    ) -> tuple[Any, ...]:
        value = self._typed(key, required, lambda v: isinstance(v, list), f"a list of {wanted}")
        if value is None:
            return ()
        good = []
        for index, item in enumerate(value):
            if isinstance(item, str) and check(item) and self._too_long(f"{key}[{index}]", item):
                continue
            if check(item):
                good.append(item.strip() if isinstance(item, str) else item)
            else:
                self.error(f"{key}[{index}]", f"should be {wanted}, not {describe(item)}")
        return tuple(good)

    def table(self, key: str, required: bool = False) -> Table | None:
        value = self._typed(key, required, lambda v: isinstance(v, dict), "a table")
        return None if value is None else Table(value, self.file, self.key_path(key), self.errors)

    def tables(self, key: str, required: bool = False) -> list[Table]:
        value = self._typed(key, required, lambda v: isinstance(v, list), "a list of tables")
        if value is None:
            return []
        found = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                found.append(Table(item, self.file, f"{self.key_path(key)}[{index}]", self.errors))
            else:
                self.error(f"{key}[{index}]", f"should be a table, not {describe(item)}")
        return found

    def subtables(self) -> list[tuple[str, Table]]:
        """The entries of a section such as `[nodes]`: (id, table), bad ids and non-tables reported."""
        found = []
        for key, value in self.data.items():
            self._seen.add(key)
            if not ID_PATTERN.match(key):
                self.error(key, f"{key!r} is not a valid id: use lower-case letters, digits and _")
            elif not isinstance(value, dict):
                self.error(key, f"should be a table, not {describe(value)}")
            else:
                found.append((key, Table(value, self.file, self.key_path(key), self.errors)))
        return found

    def unasked(self) -> list[str]:
        """The keys of the table no getter asked for, less those already named as misspellings."""
        return [k for k in self.data if k not in self._seen and k not in self._misspelt]

    def finish(self) -> None:
        for key in self.unasked():
            self.error(
                key,
                f"is not a key send-tui knows{did_you_mean(key, self._seen)}: check the spelling "
                "(see docs/content-format.md, or run `send-tui help content`)",
            )
