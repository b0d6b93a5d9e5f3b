"""geo.routes.linear_program on the toy network of tests/toy_network.py: every flow worked out by hand.

Baseline of the toy (module docstring of toy_network): e1 = 6, e2 = 4, e3 = 2, e4 = 1; supply at F = 7.
Edge order in the arrays: e1, e2, e3, e4; node order: F, P, A, B.
"""

from __future__ import annotations

import numpy as np
import pytest

from geo.errors import GeoError
from geo.routes.linear_program import SCENARIO_COST_WEIGHT, Limits, fit_baseline, fit_baseline_duals, limits, reroute, reroute_duals
from tests.toy_network import INF, FixedFlow, toy

CAPS = np.array([10.0, 6.0, 5.0, 2.0])
NODES = np.array([INF, 8.0, INF, INF])
BASE = np.array([6.0, 4.0, 2.0, 1.0])
SUPPLY = np.array([7.0, 0.0, 0.0, 0.0])


def lim_with(edge=CAPS, node=NODES) -> Limits:
    return Limits(np.array(edge, dtype=float), np.array(node, dtype=float), np.zeros(0))


def transit(ident: str, volume: float, *edges: str) -> FixedFlow:
    return FixedFlow(ident, "transit", ident, volume, edges, "toy")


def test_limits_without_fixed_flows_are_the_capacities():
    lim = limits(toy(), CAPS, NODES)
    assert lim.edge.tolist() == [10.0, 6.0, 5.0, 2.0]
    assert lim.node.tolist() == [INF, 8.0, INF, INF]
    assert lim.fixed.tolist() == []


def test_a_fixed_flow_takes_its_volume_off_every_edge_and_the_nodes_it_leaves():
    net = toy(fixed=(transit("t", 3.0, "e1", "e2"),))
    lim = limits(net, CAPS, NODES)
    # e1 10 - 3 = 7, e2 6 - 3 = 3; it leaves F (unbounded) and P: 8 - 3 = 5.
    assert lim.edge.tolist() == [7.0, 3.0, 5.0, 2.0]
    assert lim.node.tolist() == [INF, 5.0, INF, INF]
    assert lim.fixed.tolist() == [3.0]


def test_a_fixed_flow_is_cut_to_the_room_left_and_never_below_zero():
    net = toy(fixed=(transit("t", 9.0, "e2"),))
    lim = limits(net, CAPS, NODES)
    # room = min(e2 6, P 8) = 6: the transit is cut to 6, e2 has 0 left, P 8 - 6 = 2.
    assert lim.fixed.tolist() == [6.0]
    assert lim.edge.tolist() == [10.0, 0.0, 5.0, 2.0]
    assert lim.node.tolist() == [INF, 2.0, INF, INF]


def test_fixed_flows_share_a_node_in_order():
    net = toy(fixed=(transit("first", 4.0, "e2"), transit("second", 4.5, "e3")))
    lim = limits(net, CAPS, NODES)
    # first: room min(6, 8) = 6 -> 4; P has 8 - 4 = 4 left. second: room min(e3 5, P 4) = 4 (the node binds) -> 4.
    assert lim.fixed.tolist() == [4.0, 4.0]
    # e2 6 - 4 = 2, e3 5 - 4 = 1, P 8 - 4 - 4 = 0.
    assert lim.edge.tolist() == [10.0, 2.0, 1.0, 2.0]
    assert lim.node.tolist() == [INF, 0.0, INF, INF]


def test_a_fixed_flow_on_a_closed_edge_stops():
    net = toy(fixed=(transit("t", 3.0, "e1", "e2"),))
    lim = limits(net, np.array([10.0, 0.0, 5.0, 2.0]), NODES)
    assert lim.fixed.tolist() == [0.0]
    assert lim.edge.tolist() == [10.0, 0.0, 5.0, 2.0]


def test_baseline_fit_meets_every_target_when_capacities_admit_them():
    flow, supply = fit_baseline(toy(), lim_with())
    assert flow == pytest.approx(BASE, abs=1e-9)
    assert supply == pytest.approx(SUPPLY, abs=1e-9)


def test_baseline_fit_cuts_the_cheapest_target_when_a_node_binds():
    # P capacity 5 < north 4 + east 2: one unit must go. Deviation weights 1 / max(target, 1): north 1/4, east 1/2,
    # so north loses it: e2 = 3, e3 = 2, e1 = 5, e4 = 1 (not through P), supply 6.
    flow, supply, duals = fit_baseline_duals(toy(), lim_with(node=[INF, 5.0, INF, INF]))
    assert flow == pytest.approx([5.0, 3.0, 2.0, 1.0], abs=1e-9)
    assert supply == pytest.approx([6.0, 0.0, 0.0, 0.0], abs=1e-9)
    # One more unit at P saves 1/4 of deviation, less the moving cost 1e-5 * (cost + 1) on e1 and e2 = 4e-5.
    assert duals.node[1] == pytest.approx(-0.25 + 4e-5, abs=1e-9)
    assert duals.per_unit == 1.0
    # Only the north target is off its value; its row's marginal is its deviation weight 1/4 (sign by HiGHS).
    assert abs(duals.target[0]) == pytest.approx(0.25, abs=1e-4)
    assert duals.target.shape == (3,)


def test_reroute_with_nothing_changed_keeps_the_baseline():
    flow, stranded = reroute(toy(), lim_with(), baseline=BASE, supply=SUPPLY)
    assert flow == pytest.approx(BASE, abs=1e-9)
    assert stranded.tolist() == [0.0, 0.0, 0.0, 0.0]


