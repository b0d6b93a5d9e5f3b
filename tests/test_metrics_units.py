"""metrics.share and the volume per country of the 2023 baseline, by hand."""

from __future__ import annotations

import numpy as np
import pytest

from geo.routes.metrics import exposure, share
from geo.routes.scenario import solve
from tests.scenario_helpers import network


@pytest.mark.parametrize(("part", "whole", "expected"), [
    (3.0, 4.0, 0.75),
    (0.5, 0.8, 0.625),  # a whole below 1 is still a whole
    (1.0, 0.0, 0.0),  # nothing moved
    (1.5, 1.0, 1.0),  # clipped at 1
    (-1.0, 4.0, 0.0),  # clipped at 0
])
def test_share(part, whole, expected):
    assert share(part, whole) == expected


def test_volume_per_country_2023_by_hand():
    net = network(2023, "oil")
    base = solve(net)
    exp = exposure(net, np.array([base.edge_flows[e.id] for e in net.edges]))
    # flows.csv 2023: Aktau-Baku 1.392 lands in AZ and goes on by BTC 1.057 (GE, TR) and rail to Batumi
    # 1.392 - 1.057 = 0.335 (GE): GE = 1.057 + 0.335 = 1.392. Druzhba 0.993 crosses BY and PL to DE;
    # KCP 1.209 to CN. RU: 69.785 - (KCP 1.209 + Aktau-Baku 1.392) = 67.184.
    expected = {"AZ": 1.392, "BY": 0.993, "CN": 1.209, "DE": 0.993, "GE": 1.392, "PL": 0.993, "RU": 67.184, "TR": 1.057}
    assert exp.by_country == pytest.approx(expected, abs=1e-6)
