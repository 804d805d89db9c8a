"""Writing files that hold a child's details: atomically, owner-only, never over a file by surprise.

A crash or a full disk must leave either the old file or the new one, never half of one, and
another user of a shared desktop must not be able to read what was saved.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
from pathlib import Path

OWNER_ONLY = 0o600
OWNER_ONLY_DIR = 0o700


class SaveError(OSError):
    """A save that failed; the message is for the adviser and says what to do."""


class FileExists(SaveError):
    """The target exists and the caller did not say it may be replaced."""


class FileInUse(SaveError):
    """The file to replace is open in another program (Word holds a .docx it has open).

    Windows refuses to replace such a file; the folder itself is writable, so the save dialog
    says to close the file and save again, not to choose another folder.
    """


def in_use_message(path: Path) -> str:
    return f"{path.name} is open in another program (close it and save again)."


class NotARegularFile(OSError):
    """A path to read is a pipe, a device or a socket: reading it could hang for ever."""


def exists(path: Path) -> bool:
    """Is there anything at `path`, a dangling symbolic link included? Never replace it unasked."""
    return os.path.lexists(path)


def read_regular_file(path: Path, limit: int) -> bytes:
    """Up to `limit` bytes of `path`, refusing at once what is not a regular file (a FIFO).

    Opened without blocking and checked before reading, so a pipe where a record should be
    cannot hang `open`, `render` or start-up.
    """
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, f"{path} is a folder")
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, f"{path} is not a regular file")
        if os.name == "posix":
            os.set_blocking(fd, True)  # a regular file: read it normally
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit)
    finally:
        os.close(fd)


def explain(error: OSError, path: Path) -> str:
    """An adviser-readable sentence for an OS error while saving `path`."""
    folder = path.parent
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write to {folder}: the folder is not writable. Choose another folder."
    if error.errno == errno.ENOSPC:
        return f"The disk holding {folder} is full. Free some space or choose another folder."
    if error.errno == errno.ENOENT:
        return (
            f"The folder {folder} does not exist (it may have been removed). Choose another folder."
        )
    if error.errno == errno.ENOTDIR:
        return f"{folder} is not a folder. Choose another folder."
    if error.errno == errno.EDQUOT:
        return f"Your disk quota for {folder} is used up. Choose another folder."
    reason = error.strerror or str(error)
    return f"Could not save {path.name} in {folder}: {reason}."


class FolderMissing(SaveError):
    """The folder to save into does not exist; the dialog offers to create it (`create_folder`)."""


def check_folder(folder: Path) -> None:
    """Raise `FolderMissing` if `folder` is not there, so the dialog can offer to create it."""
    folder = Path(folder)
    if not os.path.lexists(folder):
        raise FolderMissing(errno.ENOENT, f"The folder {folder} does not exist.")


def create_folder(folder: Path) -> list[Path]:
    """Create `folder` and any missing parents, each readable by the owner only (0700).

    For the save dialog, once the adviser has agreed: the folders it makes may hold a child's
    details, so none is left open to other users whatever the umask. Returns what was created;
    `SaveError` in words if it cannot be.
    """
    folder = Path(folder).expanduser()
    missing: list[Path] = []
    for level in (folder, *folder.parents):
        if os.path.lexists(level):
            break
        missing.append(level)
    created: list[Path] = []
    try:
        for level in reversed(missing):
            level.mkdir(mode=OWNER_ONLY_DIR)
            os.chmod(level, OWNER_ONLY_DIR)  # mkdir's mode is cut by the umask
            created.append(level)
    except OSError as error:
        raise SaveError(error.errno, explain(error, folder / "x")) from error
    return created


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
    if not overwrite and exists(path):
        raise FileExists(errno.EEXIST, f"{path.name} already exists in {path.parent}.")
    temp_name: str | None = None
    registered: str | None = None
    remove_stale_parts(path)
    try:
        # mkstemp creates the file 0600, so it is private from its first byte. The name carries
        # this process's id, so another start can tell a save under way from a killed one.
        with _LOCK:
            handle, temp_name = tempfile.mkstemp(
                prefix=f".{path.name}.{os.getpid()}-", suffix=PART_SUFFIX, dir=path.parent
            )
            registered = os.path.abspath(temp_name)
            _IN_PROGRESS.add(registered)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(handle, view)
                view = view[written:]
            os.fsync(handle)
        finally:
            os.close(handle)
        if not overwrite and exists(path):
            raise FileExists(errno.EEXIST, f"{path.name} already exists in {path.parent}.")
        try:
            os.replace(temp_name, path)
        except PermissionError as error:
            # The temp file was made in this folder, so the folder is writable: the file is held.
            if exists(path):
                raise FileInUse(error.errno, in_use_message(path)) from error
            raise
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
        if registered is not None:
            with _LOCK:
                _IN_PROGRESS.discard(registered)


PART_SUFFIX = ".part"
#: A temp file whose save cannot be told apart from a running one is removed once this old.
STALE_PART_SECONDS = 15 * 60
#: The temp files of the saves this process is writing now (the app saves from several threads).
_IN_PROGRESS: set[str] = set()
_LOCK = threading.Lock()


def part_files(path: Path) -> list[Path]:
    """Every temp file a save of `path` made (`.NAME.PID-XXXX.part`) that is still on disk."""
    try:
        return sorted(Path(path).parent.glob(f".{Path(path).name}.*{PART_SUFFIX}"))
    except OSError:
        return []


def remove_stale_parts(path: Path) -> list[Path]:
    """Delete the temp files killed saves left beside `path` (they hold a child's details).

    A temp file is stale, whatever its age, once no save is writing it: its process has ended,
    or it is this process's and not one of its saves under way. A name without a process id
    (an older send-tui), or one whose process cannot be checked, is stale after 15 minutes.
    Returns what was removed.
    """
    import time

    cutoff = time.time() - STALE_PART_SECONDS
    removed = []
    with _LOCK:
        running = set(_IN_PROGRESS)
    for part in part_files(path):
        if os.path.abspath(part) in running:
            continue
        pid = _pid_in(part, Path(path).name)
        try:
            if pid == os.getpid() or (pid is not None and not _process_alive(pid)):
                stale = True
            else:
                stale = part.stat().st_mtime < cutoff
            if stale:
                part.unlink()
                removed.append(part)
        except OSError:
            pass
    return removed


def _pid_in(part: Path, name: str) -> int | None:
    """The process id in a temp file's name, or None for a name without one."""
    middle = part.name[len(name) + 2 : -len(PART_SUFFIX)]
    digits, dash, _ = middle.partition("-")
    return int(digits) if dash and digits.isdigit() else None


def _process_alive(pid: int) -> bool:
    """Is process `pid` running? Unknown counts as running (the age rule then applies)."""
    if os.name != "posix":
        return True  # os.kill would end the process on Windows: rely on the age rule there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but belongs to someone else
    return True


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
