"""The caller's whole picture by keys alone: the comparison from the plan (c), the timeline from the
plan (t) and the deadlines screen (ctrl+t), and a date's next step one key from the timeline."""

from __future__ import annotations

from itertools import takewhile

import pytest
from textual.widgets import DataTable, OptionList, Static

from send_tui.app import make_app
from send_tui.dialogs.help import HelpDialog
from send_tui.model.comparison import ASPECTS
from send_tui.screens.comparison import ComparisonScreen
from send_tui.screens.deadlines import DeadlinesScreen
from send_tui.screens.plan import PlanScreen
from send_tui.screens.timeline import TimelineScreen
from send_tui.screens.wizard import WizardScreen
from send_tui.theme import HIGH_CONTRAST
from tests.app.helpers import press, screen_lines, screen_text


def table_columns(app) -> dict[str, list[str]]:
    """The comparison table on screen: each column's heading (first line) and its cells."""
    grid = app.screen.query_one("#compare-table", DataTable)
    return {
        str(column.label).split("\n")[0]: [str(cell) for cell in grid.get_column(column.key)]
        for column in grid.ordered_columns
    }


def grid_body(app) -> list[str]:
    """The comparison's rows as painted: the lines under the headings, above the scrollbar."""
    grid = app.screen.query_one("#compare-table", DataTable)
    region = grid.scrollable_content_region
    return screen_lines(app)[region.y + grid.header_height : region.bottom]


# Start a call, a council decision, a refusal to assess, appeal: out_appeal (mediation first).
TO_APPEAL = ("1", "2", "1", "1")


async def test_c_on_the_plan_shows_the_routes_side_by_side_and_those_closed() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "f2", "c")
        assert isinstance(app.screen, ComparisonScreen)
        columns = table_columns(app)
        assert list(columns)[:3] == ["", "Mediation", "Appeal to the First-tier Tribunal (SEND)"]
        assert columns[""][0] == "Who decides" and columns[""][-1] == "Cost"
        assert columns["Appeal to the First-tier Tribunal (SEND)"][-1].startswith(
            "No fee to appeal (to be confirmed on GOV.UK)"
        )
        assert "Challenge a permanent exclusion" not in columns
        assert "Challenge a suspension" not in columns
        text = screen_text(app)
        assert "Not open to this caller:" in text
        assert "Only for a pupil who has been permanently excluded." in text
        assert "Only for a pupil who has been suspended." in text
        await press(pilot, "escape")
        assert isinstance(app.screen, PlanScreen)


async def test_the_plan_help_lists_the_compare_and_timeline_keys() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "f2", "f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert "Compare" in text and "Timeline" in text


async def test_ctrl_t_on_the_deadlines_screen_shows_every_date_earliest_first() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "d", *"2026-10-05", "ctrl+t")
        assert isinstance(app.screen, TimelineScreen)
        listed = app.screen.query_one("#timeline-list", OptionList)
        keys = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
        assert keys == ["mediation_contact", "appeal"]
        text = screen_text(app)
        assert "Fri 4 Dec 2026 (to be safe; the limit is Sat 5 Dec 2026)" in text
        assert "6 days left; firm legal limit" in text
        # ctrl+t again from the dates screen, and back: no pile of screens
        await press(pilot, "d")
        assert isinstance(app.screen, DeadlinesScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, WizardScreen)


