"""Shared helpers for Pilot tests: read what the adviser would see."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import OptionList, Static

from send_tui.model.content import NodeKind


def screen_text(app: App) -> str:
    """All the text on the active screen: static text and every option's prompt."""
    parts: list[str] = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    for options in app.screen.query(OptionList):
        for index in range(options.option_count):
            parts.append(_plain(options.get_option_at_index(index).prompt))
    return "\n".join(parts)


def _plain(prompt: object) -> str:
    from rich.console import Console
    from textual.visual import Visual

    if isinstance(prompt, Visual):  # a numbered row, Content
        return str(prompt.plain) + "\n"  # type: ignore[attr-defined]

    console = Console(width=200, record=True, color_system=None)
    console.print(prompt)
    return console.export_text()


def node_id(app: App) -> str | None:
    node = getattr(app.screen, "node", None)
    return node.id if node is not None else None


async def press(pilot, *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each, as a person would."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def write_settings(home, body: str):  # -> Path
    """Write the adviser's settings file (the isolated one tests/conftest.py points at)."""
    config = home / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[send-tui]\n" + body, encoding="utf-8")
    return config


async def give_consent(pilot, reference: str = "HL-1") -> None:
    """F6: a case reference and the caller's consent to a record (so the call is autosaved)."""
    from textual.widgets import Checkbox, Input

    await press(pilot, "f6")
    pilot.app.screen.query_one("#reference", Input).value = reference
    pilot.app.screen.query_one("#consent", Checkbox).value = True
    await press(pilot, "ctrl+s")


def screen_lines(app: App) -> list[str]:
    """The active screen as painted, one string a row: what is cut off or scrolled away is not there."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def notices(app: App) -> list[str]:
    """The messages of the notifications raised so far, oldest first."""
    return [n.message for n in app._notifications]


#: The longest shipped path (nine steps): the trail grows taller than its pane and scrolls.
LONG_PATH = [
    ("situation", "school_concern"),
    ("raised_with_school", "yes"),
    ("options_overview", None),
    ("after_talking", "appeal"),
    ("council_decision", "amendments"),
    ("appeal_scope", "other_parts"),
    ("what_next_decision", "disagreement_resolution"),
]


def long_path_keys(app: App) -> list[str]:
    """The keys from the start screen to the end of LONG_PATH (its outcome)."""
    keys = ["1"]  # a new call
    for step, option_id in LONG_PATH:
        node = app.content.nodes[step]  # type: ignore[attr-defined]
        if option_id is None:
            assert node.kind is NodeKind.INFO
            keys.append("1")
        else:
            assert node.kind is NodeKind.QUESTION
            keys.append(str([o.id for o in node.options].index(option_id) + 1))
    return keys


async def leave_an_unsaved_call(data_home: Path) -> Path:
    """Caller A, with consent, left unsaved at 'what next' (the app was closed); the autosave.

    `data_home` is the `isolated_paths` fixture's folder.
    """
    from send_tui.app import make_app

    app = make_app()
    async with app.run_test() as pilot:
        await give_consent(pilot, "CALLER-A")
        await press(pilot, "1", "2", "1")
    autosave = data_home / "data" / "autosave.toml"
    assert "CALLER-A" in autosave.read_text(encoding="utf-8")
    return autosave
