"""The adviser's settings: theme, save folder, idle clear, local pack and plain mode, in one TOML file.

A broken settings file must never stop the app on a helpline desktop: each bad key is reported
by name and its default used instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from send_tui.model.storage import SaveError, write_atomic

DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Config:
    theme: str = DEFAULT_THEME
    save_folder: str = ""  # empty: the platform's documents folder, send-tui/
    idle_clear_minutes: int = 0  # 0: off
    local_pack: str = ""  # empty: the manifest's choice
    plain: bool = False  # true: start in plain, line-by-line mode (screen readers, braille)

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)


_KINDS = {f.name: type(getattr(Config(), f.name)) for f in fields(Config)}


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read settings from `path`: (config, problems). A missing file is not a problem."""
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return Config(), []
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return Config(), [f"Settings file {path} is not valid TOML ({error}); using the defaults."]
    except OSError as error:
        return Config(), [f"Settings file {path} cannot be read ({error.strerror}); using the defaults."]
    problems: list[str] = []
    table = data.get("send-tui", data)
    if not isinstance(table, dict):
        return Config(), [f"{path}: [send-tui] should be a table; using the defaults."]
    values: dict[str, object] = {}
    for key, value in table.items():
        if key == "send-tui":
            continue
        kind = _KINDS.get(key)
        if kind is None:
            problems.append(f"{path}: {key}: not a setting send-tui knows; ignored.")
        elif not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            problems.append(f"{path}: {key}: should be {_describe(kind)}; using the default.")
        elif key == "idle_clear_minutes" and not 0 <= value <= 24 * 60:  # type: ignore[operator]
            problems.append(f"{path}: {key}: should be between 0 (off) and 1440 minutes; using the default.")
        else:
            values[key] = value
    return Config(**values), problems  # type: ignore[arg-type]


def save_config(config: Config, path: Path) -> str | None:
    """Write settings; returns an adviser-readable problem, or None when saved."""
    import tomli_w

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, tomli_w.dumps({"send-tui": asdict(config)}), overwrite=True)
    except SaveError as error:
        return f"Settings not saved: {error.strerror or error}"
    except OSError as error:
        return f"Settings not saved: {error.strerror or error}"
    return None


def _describe(kind: type) -> str:
    return {str: "text in quotes", int: "a whole number", bool: "true or false"}.get(kind, kind.__name__)
