"""Linear programs on the route network: the baseline fit and the scenario rerouting.

Both are solved by HiGHS through :func:`scipy.optimize.linprog`. The variables are the
Kazakh volumes on the edges; fixed flows (transit, domestic crude) are taken off the
capacities first (:func:`limits`).

Baseline
    Supply at each supply node is free. Minimise the weighted relative deviation from the
    year's observed route volumes, subject to edge and node capacities and conservation of
    flow at every junction, port and terminal; a tiny cost per unit moved keeps routes
    without an observation empty.

Scenario
    Supply is fixed at the baseline's. Minimise, in this order of priority (the weights make
    the order strict):

    1. stranded volume (supply that cannot reach any market);
    2. shortfall against committed volumes (contracted minimum flows, when the scenario has any);
    3. volume taken off the edges the baseline uses (stay close to the baseline routing);
    4. the preference cost of the volume moved (``costs`` in ``network.yaml``, per 1000 km
       by mode): spare capacity is used on the cheapest route first; per km pipelines come
       before tankers before rail.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import OptimizeResult, linprog

from geo.errors import GeoError
from geo.routes.network import Network

#: Cost per unit moved in the baseline fit: small against any relative deviation.
BASELINE_COST_WEIGHT = 1e-5
#: Cost per unit moved in a scenario: small against one unit taken off a baseline edge.
SCENARIO_COST_WEIGHT = 1e-3
#: Penalty per unit taken off a baseline edge.
DEVIATION_WEIGHT = 1.0
#: How many times the stranding penalty outweighs everything one unit can cost otherwise.
STRANDING_MARGIN = 1e4
#: Flows below this are reported as zero.
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Duals:
    """The solver's marginals: how the objective moves per unit of each bound (HiGHS sensitivities).

    ``edge`` and ``node`` are the marginals of the capacity bounds (``<= 0`` in a minimisation:
    more capacity never costs), ``lower`` those of committed volumes (lower bounds), ``target``
    those of the baseline's target rows. ``per_unit`` is the objective weight of one unit of the
    quantity being explained (stranded volume in a scenario): ``-marginal / per_unit`` is the
    change of that quantity per unit of the bound.
    """

    edge: np.ndarray
    node: np.ndarray
    lower: np.ndarray
    target: np.ndarray
    per_unit: float


@dataclass(frozen=True)
class Limits:
    """Capacities left for Kazakh volumes once the fixed flows have taken theirs."""

    edge: np.ndarray
    node: np.ndarray
    #: Effective volume of each fixed flow (less than its volume if a capacity is cut below it).
    fixed: np.ndarray


def limits(network: Network, edge_capacity: np.ndarray, node_capacity: np.ndarray) -> Limits:
    """Take the fixed flows off the edges and nodes they use.

    A fixed flow keeps priority over Kazakh volumes (transit agreements, domestic supply):
    it is cut only where a capacity falls below it, and stops where an edge is off.
    """
    edge_used = np.zeros(len(network.edges))
    node_used = np.zeros(len(network.nodes))
    fixed = np.zeros(len(network.fixed_flows))
    for i, f in enumerate(network.fixed_flows):
        idx = np.array([network.edge_index[e] for e in f.edges], dtype=np.int64)
        # A node's capacity bounds what leaves it (see _node_caps).
        tails = network.tail[idx]
        room = min(float(np.min(edge_capacity[idx] - edge_used[idx])), float(np.min(node_capacity[tails] - node_used[tails])))
        fixed[i] = max(0.0, min(f.volume, room))
        edge_used[idx] += fixed[i]
        np.add.at(node_used, tails, fixed[i])
    return Limits(np.maximum(edge_capacity - edge_used, 0.0), np.maximum(node_capacity - node_used, 0.0), fixed)


def _incidence(network: Network) -> sp.csr_matrix:
    """Node-by-edge matrix of outflow minus inflow."""
    n_edges = len(network.edges)
    cols = np.concatenate([np.arange(n_edges), np.arange(n_edges)])
    rows = np.concatenate([network.tail, network.head])
    vals = np.concatenate([np.ones(n_edges), -np.ones(n_edges)])
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(network.nodes), n_edges))


def _outflow(network: Network) -> sp.csr_matrix:
    """Node-by-edge matrix of outflow."""
    n_edges = len(network.edges)
    return sp.csr_matrix((np.ones(n_edges), (network.tail, np.arange(n_edges))), shape=(len(network.nodes), n_edges))


def _node_caps(network: Network, lim: Limits, n_extra: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """Rows ``throughput <= capacity`` for every node with a finite capacity (markets are sinks).

    Throughput is the outflow: equal to the inflow at a junction, port or terminal, and the
    volume leaving a supply node.
    """
    rows = _capped_nodes(network, lim)
    a = _outflow(network)[rows]
    return sp.hstack([a, sp.csr_matrix((len(rows), n_extra))], format="csr"), lim.node[rows]


def _capped_nodes(network: Network, lim: Limits) -> np.ndarray:
    return np.flatnonzero(np.isfinite(lim.node) & ~network.kind_mask("market"))


def _bounds(upper: np.ndarray) -> np.ndarray:
    out = np.zeros((len(upper), 2))
    out[:, 1] = np.where(np.isfinite(upper), upper, np.inf)
    return out


def _solve(c: np.ndarray, a_ub: sp.csr_matrix, b_ub: np.ndarray, a_eq: sp.csr_matrix, b_eq: np.ndarray, box: np.ndarray) -> OptimizeResult:
    bounds = [(float(lo), None if not np.isfinite(hi) else float(hi)) for lo, hi in box]
    res = linprog(c, A_ub=a_ub if a_ub.shape[0] else None, b_ub=b_ub if a_ub.shape[0] else None, A_eq=a_eq, b_eq=b_eq,
                  bounds=bounds, method="highs")
    if res.status != 0:
        msg = f"the network's linear program did not solve: {res.message}"
        raise GeoError(msg)
    return res


def _duals(network: Network, lim: Limits, res: OptimizeResult, *, target_rows: slice, per_unit: float) -> Duals:
    n_edges = len(network.edges)
    node = np.zeros(len(network.nodes))
    rows = _capped_nodes(network, lim)
    if len(rows):
        node[rows] = res.ineqlin.marginals[: len(rows)]
    return Duals(edge=np.asarray(res.upper.marginals[:n_edges], dtype=float), node=node,
                 lower=np.zeros(n_edges),
                 target=np.asarray(res.eqlin.marginals[target_rows], dtype=float), per_unit=per_unit)


def _clean(x: np.ndarray, upper: np.ndarray) -> np.ndarray:
    x = np.minimum(np.maximum(x, 0.0), upper)
    x[x < TOLERANCE] = 0.0
    return x


def fit_baseline(network: Network, lim: Limits) -> tuple[np.ndarray, np.ndarray]:
    """Solve the baseline: edge flows and the supply of every node (zero except supply nodes).

    Returns
    -------
    tuple of numpy.ndarray
        Flow per edge, and supply per node.
    """
    flow, supply, _ = fit_baseline_duals(network, lim)
    return flow, supply


def fit_baseline_duals(network: Network, lim: Limits) -> tuple[np.ndarray, np.ndarray, Duals]:
    """:func:`fit_baseline` with the solver's marginals (``per_unit`` 1: the objective itself)."""
    n_edges, n_nodes = len(network.edges), len(network.nodes)
    supply = np.flatnonzero(network.kind_mask("supply"))
    balanced = np.flatnonzero(~network.kind_mask("market"))
    targets = network.targets
    n_s, n_t = len(supply), len(targets)
    # Variables: edge flows, supplies, then deviations above and below each target.
    supply_cols = sp.csr_matrix((-np.ones(n_s), (supply, np.arange(n_s))), shape=(n_nodes, n_s))
    conservation = sp.hstack([_incidence(network), supply_cols, sp.csr_matrix((n_nodes, 2 * n_t))], format="csr")[balanced]
    measured = np.array([network.edge_index[next(r.measure for r in network.routes if r.id == t.route)] for t in targets], dtype=np.int64)
    target_rows = sp.hstack([
        sp.csr_matrix((np.ones(n_t), (np.arange(n_t), measured)), shape=(n_t, n_edges)),
        sp.csr_matrix((n_t, n_s)), -sp.identity(n_t, format="csr"), sp.identity(n_t, format="csr"),
    ], format="csr")
    a_eq = sp.vstack([conservation, target_rows], format="csr")
    b_eq = np.concatenate([np.zeros(len(balanced)), [t.value for t in targets]])
    a_ub, b_ub = _node_caps(network, lim, n_s + 2 * n_t)
    costs = np.array([e.cost for e in network.edges])
    deviation = np.array([t.weight / max(t.value, 1.0) for t in targets])
    c = np.concatenate([BASELINE_COST_WEIGHT * (costs + 1.0), np.zeros(n_s), deviation, deviation])
    upper = np.concatenate([lim.edge, np.full(n_s + 2 * n_t, np.inf)])
    res = _solve(c, a_ub, b_ub, a_eq, b_eq, _bounds(upper))
    flow = _clean(res.x[:n_edges], lim.edge)
    duals = _duals(network, lim, res, target_rows=slice(len(balanced), len(balanced) + n_t), per_unit=1.0)
    node_supply = np.zeros(n_nodes)
    # Recompute supplies from the cleaned flows so conservation holds exactly.
    node_supply[supply] = np.maximum((_incidence(network) @ flow)[supply], 0.0)
    return flow, node_supply, duals


