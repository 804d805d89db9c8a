"""Which line of a TOML file a key path is on, so a report can say "line 17" to someone in Notepad.

tomllib gives no positions for keys, so this reads the text: the `[table]` heading that holds the
key, then the `key =` line under it. Best effort: where the key is not written (a missing key),
the heading's line; where nothing matches, no line rather than a wrong one.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_INDEX = re.compile(r"\[(\d+)\]")


def _names(path: str) -> list[tuple[str, int | None]]:
    """`nodes.start.options[2].next` -> [(nodes, None), (start, None), (options, 2), (next, None)]."""
    found: list[tuple[str, int | None]] = []
    for part in path.split("."):
        index = _INDEX.search(part)
        name = _INDEX.sub("", part).strip().strip("\"'")
        found.append((name, int(index.group(1)) if index else None))
    return found


def key_line(text: str, key: str) -> int | None:
    """The 1-based line of `text` where `key` (a report's key path) is written, or None."""
    if not key:
        return None
    names = _names(key)
    plain = [name for name, _ in names]
    lines = text.splitlines()
    headings = []  # (line index, heading's names)
    for number, line in enumerate(lines):
        match = _HEADING.match(line)
        if match:
            headings.append((number, [p.strip().strip("\"'") for p in match.group(1).split(".")]))
    best: tuple[int, int] | None = None  # (length of the heading matched, its line index)
    for length in range(len(plain), 0, -1):
        same = [number for number, parts in headings if parts == plain[:length]]
        if same:
            index = names[length - 1][1]  # [[array]] tables: the n-th heading of that name
            if index is not None and index >= len(same):
                return None
            best = (length, same[index or 0])
            break
    start, rest = (best[1], plain[best[0] :]) if best else (-1, plain)
    if not rest:
        return start + 1
    end = next((number for number, _ in headings if number > start), len(lines))
    written = re.compile(rf"^\s*[\"']?{re.escape(rest[0])}[\"']?\s*=")
    for number in range(start + 1, end):
        if written.match(lines[number]):
            return number + 1
    return start + 1 if best else None
