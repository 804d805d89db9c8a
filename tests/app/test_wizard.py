"""Walk the wizard by keys alone, as an adviser on a call would, and check what they would see."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from send_tui.app import SendApp, make_app
from send_tui.dialogs.answers import AnswersDialog
from send_tui.dialogs.confirm import ConfirmDialog
from send_tui.dialogs.help import HelpDialog
from send_tui.screens.content_problems import ContentProblemsScreen
from send_tui.screens.glossary import GlossaryScreen
from send_tui.screens.plan import PlanScreen
from send_tui.screens.start import StartScreen
from send_tui.theme import HIGH_CONTRAST
from send_tui.widgets.trail import AnswerTrail
from tests.app.helpers import (
    long_path_keys,
    node_id,
    press,
    screen_lines,
    screen_text,
    write_settings,
)

# Start screen: 1 starts a new call. Then the numbers are the options in the content.
START = "1"


async def walk(app: SendApp, pilot, *keys: str) -> None:
    await press(pilot, *keys)


def plan_ids(app: SendApp) -> list[str]:
    return [entry.route.id for entry in app.session.plan()]


async def test_a_sen_support_not_raised_leads_to_first_steps_and_sendiass() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # situation: 1 school concern; raised with the school? 1 no
        await walk(app, pilot, START, "1", "1")
        assert node_id(app) == "out_first_steps"
        text = screen_text(app)
        assert "class teacher" in text.lower() and "SENCO" in text
        assert "SENDIASS" in text
        assert plan_ids(app) == ["first_steps"]
        # the outcome suggests SENDIASS: one key adds it to the plan
        await walk(app, pilot, "1")
        assert plan_ids(app) == ["first_steps", "sendiass"]


async def test_b_refused_assessment_and_appeal_needs_mediation_advice_first() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # council decision -> refused to assess -> appeal
        await walk(app, pilot, START, "2", "1", "1")
        assert node_id(app) == "out_appeal_assessment"
        plan = app.session.plan()
        assert [e.route.id for e in plan] == ["mediation", "appeal"]
        assert plan[0].reason == "needed first"
        assert any("mediation advice" in note.lower() for note in plan[1].first)
        await walk(app, pilot, "f2")
        assert isinstance(app.screen, PlanScreen)
        text = screen_text(app)
        assert text.index("Mediation") < text.index("Appeal")
        assert "First: Get mediation advice" in text


async def test_c_appeal_only_about_the_school_named_needs_no_mediation_advice() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # council decision -> what the plan says -> only the school named -> appeal
        await walk(app, pilot, START, "2", "3", "1", "1")
        assert node_id(app) == "out_appeal_school_only"
        plan = app.session.plan()
        assert [e.route.id for e in plan] == ["appeal"]
        assert plan[0].first == ()


async def test_d_complaint_about_the_school_leads_to_the_complaint_route() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await walk(app, pilot, START, "4", "1")
        assert node_id(app) == "out_complaint_school"
        assert plan_ids(app) == ["complaint"]
        text = screen_text(app).lower()
        assert "complaint" in text and "in writing" in text


async def test_e_exclusion_leads_to_the_exclusion_route_and_sendiass() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await walk(app, pilot, START, "3", "2", "3")  # permanent, no known SEN
        assert node_id(app) == "out_exclusion_permanent"
        assert plan_ids(app) == ["exclusion"]
        text = screen_text(app)
        assert "SENDIASS" in text
        assert "independent review panel" in text.lower()


async def test_f_changing_an_early_answer_lists_and_drops_what_no_longer_applies() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # council decision -> plan contents -> other parts -> appeal
        await walk(app, pilot, START, "2", "3", "2", "1")
        assert node_id(app) == "out_appeal"
        assert set(app.session.answers) == {
            "situation",
            "council_decision",
            "appeal_scope",
            "what_next_decision",
        }
        # change "what the plan says" to "no plan after assessment" from the answers trail
        await walk(app, pilot, "f3")  # focuses the trail beside the outcome
        await walk(app, pilot, "up", "up", "enter")  # from the latest answer up to council_decision
        assert node_id(app) == "council_decision"
        await walk(app, pilot, "2")
        dropped = [d.node_id for d in app.last_dropped]
        assert dropped == ["appeal_scope"]
        # what still holds is kept: the family still wants to appeal, so we are back at the outcome
        assert app.session.answers["what_next_decision"] == "appeal"
        assert "appeal_scope" not in app.session.answers
        assert node_id(app) == "out_appeal"
        notices = [n.message for n in app._notifications]
        assert any(
            "no longer apply" in m and "Is the disagreement only about" in m for m in notices
        )


async def test_escape_goes_back_one_step_and_keeps_the_answers() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, START, "2", "1")
        assert node_id(app) == "what_next_assessment"
        await walk(app, pilot, "escape")
        assert node_id(app) == "council_decision"
        assert app.session.answers["council_decision"] == "refuse_assessment"
        # the kept answer is highlighted, so Enter confirms it and moves on
        await walk(app, pilot, "enter")
        assert node_id(app) == "what_next_assessment"
        await walk(app, pilot, "escape", "escape", "escape")
        # before the situation: "Who is calling?", its default (a parent or carer) highlighted
        assert node_id(app) == "caller"
        assert "Who is calling?" in screen_text(app)
        await walk(app, pilot, "escape")
        assert isinstance(app.screen, StartScreen)
        assert app.session.answers  # nothing lost by going back


async def test_arrows_and_enter_choose_too() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, "enter", "down", "down", "enter")
        assert app.session.answers == {"situation": "exclusion"}
        assert node_id(app) == "exclusion_kind"


async def test_multi_choice_adds_routes_and_not_sure_is_exclusive() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await walk(app, pilot, START, "7")
        assert node_id(app) == "choose_routes"
        await walk(app, pilot, "1", "3", "4")
        await walk(app, pilot, "8")  # "not sure" clears the others
        assert app.screen.selected == {"not_sure"}
        await walk(app, pilot, "8", "1", "3", "4", "c")
        assert node_id(app) == "out_more_than_one_route"
        assert plan_ids(app) == ["complaint", "mediation", "appeal"]


async def test_multi_choice_needs_a_choice_before_continuing() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, START, "7", "c")
        assert node_id(app) == "choose_routes"
        assert any("Choose at least one" in n.message for n in app._notifications)


async def test_f1_help_lists_the_keys_and_the_terms_on_this_screen() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, START, "2", "f1")
        assert isinstance(app.screen, HelpDialog)
        text = screen_text(app)
        assert "1-8" in text and "Back" in text and "Plan" in text  # eight options here
        assert "EHC plan" in text and "Terms used here" in text
        await walk(app, pilot, "escape")
        assert node_id(app) == "council_decision"


async def test_narrow_terminal_hides_the_trail_but_f3_shows_it() -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await walk(app, pilot, START, "2", "1")
        assert not app.screen.query_one("#trail").display
        await walk(app, pilot, "f3")
        assert isinstance(app.screen, AnswersDialog)
        assert "Not to do an EHC needs assessment" in screen_text(app)
        await walk(app, pilot, "enter")  # the latest answer is highlighted
        assert node_id(app) == "council_decision"


async def test_on_a_long_call_the_trail_keeps_the_newest_answer_in_view() -> None:
    """The answers outgrow the trail at 80x24: it shows the latest (the one most often changed),
    the first ones scrolled away above, and after a changed answer cuts it back too."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for number, key in enumerate(long_path_keys(app), 1):
            await walk(app, pilot, key)
            trail = app.screen.query_one("#trail", AnswerTrail)
            # At every key, not only the last: the key whose row brought the scrollbar rewrapped
            # every row, and its own answer was left cut off below.
            assert trail.scroll_y == trail.max_scroll_y, f"newest answer cut off at key {number}"
        assert trail.max_scroll_y > 0
        shown = "\n".join(line[54:] for line in screen_lines(app))
        newest = trail.get_option_at_index(trail.option_count - 1).prompt.plain
        assert newest.split()[-1] in shown  # the newest answer's last word, at the bottom
        assert "caller's" not in shown  # the first answer has scrolled away above
        assert trail.scroll_y == trail.max_scroll_y


