"""Ingest: content-hash ids, no overwrites, refusals that write nothing, encodings, HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geo.claims import ingest, upload
from geo.claims.upload import read_upload
from geo.cli import commands as cli
from geo.data import corpus
from geo.errors import IngestError
from tests.conftest import DATA, ROOT


@pytest.fixture
def workspace(tmp_path: Path, data_copy: Path) -> tuple[Path, Path]:
    """A data copy and a corpus copy laid out like the project (data/ beside seeds/)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return data_copy, seeds


def snapshot(*folders: Path) -> dict[str, bytes]:
    # The lock file is created empty by the first writer and says nothing about the data.
    return {str(p): p.read_bytes() for f in folders for p in sorted(f.rglob("*")) if p.is_file() and p.name != ".corpus.lock"}


ARTICLE = "Kasachstan will mehr Öl über den Hafen Aktau nach Baku schicken, um russische Häfen zu umgehen.\n"


def test_ingest_adds_text_and_metadata_under_a_content_hash(workspace):
    data, seeds = workspace
    result = ingest.ingest(ARTICLE.encode(), "neu.txt", metadata={"title": "Neu", "outlet": "Test"}, data_dir=data, corpus_dir=seeds)
    assert result.created and result.article_id == corpus.sha256_text(ARTICLE)[:16]
    assert (seeds / f"{result.article_id}.txt").read_text(encoding="utf-8") == ARTICLE
    loaded = corpus.load_corpus(data, seeds)
    assert loaded.articles[result.article_id].title == "Neu"
    assert loaded.articles[result.article_id].language == "de"
    assert len(loaded.claims) == len(corpus.load_corpus(DATA).claims)


def test_same_text_twice_is_a_no_op(workspace):
    data, seeds = workspace
    first = ingest.ingest(ARTICLE.encode(), "a.txt", data_dir=data, corpus_dir=seeds)
    before = snapshot(data, seeds)
    again = ingest.ingest(ARTICLE.encode(), "b.md", data_dir=data, corpus_dir=seeds)
    near = ingest.ingest(ARTICLE.upper().replace(" ", "  ").encode(), "c.txt", data_dir=data, corpus_dir=seeds)
    assert not again.created and again.article_id == first.article_id
    assert not near.created and near.article_id == first.article_id
    assert snapshot(data, seeds) == before


