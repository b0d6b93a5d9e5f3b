"""The map component's script file (issue 15): written once under its content hash, found again by the page, kept."""

from __future__ import annotations

import gzip
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


def test_the_page_gets_a_gzip_copy_that_the_server_sends_as_it_is(tmp_path):
    """The server gzips every ``.js`` it sends (at level 9, on each request); a ``.gz`` file goes out as application/gzip, untouched."""
    from streamlit.web.server.component_file_utils import guess_content_type
    from streamlit.web.server.starlette.starlette_gzip_middleware import GZipMiddleware

    args = _args(tmp_path, "Aktau")
    assert args["script_gz_url"] == args["script_url"] + ".gz"
    packed = tmp_path / f"{args['base']}.js.gz"
    assert gzip.decompress(packed.read_bytes()).decode("utf-8") == mapcomponent.base_script(args, tmp_path)
    kind = guess_content_type(str(packed))
    assert kind == "application/gzip"
    assert kind in GZipMiddleware(None).exclude_content_types  # what the server's middleware leaves alone
    # The same map writes the same bytes (no time stamp in the gzip header): a second server finds the file as it is.
    before = packed.read_bytes()
    packed.unlink()
    _args(tmp_path, "Aktau")
    assert packed.read_bytes() == before


def test_a_day_old_script_is_pruned_and_one_still_served_is_written_again(tmp_path):
    old = _args(tmp_path, "Aktau")
    path = tmp_path / f"{old['base']}.js"
    day_and_a_minute = 24 * 3600 + 60
    os.utime(path, (time.time() - day_and_a_minute,) * 2)
    os.utime(path.with_suffix(".js.gz"), (time.time() - day_and_a_minute,) * 2)
    new = _args(tmp_path, "Tengiz")  # writing another version prunes files older than a day
    assert not path.exists() and not path.with_suffix(".js.gz").exists()
    assert (tmp_path / f"{new['base']}.js").exists()
    # This process still hands out the old map: showing it writes the file again before the page fetches it.
    mapcomponent._ensure_served(old["base"])
    assert "Aktau" in path.read_text(encoding="utf-8")
    assert "Aktau" in gzip.decompress(path.with_suffix(".js.gz").read_bytes()).decode("utf-8")
