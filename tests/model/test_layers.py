"""The domain model never imports Textual, so it can be used and tested without a terminal."""

from __future__ import annotations

import ast
from pathlib import Path

MODEL = Path(__file__).parents[2] / "send_tui" / "model"


def test_model_never_imports_textual() -> None:
    offenders = []
    for path in sorted(MODEL.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n == "textual" or n.startswith("textual.")
            ]
    assert offenders == []
    assert len(list(MODEL.glob("*.py"))) > 5
