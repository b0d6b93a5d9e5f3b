"""Charts drawn from analysis results (matplotlib figures not attached to pyplot).

:func:`tornado_figure` draws the tornado of a sensitivity run: for each assumed figure, the bar
spans the metric's value with the figure at its low end and at its high end, around the central
value, largest swing at the top. The dashboard shows it with ``st.pyplot(fig)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.patches import Patch

if TYPE_CHECKING:
    from geo.routes.sensitivity import Sensitivity

#: Metric -> (label, is a share of exports).
TORNADO_METRICS = {
    "stranded": ("Stranded volume", False),
    "share_via_russia": ("Share of exports via Russia", True),
    "share_via_russian_ports": ("Share of exports via Russian ports", True),
    "total_export": ("Total exports", False),
}
_LOW, _HIGH = "#4c78a8", "#e45756"


def tornado_rows(sens: Sensitivity, metric: str = "stranded", *, top: int = 10) -> list[tuple[str, float, float]]:
    """(figure, metric at the figure's low end, metric at its high end) for the ``top`` largest swings.

    Figures that do not move the metric are left out; the order is largest swing first.
    """
    if metric not in TORNADO_METRICS:
        msg = f"unknown metric {metric!r}; expected one of {', '.join(TORNADO_METRICS)}"
        raise ValueError(msg)
    table = sens.tornado
    if table.empty:
        return []
    moved = table[table[f"{metric}_swing"] > 1e-9].sort_values(f"{metric}_swing", ascending=False, kind="stable").head(top)
    return [(str(r["figure"]), float(r[f"{metric}_low"]), float(r[f"{metric}_high"])) for r in moved.to_dict("records")]


def tornado_figure(sens: Sensitivity, metric: str = "stranded", *, top: int = 10, width_in: float = 8.0) -> Figure:
    """A tornado chart of one headline metric over the assumed figures of a sensitivity run.

    Parameters
    ----------
    sens
        The result of :func:`geo.routes.sensitivity.run_sensitivity`.
    metric
        ``stranded``, ``share_via_russia``, ``share_via_russian_ports`` or ``total_export``.
    top
        How many figures to show (largest swing first).
    width_in
        Figure width in inches; the height follows the number of bars.

    Returns
    -------
    matplotlib.figure.Figure
        Blue: the metric with the figure at its low end; red: at its high end. The vertical line
        is the central value. A figure with no bars says that no assumed figure moves the metric.
    """
    rows = tornado_rows(sens, metric, top=top)
    label, is_share = TORNADO_METRICS[metric]
    factor, unit = (100.0, "% of exports") if is_share else (1.0, sens.unit)
    central = sens.central[metric] * factor
    fig = Figure(figsize=(width_in, 1.2 + 0.38 * max(len(rows), 1)), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(f"{label} ({unit}, {sens.year}): each assumed figure at its low and high end", fontsize=10, loc="left")
    if not rows:
        ax.text(0.5, 0.5, "No assumed figure moves this metric.", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    names = [r[0] for r in rows][::-1]
    for y, (_, low, high) in enumerate(rows[::-1]):
        # The longer bar first, so a shorter one on the same side stays visible on top of it.
        ends = sorted(((low * factor, _LOW), (high * factor, _HIGH)), key=lambda end: -abs(end[0] - central))
        for value, colour in ends:
            ax.barh(y, value - central, left=central, color=colour, height=0.6)
    ax.axvline(central, color="#333333", linewidth=1)
    ax.set_yticks(range(len(names)), names, fontsize=8)
    ax.set_xlabel(unit)
    ax.legend(handles=[Patch(color=_LOW), Patch(color=_HIGH)], labels=["figure at its low end", "figure at its high end"],
              fontsize=8, loc="lower right")
    return fig
