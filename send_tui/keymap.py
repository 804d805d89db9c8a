"""The settings' `[keys]` applied to the app through Textual's keymap (`App.set_keymap`).

The model checks that each entry names real keys (model/keymap.py); this checks the ids against
the bindings that exist, which only the Textual side can list, then hands the rest to Textual.
Textual replaces a rebound binding's keys wherever that binding is active, and the footer and F1
help show the new keys.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

#: Where send-tui's screens, dialogs and widgets live: imported so their bindings can be listed.
_PACKAGES = ("send_tui.screens", "send_tui.dialogs", "send_tui.widgets")


def _subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def bindings_by_id() -> dict[str, tuple[type[DOMNode], Binding]]:
    """Every binding with an id (send-tui's and any Textual widget's), and the class defining it."""
    import send_tui.app  # noqa: F401  (SendApp's own bindings)

    for name in _PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{name}.{info.name}")
    found: dict[str, tuple[type[DOMNode], Binding]] = {}
    classes: list[type[DOMNode]] = [DOMNode, *_subclasses(DOMNode)]
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, (cls, binding))
    return found


def apply_keys(
    app: App[Any], keys: tuple[tuple[str, str], ...], settings: Path | None
) -> list[str]:
    """Rebind `keys` on `app`; an id no binding has is named in a problem and ignored."""
    known = bindings_by_id()
    where = str(settings) if settings else "settings"
    problems = [
        f"{where}: [keys] {binding_id}: no key has that id (`send-tui config keys` lists them); ignored."
        for binding_id, _keys in keys
        if binding_id not in known
    ]
    app.set_keymap({binding_id: new for binding_id, new in keys if binding_id in known})
    return problems