def test_reroute_moves_a_closed_edge_onto_spare_capacity():
    # e2 closed: 7 to export over e3 (5) + e4 (2) = 7, nothing stranded.
    flow, stranded = reroute(toy(), lim_with(edge=[10.0, 0.0, 5.0, 2.0]), baseline=BASE, supply=SUPPLY)
    assert flow == pytest.approx([5.0, 0.0, 5.0, 2.0], abs=1e-9)
    assert stranded.sum() == 0.0


def test_reroute_strands_what_no_route_can_carry():
    # e2 closed and rail closed: only e3 (5) is left of 7, so 2 are stranded at F.
    flow, stranded = reroute(toy(), lim_with(edge=[10.0, 0.0, 5.0, 0.0]), baseline=BASE, supply=SUPPLY)
    assert flow == pytest.approx([5.0, 0.0, 5.0, 0.0], abs=1e-9)
    assert stranded == pytest.approx([2.0, 0.0, 0.0, 0.0], abs=1e-9)


def test_reroute_prefers_the_cheaper_edge_and_prices_a_binding_node():
    # P capacity 4: through P at most 4, rail takes 2, so 7 - 6 = 1 is stranded. Either way of sharing the 4 between
    # e2 and e3 takes 2 off the baseline edges; e2 costs 1 per unit, e3 3, so e2 keeps 4 and e3 gets 0.
    flow, stranded, duals = reroute_duals(toy(), lim_with(node=[INF, 4.0, INF, INF]), baseline=BASE, supply=SUPPLY)
    assert flow == pytest.approx([4.0, 4.0, 0.0, 2.0], abs=1e-9)
    assert stranded == pytest.approx([1.0, 0.0, 0.0, 0.0], abs=1e-9)
    # One more unit at P saves one stranded unit: -marginal / per_unit = 1 to within 1 / STRANDING_MARGIN.
    assert -duals.node[1] / duals.per_unit == pytest.approx(1.0, abs=1e-3)
    # Edges with room left have no marginal.
    assert duals.edge[0] == 0.0
    assert duals.lower.tolist() == [0.0, 0.0, 0.0, 0.0]


def test_a_commitment_moves_volume_and_carries_its_marginal():
    committed = np.array([0.0, 0.0, 2.5, 0.0])
    flow, stranded, duals = reroute_duals(toy(), lim_with(), baseline=BASE, supply=SUPPLY, committed=committed)
    # e3 must carry 2.5 (0.5 more than the baseline's 2): either rail drops 0.5 (cost per unit moved: e3 3 + e1 1
    # - e4 10 = -6) or e2 drops 0.5 (e3 3 - e2 1 = +2); both take 0.5 off a baseline edge, so rail gives it up.
    assert flow == pytest.approx([6.5, 4.0, 2.5, 0.5], abs=1e-9)
    assert stranded.sum() == 0.0
    # One more committed unit on e3 costs 1 unit of deviation (off e4) and 1e-3 * -6 of moving cost: the
    # commitment's marginal is 1 - 0.006 = 0.994 in size (commitment 2.5 is no breakpoint); no other edge has one.
    assert abs(duals.lower[2]) == pytest.approx(1.0 - 6 * SCENARIO_COST_WEIGHT, abs=1e-6)
    assert duals.lower[[0, 1, 3]].tolist() == [0.0, 0.0, 0.0]


def test_a_commitment_the_network_cannot_carry_strands_nothing():
    committed = np.array([0.0, 0.0, 20.0, 0.0])
    flow, stranded, _ = reroute_duals(toy(), lim_with(), baseline=BASE, supply=SUPPLY, committed=committed)
    # e3 full at 5; the other 2 go by e2 (cost 1 + 1 per unit) rather than rail (10): e2 2, e4 0, e1 7.
    assert flow == pytest.approx([7.0, 2.0, 5.0, 0.0], abs=1e-9)
    assert stranded.sum() == 0.0


def test_baseline_duals_have_no_commitment_marginals():
    _, _, duals = fit_baseline_duals(toy(), lim_with())
    assert duals.lower.tolist() == [0.0, 0.0, 0.0, 0.0]


def test_a_target_below_one_unit_weighs_as_one_unit():
    # Rail closed (limit 0) against its target of 1: deviation weight 1 / max(1, 1) = 1, so the rail target's marginal is 1
    # in size (less the moving cost nothing saves: the row has no flow to move).
    flow, _, duals = fit_baseline_duals(toy(), lim_with(edge=[10.0, 6.0, 5.0, 0.0]))
    assert flow == pytest.approx([6.0, 4.0, 2.0, 0.0], abs=1e-9)
    assert abs(duals.target[2]) == pytest.approx(1.0, abs=1e-4)


def test_the_stranding_penalty_outweighs_everything_else():
    # costs 1e-3 * (1 + 1 + 3 + 10) = 0.015; commitment weight 1 * (4 edges + 1) + 0.015 + 1 = 6.015;
    # stranding 1e4 * (6.015 * (0 commitments + 1) + 1 * (4 + 1) + 0.015 + 1) = 1e4 * 12.03 = 120300.
    _, _, duals = reroute_duals(toy(), lim_with(), baseline=BASE, supply=SUPPLY)
    assert duals.per_unit == pytest.approx(120300.0, rel=1e-12)


def test_an_impossible_program_is_a_clear_error():
    # A negative limit cannot hold a flow >= 0: HiGHS reports the program infeasible.
    with pytest.raises(GeoError, match=r"^the network's linear program did not solve: "):
        fit_baseline(toy(), lim_with(edge=[10.0, -1.0, 5.0, 2.0]))
