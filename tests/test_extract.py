"""Claim extraction: the labelled evaluation set, the curated seed claims, the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from geo.claims.extract import build_matcher, extract, split_sentences
from geo.data import corpus, load
from tests.conftest import DATA, ROOT

EVAL = yaml.safe_load((Path(__file__).parent / "fixtures" / "extraction_eval.yaml").read_text(encoding="utf-8"))["articles"]
ASSETS = load.load_assets(DATA)
MATCHER = build_matcher(ASSETS, load.load_route_groups(DATA))
CORPUS = corpus.load_corpus(DATA, asset_ids=set(ASSETS.index))


def named_links(text: str, language: str) -> set[str]:
    """Assets the extractor links by a name in the text (group expansions excluded, as in the labels)."""
    return {a["id"] for c in extract(text, language=language, matcher=MATCHER) for a in c.assets if a["match"] != "group"}


def test_eval_set_is_big_enough_and_balanced():
    by_lang = {lang: [a for a in EVAL if a["language"] == lang] for lang in ("de", "en", "ru")}
    assert len(EVAL) >= 30
    for articles in by_lang.values():
        assert any(a["expected_assets"] for a in articles) and any(not a["expected_assets"] for a in articles)


def test_asset_links_precision_and_recall(capsys):
    tp = fp = fn = 0
    for article in EVAL:
        got, expected = named_links(article["text"], article["language"]), set(article["expected_assets"])
        tp, fp, fn = tp + len(got & expected), fp + len(got - expected), fn + len(expected - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(f"\nasset links on {len(EVAL)} labelled articles: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.9
    assert recall >= 0.9


@pytest.mark.parametrize("article", [a for a in EVAL if not a["expected_assets"]], ids=lambda a: a["id"])
def test_negative_articles_link_no_asset(article):
    assert named_links(article["text"], article["language"]) == set()


def test_every_curated_seed_claim_is_found_with_its_assets():
    for art_id, text in CORPUS.texts.items():
        candidates = extract(text, article=art_id, matcher=MATCHER)
        for claim in (c for c in CORPUS.claims if c.article == art_id and c.assets):
            covering = [c for c in candidates if c.start <= claim.start and claim.end <= c.end]
            found = {a["id"] for c in covering for a in c.assets}
            assert {a.id for a in claim.assets} <= found, claim.id


def test_roles_follow_the_data_in_a_bypass_claim():
    text = "Kazakhstan will ship more crude via the BTC pipeline to avoid the CPC terminal."
    (claim,) = extract(text, language="en", matcher=MATCHER)
    roles = {a["id"]: a["role"] for a in claim.assets}
    assert claim.claim_type == "rerouting"
    assert roles == {"btc": "alternative", "cpc-marine-terminal": "bypassed"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Das Öl fließt über Noworossijsk.", "de", "sheskharis"),
        ("Нефть отгружают через Новороссийска терминал.", "ru", "sheskharis"),
        ("Поставки нефти в порт Усть-Луги выросли.", "ru", "ust-luga"),
        ("Экспорт нефти по КТК вырос.", "ru", "cpc"),
        ("Der Export über die Druschba-Pipeline läuft weiter.", "de", "druzhba-samara-schwedt"),
        ("Gas exports via TAP to Italy rose.", "en", "tap"),
    ],
)
def test_inflected_and_abbreviated_names(text, language, expected):
    assert expected in named_links(text, language)


def test_abbreviations_are_case_exact_whole_words():
    assert named_links("Oil traders tap into new gas export markets.", "en") == set()
    assert named_links("Oil prices pushed the CAC 40 lower as gas exports fell.", "en") == set()


def test_offsets_always_index_the_excerpt():
    for art_id, text in CORPUS.texts.items():
        for c in extract(text, article=art_id, matcher=MATCHER):
            assert text[c.start : c.end] == c.excerpt


def test_sentences_do_not_break_at_ordinals_or_abbreviations():
    text = "Am 9. Mai gab es keine Parade. Öl fließt z. B. über Aktau."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Am 9. Mai gab es keine Parade.", "Öl fließt z. B. über Aktau."]


def test_extract_command_json_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kazakhstan ships more crude via the BTC pipeline to avoid Russian ports.", encoding="utf-8")
    seed = ROOT / "seeds" / "000_149cd47eccacf6d5.txt"
    cmd = [sys.executable, "-m", "geo", "extract", str(path), str(seed), "--format", "json"]
    out = json.loads(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    assert {c["article"] for c in out} == {corpus.sha256_text(path.read_text(encoding="utf-8"))[:16], "000_149cd47eccacf6d5"}
    for c in out:
        assert {"article", "start", "end", "excerpt", "language", "claim_type", "assets"} <= c.keys()
        for a in c["assets"]:
            assert {"id", "name", "role"} <= a.keys()
    first = next(c for c in out if c["article"] != "000_149cd47eccacf6d5")
    assert first["claim_type"] == "rerouting" and "btc" in {a["id"] for a in first["assets"]}
