"""Dependency metrics of a solved network: shares via Russia, by market, and diversification.

Volumes mix in proportion at every node: of the oil leaving a node, the share that has
passed Russia (or a Russian port, or a given country) is the share of what arrived there
that had. A node or edge in Russia marks everything through it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from geo.routes.network import Network


class _Flagged(Protocol):
    """What a node or an edge tells the metrics about where it lies."""

    @property
    def via_russia(self) -> bool: ...
    @property
    def russian_port(self) -> bool: ...
    @property
    def countries(self) -> Collection[str]: ...


@dataclass(frozen=True)
class Exposure:
    """Where the exports went and what they passed."""

    total: float
    by_market: dict[str, float]
    via_russia: float
    via_russian_ports: float
    #: Volume that passed each foreign country (the destination included).
    by_country: dict[str, float]
    #: Volume delivered for processing, not exported (e.g. Karachaganak raw gas to Orenburg).
    processed: float = 0.0

    @property
    def hhi(self) -> float:
        """Herfindahl-Hirschman index of the volumes by country: 1 is one country, near 0 is many.

        Examples
        --------
        >>> Exposure(10.0, {}, 0.0, 0.0, {"RU": 5.0, "CN": 5.0}).hhi
        0.5
        """
        volumes = np.array(list(self.by_country.values()), dtype=float)
        volumes = volumes[volumes > 0]
        if volumes.sum() <= 0:
            return 0.0
        shares = volumes / volumes.sum()
        return float(np.sum(shares**2))


def exposure(network: Network, flow: np.ndarray) -> Exposure:
    """Propagate flags and countries from the supply nodes to the markets.

    Parameters
    ----------
    network
        The network solved.
    flow
        Kazakh volume per edge.

    Returns
    -------
    Exposure
        Delivered volumes by export market and the volumes that passed Russia, Russian ports and
        each foreign country; volumes delivered to processing markets are counted apart.
    """
    countries = sorted({c for n in network.nodes for c in n.countries} | {c for e in network.edges for c in e.countries})
    column = {c: 2 + i for i, c in enumerate(countries)}
    width = 2 + len(countries)
    node_flags = np.zeros((len(network.nodes), width))
    edge_flags = np.zeros((len(network.edges), width))
    groups: tuple[tuple[npt.NDArray[np.float64], Sequence[_Flagged]], ...] = ((node_flags, network.nodes), (edge_flags, network.edges))
    for flags, items in groups:
        for i, item in enumerate(items):
            flags[i, 0], flags[i, 1] = item.via_russia, item.russian_port
            for c in item.countries:
                flags[i, column[c]] = 1.0
    inflow = np.bincount(network.head, weights=flow, minlength=len(network.nodes))
    carried = np.zeros((len(network.edges), width))
    node_share = np.zeros((len(network.nodes), width))
    in_edges, out_edges = _adjacency(network)
    for n in network.order.tolist():
        arriving = flow[in_edges[n]] @ carried[in_edges[n]] if len(in_edges[n]) else np.zeros(width)
        mixed = arriving / inflow[n] if inflow[n] > 0 else np.zeros(width)
        node_share[n] = np.maximum(node_flags[n], mixed)
        out = out_edges[n]
        carried[out] = np.maximum(edge_flags[out], node_share[n])
    processing = np.array([n.processing for n in network.nodes], dtype=bool)
    markets = np.flatnonzero(network.kind_mask("market") & ~processing)
    delivered = inflow[markets]
    passed = delivered @ node_share[markets]
    total = float(delivered.sum())
    return Exposure(
        total=total,
        by_market={network.nodes[m].label: float(v) for m, v in zip(markets, delivered, strict=True)},
        via_russia=float(passed[0]),
        via_russian_ports=float(passed[1]),
        by_country={c: float(passed[column[c]]) for c in countries},
        processed=float(inflow[processing].sum()),
    )


def _adjacency(network: Network) -> tuple[list[np.ndarray], list[np.ndarray]]:
    order = np.argsort(network.head, kind="stable")
    starts = np.searchsorted(network.head[order], np.arange(len(network.nodes) + 1))
    in_edges = [order[starts[i]:starts[i + 1]] for i in range(len(network.nodes))]
    order = np.argsort(network.tail, kind="stable")
    starts = np.searchsorted(network.tail[order], np.arange(len(network.nodes) + 1))
    out_edges = [order[starts[i]:starts[i + 1]] for i in range(len(network.nodes))]
    return in_edges, out_edges


def share(part: float, whole: float) -> float:
    """``part / whole`` clipped to [0, 1]; 0 when nothing moved.

    Examples
    --------
    >>> share(3.0, 4.0)
    0.75
    >>> share(1.0, 0.0)
    0.0
    """
    return 0.0 if whole <= 0 else float(min(max(part / whole, 0.0), 1.0))
