"""The map component's script file (issue 15): written once under its content hash, found again by the page, kept."""

from __future__ import annotations

import os
import time

import folium

from geo.views import mapcomponent


def _args(tmp_path, text: str):
    fmap = folium.Map(location=[44.0, 59.5], zoom_start=5, tiles=None)
    folium.Marker([44.0, 59.5], tooltip=text).add_to(fmap)
    return mapcomponent.base_args(fmap, script_dir=tmp_path)


def test_the_script_is_a_file_named_by_its_hash_not_an_argument(tmp_path):
    args = _args(tmp_path, "Aktau")
    assert "script" not in args
    assert args["script_url"] == f"{mapcomponent.SCRIPT_URL}/{args['base']}.js"
    script = mapcomponent.base_script(args, tmp_path)
    assert "L.map(" in script and "Aktau" in script
    # The same map gives the same file; another map another one.
    assert _args(tmp_path, "Aktau")["base"] == args["base"]
    other = _args(tmp_path, "Tengiz")
    assert other["base"] != args["base"]
    assert sorted(p.name for p in tmp_path.glob("*.js")) == sorted([f"{args['base']}.js", f"{other['base']}.js"])


def test_a_day_old_script_is_pruned_and_one_still_served_is_written_again(tmp_path):
    old = _args(tmp_path, "Aktau")
    path = tmp_path / f"{old['base']}.js"
    day_and_a_minute = 24 * 3600 + 60
    os.utime(path, (time.time() - day_and_a_minute,) * 2)
    new = _args(tmp_path, "Tengiz")  # writing another version prunes files older than a day
    assert not path.exists()
    assert (tmp_path / f"{new['base']}.js").exists()
    # This process still hands out the old map: showing it writes the file again before the page fetches it.
    mapcomponent._ensure_served(old["base"])
    assert "Aktau" in path.read_text(encoding="utf-8")
