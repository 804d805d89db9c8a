"""The adviser's settings: theme, save folder, idle clear, local pack, plain mode and keys, in one TOML file.

A broken settings file must never stop the app on a helpline desktop: each bad key is reported
by name and its default used instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from send_tui.model.content_names import local_pack_problem
from send_tui.model.keymap import read_keys
from send_tui.model.storage import NotARegularFile, SaveError, read_regular_file, write_atomic
from send_tui.model.toml_file import TomlFileProblem, parse_toml

DEFAULT_THEME = "textual-dark"
#: Far above any real settings file; a bigger one is not one (and is not read whole).
_MAX_SETTINGS_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Config:
    theme: str = DEFAULT_THEME
    save_folder: str = ""  # empty: the platform's documents folder, send-tui/
    idle_clear_minutes: int = 0  # 0: off
    local_pack: str = ""  # empty: the manifest's choice
    ics_reminder_working_days: int = 3  # a calendar reminder this many working days before; 0: off
    last_folder: str = ""  # the folder the adviser last saved into; offered next time
    keys: tuple[
        tuple[str, str], ...
    ] = ()  # the [keys] table: (binding id, keys), see model/keymap.py
    plain: bool = False  # true: start in plain, line-by-line mode (screen readers, braille)

    def with_changes(self, **changes: object) -> Config:
        return replace(self, **changes)  # type: ignore[arg-type]


_KINDS = {f.name: type(getattr(Config(), f.name)) for f in fields(Config)}


#: The most working days ahead a calendar reminder may be set.
MAX_REMINDER_DAYS = 20


def load_config(path: Path) -> tuple[Config, list[str]]:
    """Read settings from `path`: (config, problems). A missing file is not a problem."""
    config, problems, _ = _load(path)
    return config, problems


def _load(path: Path) -> tuple[Config, list[str], list[str]]:
    """(config, problems, the keys whose value came from the file)."""
    try:
        # the content's reader: a byte-order mark from Notepad is read, a syntax error has a hint
        raw = read_regular_file(Path(path), _MAX_SETTINGS_BYTES)
        data = parse_toml(raw)
    except FileNotFoundError:
        return Config(), [], []
    except NotARegularFile:
        return Config(), [f"Settings file {path} is not a regular file; using the defaults."], []
    except TomlFileProblem as error:
        return (
            Config(),
            [f"Settings file {path} is not valid TOML ({error.problem}); using the defaults."],
            [],
        )
    except OSError as error:
        return (
            Config(),
            [f"Settings file {path} cannot be read ({error.strerror}); using the defaults."],
            [],
        )
    problems: list[str] = []
    table = data.get("send-tui", data)
    if not isinstance(table, dict):
        return Config(), [f"{path}: [send-tui] should be a table; using the defaults."], []
    values: dict[str, object] = {}
    # [keys] sits beside [send-tui] (or inside it, or at the top of a file without [send-tui])
    rebound: dict[str, object] = {}
    for keys_table in (table.get("keys"), data.get("keys") if table is not data else None):
        if isinstance(keys_table, dict):
            rebound.update(keys_table)
        elif keys_table is not None:
            problems.append(
                f"{path}: keys: should be a [keys] table of binding ids and keys; ignored."
            )
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
            problems.append(
                f"{path}: {key}: should be between 0 (off) and 1440 minutes; using the default."
            )
        elif key == "local_pack" and local_pack_problem(value):
            problems.append(f"{path}: {key}: {local_pack_problem(value)} Using the default.")
        elif key == "ics_reminder_working_days" and not 0 <= value <= MAX_REMINDER_DAYS:
            problems.append(
                f"{path}: {key}: should be between 0 (no reminder) and {MAX_REMINDER_DAYS} "
                "working days; using the default."
            )
        else:
            values[key] = value
    return Config(**values), problems, list(values)  # type: ignore[arg-type]


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


def folder_to_offer(config: Config, default: Path) -> Path:
    """The folder the save dialog offers: the last one saved into, else the setting, else `default`."""
    for chosen in (config.last_folder, config.save_folder):
        if chosen:
            return Path(chosen).expanduser()
    return default


def remember_folder(config: Config, path: Path, folder: Path) -> tuple[Config, str | None]:
    """Note `folder` as the last one saved into and write the settings: (new config, problem)."""
    updated = config.with_changes(last_folder=str(folder))
    if updated == config:
        return config, None
    return updated, save_config(updated, path)


def _describe(kind: type) -> str:
    return {str: "text in quotes", int: "a whole number", bool: "true or false"}.get(
        kind, kind.__name__
    )


# --- what is in force, and why (`send-tui config show`) ---------------------------------------


@dataclass(frozen=True, slots=True)
class SettingInForce:
    """One setting as the app uses it, and where that value came from, in words."""

    key: str
    value: object
    source: str


def settings_in_force(
    path: Path, *, manifest_pack: str, default_save_folder: Path
) -> tuple[list[SettingInForce], list[str]]:
    """Every setting's value in force and its source: the settings file, the manifest or a default.

    `manifest_pack` is the content manifest's local pack (used when the file names none);
    `default_save_folder` is where saves go when the file names no folder.
    """
    config, problems, taken = _load(path)
    defaults = Config()
    found: list[SettingInForce] = []
    for key, value in asdict(config).items():
        if key == "keys":  # a table of its own: `send-tui config keys` shows it
            continue
        in_file = key in taken
        if in_file:
            where = "the settings file leaves it empty"
        elif any(f": {key}: " in problem for problem in problems):
            where = "the settings file's value is not usable"
        else:
            where = "not set in the settings file"
        if key == "local_pack" and not value:
            found.append(SettingInForce(key, manifest_pack, f"from the content manifest; {where}"))
        elif key == "save_folder" and not value:
            found.append(SettingInForce(key, str(default_save_folder), f"default; {where}"))
        elif key == "last_folder" and not value:
            found.append(SettingInForce(key, "", "none yet: set by the first save"))
        elif in_file:
            found.append(SettingInForce(key, value, "from the settings file"))
        else:
            found.append(SettingInForce(key, getattr(defaults, key), f"default; {where}"))
    return found, problems
