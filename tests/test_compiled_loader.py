"""The compiled build of the extraction modules is used only while it was built from the sources as they are."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

import geo.claims
from geo.claims import compiled
from geo.claims.compiled import COMPILED, STAMP_NAME, fresh_build, prefer_compiled, source_stamp

SO = ".cpython-311-x86_64-linux-gnu.so"


def _sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name in COMPILED:
        (src / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    return src


def _build(tmp_path: Path, stamp: dict[str, str], names=COMPILED) -> Path:
    build = tmp_path / "build"
    folder = build / "geo" / "claims"
    folder.mkdir(parents=True)
    for name in names:
        (folder / f"{name}{SO}").write_bytes(b"")
    (build / STAMP_NAME).write_text(json.dumps(stamp), encoding="utf-8")
    return build


def test_the_stamp_is_each_sources_sha256_and_the_interpreter_tag(tmp_path):
    src = _sources(tmp_path)
    stamp = source_stamp(src)
    # worked by hand: the SHA-256 of the bytes "# text\n"
    assert stamp["text"] == hashlib.sha256(b"# text\n").hexdigest()
    assert stamp["python"] == sys.implementation.cache_tag
    assert set(stamp) == {*COMPILED, "python"}


def test_a_build_of_the_same_sources_is_used(tmp_path):
    src = _sources(tmp_path)
    build = _build(tmp_path, source_stamp(src))
    assert fresh_build(build, src) == build / "geo" / "claims"


def test_an_edited_source_makes_the_build_stale(tmp_path):
    src = _sources(tmp_path)
    build = _build(tmp_path, source_stamp(src))
    (src / "extract.py").write_text("# extract, edited\n", encoding="utf-8")
    assert fresh_build(build, src) is None


def test_a_build_for_another_python_or_with_a_module_missing_or_no_stamp_is_not_used(tmp_path):
    src = _sources(tmp_path)
    other = dict(source_stamp(src), python="cpython-399")
    assert fresh_build(_build(tmp_path / "a", other), src) is None
    assert fresh_build(_build(tmp_path / "b", source_stamp(src), names=COMPILED[:-1]), src) is None
    build = _build(tmp_path / "c", source_stamp(src))
    (build / STAMP_NAME).unlink()
    assert fresh_build(build, src) is None


def test_prefer_compiled_puts_a_fresh_build_first_and_leaves_the_path_alone_otherwise(tmp_path, monkeypatch):
    src = _sources(tmp_path)
    build = _build(tmp_path, source_stamp(src))
    monkeypatch.setattr(compiled, "BUILD_DIR", build)
    monkeypatch.setattr(compiled, "__file__", str(src / "compiled.py"))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv("GEO_PURE_PYTHON", raising=False)
    path = [str(src)]
    assert prefer_compiled(path) is True
    assert path == [str(build / "geo" / "claims"), str(src)]
    assert str(build) in sys.path
    monkeypatch.setenv("GEO_PURE_PYTHON", "1")
    path = [str(src)]
    assert prefer_compiled(path) is False
    assert path == [str(src)]


@pytest.mark.skipif(fresh_build(compiled.BUILD_DIR, Path(compiled.__file__).parent) is None,
                    reason="no fresh compiled build here (make compiled)")
def test_a_fresh_build_of_this_tree_is_what_geo_claims_imports():
    import geo.claims.extract

    if geo.claims.COMPILED_IN_USE:
        assert geo.claims.extract.__file__.endswith(".so")
    else:  # GEO_PURE_PYTHON was set for this run
        assert geo.claims.extract.__file__.endswith("extract.py")


@pytest.mark.skipif(not geo.claims.COMPILED_IN_USE,
                    reason="the plain sources are in use: their doctests run in the main session")
def test_the_doctests_of_the_compiled_modules_pass_on_their_plain_sources():
    import os
    import subprocess

    root = Path(compiled.__file__).resolve().parents[2]
    files = [f"geo/claims/{name}.py" for name in COMPILED]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *files],
                         cwd=root, env=dict(os.environ, GEO_PURE_PYTHON="1"), capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout[-2000:]
    assert " passed" in run.stdout
