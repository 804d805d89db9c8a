"""ctrl+p: search steps, terms and references mid-call; Esc returns to where the adviser was."""

from __future__ import annotations

from textual.command import CommandPalette

from send_tui.app import make_app
from send_tui.screens.glossary import GlossaryScreen
from tests.app.helpers import node_id, press, screen_text


async def search(pilot, text: str) -> None:
    await press(pilot, "ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    await pilot.pause(0.5)  # the palette searches in the background
    await pilot.pause()


async def test_a_paragraph_number_opens_the_step_and_esc_returns() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1", "3")
        assert node_id(app) == "exclusion_kind"
        stack = len(app.screen_stack)
        await search(pilot, "11.45")
        await press(pilot, "enter")
        assert node_id(app) == "out_appeal"
        assert app.screen.preview
        assert app.session.answers == {"situation": "exclusion"}
        await press(pilot, "escape")
        assert node_id(app) == "exclusion_kind"
        assert len(app.screen_stack) == stack


async def test_a_misspelt_term_opens_the_glossary() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "1")
        await search(pilot, "tribnal")
        await press(pilot, "enter")
        assert isinstance(app.screen, GlossaryScreen)
        assert "First-tier Tribunal" in screen_text(app)
        await press(pilot, "escape")
        assert node_id(app) == "situation"


async def test_empty_palette_offers_the_common_questions() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "ctrl+p")
        await pilot.pause(0.5)
        text = screen_text(app)
        for question, _node in app.content.common_questions:
            assert question in text


async def test_palette_offers_the_high_contrast_theme() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "theme")
        await press(pilot, "enter")
        await pilot.pause(0.3)
        assert "send-high-contrast" in screen_text(app)
