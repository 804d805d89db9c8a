"""`send-tui config`: where the settings file is, and what it currently says."""

from __future__ import annotations

import argparse

from send_tui.subcommands._common import console

NAME = "config"
HELP = "where the settings file is (config path), what it holds (config show), the keys' ids (config keys)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=("path", "show", "keys"),
        help="path: print the file's location; show: the settings in force; keys: every key's id, for [keys]",
    )


def run(args: argparse.Namespace) -> int:
    from send_tui import paths
    from send_tui.model.config import load_config, settings_in_force
    from send_tui.model.loader import manifest_local_pack

    path = getattr(args, "config", None) or paths.config_path()
    out = console()
    if args.action == "path":
        out.print(str(path), markup=False)
        return 0
    if args.action == "keys":
        config, problems = load_config(path)
        return _print_keys(dict(config.keys), problems)
    in_force, problems = settings_in_force(
        path,
        manifest_pack=manifest_local_pack(getattr(args, "content", None)),
        default_save_folder=paths.default_save_dir(),
    )
    out.print(f"# {path}{'' if path.exists() else ' (not created yet: these are the defaults)'}", markup=False)
    out.print("# each setting as send-tui uses it, and where the value comes from", markup=False)
    for setting in in_force:
        out.print(f"{setting.key} = {_toml(setting.value)}   ({setting.source})", markup=False)
    for problem in problems:
        console(stderr=True).print(problem, markup=False)
    return 1 if problems else 0


def _print_keys(rebound: dict[str, str], problems: list[str]) -> int:
    """Every binding id with its default keys (and the rebinding in force), for the [keys] table."""
    from send_tui.keymap import bindings_by_id

    out = console()
    out.print("# id = default keys: what it does (rebind in the settings' [keys] table)", markup=False)
    for binding_id, (_cls, binding) in sorted(bindings_by_id().items()):
        now = f"  (now {rebound[binding_id]!r})" if binding_id in rebound else ""
        out.print(f"{binding_id} = {binding.key!r}: {binding.description or binding.action}{now}", markup=False)
    for problem in problems:
        console(stderr=True).print(problem, markup=False)
    return 1 if problems else 0


def _toml(value: object) -> str:
    """A value as it would be written in the settings file (strings in double quotes)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
