"""With a sound content cache, the start screen comes up before the content model is loaded.

The start screen needs only the review date, the local pack and the look-ups, which the
cache's front page holds; the content model (its import and the unpickling) comes in the
first quiet moment, or as soon as anything needs it. Walked twice: the first start, which
fills the cache, and the next, which uses the front page, show the same screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from send_tui.app import make_app
from send_tui.screens.start import StartScreen
from send_tui.screens.wizard import WizardScreen
from tests.app.helpers import node_id, press, screen_text

ROOT = Path(__file__).parents[2]

#: Starts the app headless, records what is imported at its first screen and after settling in.
_CHILD = """
import json, sys
from send_tui.app import make_app
app = make_app()
seen = {}
async def watch(pilot):
    await app.screen.wait_for_refresh()
    seen["screen"] = type(app.screen).__name__
    seen["at_first_screen"] = "send_tui.model.content" in sys.modules
    seen["text"] = [strip.text for strip in app.screen._compositor.render_strips()]
    await pilot.pause(1.0)
    seen["after_settling_in"] = app._content is not None
    app.exit()
app.run(headless=True, size=(80, 24), auto_pilot=watch)
print(json.dumps(seen))
"""


def _start_in_a_fresh_process() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_start_screen_is_shown_from_the_cache_front_page_before_the_model_loads(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SEND_TUI_CACHE_DIR", str(tmp_path / "fresh-cache"))
    first = _start_in_a_fresh_process()  # no cache yet: the content is loaded at once
    assert first["screen"] == "StartScreen" and first["at_first_screen"] is True
    again = _start_in_a_fresh_process()
    assert again["screen"] == "StartScreen"
    assert again["at_first_screen"] is False  # shown from the front page
    assert again["after_settling_in"] is True  # and the content loaded in the quiet moment
    assert again["text"] == first["text"]  # the same screen, cell for cell


async def test_a_key_before_the_content_has_loaded_loads_it_and_goes_on(monkeypatch) -> None:
    import send_tui.app

    monkeypatch.setattr(send_tui.app, "FREEZE_AFTER_SECONDS", 60.0)  # no quiet moment here
    make_app()  # fills the cache and its front page (the tests share one cache)
    app = make_app()
    assert app._content is None and app.has_content  # deferred
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert "Start a new call" in screen_text(app)
        assert app._content is None
        await press(pilot, "1", "2")  # the first key loads it
        assert isinstance(app.screen, WizardScreen)
        assert node_id(app) == "council_decision"
        assert app._content is not None
