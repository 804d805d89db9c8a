"""Is a folder synced to the cloud? Then "nothing leaves the machine" would be false.

On a helpline desktop Windows often moves Documents into OneDrive (Known Folder Move), so the
default save folder can be synced without the adviser knowing. This recognises the common sync
services by the folder names they use, and OneDrive also by the variables it sets (`OneDrive`,
`OneDriveCommercial`, `OneDriveConsumer`, which hold its folders). It reads no files: a name
check, so it can be wrong both ways, which is why the app warns and never refuses.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import PurePath

#: The variables OneDrive sets to its sync folders (personal, work or school).
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


def _named(*names: str, prefixes: tuple[str, ...] = ()) -> Callable[[str], bool]:
    def matches(part: str) -> bool:
        return part in names or part.startswith(prefixes)

    return matches


#: Service -> a test of one folder name (lower case). Windows, macOS (~/Library/CloudStorage,
#: iCloud's "Mobile Documents") and Linux clients' usual names.
SERVICES: dict[str, Callable[[str], bool]] = {
    "OneDrive": _named("onedrive", prefixes=("onedrive - ", "onedrive-")),
    "Dropbox": _named("dropbox", prefixes=("dropbox (", "dropbox-")),
    "iCloud Drive": _named(
        "icloud drive", "iclouddrive", "icloud", "mobile documents", "com~apple~clouddocs"
    ),
    "Google Drive": _named("google drive", "googledrive", "my drive", prefixes=("googledrive-",)),
}


def sync_service(path: PurePath, environ: Mapping[str, str] | None = None) -> str | None:
    """The sync service `path` is inside ("OneDrive"), or None when it looks local."""
    env = os.environ if environ is None else environ
    parts = [part.lower() for part in path.parts]
    for variable in ONEDRIVE_VARIABLES:
        root = env.get(variable, "").strip()
        if root:
            root_parts = [part.lower() for part in type(path)(root).parts]
            if len(root_parts) > 1 and parts[: len(root_parts)] == root_parts:
                return "OneDrive"
    for service, matches in SERVICES.items():
        if any(matches(part) for part in parts):
            return service
    return None


def synced_warning(
    what: str, path: PurePath, environ: Mapping[str, str] | None = None
) -> str | None:
    """An adviser-readable warning when `path` is synced, naming `what` it holds; else None."""
    service = sync_service(path, environ)
    if service is None:
        return None
    return (
        f"{what} {path} is inside {service}, which copies it off this computer: what is saved "
        f"there leaves the machine. Choose a folder that is not synced for anything personal."
    )
