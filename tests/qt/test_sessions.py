"""Sessions: save/open round trip and every kind of bad file (valid parts or nothing applied)."""

from __future__ import annotations

import json

import pytest

from losslab.io import session as session_io


def test_round_trip_restores_every_panel_and_the_layout(window, dialogs, tmp_path):
    path = tmp_path / "s.json"
    losses = window.states["losses"]
    losses.update({"huber_delta": 2.25, "mode": "residual", "losses": ("huber", "squared")})
    dialogs.save_path = str(path)
    window.findChild(object, "save_session").trigger()
    doc = json.loads(path.read_text())
    assert doc["format"] == "losslab-session" and doc["version"] == 1
    assert set(doc["panels"]) == set(window.states)

    losses.reset()
    dock = window.docks["losses"]
    dock.close()
    dialogs.open_path = str(path)
    window.findChild(object, "open_session").trigger()
    assert losses.huber_delta == pytest.approx(2.25)
    assert losses.losses == ("squared", "huber")
    assert dock.isVisible()
    assert window.panels["losses"].controls["huber_delta"].value() == pytest.approx(2.25)
    assert dialogs.messages == []


def write(tmp_path, content, name="s.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


REFUSED = {
    "truncated": '{"format": "losslab-session", "version": 1, "panels": {"losses": {"huber',
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
    "not an object": "[1, 2, 3]",
    "other format": {"format": "something-else", "version": 1},
    "newer schema": {"format": "losslab-session", "version": 99, "panels": {}},
    "bad version": {"format": "losslab-session", "version": "1"},
    "NaN literal": '{"format": "losslab-session", "version": 1, '
                   '"panels": {"losses": {"huber_delta": NaN}}}',
    "empty": "",
}


@pytest.mark.parametrize("content", REFUSED.values(), ids=REFUSED.keys())
def test_unusable_files_apply_nothing_and_say_why(window, dialogs, tmp_path, content):
    before = {k: s.values() for k, s in window.states.items()}
    result = window.open_session(str(write(tmp_path, content)))
    assert result is None
    assert {k: s.values() for k, s in window.states.items()} == before
    assert len(dialogs.messages) == 1 and dialogs.messages[0][0] == "warning"
    assert window.isVisible()


def test_huge_file_is_refused_without_reading_it(window, dialogs, tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse: cheap to create
    assert window.open_session(str(path)) is None
    assert "not a session file" in dialogs.messages[0][2]


def test_partly_bad_session_applies_the_valid_parts_and_reports_the_rest(window, dialogs,
                                                                         tmp_path):
    doc = session_io.session_document(window.states)
    doc["panels"]["losses"].update({"huber_delta": 0.4, "epsilon": "wide", "x_min": -1e300,
                                    "quantile_tau": 2.0, "ghost": 1})
    doc["panels"]["atlantis"] = {}
    doc["extra"] = True
    doc["layout"] = "%%% not base64"
    result = window.open_session(str(write(tmp_path, doc)))
    losses = window.states["losses"]
    assert losses.huber_delta == pytest.approx(0.4)
    assert losses.epsilon == pytest.approx(0.5)
    assert losses.x_min == pytest.approx(-3.0)
    assert losses.quantile_tau == pytest.approx(0.5)
    text = result.message()
    for word in ("epsilon", "x_min", "quantile_tau", "ghost", "atlantis", "extra", "layout"):
        assert word in text
    assert len(dialogs.messages) == 1


def test_session_change_redraws_each_panel_once(window, tmp_path):
    doc = session_io.session_document(window.states)
    doc["panels"]["losses"].update({"huber_delta": 0.4, "epsilon": 1.0, "x_max": 5.0})
    calls = []
    window.states["losses"].subscribe(calls.append)
    window.open_session(str(write(tmp_path, doc)))
    assert len(calls) == 1 and {"huber_delta", "epsilon", "x_max"} <= calls[0]


def test_failed_session_save_keeps_the_previous_file(window, dialogs, tmp_path, monkeypatch):
    from losslab.io import atomic

    path = tmp_path / "s.json"
    path.write_text("previous")
    monkeypatch.setattr(atomic.os, "replace",
                        lambda a, b: (_ for _ in ()).throw(OSError(28, "No space left")))
    assert window.save_session(str(path)) is False
    assert path.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]
    assert "No space left" in dialogs.messages[0][2]


def test_session_option_on_the_command_line_rejects_a_missing_file(tmp_path, capsys):
    from losslab.cli import main

    assert main(["--session", str(tmp_path / "missing.json")]) == 2
    assert "no such file" in capsys.readouterr().err
