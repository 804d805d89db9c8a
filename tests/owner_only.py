"""What "owner-only" can be checked as: the file mode on POSIX; on Windows only that it exists.

On Windows Python's chmod sets no more than the read-only flag, so a file's readers are decided
by its folder's permissions (README, "Privacy on shared desktops"); a mode there proves nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def assert_owner_only(path: Path) -> None:
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path.name} is not owner-only"
    else:
        assert path.is_file(), path