async def test_a_tall_newest_answer_is_in_view_whole() -> None:
    """A young person's appeal only about the school named: the newest answer (the long
    "only the school or institution named?" question) is nine lines. The trail scrolls to its
    end, not to where the end was before the row was counted, which cut off its answer."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # the young person; an EHC plan decision; what the plan says; only the school named
        await walk(app, pilot, START, "escape", "2", "2", "3", "1")
        assert node_id(app) == "what_next_school_only"
        trail = app.screen.query_one("#trail", AnswerTrail)
        assert trail.max_scroll_y > 0
        assert trail.scroll_y == trail.max_scroll_y
        shown = "\n".join(line[54:] for line in screen_lines(app))
        assert "type, or none" in shown and "named " in shown  # "...its type, or none named"


def trail_top_row(app: SendApp, trail: AnswerTrail) -> str:
    region = trail.scrollable_content_region
    return screen_lines(app)[region.y][region.x : region.right].strip()


async def test_the_trails_top_row_is_never_half_an_answer() -> None:
    """Scrolled to the newest answer, the trail's top row showed the tail of an answer with no
    number or question ("about an EHC plan"). At every key of the long path its top row is an
    answer's first row, or a line saying what is above; scrolled back to the top, the first
    answer shows again."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        marked = 0
        for key in long_path_keys(app):
            await walk(app, pilot, key)
            trail = app.screen.query_one("#trail", AnswerTrail)
            top = trail_top_row(app, trail)
            starts = re.match(r"^\d+ ", top) or top == "No answers yet."
            marker = re.fullmatch(r"▲ \d+ (continued|earlier answers?: F3)", top)
            assert starts or marker, f"top row {top!r} at {node_id(app)}"
            marked += bool(marker)
        assert marked  # the long path does scroll a tail into the top row
        trail.focus()  # as Tab would: then up to the first answer, which scrolls to the top
        await pilot.pause()
        await walk(app, pilot, "home")
        assert trail.scroll_y == 0
        top = trail_top_row(app, trail)
        assert top.startswith("1 "), top


