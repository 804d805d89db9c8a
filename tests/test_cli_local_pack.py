"""A record's or the settings' local pack is a plain folder name under content/local/, nothing else.

An emailed record with `local_pack = "../../somewhere"` must not make send-tui read a folder
beside it and show its phone numbers as the council's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from send_tui.model.config import load_config
from send_tui.model.content_errors import ContentErrors
from send_tui.model.loader import load_content
from send_tui.model.record import save_record
from tests.cli_run import run_cli
from tests.sessions import complaint_session

CRAFTED = ["../../somewhere", "..", "/etc", "tower-hamlets/../x", "C:\\evil", "local\\x", ".hidden"]


@pytest.mark.parametrize("pack", CRAFTED)
def test_open_and_render_refuse_a_crafted_local_pack_naming_the_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pack: str
) -> None:
    path = save_record(complaint_session(), tmp_path / "call.toml")
    text = path.read_text(encoding="utf-8").replace('"tower-hamlets"', json.dumps(pack))
    path.write_text(text, encoding="utf-8")
    for argv in (("open", str(path)), ("render", str(path), "--to", str(tmp_path / "o.txt"))):
        code, output = run_cli(capsys, *argv)
        assert code == 1, output
        assert f"{path}: record.local_pack: " in " ".join(output.split())
        assert "not a local pack" in output
    assert not (tmp_path / "o.txt").exists()


@pytest.mark.parametrize("pack", CRAFTED)
def test_the_settings_refuse_a_crafted_local_pack_and_use_the_default(
    tmp_path: Path, pack: str
) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text(f"[send-tui]\nlocal_pack = {json.dumps(pack)}\n", encoding="utf-8")
    config, problems = load_config(settings)
    assert config.local_pack == ""
    [problem] = problems
    assert f"{settings}: local_pack: " in problem and "not a local pack" in problem


def test_the_loader_itself_refuses_a_path_as_a_pack() -> None:
    with pytest.raises(ContentErrors) as refused:
        load_content(None, "../national")
    assert "manifest.local_pack" in str(refused.value.report())


def test_a_plain_pack_name_still_loads() -> None:
    assert load_content(None, "tower-hamlets").local_pack == "tower-hamlets"