def reroute(network: Network, lim: Limits, *, baseline: np.ndarray, supply: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Solve a scenario: edge flows and the stranded volume of every node (see :func:`reroute_duals`)."""
    flow, stranded, _ = reroute_duals(network, lim, baseline=baseline, supply=supply)
    return flow, stranded


def reroute_duals(network: Network, lim: Limits, *, baseline: np.ndarray, supply: np.ndarray,
                  committed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, Duals]:
    """Solve a scenario: edge flows, the stranded volume of every node, and the solver's marginals.

    Parameters
    ----------
    network
        The network.
    lim
        Capacities of the scenario, fixed flows taken off.
    baseline
        Baseline flow per edge (the routing to stay close to).
    supply
        Volume to export per node (the baseline's).
    committed
        Contracted volume per edge (zeros or ``None``: none). A commitment is met before the
        baseline routing is kept, after nothing is stranded: it moves volume, it never strands it.

    Returns
    -------
    tuple
        Flow per edge, stranded volume per node, and the marginals (``per_unit``: the penalty of
        one stranded unit, so ``-marginal / per_unit`` is stranded volume saved per unit of a bound).
    """
    n_edges, n_nodes = len(network.edges), len(network.nodes)
    sources = np.flatnonzero(supply > 0)
    used = np.flatnonzero(baseline > 0)
    commits = np.zeros(0, dtype=np.int64) if committed is None else np.flatnonzero(committed > 0)
    n_s, n_b, n_c = len(sources), len(used), len(commits)
    balanced = np.flatnonzero(~network.kind_mask("market"))
    # Variables: edge flows, stranded volume per supplying node, decrease on each baseline edge,
    # shortfall on each committed edge.
    stranded_cols = sp.csr_matrix((np.ones(n_s), (sources, np.arange(n_s))), shape=(n_nodes, n_s))
    a_eq = sp.hstack([_incidence(network), stranded_cols, sp.csr_matrix((n_nodes, n_b + n_c))], format="csr")[balanced]
    b_eq = supply[balanced]
    decrease = sp.hstack([
        -sp.csr_matrix((np.ones(n_b), (np.arange(n_b), used)), shape=(n_b, n_edges)),
        sp.csr_matrix((n_b, n_s)), -sp.identity(n_b, format="csr"), *([sp.csr_matrix((n_b, n_c))] if n_c else []),
    ], format="csr")
    caps, cap_rhs = _node_caps(network, lim, n_s + n_b + n_c)
    blocks = [caps, decrease]
    if n_c:
        # flow + shortfall >= commitment: soft, so a commitment the network cannot carry strands nothing.
        blocks.append(sp.hstack([
            -sp.csr_matrix((np.ones(n_c), (np.arange(n_c), commits)), shape=(n_c, n_edges)),
            sp.csr_matrix((n_c, n_s + n_b)), -sp.identity(n_c, format="csr"),
        ], format="csr"))
    a_ub = sp.vstack(blocks, format="csr")
    wanted = np.zeros(0) if committed is None else committed[commits]
    b_ub = np.concatenate([cap_rhs, -baseline[used], -wanted])
    costs = SCENARIO_COST_WEIGHT * np.array([e.cost for e in network.edges])
    # Meeting one committed unit may shift every edge by one unit: its penalty outweighs that.
    commit_weight = DEVIATION_WEIGHT * (n_edges + 1) + costs.sum() + 1.0
    # One more exported unit may shift every edge and every commitment by one unit: the penalty
    # outweighs that STRANDING_MARGIN times over, so a marginal divided by it is the stranded
    # volume per unit to within 1/STRANDING_MARGIN.
    stranding = STRANDING_MARGIN * (commit_weight * (n_c + 1) + DEVIATION_WEIGHT * (n_edges + 1) + costs.sum() + 1.0)
    c = np.concatenate([costs, np.full(n_s, stranding), np.full(n_b, DEVIATION_WEIGHT), np.full(n_c, commit_weight)])
    upper = np.concatenate([lim.edge, supply[sources], np.full(n_b + n_c, np.inf)])
    res = _solve(c, a_ub, b_ub, a_eq, b_eq, _bounds(upper))
    flow = _clean(res.x[:n_edges], lim.edge)
    stranded = np.zeros(n_nodes)
    # What leaves each supplying node is what the cleaned flows carry; the rest is stranded.
    stranded[sources] = np.maximum(supply[sources] - (_incidence(network) @ flow)[sources], 0.0)
    stranded[stranded < 1e-7] = 0.0
    duals = _duals(network, lim, res, target_rows=slice(0, 0), per_unit=stranding)
    commit_marginal = np.zeros(n_edges)
    commit_marginal[commits] = res.ineqlin.marginals[len(cap_rhs) + n_b:]
    duals = Duals(edge=duals.edge, node=duals.node, lower=commit_marginal, target=duals.target, per_unit=stranding)
    return flow, stranded, duals
