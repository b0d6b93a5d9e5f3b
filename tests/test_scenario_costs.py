"""Extra transport cost of rerouting: hand-worked arithmetic, missing tariffs named, the shipped network's figures."""

import pytest

from geo.routes import costs
from geo.routes.costs import Tariff, rerouting_cost
from geo.workspace import Workspace


def _t(route: str, usd: float | None, year: int | None = 2023) -> Tariff:
    return Tariff(route, usd, year if usd is not None else None, "src" if usd is not None else None, "note")


def test_extra_cost_compares_new_routes_with_the_share_of_old_routes_the_rerouted_volume_left():
    # Route a loses 10 Mt (20 USD/t); 6 Mt of it is stranded, so 10 - 6 = 4 Mt is rerouted.
    # It goes over b (30 USD/t) then c (5 USD/t, the next segment of the chain): b +4, c +4.
    # Paid on gainers: 4 x 30 + 4 x 5 = 140 M USD; saved on losers: 10 x 20 x 4/10 = 80 M USD.
    # Extra: 140 - 80 = 60 M USD/y, or 60 / 4 = 15 USD/t.
    tariffs = {"a": _t("a", 20.0), "b": _t("b", 30.0), "c": _t("c", 5.0)}
    cost = rerouting_cost({"a": 10.0, "b": 0.0, "c": 0.0}, {"a": 0.0, "b": 4.0, "c": 4.0}, 6.0, tariffs, unit="Mt/y", year=2023)
    assert cost.rerouted == pytest.approx(4.0)
    assert cost.extra_musd == pytest.approx(60.0)
    assert cost.extra_usd_per_t == pytest.approx(15.0)
    assert cost.missing == []


def test_a_route_without_a_published_tariff_makes_the_cost_not_computable_and_is_named():
    tariffs = {"a": _t("a", 20.0), "b": _t("b", None)}
    cost = rerouting_cost({"a": 10.0}, {"a": 5.0, "b": 5.0}, 0.0, tariffs, unit="Mt/y", year=2023)
    assert cost.extra_usd_per_t is None and cost.extra_musd is None
    assert cost.missing == ["b"]
    assert "no published tariff for b" in cost.note


def test_stale_tariffs_are_flagged_and_gas_is_not_costed_per_tonne():
    tariffs = {"a": _t("a", 20.0, 2004), "b": _t("b", 30.0, 2023)}
    cost = rerouting_cost({"a": 2.0}, {"b": 2.0}, 0.0, tariffs, unit="Mt/y", year=2023)
    # 2 x 30 - 2 x 20 = 20 M USD; 20 / 2 = 10 USD/t.
    assert cost.extra_usd_per_t == pytest.approx(10.0)
    assert "a (2004)" in cost.note
    gas = rerouting_cost({"a": 2.0}, {"b": 2.0}, 0.0, tariffs, unit="bcm/y", year=2023)
    assert gas.extra_usd_per_t is None


def test_cpc_halted_reports_the_rerouted_volume_and_names_the_routes_without_tariffs():
    baseline, result = Workspace.open().solve(2023, "oil", preset="cpc-halted")
    cost = result.rerouting_cost
    assert cost is not None and baseline.rerouting_cost is None
    cpc = next(r for r in result.routes if r.id == "cpc")
    # Rerouted = what CPC lost less the increase in stranded volume (nothing else loses volume here).
    assert cost.rerouted == pytest.approx(cpc.baseline - cpc.volume - (result.stranded - baseline.stranded), abs=1e-6)
    # No tariff is published for Atyrau - Samara's export or the Trans-Caspian legs, so no total is guessed.
    assert {"uas", "lane-aktau-baku", "btc"} <= set(cost.missing)
    assert cost.extra_usd_per_t is None
    assert "rerouting_cost" in result.to_dict()
    assert any("no published tariff" in line for line in costs.to_lines(cost))


def test_a_tariff_naming_an_unknown_route_or_source_is_reported():
    from geo.data import load
    from geo.data.network_schema import TariffSpec
    from geo.routes.checks import check_network

    spec = load.load_network()
    bad = [TariffSpec(route="no-such-route", commodity="oil", note="x"),
           TariffSpec(route="cpc", commodity="oil", usd_per_t=1.0, year=2023, source="no-such-source", note="x")]
    spec = spec.model_copy(update={"tariffs": bad})
    found = {(p.record, p.field) for p in check_network(spec, None, assets=None, sources=load.load_sources(), flows=None)}
    assert ("tariffs no-such-route", "route") in found
    assert ("tariffs cpc", "source") in found
