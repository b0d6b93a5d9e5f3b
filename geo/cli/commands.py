"""The command line: ``python -m geo COMMAND``.

Each command is a thin wrapper over package functions, printing text or JSON. Errors in
data or arguments print one line per problem on stderr and exit non-zero, never a
traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from geo import settings
from geo.cli import scenario as cli_scenario
from geo.cli import store as cli_store
from geo.errors import DataError, GeoError

# Each command imports what it uses inside its function: `extract` must start in well under a
# second, and pandas, geopandas, matplotlib and scipy alone take seconds to import.

#: Fields of ``assets --format json``; later tools rely on these names.
ASSET_JSON_FIELDS = ("id", "name", "aliases", "kind", "commodity", "status", "countries", "crosses_russia",
                     "ends_at_russian_port", "capacity_norm", "capacity_norm_unit", "capacity_year", "operator")


#: Suffixes ``brief --out`` accepts (the formats of :func:`geo.views.briefing.write`).
BRIEF_FORMATS = (".png", ".pdf", ".html")

#: Warnings printed by ``validate`` before the rest are counted, so the summary fits one screen.
MAX_WARNINGS_SHOWN = 10


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate every data file and print a one-screen summary."""
    from geo.data import geometry_checks, load
    from geo.validate import validate_dataset

    report = validate_dataset(args.data_dir)
    for problem in report.errors:
        print(f"ERROR {problem}", file=sys.stderr)
    if report.errors:
        print(f"{len(report.errors)} error(s); the data does not validate.", file=sys.stderr)
        return 1
    assets = report.assets
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    print(f"Data in {load.data_dir_or_default(args.data_dir)}: {counts}.")
    for column in ("kind", "commodity", "status"):
        tally = Counter(assets[column])
        print(f"  by {column:<9}: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    via_ru = assets[assets["crosses_russia"] | assets["ends_at_russian_port"]]
    print(f"  crossing Russia or ending at a Russian port: {len(via_ru)} assets")
    for problem in report.warnings[:MAX_WARNINGS_SHOWN]:
        print(f"  warning: {problem}")
    if len(report.warnings) > MAX_WARNINGS_SHOWN:
        print(f"  ... and {len(report.warnings) - MAX_WARNINGS_SHOWN} more warning(s); see geo.validate.validate_dataset()")
    for line in geometry_checks.report_lines(assets, load.data_dir_or_default(args.data_dir)):
        print(line)
    print(f"OK: no errors, {len(report.warnings)} warning(s).")
    return 0


def cmd_assets(args: argparse.Namespace) -> int:
    """Print every asset (JSON array, or a plain table)."""
    from geo.data import load
    from geo.workspace import Workspace

    assets = Workspace.open(args.data_dir).assets
    records = [{f: load.plain_value(getattr(row, f)) for f in ASSET_JSON_FIELDS} for row in assets.itertuples(index=False)]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for r in records:
            print(f"{r['id']:<32} {r['kind']:<14} {r['commodity']:<8} {r['status']:<10} {r['name']}")
    return 0


def cmd_build_lines(args: argparse.Namespace) -> int:
    """Snap looked-up waypoints to GeoNames, then redraw every 'waypoints' line and its sections."""
    from geo.data import load
    from geo.data.lines import dumps_waypoints, lines_from_waypoints, resolve_waypoints, sections_from_waypoints
    from geo.workspace import Workspace

    ws = Workspace.open(args.data_dir)
    data_dir = ws.paths.data_dir
    assets = ws.assets.copy()  # the workspace's tables are read-only; this command rewrites the file
    waypoints, errors = resolve_waypoints(ws.waypoints)
    if errors:
        raise GeoError(f"{load.WAYPOINTS_FILE}: " + f"\n{load.WAYPOINTS_FILE}: ".join(errors))
    load.write_text_atomic(data_dir / load.WAYPOINTS_FILE, dumps_waypoints(waypoints))
    lines = lines_from_waypoints(waypoints)
    sections = sections_from_waypoints(waypoints)
    redraw = assets.index[(assets["route_accuracy"] == "waypoints") & assets.index.isin(list(lines))]
    assets.loc[redraw, "geometry"] = [lines[i] for i in redraw]
    assets["sections"] = [sections.get(i, []) if i in redraw else s for i, s in zip(assets.index, assets["sections"], strict=True)]
    load.write_text_atomic(data_dir / load.ASSETS_FILE, load.dumps_assets(assets))
    print(f"Snapped {waypoints['lookup'].notna().sum()} waypoints to GeoNames; redrew {len(redraw)} lines in {data_dir / load.ASSETS_FILE}.")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the candidate claims of each article file (each with the asset mentions inside it)."""
    if args.corpus is not None:  # a whole corpus on Dask; dask is imported only here
        from geo.cli import corpus_extract

        return corpus_extract.run(args)
    if not args.files:
        msg = "give article FILEs, or --corpus DIR --out DEST"
        raise GeoError(msg)
    from geo.cli import extract as extract_cli

    return extract_cli.run(args)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Add an article file to the corpus with its metadata."""
    from geo.claims import ingest
    from geo.cli.extract import read_file_bytes

    path: Path = args.file
    if args.corpus_dir is not None and not args.corpus_dir.is_dir():
        msg = f"--corpus-dir {args.corpus_dir}: not an existing folder"
        raise GeoError(msg)
    raw = read_file_bytes(path)
    meta = {"title": args.title, "author": args.author, "outlet": args.outlet, "published": args.published,
            "language": args.language, "url": args.url, "cites": args.cites or []}
    result = ingest.ingest(raw, path.name, metadata=meta, data_dir=args.data_dir, corpus_dir=args.corpus_dir)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(result.message)
    return 0


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        msg = f"--bbox must be W,S,E,N in degrees, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        msg = f"--bbox {text!r} is not a west < east, south < north box in lon/lat"
        raise argparse.ArgumentTypeError(msg)
    return west, south, east, north


def _timestamp(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        msg = f"expected an ISO time such as 2024-05-01T12:00 or 2024-05-01, got {text[:40]!r}"
        raise argparse.ArgumentTypeError(msg) from None


def check_out(out: Path) -> None:
    """Refuse an ``--out`` path that cannot be written, before any work is done."""
    if out.suffix.lower() not in BRIEF_FORMATS:
        msg = f"--out {out}: unsupported format {out.suffix or '(none)'!r}; use one of {', '.join(BRIEF_FORMATS)}"
        raise GeoError(msg)
    if out.is_dir():
        msg = f"--out {out}: is a folder; give a file name such as {out / ('briefing' + out.suffix)}"
        raise GeoError(msg)
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        msg = f"--out {out}: {parent} is not a folder"
        raise GeoError(msg)
    if not os.access(parent, os.W_OK):
        msg = f"--out {out}: cannot write in {parent} (permission denied)"
        raise GeoError(msg)


def cmd_brief(args: argparse.Namespace) -> int:
    """Write a briefing (PNG, PDF or HTML) of a scenario."""
    check_out(args.out)
    from geo.views import briefing as brief  # matplotlib and folium take seconds to import; only this command needs them
    from geo.workspace import Workspace

    ws = Workspace.open(args.data_dir, getattr(args, "corpus_dir", None))
    briefing = brief.make_briefing(ws, year=args.year, commodity=args.commodity, preset=args.preset, off=tuple(args.off or ()),
                                   claim_ids=tuple(args.claims or ()), bbox=args.bbox, made=args.timestamp, committed=args.committed)
    try:
        out = brief.write(briefing, args.out)
    except ValueError as exc:
        raise GeoError(str(exc)) from None
    except OSError as exc:
        msg = f"--out {args.out}: cannot write: {exc.strerror or exc}"
        raise GeoError(msg) from None
    print(f"Wrote {out}")
    return 0


def _check_preset_commodity(args: argparse.Namespace) -> None:
    """Refuse a preset written for the other network (it would silently change nothing there)."""
    preset, commodity = getattr(args, "preset", None), getattr(args, "commodity", None)
    if not preset or not commodity or getattr(args, "list_presets", False):
        return
    from geo.workspace import Workspace

    spec = next((p for p in Workspace.open(args.data_dir).presets if p.id == preset), None)
    if spec is not None and spec.commodity is not None and spec.commodity != commodity:
        msg = (f"--preset {preset} is written for {spec.commodity}, not {commodity}; "
               f"use --commodity {spec.commodity} or a preset for {commodity} (see: python -m geo scenario --list-presets)")
        raise GeoError(msg)


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (exit code 2), without the usage block."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the problem and exit with code 2."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per task."""
    parser = ArgumentParser(prog="python -m geo", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder (default: the project's data/)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check every data file; exit 1 on errors")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build-lines", help="redraw 'waypoints' lines through waypoints.csv and rewrite assets.geojson")
    p.set_defaults(func=cmd_build_lines)

    p = sub.add_parser("extract", help="print the candidate claims of article files")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--language", choices=("de", "en", "ru"), default=None, help="default: guessed from the text")
    p.add_argument("--all-mentions", action="store_true",
                   help="JSON object {claims, mentions}: every asset mention, also outside claims")
    c = p.add_argument_group("a whole corpus on Dask (instead of FILEs)")
    c.add_argument("--corpus", default=None, metavar="DIR_OR_STORE", help="folder of .txt/.md/.html articles, or postgresql:// URL")
    c.add_argument("--out", default=None, metavar="DEST", help="folder of JSON Lines partitions, or postgresql:// URL")
    c.add_argument("--scheduler", default="local", metavar="local|threads|tcp://HOST:8786",
                   help="local: a new cluster, one worker process per core (default); threads: in-process; or a running scheduler")
    c.add_argument("--partition-size", type=int, default=200, metavar="N", help="articles per partition (default 200)")
    c.add_argument("--workers", type=int, default=None, metavar="N", help="workers of a new local cluster (default: cores)")
    c.add_argument("--retries", type=int, default=2, metavar="N", help="retries of a failed partition (default 2)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="add an article (.txt, .md, .html) to the corpus")
    p.add_argument("file", type=Path, metavar="FILE")
    for name in ("title", "author", "outlet", "url"):
        p.add_argument(f"--{name}", default=None)
    p.add_argument("--published", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--language", choices=("de", "en", "ru"), default=None, help="default: guessed from the text")
    p.add_argument("--cites", nargs="*", default=None, help="outlets the article cites")
    p.add_argument("--corpus-dir", type=Path, default=None, help="default: the project's seeds/")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("brief", help="write a captioned, sourced briefing map (.png 1920x1080, .pdf A4, .html)")
    p.add_argument("--year", type=int, default=settings.DEFAULT_YEAR)
    p.add_argument("--commodity", choices=settings.NETWORK_COMMODITIES, default="oil")
    p.add_argument("--preset", default=None)
    p.add_argument("--off", nargs="*", default=None, metavar="ID")
    p.add_argument("--claims", nargs="*", default=None, metavar="ID")
    p.add_argument("--committed", action="store_true", help="apply the preset's committed volumes, as in 'geo scenario --committed'")
    p.add_argument("--bbox", type=_bbox, default=None, metavar="W,S,E,N")
    p.add_argument("--timestamp", type=_timestamp, default=None, help="ISO time printed on the briefing (default: now, UTC)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.set_defaults(func=cmd_brief)

    cli_scenario.register(sub)
    cli_store.register(sub)

    p = sub.add_parser("assets", help="list the assets")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(func=cmd_assets)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        _check_preset_commodity(args)
        return func(args)
    except DataError as exc:
        for problem in exc.problems:
            print(f"ERROR {problem}", file=sys.stderr)
        return 1
    except GeoError as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        # A file the command had to read or write: name it, without a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"ERROR {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except RecursionError:
        print("ERROR input nested too deeply to process", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
