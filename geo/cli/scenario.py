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

from geo import settings

if TYPE_CHECKING:  # the solver (scipy, pandas) is imported only when this command runs
    from geo.routes.scenario import Result


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
    p.add_argument("--year", type=int, default=None, help=f"default {settings.DEFAULT_YEAR}")
    p.add_argument("--commodity", choices=settings.NETWORK_COMMODITIES, default="oil")
    p.add_argument("--preset", help="a preset of data/scenarios.yaml (see --list-presets)")
    p.add_argument("--off", nargs="+", action="extend", default=[], metavar="ID", help="asset ids to switch off")
    p.add_argument("--capacity", nargs="+", action="extend", default=[], type=_assignment, metavar="ID=VALUE",
                   help="set an asset's capacity (Mt/y oil, bcm/y gas)")
    p.add_argument("--committed", action="store_true",
                   help="apply the preset's committed volumes (contracts, targets): they move volume without switching anything off")
    p.add_argument("--sensitivity", action="store_true",
                   help="vary every assumed figure +-20%% (or its stated range): min-max of the headline metrics and a tornado ranking")
    p.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    p.set_defaults(func=cmd_scenario)
    return p


def cmd_scenario(args: argparse.Namespace) -> int:
    """Solve and print (JSON object, or a readable table)."""
    from geo.routes import sensitivity
    from geo.workspace import Workspace

    ws = Workspace.open(getattr(args, "data_dir", None))
    if args.year is None:
        args.year = settings.DEFAULT_YEAR
    if args.list_presets:
        presets = ws.preset_table()
        if args.format == "json":
            json.dump(list(presets.values()), sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for p in presets.values():
                print(f"{p['id']:<34} {p['title']}")
        return 0
    baseline, result = ws.solve(args.year, args.commodity, preset=args.preset, off=args.off, capacity=dict(args.capacity),
                                committed=args.committed)
    ranges = None
    if args.sensitivity:
        network, scen = ws.scenario(args.year, args.commodity, preset=args.preset, off=args.off, capacity=dict(args.capacity),
                                    committed=args.committed)
        ranges = sensitivity.run_sensitivity(network, scen)
    if args.format == "json":
        data = to_json(baseline, result)
        if ranges is not None:
            data["sensitivity"] = sensitivity.to_dict(ranges)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(to_text(baseline, result))
        if ranges is not None:
            print("\n" + sensitivity.to_text(ranges))
    return 0


def to_json(baseline: Result, result: Result) -> dict[str, Any]:
    """The scenario's fields at the top level, the baseline's under ``baseline``."""
    return {**result.to_dict(), "baseline": baseline.to_dict()}


def to_text(baseline: Result, result: Result) -> str:
    """A readable table: headline metrics, markets, routes (with capacity), then notes."""
    from geo.routes import costs, scenario

    unit = f"{result.unit}, {result.year}"
    frame = scenario.compare(baseline, result)
    lines = [f"{result.commodity.capitalize()} {result.year}: baseline vs scenario {result.scenario!r}"
             + (f" (off: {', '.join(result.off)})" if result.off else "")]
    sections = (("summary", "Summary"), ("other", f"Not exports ({unit})"), ("market", "Share by export market"), ("route", f"Routes ({unit})"))
    for section, title in sections:
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
    lines += ["", *binding_lines(result)]
    lines += ["", *costs.to_lines(result.rerouting_cost)] if result.rerouting_cost is not None else []
    if result.notes:
        lines += ["", *[f"note: {n}" for n in result.notes]]
    return "\n".join(lines)


def binding_lines(result: Result) -> list[str]:
    """The binding constraints as a table: what limits the result, with its figure and basis."""
    if not result.binding:
        return ["Binding constraints: none"]
    # Stranded volume one more unit of the bound would export (negative for a fixed flow).
    shadow_head = "saved/unit" if result.scenario != "baseline" else ""
    out = [f"Binding constraints ({result.scenario})", f"{'id':<28} {'kind':<12} {'value':>9} {'unit':<6} {'year':<5} {shadow_head:>13}  basis"]
    for b in result.binding:
        shadow = "" if b.shadow is None else f"{b.shadow:+.3f}"
        out.append(f"{b.id[:28]:<28} {b.kind:<12} {b.value:>9.3f} {b.unit:<6} {b.year:<5} {shadow:>13}  {b.basis}")
    return out
