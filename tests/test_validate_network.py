"""``validate_dataset`` checks network.yaml and scenarios.yaml: corrupted copies give the exact problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.validate import validate_dataset


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


CASES = {
    "node naming an unknown asset": (
        "network.yaml", "asset: kumkol}", "asset: kumkul}",
        ("network.yaml", "nodes kumkol", "asset", "unknown asset id 'kumkul'"),
    ),
    "edge leaving a market": (
        "network.yaml", "    from: west-kz\n    to: atyrau\n", "    from: mkt-mediterranean-ceyhan\n    to: atyrau\n",
        ("network.yaml", "edges feed-west-kz-atyrau", "from", "is a market"),
    ),
    "preset switching off an unknown asset": (
        "scenarios.yaml", "switch_off: [cpc]\n    sources: [portnews", "switch_off: [cpc-x]\n    sources: [portnews",
        ("scenarios.yaml", "cpc-halted", "switch_off", "unknown asset id 'cpc-x'"),
    ),
    "preset citing an unknown source": (
        "scenarios.yaml", "sources: [portnews-2022-07-06-cpc-court, astanatimes-2022-07-11-cpc-court]",
        "sources: [portnews-2022-07-06-cpc-court, nobody-said]",
        ("scenarios.yaml", "cpc-halted", "sources.1", "unknown source id 'nobody-said'"),
    ),
}


def test_the_shipped_network_and_presets_validate():
    report = validate_dataset(Path(__file__).resolve().parent.parent / "data")
    assert [p for p in report.errors if p.file in ("network.yaml", "scenarios.yaml")] == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_corrupted_network_or_preset_is_named(case, data_copy):
    name, old, new, (file, record, field, message) = CASES[case]
    replace_once(data_copy / name, old, new)
    errors = validate_dataset(data_copy).errors
    matching = [p for p in errors if p.file == file and p.record == record and p.field == field and message in p.message]
    assert len(matching) == 1, [str(p) for p in errors]
