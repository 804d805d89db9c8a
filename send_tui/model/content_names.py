"""Names in a content folder that start-up needs before the content model is loaded.

The manifest's file name (the content cache hashes it with the rest) and the rule for a local
pack's folder name (the settings are checked against it): kept out of `model.content` so that
reading the settings and the content cache's key does not import the whole model.
"""

from __future__ import annotations

import re

#: The file at the content root that names the start node and the local pack.
MANIFEST = "manifest.toml"

#: A plain folder name, short enough for any file system (a longer one made `is_dir` raise).
_PACK_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")


def local_pack_problem(name: str) -> str | None:
    """Why `name` is not a local pack's name, or None: a plain folder name under `local/`.

    No path separators, no `..`, no drive or absolute path, so a record or settings file can
    never point the loader at a folder elsewhere (a crafted folder beside an emailed record
    would otherwise show its phone numbers as the council's).
    """
    if name == "" or _PACK_NAME.match(name):
        return None
    return (
        f"{name[:60]!r} is not a local pack: give the plain name of a folder under the "
        "content's local/ (up to 100 letters, digits, - and _; no / or \\ or ..)."
    )
