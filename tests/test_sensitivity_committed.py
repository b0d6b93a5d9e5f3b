"""Sensitivity ranges of a scenario with committed volumes keep the commitments (issue 14, items 3 and 4)."""

from __future__ import annotations

import pytest

from geo.data import load
from geo.routes.scenario import preset_scenario, solve
from geo.routes.sensitivity import run_sensitivity
from tests.conftest import DATA
from tests.scenario_helpers import network

PRESETS = {p.id: p for p in load.load_scenarios(DATA)}


def test_the_ranges_of_a_committed_scenario_are_centred_on_its_result():
    net = network(2023, "oil")
    base = solve(net)
    sens = run_sensitivity(net, preset_scenario(PRESETS["middle-corridor-target"], net, committed=True))
    # BTC committed at 7.0 Mt/y (2023 baseline 1.057): 5.943 Mt move, 0.335 of them off rail Baku-Batumi (not via a
    # Russian port), so the share via Russian ports falls by (5.943 - 0.335) / 69.785 = 0.08036; total exports stay 69.785 Mt.
    assert sens.central["total_export"] == pytest.approx(69.785, abs=1e-6)
    assert sens.central["share_via_russian_ports"] == pytest.approx(base.share_via_russian_ports - (7.0 - 1.057 - 0.335) / 69.785, abs=1e-4)
    # Every varied run keeps BTC at 7 Mt/y, so no run reaches the uncommitted share (-8 points is far outside +-0.5).
    _lo, hi = sens.ranges["share_via_russian_ports"]
    assert hi < base.share_via_russian_ports - 0.075
