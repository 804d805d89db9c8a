"""`send-tui config`: where the settings file is, and what it currently says."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from send_tui.subcommands._common import console

NAME = "config"
HELP = "show where the settings file is (config path) or what it holds (config show)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("path", "show"), help="path: print the file's location; show: the settings in force")


def run(args: argparse.Namespace) -> int:
    from send_tui import paths
    from send_tui.model.config import load_config

    path = getattr(args, "config", None) or paths.config_path()
    out = console()
    if args.action == "path":
        out.print(str(path), markup=False)
        return 0
    config, problems = load_config(path)
    out.print(f"# {path}{'' if path.exists() else ' (not created yet: these are the defaults)'}", markup=False)
    for key, value in asdict(config).items():
        out.print(f"{key} = {value!r}", markup=False)
    for problem in problems:
        console(stderr=True).print(problem, markup=False)
    return 1 if problems else 0
