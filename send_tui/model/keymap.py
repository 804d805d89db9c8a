"""The `[keys]` table of the settings: binding id -> the keys that replace its default.

A helpline desk may have a keyboard, a screen reader or a remote-desktop client that takes F-keys
for itself, so any key can be rebound by its binding id (`send-tui config keys` lists them):

    [keys]
    "send.plan" = "f12"
    "send.save" = "ctrl+w,f10"     # several keys, separated by commas

This module checks what it can without Textual: each value is text naming keys Textual knows
(modifiers from `MODIFIERS`, then a key name or one character). Whether an id exists is checked by
the app, which knows its bindings (`send_tui/keymap.py`). Each bad entry is named and ignored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")

#: Textual's names for keys that are not one printable character.
NAMED_KEYS = frozenset(
    {"escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end"}
    | {"pageup", "pagedown", "up", "down", "left", "right"}
    | {f"f{number}" for number in range(1, 25)}
    # punctuation by its Unicode name, as Textual spells it ("question_mark", "full_stop")
    | {
        unicodedata.name(chr(code)).lower().replace("-", "_").replace(" ", "_")
        for code in range(33, 127)
        if not chr(code).isalnum()
    }
)

HOW_TO_WRITE = 'write keys as Textual names them, e.g. "f12", "ctrl+l" or "f12,ctrl+l"'


def key_problem(keys: str) -> str | None:
    """Why `keys` ("ctrl+l,f12") is not a list of keys, or None when it is."""
    if not keys.strip():
        return "is empty"
    for key in keys.split(","):
        *modifiers, name = key.strip().split("+")
        unknown = [m for m in modifiers if m not in MODIFIERS]
        if unknown:
            return f"{key.strip()!r}: {unknown[0]!r} is not a modifier ({', '.join(MODIFIERS)})"
        single = len(name) == 1 and name.isprintable() and not name.isspace()
        if not (single or name in NAMED_KEYS):
            return f"{key.strip()!r}: {name!r} is not a key name"
    return None


def read_keys(table: object, where: str) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """The `[keys]` table as (binding id, keys) pairs, and a problem for each entry left out."""
    if not isinstance(table, Mapping):
        return (), [f"{where}: [keys] should be a table of binding ids and keys; ignored."]
    good: list[tuple[str, str]] = []
    problems: list[str] = []
    for binding_id, keys in table.items():
        if not isinstance(keys, str):
            problems.append(
                f"{where}: [keys] {binding_id}: should be text in quotes ({HOW_TO_WRITE}); ignored."
            )
        elif problem := key_problem(keys):
            problems.append(f"{where}: [keys] {binding_id}: {problem} ({HOW_TO_WRITE}); ignored.")
        else:
            good.append((str(binding_id), ",".join(k.strip() for k in keys.split(","))))
    return tuple(good), problems
