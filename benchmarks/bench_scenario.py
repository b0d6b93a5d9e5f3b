"""Solve times of the scenario engine: the shipped networks and a synthetic one 100 times larger.

Run: ``.venv/bin/python benchmarks/bench_scenario.py``. Prints figures; goals are under 50 ms
for a shipped network and under 2 s for the synthetic one (baseline fit + scenario + metrics).
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import settings
from geo.data import load
from geo.routes.network import Edge, FixedFlow, Network, Route, Target, build_network
from geo.routes.scenario import Scenario, solve

GOAL_SHIPPED_MS = 50.0
GOAL_SYNTHETIC_S = 2.0


def timed(fn, repeat: int) -> tuple[float, object]:
    """Median wall time in seconds over ``repeat`` calls, and the last result."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def replicate(net: Network, copies: int, *, links_per_copy: int = 10, seed: int = 0) -> Network:
    """``copies`` copies of a network, each joined to the next by random feeder edges (still acyclic)."""
    rng = np.random.default_rng(seed)

    def sfx(ident: str, k: int) -> str:
        return f"{ident}~{k}"

    nodes, edges, routes, targets, fixed = [], [], [], [], []
    inner = [n.id for n in net.nodes if n.kind not in ("market",)]
    receivers = [n.id for n in net.nodes if n.kind not in ("supply",)]
    for k in range(copies):
        nodes += [dataclasses.replace(n, id=sfx(n.id, k)) for n in net.nodes]
        edges += [dataclasses.replace(e, id=sfx(e.id, k), source=sfx(e.source, k), target=sfx(e.target, k)) for e in net.edges]
        routes += [Route(sfx(r.id, k), r.name, tuple(sfx(e, k) for e in r.edges), sfx(r.measure, k)) for r in net.routes]
        targets += [Target(sfx(t.route, k), t.value, t.weight, t.basis, t.assumption) for t in net.targets]
        fixed += [FixedFlow(sfx(f.id, k), f.kind, f.label, f.volume, tuple(sfx(e, k) for e in f.edges), f.basis) for f in net.fixed_flows]
        if k + 1 < copies:
            for j in range(links_per_copy):
                edges.append(Edge(id=f"link~{k}~{j}", source=sfx(rng.choice(inner), k), target=sfx(rng.choice(receivers), k + 1),
                                  mode="feeder", capacity=float(rng.uniform(1, 10)), cost=float(rng.uniform(0, 3))))
    return dataclasses.replace(net, nodes=tuple(nodes), edges=tuple(edges), routes=tuple(routes), targets=tuple(targets),
                               fixed_flows=tuple(fixed))


def main() -> int:
    data = settings.DATA_DIR
    assets, flows, spec = load.load_assets(data), load.load_flows(data), load.load_network(data)
    build_s, net = timed(lambda: build_network(assets, flows, spec, year=2023, commodity="oil"), 5)
    gas = build_network(assets, flows, spec, year=2023, commodity="gas")
    print(f"Shipped oil network 2023: {len(net.nodes)} nodes, {len(net.edges)} edges; build {build_s * 1e3:.1f} ms")
    ok = True
    for label, network, scenario in (
        ("oil baseline", net, None),
        ("oil, CPC off", net, Scenario(off=("cpc",))),
        ("oil, no Russian transit", net, Scenario(off=tuple(a for a, i in net.assets.items() if i.crosses_russia or i.ends_at_russian_port))),
        ("gas, Karachaganak-Orenburg off", gas, Scenario(off=("karachaganak-orenburg",))),
    ):
        solve(network, scenario)  # warm-up
        seconds, _ = timed(lambda network=network, scenario=scenario: solve(network, scenario), 30)
        ok &= seconds * 1e3 < GOAL_SHIPPED_MS
        print(f"  {label:<32} {seconds * 1e3:7.1f} ms  (goal < {GOAL_SHIPPED_MS:g} ms)")

    big = replicate(net, 100)
    off = tuple(e.id for e in big.edges if e.asset == "cpc")
    print(f"Synthetic network (100 copies, linked): {len(big.nodes)} nodes, {len(big.edges)} edges, {len(big.targets)} targets")
    for label, scenario in (("baseline", None), ("CPC off in every copy", Scenario(off=off))):
        seconds, result = timed(lambda scenario=scenario: solve(big, scenario), 3)
        ok &= seconds < GOAL_SYNTHETIC_S
        print(f"  {label:<32} {seconds:7.3f} s   (goal < {GOAL_SYNTHETIC_S:g} s); exported {result.total_export:.1f}, stranded {result.stranded:.1f}")
    print("All goals met." if ok else "Some goals missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
