"""Textual's parsed CSS kept between runs (send_tui/css_cache.py): the next start looks the same.

Walked twice: a start with no cache writes one once it has settled in; the next start takes
its CSS from that file, tokenises none of what the file holds, and draws the same screens,
character for character and colour for colour. A damaged cache, or one for other CSS
variables (another theme, another Textual), is not used, and the app starts as without one.
An adviser's own theme (high contrast) is started in, parsed once, and cached in its own file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import Stylesheet

from send_tui import css_cache
from send_tui.app import WIZARD, make_app
from send_tui.css_cache import FILE_PATTERN, CssCache
from send_tui.theme import HIGH_CONTRAST
from tests.app.helpers import node_id, press, write_settings
from tests.owner_only import assert_owner_only


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, so the run's shared one is not what is tested."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("SEND_TUI_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def tokenised(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each piece of CSS Textual tokenises and parses came from (its file, or class)."""
    seen: list[str] = []
    parse = textual_stylesheet.parse

    def recorded(scope: str, css: str, read_from: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(f"{Path(read_from[0]).name} {read_from[1]}".strip())
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", recorded)
    return seen


async def one_call(pilot: Any) -> list[str]:
    """The start screen, the first question and an outcome, as the terminal shows them."""
    app = pilot.app
    shown = [app.export_screenshot()]
    await press(pilot, "1")
    assert node_id(app) == "situation"
    shown.append(app.export_screenshot())
    await press(pilot, "8")
    assert app.screen.node.kind.value == "outcome"
    shown.append(app.export_screenshot())
    return shown


def written(folder: Path) -> list[Path]:
    """The CSS cache files in `folder`: one per theme."""
    return sorted(folder.glob(FILE_PATTERN))


async def settled_in(pilot: Any, folder: Path, files: int = 1) -> Path:
    """Wait for the quiet moment after start-up in which the cache is written; the newest."""
    for _ in range(100):
        if len(written(folder)) >= files:
            return max(written(folder), key=lambda path: path.stat().st_mtime_ns)
        await pilot.pause(0.05)
    raise AssertionError("the CSS cache was not written once the app had settled in")


async def first_start(folder: Path) -> tuple[Path, list[str]]:
    """A start with no cache: it settles in (and writes the cache), then takes one call."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        cache_file = await settled_in(pilot, folder)
        return cache_file, await one_call(pilot)


async def test_the_next_start_takes_its_css_from_the_cache_and_looks_the_same(
    cache_dir: Path, tokenised: list[str]
) -> None:
    cache_file, first = await first_start(cache_dir)
    assert "app.tcss" in tokenised  # the first start parses the app's CSS ...
    assert_owner_only(cache_file)

    tokenised.clear()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        second = await one_call(pilot)
    assert "app.tcss" not in tokenised  # ... the next one does not
    assert not [where for where in tokenised if "DEFAULT_CSS" in where and "Footer" in where]
    assert second == first


async def test_a_damaged_cache_is_ignored_and_written_again(
    cache_dir: Path, tokenised: list[str]
) -> None:
    cache_file, first = await first_start(cache_dir)

    data = bytearray(cache_file.read_bytes())
    data[-40:-20] = bytes(20)  # a payload that no longer matches its checksum
    cache_file.write_bytes(bytes(data))
    tokenised.clear()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "app.tcss" in tokenised  # parsed afresh, not taken from the damaged file
        for _ in range(100):  # rewritten once the app has settled in
            if cache_file.read_bytes() != bytes(data):
                break
            await pilot.pause(0.05)
        second = await one_call(pilot)
    assert second == first
    assert CssCache(cache_dir).seed(Stylesheet(variables=dict(again.stylesheet._variables)))


async def test_a_cache_for_other_css_variables_or_another_textual_is_not_used(
    cache_dir: Path, tokenised: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_file, first = await first_start(cache_dir)
    variables = dict(make_app().stylesheet._variables)
    assert CssCache(cache_dir).seed(Stylesheet(variables=variables)) > 0
    variables["primary"] = "#ff0000"  # another theme's colour: rules parsed with it differ
    assert CssCache(cache_dir).seed(Stylesheet(variables=variables)) == 0

    # Another Textual (its CSS modules' files differ): the same file, but not for this key.
    code_files = css_cache._code_files
    monkeypatch.setattr(css_cache, "_code_files", lambda: [*code_files(), cache_file])
    tokenised.clear()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "app.tcss" in tokenised
        assert await one_call(pilot) == first


async def test_a_theme_chosen_after_start_up_is_not_cached_under_the_starting_theme(
    cache_dir: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = HIGH_CONTRAST
        for _ in range(100):  # the quiet moment after start-up, in which the cache is written
            if app.is_screen_installed(WIZARD):
                break
            await pilot.pause(0.05)
        assert app.is_screen_installed(WIZARD)
        await pilot.pause()
    # Started in the default theme, the app parsed its CSS again for high contrast in a fresh
    # stylesheet: what it has is not kept as either theme's (the next start writes its own).
    assert written(cache_dir) == []


async def test_a_start_in_high_contrast_parses_the_css_once_and_looks_as_when_switched_to_it(
    cache_dir: Path, tokenised: list[str], isolated_paths: Path
) -> None:
    switched = make_app()
    async with switched.run_test(size=(80, 24)) as pilot:
        switched.theme = HIGH_CONTRAST
        await pilot.pause()
        expected = await one_call(pilot)
    default_file = written(cache_dir)  # (none: see the test above)

    write_settings(isolated_paths, f'theme = "{HIGH_CONTRAST}"\n')
    tokenised.clear()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == HIGH_CONTRAST
        await settled_in(pilot, cache_dir, files=len(default_file) + 1)
        shown = await one_call(pilot)
    assert tokenised.count("app.tcss") == 1  # parsed once, in the adviser's theme
    assert shown == expected

    tokenised.clear()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await one_call(pilot) == expected
    assert "app.tcss" not in tokenised  # its own cache file, beside any other theme's
