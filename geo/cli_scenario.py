"""The ``scenario`` sub-command: solve the route network for a year and print baseline and scenario.

Wired into ``python -m geo`` by :func:`register`. Unknown asset ids and presets raise
:class:`~geo.errors.UnknownIdError`, which the main command line prints as ``ERROR ...``
(exit code 2).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the solver (scipy, pandas) is imported only when this command runs
    from geo.scenario import Result


def _assignment(text: str) -> tuple[str, float]:
    """Parse ``ID=VALUE`` (a capacity in Mt/y or bcm/y)."""
    ident, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not sep or not ident or not math.isfinite(number) or number < 0:
        msg = f"expected ID=VALUE with a non-negative number, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return ident, number


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``scenario`` sub-command to an argparse ``subparsers`` object."""
    p = subparsers.add_parser(
        "scenario", help="route volumes, stranded volume and Russia shares: baseline vs a scenario",
        description="Solve the export route network for a year (baseline fitted to observed volumes) and a scenario.",
    )
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--year", type=int, default=None, help="default: geo.scenario.DEFAULT_YEAR")
    p.add_argument("--commodity", choices=("oil", "gas"), default="oil")
    p.add_argument("--preset", help="a preset of data/scenarios.yaml (see --list-presets)")
    p.add_argument("--off", nargs="+", action="extend", default=[], metavar="ID", help="asset ids to switch off")
    p.add_argument("--capacity", nargs="+", action="extend", default=[], type=_assignment, metavar="ID=VALUE",
                   help="set an asset's capacity (Mt/y oil, bcm/y gas)")
    p.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    p.set_defaults(func=cmd_scenario)
    return p


def cmd_scenario(args: argparse.Namespace) -> int:
    """Solve and print (JSON object, or a readable table)."""
    from geo import scenario

    data_dir = getattr(args, "data_dir", None)
    if args.year is None:
        args.year = scenario.DEFAULT_YEAR
    if args.list_presets:
        presets = scenario.load_presets(data_dir)
        if args.format == "json":
            json.dump(list(presets.values()), sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for p in presets.values():
                print(f"{p['id']:<34} {p['title']}")
        return 0
    baseline, result = scenario.run(args.year, args.commodity, preset=args.preset, off=args.off, capacity=dict(args.capacity),
                                    data_dir=data_dir)
    if args.format == "json":
        json.dump(to_json(baseline, result), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(to_text(baseline, result))
    return 0


def to_json(baseline: Result, result: Result) -> dict[str, Any]:
    """The scenario's fields at the top level, the baseline's under ``baseline``."""
    return {**result.to_dict(), "baseline": baseline.to_dict()}


def to_text(baseline: Result, result: Result) -> str:
    """A readable table: headline metrics, markets, routes (with capacity), then notes."""
    from geo import scenario

    unit = f"{result.unit}, {result.year}"
    frame = scenario.compare(baseline, result)
    lines = [f"{result.commodity.capitalize()} {result.year}: baseline vs scenario {result.scenario!r}"
             + (f" (off: {', '.join(result.off)})" if result.off else "")]
    for section, title in (("summary", "Summary"), ("market", "Share by market"), ("route", f"Routes ({unit})")):
        lines += ["", f"{title:<58} {'baseline':>10} {'scenario':>10} {'change':>9}" + ("  capacity" if section == "route" else "")]
        caps = {r.id: r.capacity for r in result.routes}
        for row in frame[frame["section"] == section].itertuples(index=False):
            if section == "route" and row.baseline == 0 and row.scenario == 0:
                continue
            label = row.label if row.unit in ("share", "index") or section != "summary" else f"{row.label} ({unit})"
            fmt = "{:>10.1%}" if row.unit == "share" else "{:>10.3f}"
            change = "{:>+9.1%}" if row.unit == "share" else "{:>+9.3f}"
            cap = ""
            if section == "route":
                cap = "   unbounded" if caps.get(row.id) is None else f"  {caps[row.id]:>9.3f}"
            lines.append(f"{label[:58]:<58} {fmt.format(row.baseline)} {fmt.format(row.scenario)} {change.format(row.change)}{cap}")
    if result.notes:
        lines += ["", *[f"note: {n}" for n in result.notes]]
    return "\n".join(lines)
