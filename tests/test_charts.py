"""The tornado chart's data: which figures, in which order, at which ends."""

import pandas as pd
import pytest

from geo.routes.sensitivity import METRICS, Sensitivity
from geo.views.charts import tornado_figure, tornado_rows


def _sens(rows: list[dict[str, float | str]]) -> Sensitivity:
    cols = ["figure", "kind", "value", "low", "high", "basis"] + [f"{m}_{s}" for m in METRICS for s in ("low", "high", "swing")]
    full = []
    for r in rows:
        row = dict.fromkeys(cols, 0.0) | {"kind": "capacity", "basis": "assumption"} | r
        for m in METRICS:
            row[f"{m}_swing"] = abs(float(row[f"{m}_high"]) - float(row[f"{m}_low"]))
        full.append(row)
    central = {"total_export": 70.0, "stranded": 40.0, "share_via_russia": 0.5, "share_via_russian_ports": 0.4}
    return Sensitivity(central=central, ranges=dict.fromkeys(METRICS, (0.0, 1.0)), tornado=pd.DataFrame(full, columns=cols),
                       unit="Mt/y", year=2023)


def test_tornado_rows_rank_by_swing_and_drop_figures_that_do_not_move_the_metric():
    # Swings in stranded volume: a 43.5-36.5 = 7.0, b 41.0-39.0 = 2.0, c 0 (left out).
    sens = _sens([
        {"figure": "edge:b", "stranded_low": 41.0, "stranded_high": 39.0},
        {"figure": "edge:c", "stranded_low": 40.0, "stranded_high": 40.0, "share_via_russia_low": 0.4, "share_via_russia_high": 0.6},
        {"figure": "edge:a", "stranded_low": 43.5, "stranded_high": 36.5},
    ])
    assert tornado_rows(sens, "stranded") == [("edge:a", 43.5, 36.5), ("edge:b", 41.0, 39.0)]
    assert tornado_rows(sens, "share_via_russia") == [("edge:c", 0.4, 0.6)]
    assert tornado_rows(sens, "stranded", top=1) == [("edge:a", 43.5, 36.5)]


def test_tornado_figure_draws_one_pair_of_bars_per_figure_in_percent_for_shares():
    sens = _sens([{"figure": "edge:c", "share_via_russia_low": 0.4, "share_via_russia_high": 0.6}])
    fig = tornado_figure(sens, "share_via_russia")
    ax = fig.axes[0]
    # Central 0.5 -> 50 %; the bars run 50 -> 40 (width -10) and 50 -> 60 (width +10).
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    assert widths == [-10.0, 10.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["edge:c"]


def test_tornado_rejects_an_unknown_metric():
    with pytest.raises(ValueError, match="unknown metric"):
        tornado_rows(_sens([]), "hhi")
