"""Writing files that hold a child's details: atomically, owner-only, never over a file by surprise.

A crash or a full disk must leave either the old file or the new one, never half of one, and
another user of a shared desktop must not be able to read what was saved.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


class SaveError(OSError):
    """A save that failed; the message is for the adviser and says what to do."""


class FileExists(SaveError):
    """The target exists and the caller did not say it may be replaced."""


def explain(error: OSError, path: Path) -> str:
    """An adviser-readable sentence for an OS error while saving `path`."""
    folder = path.parent
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write to {folder}: the folder is not writable. Choose another folder."
    if error.errno == errno.ENOSPC:
        return f"The disk holding {folder} is full. Free some space or choose another folder."
    if error.errno == errno.ENOENT:
        return f"The folder {folder} does not exist (it may have been removed). Choose another folder."
    if error.errno == errno.ENOTDIR:
        return f"{folder} is not a folder. Choose another folder."
    if error.errno == errno.EDQUOT:
        return f"Your disk quota for {folder} is used up. Choose another folder."
    reason = error.strerror or str(error)
    return f"Could not save {path.name} in {folder}: {reason}."


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) readable by the owner only, if it is missing."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    except OSError as error:
        raise SaveError(error.errno, explain(error, folder / "x")) from error


def write_atomic(path: Path, data: bytes | str, *, overwrite: bool = False) -> Path:
    """Write `data` to `path` via a temp file in the same folder, fsync, then rename.

    The file is created 0600. Raises `FileExists` if `path` exists and `overwrite` is false,
    and `SaveError` with an adviser-readable message for any other failure; on failure the
    temp file is removed and any existing file is untouched.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if not overwrite and path.exists():
        raise FileExists(errno.EEXIST, f"{path.name} already exists in {path.parent}.")
    temp_name: str | None = None
    _remove_stale_parts(path)
    try:
        # mkstemp creates the file 0600, so it is private from its first byte.
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(handle, view)
                view = view[written:]
            os.fsync(handle)
        finally:
            os.close(handle)
        if not overwrite and path.exists():
            raise FileExists(errno.EEXIST, f"{path.name} already exists in {path.parent}.")
        os.replace(temp_name, path)
        temp_name = None
        os.chmod(path, OWNER_ONLY)
        _fsync_dir(path.parent)
        return path
    except SaveError:
        raise
    except OSError as error:
        raise SaveError(error.errno, explain(error, path)) from error
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass


#: A temp file this old was left by a save that was killed; newer ones may be a save under way.
STALE_PART_SECONDS = 15 * 60


def _remove_stale_parts(path: Path) -> None:
    """Delete temp files a killed save left beside `path` (they may hold a child's details)."""
    import time

    cutoff = time.time() - STALE_PART_SECONDS
    try:
        leftovers = list(path.parent.glob(f".{path.name}.*.part"))
    except OSError:
        return
    for part in leftovers:
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def move_aside(path: Path, reason: str) -> Path | None:
    """Rename a damaged file to `<name>.<reason>-N` so it is kept but no longer read."""
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.{reason}-{n}")
        if not target.exists():
            try:
                os.replace(path, target)
                return target
            except OSError:
                return None
    return None
