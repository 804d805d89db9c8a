"""The adviser's settings: theme, save folder, idle clear, local pack and keys, in one TOML file.

A broken settings file must never stop the app on a helpline desktop: each bad key is reported
by name and its default used instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from send_tui.model.keymap import read_keys
from send_tui.model.storage import SaveError, write_atomic

DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Config:
    theme: str = DEFAULT_THEME
    save_folder: str = ""  # empty: the platform's documents folder, send-tui/
    idle_clear_minutes: int = 0  # 0: off
    local_pack: str = ""  # empty: the manifest's choice
    keys: tuple[tuple[str, str], ...] = ()  # the [keys] table: (binding id, keys), see model/keymap.py

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]


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
    # [keys] sits beside [send-tui] (or inside it, or at the top of a file without [send-tui])
    rebound: dict[str, object] = {}
    for keys_table in (table.get("keys"), data.get("keys") if table is not data else None):
        if isinstance(keys_table, dict):
            rebound.update(keys_table)
        elif keys_table is not None:
            problems.append(f"{path}: keys: should be a [keys] table of binding ids and keys; ignored.")
    if rebound:
        values["keys"], key_problems = read_keys(rebound, str(path))
        problems += key_problems
    for key, value in table.items():
        if key in ("send-tui", "keys"):
            continue
        kind = _KINDS.get(key)
        if kind is None:
            problems.append(f"{path}: {key}: not a setting send-tui knows; ignored.")
        elif not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            problems.append(f"{path}: {key}: should be {_describe(kind)}; using the default.")
        elif key == "idle_clear_minutes" and not 0 <= value <= 24 * 60:
            problems.append(f"{path}: {key}: should be between 0 (off) and 1440 minutes; using the default.")
        else:
            values[key] = value
    return Config(**values), problems  # type: ignore[arg-type]


def save_config(config: Config, path: Path) -> str | None:
    """Write settings; returns an adviser-readable problem, or None when saved."""
    import tomli_w

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        settings = asdict(config)
        document: dict[str, object] = {"send-tui": settings}
        if keys := settings.pop("keys"):
            document["keys"] = dict(keys)
        write_atomic(path, tomli_w.dumps(document), overwrite=True)
    except SaveError as error:
        return f"Settings not saved: {error.strerror or error}"
    except OSError as error:
        return f"Settings not saved: {error.strerror or error}"
    return None


def _describe(kind: type) -> str:
    return {str: "text in quotes", int: "a whole number", bool: "true or false"}.get(kind, kind.__name__)