async def test_a_passed_date_is_a_warning_and_enter_opens_its_next_step() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # decision 20 Sep (passed on 20 Nov); mediation adviser told on 25 Nov
        await press(pilot, *TO_APPEAL, "d", *"2026-09-20", "tab", "tab", *"2026-11-25", "ctrl+t")
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(app)
        assert "Watch out:" in text
        assert "Appeal to the SEND Tribunal: Fri 20 Nov 2026, by 5pm, passed 8 days ago." in text
        assert "No certificate by Mon 30 Nov 2026: chase the mediation adviser" in text
        listed = app.screen.query_one("#timeline-list", OptionList)
        listed.focus()
        await press(pilot, "end", "enter")  # the certificate is the last date
        assert isinstance(app.screen, WizardScreen) and app.screen.preview
        assert app.screen.node.id == "out_mediation"
        await press(pilot, "escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_enter_on_a_timeline_just_opened_opens_the_first_dates_next_step() -> None:
    """The title says "Enter: next step"; with nothing highlighted yet, Enter did nothing.
    Back from the step, the same date is still the one highlighted."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # a complaint about a school, its letter sent on 2 Nov asking for a reply in 10 days
        await press(pilot, "1", "4", "1", "d", *"2026-11-02", "escape", "l")
        app.screen.query_one("#reply_within").value = "10"  # type: ignore[attr-defined]
        await press(pilot, "escape", "f8", "ctrl+t")
        assert isinstance(app.screen, TimelineScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, WizardScreen) and app.screen.preview
        await press(pilot, "escape")
        assert isinstance(app.screen, TimelineScreen)
        assert app.screen.query_one("#timeline-list", OptionList).highlighted == 0


async def test_t_on_the_plan_shows_the_timeline_and_c_there_the_comparison_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *TO_APPEAL, "f2", "t")
        assert isinstance(app.screen, TimelineScreen)
        assert "no date was entered that starts a deadline" in screen_text(app)
        await press(pilot, "c")
        assert isinstance(app.screen, ComparisonScreen)
        await press(pilot, "t")  # back to the timeline under it, not another one on top
        assert isinstance(app.screen, TimelineScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, PlanScreen)


async def test_the_plan_warns_of_a_date_gone_and_points_to_the_timeline() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_APPEAL, "d", *"2026-09-20", "escape", "f2")
        assert isinstance(app.screen, PlanScreen)
        warning = str(app.screen.query_one("#plan-warnings", Static).render())
        assert warning.startswith("Watch out: 2 warnings about the dates")
        assert warning.endswith("Press t for the timeline.")
        await press(pilot, "t")
        assert isinstance(app.screen, TimelineScreen)


async def test_content_without_a_comparison_or_timeline_file_still_opens_both() -> None:
    from tests.sessions import FIXTURE

    app = make_app(content_dir=FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1", "2", "f2", "c")
        assert isinstance(app.screen, ComparisonScreen)
        assert table_columns(app) == {"": [label for _, label in ASPECTS]}
        await press(pilot, "t")
        assert isinstance(app.screen, TimelineScreen)
        assert "no date was entered that starts a deadline" in screen_text(app)


async def test_the_palette_opens_the_timeline_and_the_comparison() -> None:
    from textual.command import CommandPalette

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, *TO_APPEAL)
        for words, screen in (
            ("Timeline: every date", TimelineScreen),
            ("Compare the routes", ComparisonScreen),
        ):
            await press(pilot, "ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*words)
            await pilot.pause(0.5)  # the palette searches in the background
            await press(pilot, "enter")
            assert isinstance(app.screen, screen), words
            await press(pilot, "escape")
            assert isinstance(app.screen, WizardScreen)


async def test_at_60x20_the_comparison_keeps_its_row_names_and_headings_in_view() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *TO_APPEAL, "f2", "c")
        titles = [title for title in table_columns(app) if title]
        await press(pilot, *["right"] * len(titles))  # to the last route
        lines = screen_lines(app)
        # the last route is in view, under its heading, beside the row names
        last = titles[-1].split()[0]
        assert any(last in line for line in lines[1:5])
        assert lines[5].startswith("  Who ") and lines[6].startswith("  decides ")
        assert not any("Mediation" in line for line in lines)  # the first routes scrolled away
        # down through the rows: the headings stay at the top, and the first column holds only
        # the rows' names (the routes scroll under it)
        await press(pilot, "pagedown")
        moved = screen_lines(app)
        assert [line[:-4] for line in moved[1:5]] == [line[:-4] for line in lines[1:5]]
        labels = " ".join(label for _key, label in ASPECTS)
        body = moved[5 : next(i for i, line in enumerate(moved) if line.startswith("──"))]
        named = [line[2:12].strip() for line in body if line[2:12].strip()]
        assert named and all(name in labels for name in named)
        assert not any("Mediation" in line for line in moved)


@pytest.mark.parametrize(
    ("size", "look"),
    [
        pytest.param((60, 20), "default", id="60x20"),
        pytest.param((60, 20), "no_color", id="60x20-no-color"),
        pytest.param((60, 20), HIGH_CONTRAST, id="60x20-high-contrast"),
        pytest.param((80, 24), "default", id="80x24"),
        pytest.param((120, 40), "default", id="120x40"),
    ],
)
async def test_a_tall_row_scrolled_part_way_up_still_says_what_it_is(
    size: tuple[int, int], look: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scrolled a line at a time, whatever row's words are on the top line have that row's name
    beside them in bold, not only the row's first line: a cell is never read without its row, and
    a blank line still parts one row's name from the next's."""
    if look == "no_color":
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=size) as pilot:
        if look == HIGH_CONTRAST:
            app.theme = HIGH_CONTRAST
        await press(pilot, *TO_APPEAL, "f2", "c")
        grid = app.screen.query_one("#compare-table", DataTable)
        mediation = [" ".join(cell.split()) for cell in table_columns(app)["Mediation"]]
        labels = [label for _key, label in ASPECTS]
        part_way = 0
        assert grid.max_scroll_y > 0
        while grid.scroll_y < grid.max_scroll_y:
            await press(pilot, "down")
            body = grid_body(app)
            words = body[0][14:32].strip()  # the first route's words on the top line
            if not words:
                continue  # the blank line under a row
            name = " ".join(takewhile(bool, (line[2:12].strip() for line in body)))
            # a whole name, or its first lines marked as cut when fewer of the row's lines are left
            rows = [
                i
                for i, label in enumerate(labels)
                if name == label or (name.endswith("…") and label.startswith(name[:-1]))
            ]
            assert any(words in mediation[i] for i in rows), (grid.scroll_y, name, words)
            part_way += not any(cell.startswith(words) for cell in mediation)
            top = app.screen._compositor.render_strips()[grid.region.y + grid.header_height]
            assert all(s.style.bold for s in top.crop(2, 2 + len(name.split()[0]))), name
        assert part_way  # some tall rows were seen cut by the top edge


async def test_the_comparison_keeps_its_place_when_the_timeline_closes() -> None:
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await press(pilot, *TO_APPEAL, "f2", "c")  # routes side by side, more than fit
        await press(pilot, "right")
        grid = app.screen.query_one("#compare-table", DataTable)
        scrolled = grid.scroll_x
        assert scrolled > 0
        await press(pilot, "t", "escape")  # the timeline, then back
        assert isinstance(app.screen, ComparisonScreen)
        await pilot.pause()
        assert app.screen.query_one("#compare-table", DataTable).scroll_x == scrolled
