"""The loader refuses bad content, naming the file and the key, and reports every problem together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from send_tui.model.content import NodeKind, is_unconfirmed
from send_tui.model.content_errors import ContentErrors
from send_tui.model.loader import load_content

FIXTURE = Path(__file__).parent.parent / "fixtures" / "minimal"
SHIPPED = Path(__file__).parents[2] / "content"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return root


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, file: str, text: str) -> None:
    with (root / file).open("a", encoding="utf-8") as handle:
        handle.write("\n" + text + "\n")


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(root)
    return [str(e) for e in caught.value.errors]


def test_the_minimal_pack_loads_into_typed_immutable_objects(pack: Path) -> None:
    content = load_content(pack)
    assert content.start == "start"
    assert content.nodes["start"].kind is NodeKind.QUESTION
    assert [o.label for o in content.nodes["start"].options] == ["Go to info", "Go to the end"]
    assert content.contacts["local_team"].local is True
    assert is_unconfirmed(content.contacts["local_team"].phone)
    assert content.contacts["local_team"].unconfirmed() == ("Phone",)
    assert content.oldest_review.isoformat() == "2026-10-01"
    with pytest.raises(TypeError):
        content.nodes["new"] = content.nodes["start"]  # type: ignore[index]


def test_unknown_key_names_file_and_key(pack: Path) -> None:
    edit(
        pack,
        "national/flow.toml",
        'title = "Some information"',
        'title = "Some information"\ncolour = "red"',
    )
    assert problems(pack) == [
        "national/flow.toml: nodes.info.colour: is not a key send-tui knows: check the spelling (see docs/content-format.md, or run `send-tui help content`)"
    ]


def test_wrong_type_names_the_type_wanted(pack: Path) -> None:
    edit(pack, "national/flow.toml", "order = 1", 'order = "first"')
    assert problems(pack) == [
        "national/flow.toml: routes.only.order: should be a whole number, not text"
    ]


def test_missing_required_key(pack: Path) -> None:
    edit(pack, "national/flow.toml", 'summary = "It is the only one."\n', "")
    assert problems(pack) == ["national/flow.toml: routes.only.summary: is missing: add it"]


def test_missing_meta_review_date(pack: Path) -> None:
    edit(pack, "national/clocks.toml", "reviewed = 2026-10-01\n", "")
    assert problems(pack) == ["national/clocks.toml: meta.reviewed: is missing: add it"]


def test_duplicate_id_across_files_names_both(pack: Path) -> None:
    append(pack, "local/demo/contacts.toml", '[refs.cop]\ncite = "1"\ntitle = "again"')
    assert problems(pack) == [
        "local/demo/contacts.toml: refs.cop: the id 'cop' is already used in national/flow.toml: "
        "choose another (if one of the two files is a copy of the other, remove the copy)"
    ]


def test_next_that_names_no_node(pack: Path) -> None:
    edit(
        pack,
        "national/flow.toml",
        'body = "Read this."\nnext = "end"',
        'body = "Read this."\nnext = "nowhere"',
    )
    found = problems(pack)
    assert (
        "national/flow.toml: nodes.info.next: names node 'nowhere', which does not exist" in found
    )


def test_unreachable_node(pack: Path) -> None:
    append(
        pack,
        "national/flow.toml",
        '[nodes.orphan]\nkind = "info"\ntitle = "Nobody comes here"\nnext = "end"',
    )
    assert problems(pack) == [
        "national/flow.toml: nodes.orphan: no path from the start ('start') reaches this node: link to it or remove it"
    ]


def test_step_with_no_way_on_to_an_outcome(pack: Path) -> None:
    append(
        pack,
        "national/flow.toml",
        '[nodes.stuck]\nkind = "question"\ntitle = "Stuck?"\noptions = [{ id = "x", label = "x", next = "loop" }]\n'
        '[nodes.loop]\nkind = "info"\ntitle = "Loop"\nnext = "stuck"',
    )
    edit(
        pack,
        "national/flow.toml",
        '{ id = "b", label = "Go to the end", next = "end" },',
        '{ id = "b", label = "Go to the end", next = "end" },\n  { id = "c", label = "Stuck", next = "stuck" },',
    )
    found = problems(pack)
    assert (
        "national/flow.toml: nodes.stuck: is in a loop with no way out to an outcome: add a way on to an outcome"
        in found
    )
    assert (
        "national/flow.toml: nodes.loop: is in a loop with no way out to an outcome: add a way on to an outcome"
        in found
    )


def test_more_than_nine_options(pack: Path) -> None:
    many = ",\n".join(f'  {{ id = "o{i}", label = "Option {i}", next = "end" }}' for i in range(10))
    edit(
        pack,
        "national/flow.toml",
        '  { id = "a", label = "Go to info", next = "info" },\n  { id = "b", label = "Go to the end", next = "end" },',
        '  { id = "a", label = "Go to info", next = "info" },\n' + many,
    )
    found = problems(pack)
    assert any(
        e.startswith("national/flow.toml: nodes.start.options: has 11 options; at most 9")
        for e in found
    ), found


def test_toml_syntax_error_gives_file_and_line(pack: Path) -> None:
    edit(pack, "national/flow.toml", 'kind = "info"', "kind = info")
    [problem] = problems(pack)
    assert problem.startswith("national/flow.toml: TOML syntax error:")
    assert "line 16" in problem  # the line of `kind = info`


def test_every_problem_is_reported_together(pack: Path) -> None:
    edit(pack, "national/flow.toml", "order = 1", 'order = "first"')
    edit(pack, "national/clocks.toml", 'title = "Reply"', 'titel = "Reply"')
    edit(pack, "local/demo/contacts.toml", 'name = "The local team"', "name = 3")
    found = problems(pack)
    assert len(found) >= 3
    assert {p.split(":")[0] for p in found} == {
        "national/flow.toml",
        "national/clocks.toml",
        "local/demo/contacts.toml",
    }


def test_letter_placeholder_must_be_a_known_field(pack: Path) -> None:
    edit(pack, "national/flow.toml", "{about}", "{child_dob}")
    [problem] = problems(pack)
    assert problem.startswith(
        "national/flow.toml: letters.plain.paragraphs[0]: {child_dob} is not a letter field"
    )


def test_condition_naming_a_missing_option(pack: Path) -> None:
    edit(
        pack,
        "national/flow.toml",
        'body = "Read this."\nnext = "end"\n',
        'body = "Read this."\nnext = "end"\nbranches = [{ when = { start = ["zz"] }, to = "end" }]\n',
    )
    assert problems(pack) == [
        "national/flow.toml: nodes.info.branches[0].when.start: node 'start' has no option 'zz'"
    ]


def test_missing_local_pack_folder(pack: Path) -> None:
    edit(pack, "manifest.toml", 'local_pack = "demo"', 'local_pack = "elsewhere"')
    found = problems(pack)
    assert found == [
        "manifest.toml: manifest.local_pack: no local pack folder at local/elsewhere/: "
        "the local packs are demo"
    ]


def test_a_misspelt_local_pack_is_offered_the_packs_there_are(pack: Path) -> None:
    shutil.copytree(pack / "local" / "demo", pack / "local" / "tower-hamlets")
    edit(pack, "manifest.toml", 'local_pack = "demo"', 'local_pack = "towerhamlets"')
    assert problems(pack) == [
        "manifest.toml: manifest.local_pack: no local pack folder at local/towerhamlets/ "
        "(did you mean 'tower-hamlets'?): the local packs are demo, tower-hamlets"
    ]


def test_a_pack_asked_for_instead_of_the_manifests_is_not_blamed_on_it(pack: Path) -> None:
    with pytest.raises(ContentErrors) as caught:
        load_content(pack, local_pack="elsewhere")
    [problem] = [str(e) for e in caught.value.errors]
    assert problem.endswith(
        "It was asked for by --local-pack or the settings, instead of the manifest's 'demo'"
    )


def test_a_content_folder_that_does_not_exist(tmp_path: Path) -> None:
    [problem] = problems(tmp_path / "nothing")
    assert problem.startswith("manifest.toml: file not found")


def test_a_callers_letter_opening_may_use_only_fields_the_form_asks_for(pack: Path) -> None:
    """The form asks for the fields the letter's own wording uses: an opening for one caller
    that writes another would print a blank line for it ("I am in __________")."""
    edit(
        pack,
        "national/flow.toml",
        'procedure = "the school\'s complaints procedure"',
        'procedure = "the school\'s complaints procedure"\n\n[letters.plain.for_caller]\n'
        'young_person = ["I am in {year_group} and I am making a complaint about {about}."]',
    )
    found = [p for p in problems(pack) if "for_caller.young_person:" in p]
    assert found == [
        "national/flow.toml: letters.plain.for_caller.young_person: uses {year_group}, which the "
        "letter's own heading and paragraphs do not, so the form never asks for it: word the "
        "opening without it, or use it in the letter itself"
    ], problems(pack)


def test_a_missing_contact_is_one_problem_however_many_name_it(pack: Path) -> None:
    """A council pack that leaves out a contact the national content uses hears it once, with
    every place that names it and where to add it, not once for each node."""
    edit(pack, "local/demo/contacts.toml", "[contacts.local_team]", "[contacts.other_team]")
    edit(
        pack,
        "national/flow.toml",
        "routes.only]\ntitle",
        'routes.only]\ncontacts = ["local_team"]\ntitle',
    )
    [problem] = problems(pack)
    assert problem.startswith(
        "national/flow.toml: nodes.end.contacts[0]: names contact 'local_team', which does not exist"
    )
    assert "1 more place names it too: national/flow.toml: routes.only.contacts[0]" in problem
    assert "add [contacts.local_team] to the local pack (local/demo/)" in problem


def test_a_misspelt_id_is_offered_the_one_it_is_close_to(pack: Path) -> None:
    edit(pack, "national/flow.toml", 'next = "end"\n', 'next = "ends"\n')
    [problem] = problems(pack)
    assert problem == (
        "national/flow.toml: nodes.info.next: names node 'ends', which does not exist"
        " (did you mean 'end'?)"
    )


def letters_edited(tmp_path: Path, old: str, new: str) -> list[str]:
    """The problems in a copy of the shipped content with `old` in letters.toml made `new`."""
    root = tmp_path / "content"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("scenarios"))
    edit(root, "national/letters.toml", old, new)
    return problems(root)


def test_a_misspelt_letter_field_is_one_problem_with_the_right_spelling(tmp_path: Path) -> None:
    """{child_nme} in the school letter used to bring two more errors, about openings for other
    callers using {child_name}: they follow from the misspelling and go once it is put right."""
    [problem] = letters_edited(
        tmp_path,
        "I am the parent or carer of {child_name}[, who is",
        "I am the parent or carer of {child_nme}[, who is",
    )
    assert problem.startswith(
        "national/letters.toml: letters.complaint_school.paragraphs[0]: {child_nme} is not a "
        "letter field (did you mean {child_name}?)"
    )


def test_an_optional_phrase_left_open_is_named_with_its_file_and_key(tmp_path: Path) -> None:
    """A [ with no ] would print the bracket, or swallow the rest of the sentence."""
    [problem] = letters_edited(
        tmp_path,
        "{child_name}, a student[ in {year_group}]",
        "{child_name}, a student[ in {year_group}",
    )
    assert problem.startswith(
        "national/letters.toml: letters.complaint_college.paragraphs[0]: has a [ with no ] after it"
    )


def test_a_reply_note_with_a_letter_field_is_refused(tmp_path: Path) -> None:
    """The note is for the adviser beside the reply date: a {field} in it would print as typed."""
    [problem] = letters_edited(
        tmp_path,
        "ask for a reply by a stated date,",
        "ask for a reply by {reply_by},",
    )
    assert problem.startswith(
        "national/letters.toml: letters.complaint_college.reply_note: is a note for the adviser"
    )


def test_a_misspelt_optional_key_is_offered_the_right_spelling(pack: Path) -> None:
    edit(pack, "local/demo/contacts.toml", 'phone = "to be confirmed"', 'phnoe = "to be confirmed"')
    [problem] = problems(pack)
    assert problem.startswith(
        "local/demo/contacts.toml: contacts.local_team.phnoe: is not a key send-tui knows "
        "(did you mean 'phone'?)"
    )


def test_a_misspelt_required_key_is_one_problem_not_missing_and_unknown(pack: Path) -> None:
    edit(
        pack,
        "national/flow.toml",
        'summary = "It is the only one."',
        'sumary = "It is the only one."',
    )
    assert problems(pack) == [
        "national/flow.toml: routes.only.summary: is missing: add it ('sumary' is not a key "
        "send-tui knows: is it a misspelling of 'summary'?)"
    ]


def test_a_misspelt_section_is_offered_the_right_one(pack: Path) -> None:
    edit(pack, "local/demo/contacts.toml", "[term_dates]", "[term_date]")
    [problem] = problems(pack)
    assert (
        "local/demo/contacts.toml: term_date: is not a key send-tui knows (did you mean 'term_dates'?)"
        in problem
    )


def test_a_text_over_20000_characters_is_refused_at_its_key(pack: Path) -> None:
    edit(pack, "national/flow.toml", 'body = "Read this."', f'body = "{"Read this. " * 2000}"')
    [problem] = problems(pack)
    assert problem.startswith(
        "national/flow.toml: nodes.info.body: is 22,000 characters long, more than the 20,000 "
        "one text may hold"
    )


def test_a_list_item_over_20000_characters_is_refused_at_its_index(pack: Path) -> None:
    edit(pack, "national/flow.toml", '"Do the thing."', f'"Do the thing.", "{"x" * 20_001}"')
    [problem] = problems(pack)
    assert problem.startswith("national/flow.toml: nodes.end.next_steps[1]: is 20,001 characters")


def test_a_local_pack_name_too_long_for_a_folder_is_refused_not_raised(pack: Path) -> None:
    edit(pack, "manifest.toml", 'local_pack = "demo"', f'local_pack = "{"x" * 300}"')
    [problem] = problems(pack)
    assert problem.startswith("manifest.toml: manifest.local_pack: 'xxx")
    assert "up to 100 letters" in problem
