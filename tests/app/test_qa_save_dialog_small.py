"""QA: at 60x20 the save dialog's buttons must stay on screen, however long its notes are."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from send_tui.app import make_app
from send_tui.dialogs.save import SaveDialog
from tests.app.helpers import press


async def test_save_and_cancel_stay_visible_at_60x20(isolated_paths: Path) -> None:
    # An unfinished letter without consent fills the dialog with notes; before, the notes
    # pushed "Cancel (Esc)" and "Save (ctrl+s)" below the bottom edge, with no footer to say how.
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, "1", "4", "1", "f5", *"Ms Jones", "ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, SaveDialog)
        screen = dialog.region
        for button_id in ("#save", "#cancel"):
            button = dialog.query_one(button_id, Button)
            region = button.region
            assert region.height > 0, button_id
            assert screen.contains_region(region), (button_id, region, screen)
