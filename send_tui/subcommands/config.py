"""`send-tui config`: where the settings file is, and what it currently says."""

from __future__ import annotations

import argparse

from send_tui.subcommands._common import console

NAME = "config"
HELP = "show where the settings file is (config path) or what it holds (config show)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("path", "show"), help="path: print the file's location; show: the settings in force")


def run(args: argparse.Namespace) -> int:
    from send_tui import paths
    from send_tui.model.config import settings_in_force
    from send_tui.model.loader import manifest_local_pack

    path = getattr(args, "config", None) or paths.config_path()
    out = console()
    if args.action == "path":
        out.print(str(path), markup=False)
        return 0
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


def _toml(value: object) -> str:
    """A value as it would be written in the settings file (strings in double quotes)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
