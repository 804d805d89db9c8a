"""Settings first (they may name the local pack), then the content: what every front end starts from.

The full app and plain mode share this so they read the same settings and content, with the same
fall-backs and the same messages. Textual-free, so plain mode never pays for Textual's import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from send_tui import paths
from send_tui.model.config import Config, load_config
from send_tui.model.content_cache import Front, cached_front, load_content_cached

if TYPE_CHECKING:
    from send_tui.model.content import Content


@dataclass
class Startup:
    """What a front end needs to start: content (or why there is none) and the settings.

    Or, when the start screen can be shown first (`load_startup(defer=True)`), its `front`
    and `load_content`, which loads the content (from its cache) when it is first needed.
    """

    content: Content | None
    problems: str  # the content problems report, when there is no content
    config: Config
    config_path: Path
    config_problems: list[str] = field(default_factory=list)
    front: Front | None = None
    load_content: Callable[[], Content] | None = None


def load_startup(
    content_dir: Path | None = None,
    config_path: Path | None = None,
    *,
    content: Content | None = None,
    defer: bool = False,
) -> Startup:
    """Read the settings, then the content they name; bad settings fall back with a message.

    `content`, when given (a resumed or test session brings its own), is used as it is. With
    `defer`, content whose cache has a front page is not loaded yet: the app shows the start
    screen from the front page, and loads the content in its first quiet moment.
    """
    config_path = config_path or paths.config_path()
    config, config_problems = load_config(config_path)
    local_pack = config.local_pack or None
    root = Path(content_dir) if content_dir is not None else paths.default_content_dir()
    if local_pack and not (root / "local" / local_pack).is_dir():
        config_problems.append(
            f"{config_path}: local_pack: there is no local pack {local_pack!r} in {root / 'local'}; "
            "using the content's own choice."
        )
        local_pack = None
    if content is not None:
        return Startup(content, "", config, config_path, config_problems)
    if defer and (cached := cached_front(root, local_pack)) is not None:
        front, load_later = cached
        return Startup(None, "", config, config_path, config_problems, front, load_later)
    from send_tui.model.content_errors import ContentErrors  # (only a full load can raise it)

    try:
        content = load_content_cached(root, local_pack)
    except ContentErrors as problems:
        return Startup(None, problems.report(), config, config_path, config_problems)
    return Startup(content, "", config, config_path, config_problems)