def test_seed_text_is_recognised(workspace):
    data, seeds = workspace
    result = ingest.ingest((ROOT / "seeds" / "000_149cd47eccacf6d5.txt").read_bytes(), "copy.txt", data_dir=data, corpus_dir=seeds)
    assert not result.created and result.article_id == "000_149cd47eccacf6d5"


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"", "empty.txt", "no text"),
        (b"   \n\t ", "blank.txt", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", "binary"),
        (b"x" * (upload.MAX_BYTES + 1), "big.txt", "over the limit"),
        (b"Oil via Aktau", "run.exe", "unsupported file type"),
        (b"\xff\xfe\x00\xd8", "broken.txt", "UTF-16"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(workspace, raw, name, message):
    data, seeds = workspace
    before = snapshot(data, seeds)
    with pytest.raises(IngestError, match=message):
        ingest.ingest(raw, name, data_dir=data, corpus_dir=seeds)
    assert snapshot(data, seeds) == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_encodings_are_decoded(encoding):
    text = "Казахстан увеличил поставки нефти через порт Актау в Баку. Танкеры идут по Каспию."
    assert upload.decode_upload(text.encode(encoding), "a.txt") == text


def test_latin1_is_decoded():
    text = "Das Öl fließt über Aktau nach Baku, größere Mengen folgen später im Jahr."
    assert upload.decode_upload(text.encode("latin-1"), "a.txt") == text


def test_html_is_reduced_to_its_text():
    html = b"<html><head><title>t</title><script>alert(1)</script></head><body><h1>Pipeline</h1><p>Oil via <b>Aktau</b>.</p></body></html>"
    text = upload.decode_upload(html, "page.html")
    assert "alert" not in text and "<" not in text
    assert "Pipeline" in text and "Aktau" in text


def test_file_name_with_path_parts_never_escapes_the_corpus(workspace, tmp_path):
    data, seeds = workspace
    result = ingest.ingest(ARTICLE.encode(), "../../etc/evil.txt", data_dir=data, corpus_dir=seeds)
    assert (seeds / f"{result.article_id}.txt").exists()
    assert not (tmp_path.parent / "etc").exists()
    assert all(p.parent == seeds for p in seeds.iterdir())


def test_save_claims_appends_and_keeps_existing(workspace):
    data, seeds = workspace
    result = ingest.ingest(ARTICLE.encode(), "a.txt", data_dir=data, corpus_dir=seeds)
    before = (data / corpus.CLAIMS_FILE).read_text(encoding="utf-8")
    claim = corpus.Claim(id="test-claim", article=result.article_id, excerpt=ARTICLE.strip(), start=0, end=len(ARTICLE.strip()),
                         language="de", english="Kazakhstan wants to send more oil via Aktau to Baku.", claim_type="rerouting",
                         attribution=["article"], assets=[{"id": "aktau", "role": "alternative"}])
    assert ingest.save_claims([claim], data_dir=data, corpus_dir=seeds) == 1
    assert ingest.save_claims([claim], data_dir=data, corpus_dir=seeds) == 0
    after = (data / corpus.CLAIMS_FILE).read_text(encoding="utf-8")
    assert after.startswith(before)
    assert "test-claim" in {c.id for c in corpus.load_corpus(data, seeds).claims}


def test_ingest_command_refuses_with_a_message(workspace, tmp_path, capsys):
    data, seeds = workspace
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    code = cli.main(["--data-dir", str(data), "ingest", str(bad), "--corpus-dir", str(seeds)])
    err = capsys.readouterr().err
    assert code == 2 and "bad.txt" in err and "Traceback" not in err


def test_invalid_metadata_writes_nothing(workspace):
    data, seeds = workspace
    before = snapshot(data, seeds)
    with pytest.raises(IngestError, match="month 13"):
        ingest.ingest(ARTICLE.encode(), "a.txt", metadata={"published": "2024-13-02"}, data_dir=data, corpus_dir=seeds)
    assert snapshot(data, seeds) == before


def test_bidi_and_zero_width_characters_are_removed_from_titles_and_text(workspace):
    data, seeds = workspace
    # U+202E (right-to-left override) would show "evil.exe" as "exe.live"; U+200B hides a break.
    title = "Pipe\u202eline\u200b news\u2066x\u2069\n\x1b[31mred"
    text = "Öl fließt\u202e über Aktau\u200b nach Baku.\n"
    result = ingest.ingest(text.encode(), "a.txt", metadata={"title": title, "outlet": "\u200bOut\u200dlet", "cites": ["A\u202eB"]},
                           data_dir=data, corpus_dir=seeds)
    art = corpus.load_corpus(data, seeds).articles[result.article_id]
    assert art.title == "Pipeline newsx [31mred"  # ESC removed, newline to a space
    assert art.outlet == "Outlet" and art.cites == ["AB"]
    stored = (seeds / f"{result.article_id}.txt").read_text(encoding="utf-8")
    assert stored == "Öl fließt über Aktau nach Baku.\n"
    assert result.article_id == corpus.sha256_text(stored)[:16]
    assert any("2 invisible" in n for n in result.notes)


def test_utf8_with_a_stray_byte_keeps_its_letters():
    # 44 valid two-byte letters and one invalid byte: UTF-8 with one U+FFFD, not cp1251 mojibake.
    # The invalid byte follows 39 letters (78 bytes) and 6 spaces: byte offset 84.
    raw = ("Казахстан увеличил экспорт нефти через Актау ".encode() + b"\xff" + "и Баку.".encode())
    upload = read_upload(raw, "a.txt")
    assert upload.text == "Казахстан увеличил экспорт нефти через Актау \ufffdи Баку."
    assert upload.notes == ["1 invalid UTF-8 byte(s) replaced with U+FFFD (first at byte 84)"]


def test_a_mostly_cp1251_file_is_still_decoded_as_cp1251():
    text = "Казахстан увеличил поставки нефти через порт Актау в Баку. Танкеры идут по Каспию."
    assert upload.decode_upload(text.encode("cp1251"), "a.txt") == text


def test_time_budget_refuses_with_a_message(workspace):
    data, seeds = workspace
    before = snapshot(data, seeds)
    # A budget already spent: refused whatever the machine's speed.
    with pytest.raises(IngestError, match=r"page.html: reading the HTML took over -1 s"):
        ingest.ingest(b"<b>x" * 10_000, "page.html", data_dir=data, corpus_dir=seeds, max_seconds=-1)
    with pytest.raises(IngestError, match=r"a.txt: reading the upload took over -1 s"):
        ingest.ingest(ARTICLE.encode(), "a.txt", data_dir=data, corpus_dir=seeds, max_seconds=-1)
    assert snapshot(data, seeds) == before


def test_seeds_folder_from_the_environment_is_read(workspace, monkeypatch):
    data, seeds = workspace
    moved = seeds.parent / "corpus-elsewhere"
    seeds.rename(moved)
    monkeypatch.setattr(corpus.settings, "SEEDS_DIR", moved)
    assert len(corpus.load_corpus(data).texts) == 2
