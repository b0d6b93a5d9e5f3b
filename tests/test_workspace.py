"""The composition root: one place resolves the folders, loads the tables once and solves."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from geo.claims import ingest
from geo.workspace import Paths, Workspace
from tests.conftest import DATA, ROOT

ARTICLE = ("Kasachstan will mehr Öl über den Hafen Aktau nach Baku verschiffen und von dort durch die Pipeline "
           "Baku-Tiflis-Ceyhan, um die russischen Häfen zu umgehen. Die Mengen bleiben vorerst klein.")


def test_arguments_beat_the_environment_which_beats_the_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv("GEO_DATA_DIR", raising=False)
    monkeypatch.delenv("GEO_SEEDS_DIR", raising=False)
    assert Paths.resolve() == Paths(ROOT / "data", ROOT / "seeds")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "env-data"))
    monkeypatch.setenv("GEO_SEEDS_DIR", str(tmp_path / "env-seeds"))
    # Read at call time, not at import time: the variables set above apply.
    assert Paths.resolve() == Paths(tmp_path / "env-data", tmp_path / "env-seeds")
    assert Paths.resolve(tmp_path / "a", tmp_path / "b") == Paths(tmp_path / "a", tmp_path / "b")


def test_the_version_stamp_follows_a_hand_edit(data_copy):
    paths = Paths(data_copy, ROOT / "seeds")
    before = paths.version()
    claims = data_copy / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert paths.version() != before


def test_tables_and_networks_are_built_once_per_workspace():
    ws = Workspace.open(DATA, ROOT / "seeds")
    assert ws.assets is ws.assets
    assert ws.network(2023, "oil") is ws.network(2023, "oil")
    assert ws.network(2022, "oil") is not ws.network(2023, "oil")


def test_solve_matches_the_preset_it_names():
    ws = Workspace.open(DATA, ROOT / "seeds")
    base, cpc_off = ws.solve(2023, "oil", preset="cpc-halted")
    # The preset switches the CPC pipeline off, so nothing flows on it in the scenario while it does in the baseline.
    assert "cpc" in cpc_off.off
    assert cpc_off.stranded > base.stranded


def test_a_briefing_works_after_an_article_is_ingested(tmp_path):
    """The bug from issue 12: the dashboard's briefing read the default corpus and failed once an article was added."""
    from geo.views import briefing

    data, seeds = tmp_path / "data", tmp_path / "corpus"  # deliberately not named "seeds"
    shutil.copytree(DATA, data)
    shutil.copytree(ROOT / "seeds", seeds)
    added = ingest.ingest(ARTICLE.encode(), "neu.txt", metadata={"title": "Neu", "outlet": "Test"}, data_dir=data, corpus_dir=seeds)
    ws = Workspace.open(data, seeds)
    assert added.article_id in ws.corpus.articles
    made = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    b = briefing.make_briefing(ws, year=2023, preset="cpc-halted", made=made)
    out = briefing.write(b, tmp_path / "b.html")
    assert out.stat().st_size > 0 and b.result.scenario == "cpc-halted"


def test_an_unknown_preset_is_refused_by_name():
    from geo.errors import UnknownIdError

    ws = Workspace.open(DATA, ROOT / "seeds")
    with pytest.raises(UnknownIdError, match="no-such-preset"):
        ws.solve(2023, "oil", preset="no-such-preset")


def test_the_workspace_reads_the_folders_it_was_given(tmp_path):
    seeds = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", seeds)
    ws = Workspace.open(DATA, seeds)
    assert ws.paths.corpus_dir == Path(seeds)
    assert set(ws.corpus.articles)  # the seed articles are read from the other folder