async def test_glossary_is_one_key_away_and_filters() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, START, "f4")
        assert isinstance(app.screen, GlossaryScreen)
        await walk(app, pilot, *"senco")
        assert "SENCO" in screen_text(app)
        await walk(app, pilot, "escape")
        assert node_id(app) == "situation"


async def test_start_screen_common_questions_are_two_keys_away() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, "2")  # look up: what can be appealed
        assert node_id(app) == "out_appeal"
        assert app.screen.preview
        assert app.session.answers == {}
        await walk(app, pilot, "escape")
        assert isinstance(app.screen, StartScreen)


async def test_quit_asks_first_when_there_is_unsaved_work() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, START, "1", "ctrl+q")
        assert isinstance(app.screen, ConfirmDialog)
        await walk(app, pilot, "n")
        assert node_id(app) == "raised_with_school"
        await walk(app, pilot, "ctrl+q", "y")
    assert app.return_code == 0


async def test_quit_with_nothing_to_lose_does_not_ask() -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await walk(app, pilot, "ctrl+q")
        assert not isinstance(app.screen, ConfirmDialog)


async def test_high_contrast_theme_is_remembered(isolated_paths: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        app.theme = HIGH_CONTRAST
        await pilot.pause()
    again = make_app()
    async with again.run_test() as pilot:
        assert again.theme == HIGH_CONTRAST


async def test_a_bad_settings_file_names_the_key_and_uses_defaults(isolated_paths: Path) -> None:
    write_settings(isolated_paths, 'theme = 7\nidle_clear_minutes = "soon"\n')
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = " ".join(n.message for n in app._notifications)
        assert "theme: should be text" in messages
        assert "idle_clear_minutes: should be a whole number" in messages
        assert isinstance(app.screen, StartScreen)


async def test_broken_content_shows_every_problem_not_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(Path(__file__).parents[2] / "content", root)
    start = root / "national" / "start.toml"
    start.write_text(
        start.read_text(encoding="utf-8").replace(
            'next = "raised_with_school"', 'next = "nowhere"'
        ),
        encoding="utf-8",
    )
    app = make_app(content_dir=root)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, ContentProblemsScreen)
        assert "national/start.toml" in screen_text(app) and "'nowhere'" in screen_text(app)
        await walk(app, pilot, "q")
    assert app.return_code == 0


@pytest.mark.parametrize("width,height", [(80, 24), (60, 20)])
async def test_every_outcome_can_be_reached_by_keys(width: int, height: int) -> None:
    """From the start to every outcome, by number keys only, back and forth.

    One app for the whole walk. The paths come in depth-first order, so from one outcome the walk
    presses Esc only back to where the next path turns off (answers kept, as an adviser would),
    answers from there, and at the end goes all the way back to the start: every outcome reached,
    Esc taken at every depth, at a fraction of the keys of a walk from the start each time.
    """
    from send_tui.model import graph

    app = make_app()
    async with app.run_test(size=(width, height)) as pilot:
        content = app.content
        outcomes_seen: set[str] = set()
        answered: list[tuple[str, str | None]] = []  # the steps behind the screen now shown
        await walk(app, pilot, START)
        for path in graph.paths(content):
            *steps, (outcome, _) = path
            if outcome in outcomes_seen or any(
                content.nodes[n].kind.value == "multi" for n, _ in steps
            ):
                continue
            if any(content.nodes[n].default not in (None, option) for n, option in steps):
                continue  # the same paths for another caller: the default one walks them
            # a new call opens past a question with a default ("Who is calling?")
            steps = [(n, option) for n, option in steps if content.nodes[n].default is None]
            shared = 0
            while shared < min(len(answered), len(steps)) and answered[shared] == steps[shared]:
                shared += 1
            for _ in range(len(answered) - shared):
                await walk(app, pilot, "escape")
            assert node_id(app) == steps[shared][0]
            for node, option in steps[shared:]:
                node_obj = content.nodes[node]
                number = 1 if option is None else [o.id for o in node_obj.options].index(option) + 1
                await walk(app, pilot, str(number))
            assert node_id(app) == outcome
            outcomes_seen.add(outcome)
            answered = steps
        for _ in range(len(answered) + 2):  # the last but one shows "Who is calling?"
            await walk(app, pilot, "escape")
        assert isinstance(app.screen, StartScreen)
        reachable_without_multi = {
            p[-1][0]
            for p in graph.paths(content)
            if not any(content.nodes[n].kind.value == "multi" for n, _ in p[:-1])
        }
        assert outcomes_seen == reachable_without_multi
