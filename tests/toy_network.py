"""A four-node network small enough that every flow of its linear programs is worked out by hand.

    F (supply) --e1 trunk, cap 10, cost 1--> P (junction "pump", cap 8) --e2 trunk, cap 6, cost 1--> A (market, via RU port)
                                                                        --e3 east,  cap 5 (planned 9), cost 3--> B (market, CN)
    F ---------------------------e4 rail, cap 2, cost 10---------------------------------------------------------> B

Routes: north = (e1, e2) measured on e2, east = (e1, e3) on e3, rail = (e4,) on e4.
Targets: north 4, east 2, rail 1 (weight 1 each). Every capacity admits its target, so the
baseline fit is exact: e1 = 4 + 2 = 6, e2 = 4, e3 = 2, e4 = 1, supply at F = 6 + 1 = 7.
"""

from __future__ import annotations

from dataclasses import replace

from geo.routes.network import INF, AssetInfo, Edge, FixedFlow, Network, Node, Route, Target


def asset(ident: str, *, crosses_russia: bool = False, ends_at_russian_port: bool = False) -> AssetInfo:
    return AssetInfo(ident, ident, "pipeline", "oil", "operating", (), crosses_russia, ends_at_russian_port)


def toy(*, fixed: tuple[FixedFlow, ...] = (), node_cap: float = 8.0) -> Network:
    nodes = (
        Node("F", "supply", "Field"),
        Node("P", "junction", "Pump", asset="pump", capacity=node_cap),
        Node("A", "market", "North market", countries=frozenset({"RU"}), via_russia=True, russian_port=True),
        Node("B", "market", "East market", countries=frozenset({"CN"})),
    )
    edges = (
        Edge("e1", "F", "P", asset="trunk", capacity=10.0, cost=1.0),
        Edge("e2", "P", "A", asset="trunk", capacity=6.0, cost=1.0, countries=frozenset({"RU"}), via_russia=True, russian_port=True),
        Edge("e3", "P", "B", asset="east", capacity=5.0, planned=9.0, cost=3.0, countries=frozenset({"CN"})),
        Edge("e4", "F", "B", asset="rail", mode="rail", capacity=2.0, cost=10.0, countries=frozenset({"CN"})),
    )
    routes = (Route("north", "North", ("e1", "e2"), "e2"), Route("east", "East", ("e1", "e3"), "e3"), Route("rail", "Rail", ("e4",), "e4"))
    targets = (Target("north", 4.0, 1.0, "toy", False), Target("east", 2.0, 1.0, "toy", False), Target("rail", 1.0, 1.0, "toy", True))
    assets = {a.id: a for a in (asset("trunk", crosses_russia=True, ends_at_russian_port=True), asset("east"), asset("rail"), asset("pump"),
                                asset("elsewhere"))}
    return Network(2023, "oil", "Mt/y", "KZ", nodes, edges, routes, targets, fixed, assets, {"total": 7.5})


def without_targets(net: Network) -> Network:
    return replace(net, targets=())


__all__ = ["INF", "FixedFlow", "toy", "without_targets"]
