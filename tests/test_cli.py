"""Bad command lines give one line naming the option or file, exit code 1 or 2, no traceback, no leftovers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import commands as cli
from geo.data import corpus
from geo.views import briefing as brief
from tests.conftest import ROOT


def run_main(argv: list[str], capsys) -> tuple[int, list[str]]:
    """Run the real ``main`` (argparse errors exit through SystemExit, as ``python -m geo`` does)."""
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err.splitlines()


def assert_one_line(code: int, lines: list[str], expected_code: int, *fragments: str) -> None:
    assert code == expected_code, lines
    assert len(lines) == 1, lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def test_garbage_timestamp_names_the_option(tmp_path, capsys):
    code, lines = run_main(["brief", "--timestamp", "garbage", "--out", str(tmp_path / "b.png")], capsys)
    assert_one_line(code, lines, 2, "--timestamp", "'garbage'")
    assert list(tmp_path.iterdir()) == []


def test_out_onto_a_folder_is_refused(tmp_path, capsys):
    folder = tmp_path / "b.png"
    folder.mkdir()
    code, lines = run_main(["brief", "--out", str(folder)], capsys)
    assert_one_line(code, lines, 2, "--out", "is a folder")
    assert list(folder.iterdir()) == []


def test_out_below_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, lines = run_main(["brief", "--out", str(tmp_path / "plain" / "b.png")], capsys)
    assert_one_line(code, lines, 2, "--out", "is not a folder")
    assert [p.name for p in tmp_path.iterdir()] == ["plain"]


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc, where no one can create files")
def test_out_into_an_unwritable_place_is_refused(capsys):
    code, lines = run_main(["brief", "--out", "/proc/geo-briefing.html"], capsys)
    assert_one_line(code, lines, 2, "--out /proc/geo-briefing.html", "cannot write")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_out_into_a_read_only_folder_is_refused(tmp_path, capsys):
    tmp_path.chmod(0o500)
    try:
        code, lines = run_main(["brief", "--out", str(tmp_path / "b.png")], capsys)
    finally:
        tmp_path.chmod(0o700)
    assert_one_line(code, lines, 2, "--out", "permission denied")


def test_unsupported_out_suffix_is_refused(tmp_path, capsys):
    code, lines = run_main(["brief", "--out", str(tmp_path / "b.docx")], capsys)
    assert_one_line(code, lines, 2, "--out", "'.docx'")


def test_the_cli_knows_every_briefing_format():
    assert cli.BRIEF_FORMATS == brief.FORMATS


def test_a_failed_briefing_write_leaves_no_temporary_file(tmp_path):
    b = brief.make_briefing(year=2023, commodity="oil")
    out = tmp_path / "b.html"
    out.mkdir()  # the final rename onto a folder fails after the temporary file was written
    with pytest.raises(OSError):
        brief.write(b, out)
    assert [p.name for p in tmp_path.iterdir()] == ["b.html"]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("command", ["scenario", "brief"])
def test_a_preset_for_the_other_commodity_is_refused(tmp_path, capsys, command):
    extra = ["--out", str(tmp_path / "b.png")] if command == "brief" else []
    code, lines = run_main([command, "--commodity", "gas", "--preset", "cpc-halted", *extra], capsys)
    assert_one_line(code, lines, 2, "--preset cpc-halted", "written for oil, not gas")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["no-such-command"], "invalid choice: 'no-such-command'"),
        (["brief"], "--out"),
        (["scenario", "--year", "twenty"], "--year"),
        (["scenario", "--capacity", "cpc=-1"], "--capacity"),
        (["brief", "--bbox", "1,2,3", "--out", "b.png"], "--bbox"),
    ],
)
def test_bad_options_give_one_line(argv, fragment, capsys):
    code, lines = run_main(argv, capsys)
    assert_one_line(code, lines, 2, fragment)


def test_ingest_into_a_missing_corpus_folder_is_refused(tmp_path, capsys, data_copy):
    article = tmp_path / "a.txt"
    article.write_text("Öl über Aktau.", encoding="utf-8")
    code, lines = run_main(["--data-dir", str(data_copy), "ingest", str(article), "--corpus-dir", str(tmp_path / "nope")], capsys)
    assert_one_line(code, lines, 2, "--corpus-dir", "not an existing folder")


def test_ingest_with_month_13_is_refused(tmp_path, capsys, data_copy):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    article = tmp_path / "a.txt"
    article.write_text("Öl über Aktau.", encoding="utf-8")
    before = (data_copy / corpus.ARTICLES_FILE).read_bytes()
    code, lines = run_main(["--data-dir", str(data_copy), "ingest", str(article), "--published", "2024-13-01", "--corpus-dir", str(seeds)], capsys)
    assert_one_line(code, lines, 2, "a.txt", "published '2024-13-01'", "month 13")
    assert (data_copy / corpus.ARTICLES_FILE).read_bytes() == before


def test_corpus_dir_may_have_any_name(tmp_path, capsys, data_copy):
    folder = tmp_path / "Artikel Sammlung"
    shutil.copytree(ROOT / "seeds", folder)
    article = tmp_path / "a.txt"
    article.write_text("Öl über Aktau nach Baku.\n", encoding="utf-8")
    code = cli.main(["--data-dir", str(data_copy), "ingest", str(article), "--title", "T", "--corpus-dir", str(folder)])
    assert code == 0
    art_id = corpus.sha256_text("Öl über Aktau nach Baku.\n")[:16]
    assert (folder / f"{art_id}.txt").exists()
    assert corpus.load_corpus(data_copy, folder).texts[art_id] == "Öl über Aktau nach Baku.\n"


def test_ingest_reports_replaced_bytes_and_stores_no_mojibake(tmp_path, capsys, data_copy):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    article = tmp_path / "a.txt"
    # UTF-8 German with one stray latin-1 byte (0xE9) in the middle.
    article.write_bytes("Öl fließt über Aktau nach Baku, größere Mengen".encode() + b" caf\xe9 " + "später.".encode())
    code = cli.main(["--data-dir", str(data_copy), "ingest", str(article), "--corpus-dir", str(seeds)])
    err = capsys.readouterr().err
    assert code == 0 and "1 invalid UTF-8 byte(s) replaced with U+FFFD" in err
    text = next(t for a, t in corpus.load_corpus(data_copy, seeds).texts.items() if a not in ("000_149cd47eccacf6d5", "003_1322893579fcee3e"))
    assert text == "Öl fließt über Aktau nach Baku, größere Mengen caf\ufffd später."


@pytest.mark.parametrize(
    ("args", "fragment", "code"),
    [
        (["brief", "--timestamp", "garbage", "--out", "b.png"], "--timestamp", 2),
        (["validate"], "routes.yaml", 1),
    ],
)
def test_python_dash_m_geo_prints_one_line_and_no_traceback(tmp_path, data_copy, args, fragment, code):
    routes = data_copy / "routes.yaml"
    routes.write_text(routes.read_text(encoding="utf-8") + "- id: deep\n  name: x\n  assets: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    env = {**os.environ, "GEO_DATA_DIR": str(data_copy), "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([sys.executable, "-m", "geo", *args], cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=600, check=False)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert len([e for e in errors if fragment in e]) == 1 and len([e for e in errors if "ERROR" in e or "error:" in e]) == 1, errors
